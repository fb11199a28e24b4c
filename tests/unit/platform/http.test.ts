// The platform http service against real servers on 127.0.0.1: requests and responses, timings,
// redirects, each way a request can fail, and proxies from the environment (a small forward proxy
// started here, which records what it was asked).
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import type { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { HttpError, createHttpService, proxyFromEnv } from '../../../src/main/platform/http';
import { selfSignedCertificate } from '../../helpers/tls';
import { forwardProxy } from '../../helpers/forward-proxy';
import { rejectionOf } from '../../helpers/rejection';

const closers: Array<() => void> = [];

/** Starts a server on 127.0.0.1 (closed after all tests) and gives its port. */
async function listen(server: http.Server | https.Server | net.Server): Promise<number> {
  const sockets = new Set<net.Socket>();
  server.on('connection', (socket: net.Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  closers.push(() => {
    for (const socket of sockets) socket.destroy();
    server.close();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as net.AddressInfo).port;
}

afterAll(() => {
  for (const close of closers) close();
});

/** Each request the test server saw. */
const seen: Array<{ method: string; url: string; headers: http.IncomingHttpHeaders; body: string }> = [];
/** Resolved when /hang has its request, and when that request's connection closes. */
let hanging: { arrived: Promise<void>; closed: Promise<void> };
let arrivedAt: () => void = () => undefined;
let closedAt: () => void = () => undefined;
function expectHang() {
  hanging = { arrived: new Promise((resolve) => (arrivedAt = resolve)), closed: new Promise((resolve) => (closedAt = resolve)) };
}

const routes: http.RequestListener = (request, response) => {
  let body = '';
  request.on('data', (chunk: Buffer) => (body += chunk.toString()));
  request.on('end', () => {
    seen.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers, body });
    const redirect = (status: number, location: string) => {
      response.writeHead(status, { location });
      response.end();
    };
    const [pathname = '', query = ''] = (request.url ?? '').split('?');
    switch (pathname) {
      case '/echo':
        response.setHeader('set-cookie', ['a=1', 'b=2']);
        response.writeHead(201, 'Made', { 'content-type': 'application/json' });
        return response.end(JSON.stringify({ method: request.method, body, header: request.headers['x-test'] ?? null }));
      case '/a':
        return redirect(302, '/b');
      case '/b':
        return redirect(301, `http://localhost:${ports.http}/echo`);
      case '/wordy-redirect':
        response.writeHead(302, { location: '/echo', 'content-length': '5000' });
        return response.end('z'.repeat(5000));
      case '/post-redirect':
        return redirect(303, '/echo');
      case '/loop':
        return redirect(302, `/loop?n=${Number(new URLSearchParams(query).get('n') ?? 0) + 1}`);
      case '/to-other':
        return redirect(302, `${other}/echo`);
      case '/to-file':
        return redirect(302, 'file:///etc/passwd');
      case '/big':
        response.writeHead(200, { 'content-type': 'text/plain' });
        response.write('x'.repeat(600));
        return response.end('x'.repeat(600)); // chunked: no content-length
      case '/declared-big':
        response.writeHead(200, { 'content-length': '5000' });
        return response.end('y'.repeat(5000));
      case '/stall':
        response.writeHead(200, { 'content-type': 'text/plain' });
        return response.write('part of it'); // and never the rest
      case '/hang':
        request.socket.once('close', () => closedAt());
        arrivedAt();
        return; // never answers
      default:
        response.writeHead(404);
        return response.end('not here');
    }
  });
};

const ports = { http: 0, https: 0, closed: 0 };
let origin: string;
let other: string;
const otherSeen: string[] = [];
let certificate: string | undefined;

// A forward proxy: absolute-URI requests are passed on, CONNECT opens a tunnel; `proxied` lists both.
const proxied: Array<{ line: string; authorization?: string }> = [];
let proxyUrl: string;
let refusingProxyUrl: string;
let silentProxyUrl: string;

const tlsFiles = selfSignedCertificate(); // undefined without openssl: the HTTPS tests are skipped

beforeAll(async () => {
  ports.http = await listen(http.createServer(routes));
  origin = `http://127.0.0.1:${ports.http}`;
  other = `http://localhost:${await listen(
    http.createServer((request, response) => {
      otherSeen.push(`${request.url} ${request.headers.authorization ?? 'no authorization'}`);
      response.end('other');
    }),
  )}`;
  if (tlsFiles) {
    certificate = tlsFiles.cert;
    ports.https = await listen(https.createServer(tlsFiles, routes));
  }
  const closed = net.createServer();
  ports.closed = await listen(closed);
  closed.close();
  proxyUrl = `http://127.0.0.1:${await listen(forwardProxy(proxied))}`;
  const refusing = http.createServer((_, response) => response.writeHead(403).end());
  refusing.on('connect', (_: http.IncomingMessage, client: net.Socket) => client.end('HTTP/1.1 403 Forbidden\r\n\r\n'));
  refusingProxyUrl = `http://127.0.0.1:${await listen(refusing)}`;
  silentProxyUrl = `http://127.0.0.1:${await listen(net.createServer(() => undefined))}`;
});

const direct = createHttpService({ env: {} });

const failure = (promise: Promise<unknown>) => rejectionOf(promise, HttpError);

describe('requests and responses', () => {
  it('sends a GET with headers and gives status, reason, multi-value headers and the body', async () => {
    const response = await direct.request({ url: `${origin}/echo`, headers: { 'X-Test': 'yes' } });
    expect(response).toMatchObject({ status: 201, statusText: 'Made', url: `${origin}/echo`, redirects: [] });
    expect(JSON.parse(response.body.toString())).toEqual({ method: 'GET', body: '', header: 'yes' });
    expect(response.headers.get('Content-Type')).toBe('application/json');
    expect(response.headers.getAll('set-cookie')).toEqual(['a=1', 'b=2']);
    expect(response.headers.get('set-cookie')).toBe('a=1, b=2');
    expect(seen.at(-1)?.headers['user-agent']).toBe('Crosswalk');
  });

  it('sends a POST with a body', async () => {
    const response = await direct.request({ url: `${origin}/echo`, method: 'post', headers: { 'content-type': 'text/plain' }, body: Buffer.from('hello') });
    expect(JSON.parse(response.body.toString())).toEqual({ method: 'POST', body: 'hello', header: null });
    expect(seen.at(-1)?.headers['content-length']).toBe('5');
  });

  it('streams the body when asked, and completes the timings when it ends', async () => {
    const response = await direct.request({ url: `${origin}/big`, responseBody: 'stream' });
    const chunks: Buffer[] = [];
    for await (const chunk of response.body as Readable) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).length).toBe(1200);
    expect(response.timings.total).toBeGreaterThanOrEqual(response.timings.firstByte);
    expect(response.timings.download).toBeCloseTo(response.timings.total - response.timings.firstByte, 1);
  });

  it('sends credentials in the address as Basic authorization, never to another origin', async () => {
    otherSeen.length = 0;
    const withCredentials = origin.replace('http://', 'http://user:p%40ss@');
    const response = await direct.request({ url: `${withCredentials}/to-other` });
    expect(seen.at(-1)?.headers.authorization).toBe(`Basic ${Buffer.from('user:p@ss').toString('base64')}`);
    expect(response.body.toString()).toBe('other');
    expect(otherSeen).toEqual(['/echo no authorization']);
  });

  it('times each phase, in order', async () => {
    const response = await direct.request({ url: `http://localhost:${ports.http}/echo` });
    const { dns, connect, tls, firstByte, download, total } = response.timings;
    expect(dns).toBeGreaterThan(0); // a host name was looked up
    expect(dns).toBeLessThanOrEqual(connect);
    expect(connect).toBeLessThanOrEqual(firstByte);
    expect(firstByte).toBeLessThanOrEqual(total);
    expect(tls).toBe(0);
    expect(download).toBeGreaterThanOrEqual(0);
  });
});

