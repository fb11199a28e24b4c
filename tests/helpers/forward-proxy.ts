import http from 'node:http';
import net from 'node:net';

/** A forward proxy (absolute-form requests and CONNECT tunnels), recording each request line and its Proxy-Authorization. */
export function forwardProxy(passed: Array<{ line: string; authorization?: string }>): http.Server {
  const server = http.createServer((request, response) => {
    passed.push({ line: `${request.method} ${request.url}`, authorization: request.headers['proxy-authorization'] });
    const headers = { ...request.headers };
    delete headers['proxy-authorization'];
    const upstream = http.request(request.url ?? '', { method: request.method, headers }, (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(response);
    });
    upstream.on('error', () => response.destroy());
    request.pipe(upstream);
  });
  server.on('connect', (request: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    passed.push({ line: `CONNECT ${request.url}`, authorization: request.headers['proxy-authorization'] });
    const [host = '', port = ''] = (request.url ?? '').split(':');
    const upstream = net.connect(Number(port), host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client).pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  return server;
}
