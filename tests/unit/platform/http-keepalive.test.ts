// Connections kept alive by the http service, against real servers on 127.0.0.1 that count the
// connections they accept: reuse per route, what is never reused (errors, time-outs, cancels, unread
// bodies, `Connection: close`), a kept connection the server closed, and TLS settings and proxies as
// part of the route.
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { HttpError, createHttpService } from '../../../src/main/platform/http';
import { keepAliveMs } from '../../../src/main/platform/http/connections';
import { forwardProxy } from '../../helpers/forward-proxy';
import { selfSignedCertificate } from '../../helpers/tls';
import { rejectionOf } from '../../helpers/rejection';

const closers: Array<() => void> = [];
afterAll(() => {
  for (const close of closers) close();
});

interface Counted {
  port: number;
  connections: number;
  /** Method and path of each request, in arrival order. */
  requests: string[];
  /** Resolves when the server side of a connection closes. */
  nextClose(): Promise<void>;
}

async function counted(server: http.Server | https.Server | net.Server): Promise<Counted> {
  const sockets = new Set<net.Socket>();
  let closeWaiters: Array<() => void> = [];
  const state: Counted = {
    port: 0,
    connections: 0,
    requests: [],
    nextClose: () => new Promise((resolve) => closeWaiters.push(resolve)),
  };
  server.on(server instanceof https.Server ? 'secureConnection' : 'connection', (socket: net.Socket) => {
    state.connections += 1;
    sockets.add(socket);
    socket.on('close', () => {
      sockets.delete(socket);
      const waiters = closeWaiters;
      closeWaiters = [];
      for (const resolve of waiters) resolve();
    });
  });
  server.on('request', (request: http.IncomingMessage) => state.requests.push(`${request.method} ${request.url}`));
  closers.push(() => {
    for (const socket of sockets) socket.destroy();
    server.close();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.port = (server.address() as net.AddressInfo).port;
  return state;
}

/** Called once /drop-later's connection is closed by the server. */
let dropped: () => void = () => undefined;
/** Lets /slow answer: resolved by a test once it wants the answer. */
let releaseSlow: () => void = () => undefined;

function routes(request: http.IncomingMessage, response: http.ServerResponse): void {
  request.resume();
  request.on('end', () => {
    switch (request.url) {
      case '/close':
        response.writeHead(200, { connection: 'close' });
        return response.end('closing');
      case '/short-keep':
        // Keep-Alive: timeout=1 — kept less the margin of a second, so not at all.
        response.writeHead(200, { 'keep-alive': 'timeout=1' });
        return response.end('short');
      case '/keep-2':
        // Keep-Alive: timeout=2 — kept for a second.
        response.writeHead(200, { 'keep-alive': 'timeout=2' });
        return response.end('kept');
      case '/big':
        return response.end('b'.repeat(200_000));
      case '/hang':
        return; // never answers
      case '/slow':
        releaseSlow = () => response.end('slow');
        return;
      case '/drop-later':
        // Answers with a keep-alive promise, then closes the connection while it is idle.
        request.socket.once('close', () => dropped());
        response.end('dropping', () => setTimeout(() => request.socket.destroy(), 20));
        return;
      default:
        response.writeHead(200, { 'content-type': 'text/plain', 'keep-alive': 'timeout=5' });
        return response.end(`${request.method} ok`);
    }
  });
}

let plain: Counted;
let origin: string;
const tlsFiles = selfSignedCertificate();
let secure: Counted | undefined;

beforeAll(async () => {
  plain = await counted(http.createServer(routes));
  origin = `http://127.0.0.1:${plain.port}`;
  if (tlsFiles) secure = await counted(https.createServer(tlsFiles, routes));
});

beforeEach(() => {
  plain.connections = 0;
  plain.requests.length = 0;
  if (secure) secure.connections = 0;
});

const failure = (promise: Promise<unknown>) => rejectionOf(promise, HttpError);

describe('keeping connections alive', () => {
  it('sends the second request to a server over the first one\'s connection, without dns, connect or tls timings', async () => {
    const service = createHttpService({ env: {} });
    const first = await service.request({ url: `${origin}/` });
    const second = await service.request({ url: `${origin}/` });
    expect(first.reused).toBe(false);
    expect(first.timings.connect).toBeGreaterThan(0);
    expect(second.reused).toBe(true);
    expect(second.body.toString()).toBe('GET ok');
    expect(second.timings).toMatchObject({ dns: 0, connect: 0, tls: 0 });
    expect(second.timings.firstByte).toBeGreaterThan(0);
    expect(second.timings.total).toBeGreaterThanOrEqual(second.timings.firstByte);
    expect(plain.connections).toBe(1);
    service.close?.();
  });

  it('gives concurrent requests to one server connections of their own', async () => {
    const service = createHttpService({ env: {} });
    const slow = service.request({ url: `${origin}/slow` });
    // The second is answered while the first still waits: it did not queue behind it.
    const quick = await service.request({ url: `${origin}/` });
    expect(quick.status).toBe(200);
    releaseSlow();
    expect((await slow).body.toString()).toBe('slow');
    expect(plain.connections).toBe(2);
    service.close?.();
  });

  it('opens a new connection, timed, when the server closed the kept one meanwhile', async () => {
    const service = createHttpService({ env: {} });
    const closed = new Promise<void>((resolve) => (dropped = resolve));
    await service.request({ url: `${origin}/drop-later` });
    await closed;
    const next = await service.request({ url: `${origin}/` });
    expect(next.status).toBe(200);
    expect(next.reused).toBe(false);
    expect(next.timings.connect).toBeGreaterThan(0);
    expect(plain.connections).toBe(2);
    service.close?.();
  });

  it('does not keep a connection the server answered with Connection: close', async () => {
    const service = createHttpService({ env: {} });
    await service.request({ url: `${origin}/close` });
    const next = await service.request({ url: `${origin}/` });
    expect(next.reused).toBe(false);
    expect(plain.connections).toBe(2);
    service.close?.();
  });

  it('honours the server\'s Keep-Alive timeout, less a second so a request never goes out as it closes', async () => {
    const service = createHttpService({ env: {} });
    await service.request({ url: `${origin}/short-keep` });
    const next = await service.request({ url: `${origin}/` });
    expect(next.reused).toBe(false);
    expect(plain.connections).toBe(2);
    service.close?.();
  });

  it('keeps a connection the server keeps for two seconds, for the second less the margin', async () => {
    const service = createHttpService({ env: {} });
    await service.request({ url: `${origin}/keep-2` });
    const next = await service.request({ url: `${origin}/` });
    expect(next.reused).toBe(true);
    expect(plain.connections).toBe(1);
    service.close?.();
  });

  it('reads how long to keep a connection from the answer\'s Connection and Keep-Alive headers', () => {
    const headers = (values: Record<string, string>) => ({ getAll: (name: string) => (values[name] === undefined ? [] : [values[name]!]) });
    expect(keepAliveMs(headers({}))).toBe(4_000);
    expect(keepAliveMs(headers({ 'keep-alive': 'timeout=5, max=100' }))).toBe(4_000);
    expect(keepAliveMs(headers({ 'keep-alive': 'timeout=30' }))).toBe(29_000);
    expect(keepAliveMs(headers({ 'keep-alive': 'timeout=1' }))).toBe(0);
    expect(keepAliveMs(headers({ 'keep-alive': 'timeout=100000' }))).toBe(599_000);
    expect(keepAliveMs(headers({ connection: 'Keep-Alive, Close', 'keep-alive': 'timeout=30' }))).toBe(0);
    expect(keepAliveMs(headers({ connection: 'keep-alive' }))).toBe(4_000);
  });

  it('does not keep a connection whose body was not read to the end, nor one over the size limit', async () => {
    const service = createHttpService({ env: {} });
    const unread = await service.request({ url: `${origin}/big`, responseBody: 'stream' });
    unread.body.destroy();
    expect((await failure(service.request({ url: `${origin}/big`, maxBodyBytes: 1000 }))).code).toBe('TOO_LARGE');
    const next = await service.request({ url: `${origin}/` });
    expect(next.reused).toBe(false);
    expect(plain.connections).toBe(3);
    service.close?.();
  });

  it('fails only the request that timed out, not a concurrent one to the same server, and does not reuse its connection', async () => {
    const service = createHttpService({ env: {} });
    await service.request({ url: `${origin}/` }); // a kept connection, taken by the next request
    const slow = service.request({ url: `${origin}/slow`, timeoutMs: 10_000 });
    const timedOut = await failure(service.request({ url: `${origin}/hang`, timeoutMs: 200 }));
    expect(timedOut).toMatchObject({ code: 'TIMEOUT', phase: 'headers' });
    releaseSlow();
    expect((await slow).body.toString()).toBe('slow');
    const next = await service.request({ url: `${origin}/` });
    expect(next.status).toBe(200);
    // The kept one (now /slow's, kept again), /hang's, and no third: the timed-out one was not kept.
    expect(plain.connections).toBe(2);
    service.close?.();
  });

  it('cancels one request without touching a concurrent one, and never reuses the cancelled connection', async () => {
    const service = createHttpService({ env: {} });
    const controller = new AbortController();
    const slow = service.request({ url: `${origin}/slow` });
    const hung = service.request({ url: `${origin}/hang`, signal: controller.signal });
    while (!plain.requests.includes('GET /hang')) await new Promise((resolve) => setTimeout(resolve, 5));
    const closed = plain.nextClose();
    controller.abort();
    expect((await failure(hung)).code).toBe('ABORTED');
    await closed;
    releaseSlow();
    expect((await slow).status).toBe(200);
    const next = await service.request({ url: `${origin}/` });
    expect(next.reused).toBe(true); // /slow's
    expect(plain.connections).toBe(2);
    service.close?.();
  });

  it('closes idle connections when the service is closed', async () => {
    const service = createHttpService({ env: {} });
    await service.request({ url: `${origin}/` });
    const closed = plain.nextClose();
    service.close?.();
    await closed;
    const next = await service.request({ url: `${origin}/` });
    expect(next.reused).toBe(false);
    service.close?.();
  });
});

describe('a kept connection the server drops as the request goes out', () => {
  // Answers the first request on a connection, and closes it without answering on the second.
  let dropping: Counted;
  beforeAll(async () => {
    const served = new WeakMap<net.Socket, number>();
    dropping = await counted(
      http.createServer((request, response) => {
        request.resume();
        const count = (served.get(request.socket) ?? 0) + 1;
        served.set(request.socket, count);
        if (count > 1) return void request.socket.destroy();
        response.end('first');
      }),
    );
  });

  it('sends a GET again on a new connection', async () => {
    const service = createHttpService({ env: {} });
    const url = `http://127.0.0.1:${dropping.port}/`;
    await service.request({ url });
    const again = await service.request({ url });
    expect(again.body.toString()).toBe('first');
    expect(again.reused).toBe(false);
    expect(dropping.requests).toEqual(['GET /', 'GET /', 'GET /']);
    service.close?.();
  });

  it('never sends a POST twice: it fails, saying the connection was closed', async () => {
    dropping.requests.length = 0;
    const service = createHttpService({ env: {} });
    const url = `http://127.0.0.1:${dropping.port}/`;
    await service.request({ url, method: 'POST', body: 'one' });
    const error = await failure(service.request({ url, method: 'POST', body: 'two' }));
    expect(error.code).toBe('RESET');
    expect(dropping.requests).toEqual(['POST /', 'POST /']);
    service.close?.();
  });
});

describe.skipIf(!tlsFiles)('TLS settings and proxies are part of the route', () => {
  it('reuses an https connection for the same CA given again, and opens another for other TLS settings', async () => {
    const service = createHttpService({ env: {} });
    const url = `https://127.0.0.1:${secure!.port}/`;
    await service.request({ url, tls: { ca: tlsFiles!.cert } });
    // Equal settings in a new object (each send builds its own) still reuse.
    const same = await service.request({ url, tls: { ca: tlsFiles!.cert } });
    expect(same.reused).toBe(true);
    expect(same.timings.tls).toBe(0);
    const other = await service.request({ url, tls: { acceptSelfSigned: true } });
    expect(other.reused).toBe(false);
    expect(other.timings.tls).toBeGreaterThan(0);
    expect(secure!.connections).toBe(2);
    // Without any trust the kept connections are not used: the certificate is refused as before.
    expect((await failure(service.request({ url }))).code).toBe('TLS');
    service.close?.();
  });

  it('keeps a CONNECT tunnel through a proxy for the next https request, and sends http through it each time', async () => {
    const passed: Array<{ line: string }> = [];
    const proxy = await counted(forwardProxy(passed));
    const service = createHttpService({ env: { HTTPS_PROXY: `http://127.0.0.1:${proxy.port}`, HTTP_PROXY: `http://127.0.0.1:${proxy.port}` }, tls: { ca: tlsFiles!.cert } });
    const url = `https://localhost:${secure!.port}/`;
    await service.request({ url });
    const second = await service.request({ url });
    expect(second.reused).toBe(true);
    await service.request({ url: `${origin}/` });
    await service.request({ url: `${origin}/` });
    expect(passed.map((entry) => entry.line)).toEqual([`CONNECT localhost:${secure!.port}`, `GET ${origin}/`, `GET ${origin}/`]);
    expect(proxy.connections).toBe(2);
    service.close?.();
  });

  it('never sends a request through a tunnel opened with another user\'s proxy credentials', async () => {
    const passed: Array<{ line: string; authorization?: string }> = [];
    const proxy = await counted(forwardProxy(passed));
    const service = createHttpService({ env: {}, tls: { ca: tlsFiles!.cert } });
    const url = `https://localhost:${secure!.port}/`;
    const through = (user: string) => () => new URL(`http://${user}:secret-${user}@127.0.0.1:${proxy.port}`);
    await service.request({ url, proxy: through('alice') });
    const bob = await service.request({ url, proxy: through('bob') });
    expect(bob.reused).toBe(false);
    const alice = await service.request({ url, proxy: through('alice') });
    expect(alice.reused).toBe(true);
    expect(passed.map((entry) => [entry.line, entry.authorization])).toEqual([
      [`CONNECT localhost:${secure!.port}`, `Basic ${Buffer.from('alice:secret-alice').toString('base64')}`],
      [`CONNECT localhost:${secure!.port}`, `Basic ${Buffer.from('bob:secret-bob').toString('base64')}`],
    ]);
    expect(proxy.connections).toBe(2);
    service.close?.();
  });
});