describe.skipIf(!tlsFiles)('HTTPS', () => {
  it('trusts a certificate given as a CA, and times the TLS handshake', async () => {
    const service = createHttpService({ env: {}, tls: { ca: certificate } });
    const response = await service.request({ url: `https://127.0.0.1:${ports.https}/echo` });
    expect(response.status).toBe(201);
    const { dns, connect, tls, firstByte, total } = response.timings;
    expect(dns).toBe(0); // an IP address: nothing to look up
    expect(tls).toBeGreaterThan(0);
    expect(connect).toBeLessThanOrEqual(tls);
    expect(tls).toBeLessThanOrEqual(firstByte);
    expect(firstByte).toBeLessThanOrEqual(total);
  });

  it('fails with TLS on a certificate it does not trust', async () => {
    const error = await failure(direct.request({ url: `https://localhost:${ports.https}/echo` }));
    expect(error).toMatchObject({ code: 'TLS', host: `localhost:${ports.https}` });
    expect(error.message).toBe(
      `The TLS certificate of localhost:${ports.https} (CN=localhost) is self-signed, so no trusted CA vouches for it: add it as a trusted CA certificate, or accept self-signed certificates for this environment.`,
    );
  });
});

describe('redirects', () => {
  it('follows them and records each hop', async () => {
    const response = await direct.request({ url: `${origin}/a` });
    expect(response.status).toBe(201);
    expect(response.url).toBe(`http://localhost:${ports.http}/echo`);
    expect(response.redirects).toEqual([
      { url: `${origin}/a`, status: 302 },
      { url: `${origin}/b`, status: 301 },
    ]);
  });

  it('does not read a redirect\'s own body, so the size limit is the final body\'s', async () => {
    const response = await direct.request({ url: `${origin}/wordy-redirect`, maxBodyBytes: 1000 });
    expect(response).toMatchObject({ status: 201, redirects: [{ url: `${origin}/wordy-redirect`, status: 302 }] });
  });

  it('turns a POST answered with 303 into a GET without body', async () => {
    const response = await direct.request({ url: `${origin}/post-redirect`, method: 'POST', body: 'data', headers: { 'content-type': 'text/plain' } });
    expect(JSON.parse(response.body.toString())).toEqual({ method: 'GET', body: '', header: null });
    expect(seen.at(-1)?.headers['content-type']).toBeUndefined();
  });

  it('returns the 3xx itself with redirect: manual', async () => {
    const response = await direct.request({ url: `${origin}/a`, redirect: 'manual' });
    expect(response).toMatchObject({ status: 302, url: `${origin}/a`, redirects: [] });
    expect(response.headers.get('location')).toBe('/b');
  });

  it('asks mayFollow first, and requests nothing from an address it refuses', async () => {
    otherSeen.length = 0;
    const asked: string[] = [];
    const response = await direct.request({ url: `${origin}/to-other`, mayFollow: (next) => (asked.push(next), false) });
    expect(response.status).toBe(302);
    expect(asked).toEqual([`${other}/echo`]);
    expect(otherSeen).toEqual([]);
  });

  it('fails after too many', async () => {
    const error = await failure(direct.request({ url: `${origin}/loop`, maxRedirects: 3 }));
    expect(error).toMatchObject({ code: 'TOO_MANY_REDIRECTS', message: `${origin}/loop redirected more than 3 times.` });
  });

  it('refuses one to something other than http(s)', async () => {
    const error = await failure(direct.request({ url: `${origin}/to-file` }));
    expect(error).toMatchObject({ code: 'BAD_REDIRECT', location: 'file:///etc/passwd', message: `${origin}/to-file redirected to file:///etc/passwd, which is not an http(s) address.` });
  });
});

