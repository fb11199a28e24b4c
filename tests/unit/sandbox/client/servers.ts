import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { afterAll } from 'vitest';

const closers: Array<() => void> = [];
afterAll(() => {
  for (const close of closers) close();
});

/** Starts a server on 127.0.0.1 (closed after the file's tests) and gives its port. */
export async function listen(server: http.Server | https.Server | net.Server): Promise<number> {
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

/** A port nothing listens on. */
export async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export interface Seen {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** The faults and answers the send tests need, each on its own path. */
export function probeRoutes(seen: Seen[]): http.RequestListener {
  return (request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const url = new URL(request.url ?? '/', 'http://x');
      seen.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      switch (url.pathname) {
        case '/echo':
          response.writeHead(200, { 'content-type': 'application/json' });
          return response.end(JSON.stringify({ method: request.method, query: Object.fromEntries(url.searchParams), headers: request.headers, body: Buffer.concat(chunks).toString('utf8') }));
        case '/login':
          response.writeHead(200, { 'set-cookie': ['session=s3cr3t-session-cookie-value; Path=/; HttpOnly'], 'content-type': 'text/plain' });
          return response.end('logged in');
        case '/redirect':
          response.writeHead(302, { location: '/echo?from=redirect' });
          return response.end();
        case '/loop-a':
          response.writeHead(302, { location: '/loop-b' });
          return response.end();
        case '/loop-b':
          response.writeHead(302, { location: '/loop-a' });
          return response.end();
        case '/malformed':
          response.writeHead(200, { 'content-type': 'application/json' });
          return response.end('{"id": 1, "name": ');
        case '/latin1':
          response.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
          return response.end(Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0x6f, 0x6b]));
        case '/reset':
          return request.socket.destroy();
        case '/never':
          return; // no answer at all
        case '/big': {
          const total = Number(url.searchParams.get('bytes'));
          response.writeHead(200, { 'content-type': 'application/json', 'content-length': String(total) });
          const piece = Buffer.alloc(64 * 1024, 0x20);
          piece.write('[', 0);
          let sent = 0;
          const pump = () => {
            while (sent < total) {
              const size = Math.min(piece.length, total - sent);
              sent += size;
              if (!response.write(size === piece.length ? piece : piece.subarray(0, size))) return void response.once('drain', pump);
            }
            response.end();
          };
          return pump();
        }
        case '/status':
          response.writeHead(Number(url.searchParams.get('code')), { 'content-type': 'application/problem+json' });
          return response.end(JSON.stringify({ title: 'nope' }));
        default:
          response.writeHead(404);
          return response.end();
      }
    });
  };
}

export { forwardProxy } from '../../../helpers/forward-proxy';
