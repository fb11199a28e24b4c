import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { CallResult } from '../../shared/contract';
import { formatServerSentEvent } from '../../shared/server-sent-events';
import { CallsInFlight } from '../api/calls-in-flight';
import { dispatch } from '../api/dispatch';
import type { EventHub } from '../api/events';
import type { Handlers } from '../api/handlers';
import type { Logger } from '../platform/log';
import { contentTypeOf, resolveStaticFile, SECURITY_HEADERS } from '../static-files';

export interface WebHostOptions {
  handlers: Handlers;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  /** 0 or absent: a free port chosen by the system. */
  port?: number;
  log: Logger;
  /** Main's events, streamed to every tab that listens on GET /events. */
  events: EventHub;
}

export interface WebHost {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 64 * 1024 * 1024;
export const TOKEN_HEADER = 'x-crosswalk-token';
/** The workspace the calling page shows (URI-encoded path); see Session.requireWorkspace. */
export const WORKSPACE_HEADER = 'x-crosswalk-workspace';
/** The caller's id for a call, which POST /cancel names. */
export const CALL_ID_HEADER = 'x-crosswalk-call-id';
/** A comment line sent this often keeps an idle event stream open through proxies and timeouts. */
const EVENT_STREAM_KEEPALIVE_MS = 25_000;

/**
 * Serves the built renderer and the handler table to a browser on this machine only: bound to
 * 127.0.0.1, every call needs the per-launch token, and a foreign Host or Origin header is refused
 * so a web page elsewhere cannot reach it through DNS rebinding. Calls are POST /api/<name>; POST
 * /cancel stops one by its id; GET /events streams main's events (server-sent events). The token
 * travels in a header on all three, never in a URL.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = randomBytes(32).toString('base64url');
  const server = http.createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new PortInUseError(options.port ?? 0) : error),
    );
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const calls = new CallsInFlight();
  const allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const allowedOrigins = new Set([...allowedHosts].map((host) => `http://${host}`));

  server.on('request', (request, response) => {
    if (!allowedHosts.has(request.headers.host ?? '')) return refuse(response, 403, 'Unknown Host header: open Crosswalk at the 127.0.0.1 address it printed.');
    const origin = request.headers.origin;
    if (origin !== undefined && !allowedOrigins.has(origin)) return refuse(response, 403, 'Requests from other sites are refused.');

    const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`);
    const serve = (what: string, handle: () => Promise<void> | void) =>
      Promise.resolve()
        .then(handle)
        .catch((error: unknown) => {
          options.log.error(`Web host ${what} failed`, error);
          if (!response.headersSent) refuse(response, 500, 'Internal error.');
        });
    const route = url.pathname.startsWith('/api/') ? 'call' : url.pathname === '/cancel' ? 'cancel' : url.pathname === '/events' ? 'events' : 'static';
    if (route !== 'static') {
      if (!sameSecret(String(request.headers[TOKEN_HEADER] ?? ''), token)) return refuse(response, 401, 'Missing or wrong access token.');
      if (route === 'call') void serve('call', () => handleCall(request, response, url.pathname.slice('/api/'.length), options, calls));
      else if (route === 'cancel') void serve('cancel', () => handleCancel(request, response, calls));
      else void serve('event stream', () => streamEvents(request, response, options.events));
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(response, 405, 'Method not allowed.');
    serveStatic(url.pathname, options.rendererDir, response);
  });

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export class PortInUseError extends Error {
  constructor(readonly port: number) {
    super(`Port ${port} is already in use: choose another with --port, or leave it out to use a free one.`);
  }
}

async function handleCall(request: http.IncomingMessage, response: http.ServerResponse, name: string, options: WebHostOptions, calls: CallsInFlight) {
  if (request.method !== 'POST') return refuse(response, 405, 'Calls must be POST requests.');
  const input = await readJson(request, response);
  if (input === undefined) return;
  // Call names are plain ASCII: an undecodable one is simply unknown (dispatch says so).
  const callName = /^[\w.-]+$/.test(name) ? name : '';
  const call = calls.start(headerText(request, CALL_ID_HEADER));
  // A caller that goes away (a closed tab, an aborted fetch) cancels its call.
  response.once('close', () => {
    if (!response.writableFinished) call.cancel();
  });
  try {
    const result = await dispatch(options.handlers, callName, input, {
      log: options.log,
      events: options.events,
      expectedWorkspace: expectedWorkspace(request),
      callId: call.callId,
      signal: call.signal,
    });
    sendJson(response, 200, result);
  } finally {
    call.finish();
  }
}

/** POST /cancel {"callId"}: stops that call; answers whether one was running. */
async function handleCancel(request: http.IncomingMessage, response: http.ServerResponse, calls: CallsInFlight) {
  if (request.method !== 'POST') return refuse(response, 405, 'Cancelling is a POST request.');
  const input = await readJson(request, response);
  if (input === undefined) return;
  const callId = (input as { callId?: unknown } | null)?.callId;
  if (typeof callId !== 'string') return sendJson(response, 400, { ok: false, error: { code: 'BAD_REQUEST', message: 'Name the call to cancel: {"callId": "…"}.' } });
  sendJson(response, 200, { ok: true, value: { cancelled: calls.cancel(callId) } });
}

/** GET /events: main's events as server-sent events (`event: <name>`, `data: <payload JSON>`), until the tab goes away. */
function streamEvents(request: http.IncomingMessage, response: http.ServerResponse, events: EventHub) {
  if (request.method !== 'GET') return refuse(response, 405, 'The event stream is a GET request.');
  response.writeHead(200, { ...SECURITY_HEADERS, 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive' });
  response.write(': crosswalk events\n\n');
  const unsubscribe = events.subscribe((event) => response.write(formatServerSentEvent(event)));
  const keepAlive = setInterval(() => response.write(': keep-alive\n\n'), EVENT_STREAM_KEEPALIVE_MS);
  keepAlive.unref();
  response.once('close', () => {
    clearInterval(keepAlive);
    unsubscribe();
  });
}

/** The request's JSON body, or undefined once a refusal has been sent. */
async function readJson(request: http.IncomingMessage, response: http.ServerResponse): Promise<unknown> {
  if (!(request.headers['content-type'] ?? '').startsWith('application/json')) {
    refuse(response, 415, 'Calls must send JSON.');
    return undefined;
  }
  try {
    const body = await readBody(request);
    return body.length === 0 ? {} : (JSON.parse(body.toString('utf8')) as unknown);
  } catch (error) {
    if (error instanceof BodyTooLargeError) {
      response.setHeader('connection', 'close');
      sendJson(response, 413, { ok: false, error: { code: 'TOO_LARGE', message: error.message } });
    } else {
      sendJson(response, 400, { ok: false, error: { code: 'BAD_REQUEST', message: 'The request body is not valid JSON.' } });
    }
    return undefined;
  }
}

function headerText(request: http.IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function expectedWorkspace(request: http.IncomingMessage): string | undefined {
  const header = headerText(request, WORKSPACE_HEADER);
  if (header === undefined) return undefined;
  try {
    return decodeURIComponent(header);
  } catch {
    return undefined;
  }
}

class BodyTooLargeError extends Error {
  constructor() {
    super(`The request body is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB.`);
  }
}

function readBody(request: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        // Stop keeping it, but let the answer reach the client before the connection closes.
        request.removeAllListeners('data');
        request.resume();
        reject(new BodyTooLargeError());
      } else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function serveStatic(pathname: string, rendererDir: string, response: http.ServerResponse) {
  const file = resolveStaticFile(pathname, rendererDir);
  if (!file) return refuse(response, 404, 'Not found.');
  fs.readFile(file, (error, data) => {
    if (error) {
      if (file === path.resolve(rendererDir, 'index.html')) {
        return refuse(response, 503, 'The Crosswalk UI is not built yet: run "npm run build", then reload.');
      }
      return refuse(response, 404, 'Not found.');
    }
    response.writeHead(200, {
      ...SECURITY_HEADERS,
      'content-type': contentTypeOf(file),
      'cache-control': file.endsWith('.html') ? 'no-store' : 'no-cache',
    });
    response.end(data);
  });
}

function sendJson(response: http.ServerResponse, status: number, body: CallResult) {
  if (response.destroyed) return;
  response.writeHead(status, { ...SECURITY_HEADERS, 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  response.end(JSON.stringify(body));
}

function refuse(response: http.ServerResponse, status: number, message: string) {
  response.writeHead(status, { ...SECURITY_HEADERS, 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
  response.end(message);
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