describe('failures', () => {
  it('times out on a server that never answers, naming the phase', async () => {
    const error = await failure(direct.request({ url: `${origin}/hang`, timeoutMs: 150 }));
    expect(error).toMatchObject({ code: 'TIMEOUT', phase: 'headers', message: `127.0.0.1:${ports.http} sent no response within 0.15 seconds.` });
  });

  it('times out on a body that stops arriving', async () => {
    const error = await failure(direct.request({ url: `${origin}/stall`, timeoutMs: 150 }));
    expect(error).toMatchObject({ code: 'TIMEOUT', phase: 'body' });
  });

  it('times out while connecting (here: a proxy that never answers CONNECT)', async () => {
    const service = createHttpService({ env: { HTTPS_PROXY: silentProxyUrl } });
    const error = await failure(service.request({ url: 'https://api.example.test/', timeoutMs: 150 }));
    expect(error).toMatchObject({ code: 'TIMEOUT', phase: 'connect', proxy: true, message: `Connecting to the proxy ${silentProxyUrl.slice(7)} took longer than 0.15 seconds.` });
  });

  it('says a closed port refused the connection, with host:port', async () => {
    const error = await failure(direct.request({ url: `http://user:secret@127.0.0.1:${ports.closed}/x?token=secret` }));
    expect(error).toMatchObject({ code: 'REFUSED', host: `127.0.0.1:${ports.closed}` });
    expect(error.message).toBe(`The connection to 127.0.0.1:${ports.closed} was refused: is the server running?`);
  });

  it('says so when a host name does not exist', async () => {
    const error = await failure(direct.request({ url: 'http://no-such-host.invalid/x' }));
    expect(error).toMatchObject({ code: 'DNS', message: 'The host name of no-such-host.invalid:80 was not found (DNS): check the address.' });
  });

  it('stops on abort, closing the connection the server sees', async () => {
    expectHang();
    const controller = new AbortController();
    const pending = direct.request({ url: `${origin}/hang`, signal: controller.signal });
    await hanging.arrived;
    controller.abort();
    expect(await failure(pending)).toMatchObject({ code: 'ABORTED', message: `The request to ${origin}/hang was cancelled.` });
    await hanging.closed;
  });

  it('stops on abort while still connecting', async () => {
    const service = createHttpService({ env: { HTTPS_PROXY: silentProxyUrl } });
    const controller = new AbortController();
    const pending = service.request({ url: 'https://api.example.test/', signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    expect(await failure(pending)).toMatchObject({ code: 'ABORTED' });
  });

  it('does not start when already aborted', async () => {
    const error = await failure(direct.request({ url: `${origin}/echo`, signal: AbortSignal.abort() }));
    expect(error.code).toBe('ABORTED');
  });

  it('stops reading past maxBodyBytes, whether the length was declared or not', async () => {
    const streamed = await failure(direct.request({ url: `${origin}/big`, maxBodyBytes: 1000 }));
    expect(streamed).toMatchObject({ code: 'TOO_LARGE', message: `The response from 127.0.0.1:${ports.http} is larger than 1,000 bytes, the limit for this request.` });
    const declared = await failure(direct.request({ url: `${origin}/declared-big`, maxBodyBytes: 1000 }));
    expect(declared.code).toBe('TOO_LARGE');
  });

  it('refuses an address that is not http(s)', async () => {
    expect(await failure(direct.request({ url: 'ftp://user:pw@example.com/x' }))).toMatchObject({ code: 'BAD_URL', message: 'ftp://***@example.com/x is not an http(s) address.' });
  });

});

describe('proxies from the environment', () => {
  it('sends http through HTTP_PROXY as an absolute address, with the proxy credentials', async () => {
    proxied.length = 0;
    const service = createHttpService({ env: { http_proxy: proxyUrl.replace('http://', 'http://me:pw@') } });
    const response = await service.request({ url: `${origin}/echo` });
    expect(response.status).toBe(201);
    // The proxy as shown: its credentials redacted.
    expect(response.proxy).toBe(`${proxyUrl.replace('http://', 'http://***@')}/`);
    expect(proxied).toEqual([{ line: `GET ${origin}/echo`, authorization: `Basic ${Buffer.from('me:pw').toString('base64')}` }]);
    expect(response.timings.connect).toBeLessThanOrEqual(response.timings.firstByte);
  });

  it.skipIf(!tlsFiles)('tunnels https through HTTPS_PROXY with CONNECT, TLS timed inside the tunnel', async () => {
    proxied.length = 0;
    const service = createHttpService({ env: { HTTPS_PROXY: proxyUrl }, tls: { ca: certificate } });
    const response = await service.request({ url: `https://localhost:${ports.https}/echo` });
    expect(response.status).toBe(201);
    expect(proxied.map((entry) => entry.line)).toEqual([`CONNECT localhost:${ports.https}`]);
    expect(response.timings.tls).toBeGreaterThan(response.timings.connect);
  });

  it('goes directly to hosts in NO_PROXY', async () => {
    proxied.length = 0;
    const service = createHttpService({ env: { HTTP_PROXY: proxyUrl, NO_PROXY: 'example.com, localhost' } });
    const response = await service.request({ url: `http://localhost:${ports.http}/echo` });
    expect(response.status).toBe(201);
    expect(response.proxy).toBeUndefined();
    expect(proxied).toEqual([]);
  });

  it('reads process.env at each request when no env is given', async () => {
    proxied.length = 0;
    vi.stubEnv('HTTP_PROXY', proxyUrl);
    vi.stubEnv('http_proxy', undefined);
    vi.stubEnv('NO_PROXY', undefined);
    vi.stubEnv('no_proxy', undefined);
    try {
      await createHttpService().request({ url: `${origin}/echo` });
    } finally {
      vi.unstubAllEnvs();
    }
    expect(proxied.map((entry) => entry.line)).toEqual([`GET ${origin}/echo`]);
  });

  it('says so when the proxy will not connect', async () => {
    const service = createHttpService({ env: { HTTPS_PROXY: refusingProxyUrl } });
    const error = await failure(service.request({ url: 'https://api.example.test/' }));
    expect(error).toMatchObject({ code: 'PROXY', proxy: true, message: `The proxy ${refusingProxyUrl.slice(7)} would not connect to api.example.test:443 (HTTP 403 Forbidden): check the proxy settings.` });
  });

  it('chooses by scheme and NO_PROXY entries as curl does', () => {
    const choose = (url: string, env: Record<string, string>) => proxyFromEnv(env)(new URL(url))?.href;
    expect(choose('https://a.com/', { HTTP_PROXY: 'http://p:1' })).toBe('http://p:1/');
    expect(choose('https://a.com/', { HTTPS_PROXY: 'http://s:2', HTTP_PROXY: 'http://p:1' })).toBe('http://s:2/');
    expect(choose('http://a.com/', { HTTPS_PROXY: 'http://s:2' })).toBeUndefined();
    expect(choose('http://a.com/', { http_proxy: 'p:3', HTTP_PROXY: 'http://ignored:1' })).toBe('http://p:3/');
    expect(choose('http://api.corp.com/', { HTTP_PROXY: 'http://p:1', NO_PROXY: '.corp.com' })).toBeUndefined();
    expect(choose('http://corp.com:8080/', { HTTP_PROXY: 'http://p:1', NO_PROXY: '*.corp.com:9090' })).toBe('http://p:1/');
    expect(choose('http://[::1]:8080/', { HTTP_PROXY: 'http://p:1', NO_PROXY: '::1' })).toBeUndefined();
    expect(choose('http://any.where/', { HTTP_PROXY: 'http://p:1', NO_PROXY: '*' })).toBeUndefined();
  });
});
