// URL imports download through the platform http service: the one given in ImportOptions.http (for the
// root and its references alike), so its proxy and trust settings apply; a default one otherwise.
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import net from 'node:net';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importApiDocument } from '../../../../src/main/openapi/import';
import { type HttpRequest, type HttpResponse, type HttpService, ResponseHeaders, createHttpService } from '../../../../src/main/platform/http';
import { selfSignedCertificate } from '../../../helpers/tls';

const ROOT = 'openapi: 3.0.3\ninfo: {title: Proxied, version: "1"}\npaths: {}\ncomponents:\n  schemas:\n    Pet: {$ref: "./schemas.json#/Pet"}\n';
const SCHEMAS = JSON.stringify({ Pet: { type: 'object', properties: { name: { type: 'string' } } } });

const servers: net.Server[] = [];
async function listen(server: net.Server): Promise<number> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}
afterAll(() => {
  for (const server of servers) {
    if (server instanceof http.Server) server.closeAllConnections();
    server.close();
  }
});

const documents: http.RequestListener = (request, response) => {
  if (request.url === '/api.yaml') return void response.writeHead(200, { 'content-type': 'application/yaml' }).end(ROOT);
  if (request.url === '/schemas.json') return void response.writeHead(200, { 'content-type': 'application/json' }).end(SCHEMAS);
  response.writeHead(404).end();
};

let origin: string;
let proxy: string;
let closedPort: number;
const proxied: string[] = [];
const tlsFiles = selfSignedCertificate();
let secureOrigin: string;

beforeAll(async () => {
  origin = `http://127.0.0.1:${await listen(http.createServer(documents))}`;
  // A forward proxy for plain http: it passes absolute-URI requests on and records them.
  proxy = `http://127.0.0.1:${await listen(
    http.createServer((request, response) => {
      proxied.push(request.url ?? '');
      http.get(request.url ?? '', (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      });
    }),
  )}`;
  const closed = net.createServer();
  closedPort = await listen(closed);
  closed.close();
  if (tlsFiles) secureOrigin = `https://127.0.0.1:${await listen(https.createServer(tlsFiles, documents))}`;
});

describe('the http service of a URL import', () => {
  it('is the one given, for the root and its references', async () => {
    const asked: string[] = [];
    const files: Record<string, string> = { 'https://docs.example.test/api.yaml': ROOT, 'https://docs.example.test/schemas.json': SCHEMAS };
    // No network at all: the service is the caller's.
    const fake: HttpService = {
      request: (async (options: HttpRequest) => {
        const url = String(options.url);
        asked.push(url);
        const text = files[url];
        const response: HttpResponse<Readable> = {
          status: text === undefined ? 404 : 200,
          statusText: '',
          headers: new ResponseHeaders({}),
          body: Readable.from([Buffer.from(text ?? '')]),
          url,
          redirects: [],
          reused: false,
          timings: { dns: 0, connect: 0, tls: 0, firstByte: 0, download: 0, total: 0 },
        };
        return response;
      }) as HttpService['request'],
    };
    const result = await importApiDocument('https://docs.example.test/api.yaml', { http: fake, validation: false });
    expect(result).toMatchObject({ status: 'imported', title: 'Proxied' });
    expect(asked).toEqual(['https://docs.example.test/api.yaml', 'https://docs.example.test/schemas.json']);
  });

  it('goes through the proxy its environment names', async () => {
    proxied.length = 0;
    const result = await importApiDocument(`${origin}/api.yaml`, { http: createHttpService({ env: { HTTP_PROXY: proxy } }), validation: false });
    expect(result.status).toBe('imported');
    expect(proxied).toEqual([`${origin}/api.yaml`, `${origin}/schemas.json`]);
  });

  it('says so, in one sentence, when the proxy cannot be reached', async () => {
    const service = createHttpService({ env: { HTTP_PROXY: `http://127.0.0.1:${closedPort}` } });
    await expect(importApiDocument(`${origin}/api.yaml`, { http: service })).rejects.toMatchObject({
      code: 'API_DOC_FETCH_PROXY',
      message: `Cannot download ${origin}/api.yaml: the connection to the proxy 127.0.0.1:${closedPort} was refused: check the proxy settings.`,
    });
  });

  it.skipIf(!tlsFiles)('refuses a certificate it does not trust, and accepts it from a service that trusts it', async () => {
    await expect(importApiDocument(`${secureOrigin}/api.yaml`)).rejects.toMatchObject({
      code: 'API_DOC_FETCH_TLS',
      message: `Cannot download ${secureOrigin}/api.yaml: the TLS certificate of ${new URL(secureOrigin).host} (CN=localhost) is self-signed, so no trusted CA vouches for it: check the address, or download the document and import the file.`,
    });
    const trusting = createHttpService({ env: {}, tls: { ca: tlsFiles?.cert } });
    expect(await importApiDocument(`${secureOrigin}/api.yaml`, { http: trusting, validation: false })).toMatchObject({ status: 'imported' });
  });
});
