import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { CallResult } from '../../shared/contract';
import { dispatch, type Log } from '../api/dispatch';
import type { Handlers } from '../api/handlers';
import { contentTypeOf, resolveStaticFile, SECURITY_HEADERS } from '../static-files';

export interface WebHostOptions {
  handlers: Handlers;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  /** 0 or absent: a free port chosen by the system. */
  port?: number;
  log?: Log;
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

/**
 * Serves the built renderer and the handler table to a browser on this machine only: bound to
 * 127.0.0.1, every call needs the per-launch token, and a foreign Host or Origin header is refused
 * so a web page elsewhere cannot reach it through DNS rebinding.
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
  const allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const allowedOrigins = new Set([...allowedHosts].map((host) => `http://${host}`));

  server.on('request', (request, response) => {
    if (!allowedHosts.has(request.headers.host ?? '')) return refuse(response, 403, 'Unknown Host header: open Crosswalk at the 127.0.0.1 address it printed.');
    const origin = request.headers.origin;
    if (origin !== undefined && !allowedOrigins.has(origin)) return refuse(response, 403, 'Requests from other sites are refused.');

    const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`);
    if (url.pathname.startsWith('/api/')) {
      handleCall(request, response, url.pathname.slice('/api/'.length), token, options).catch((error) => {
        options.log?.('Web host call failed', error);
        if (!response.headersSent) refuse(response, 500, 'Internal error.');
      });
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

async function handleCall(
  request: http.IncomingMessage,
  response: http.ServerResponse,
  name: string,
  token: string,
  options: WebHostOptions,
) {
  if (request.method !== 'POST') return refuse(response, 405, 'Calls must be POST requests.');
  if (!sameSecret(String(request.headers[TOKEN_HEADER] ?? ''), token)) {
    return refuse(response, 401, 'Missing or wrong access token.');
  }
  if (!(request.headers['content-type'] ?? '').startsWith('application/json')) {
    return refuse(response, 415, 'Calls must send JSON.');
  }
  let input: unknown;
  try {
    const body = await readBody(request);
    input = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
  } catch (error) {
    if (error instanceof BodyTooLargeError) {
      response.setHeader('connection', 'close');
      return sendJson(response, 413, { ok: false, error: { code: 'TOO_LARGE', message: error.message } });
    }
    return sendJson(response, 400, { ok: false, error: { code: 'BAD_REQUEST', message: 'The request body is not valid JSON.' } });
  }
  // Call names are plain ASCII: an undecodable one is simply unknown (dispatch says so).
  const callName = /^[\w.-]+$/.test(name) ? name : '';
  sendJson(response, 200, await dispatch(options.handlers, callName, input, options.log, { expectedWorkspace: expectedWorkspace(request) }));
}

function expectedWorkspace(request: http.IncomingMessage): string | undefined {
  const header = request.headers[WORKSPACE_HEADER];
  if (typeof header !== 'string' || header === '') return undefined;
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
