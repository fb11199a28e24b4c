// Imports over HTTP from a real server on 127.0.0.1: same-origin references are followed, other
// origins need consent, and each way a download can fail ends in one clear sentence.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importApiDocument } from '../../../../src/main/openapi/import';

let origin: string;
let otherOrigin: string;
const otherHits: string[] = [];
const servers: http.Server[] = [];

function listen(handler: http.RequestListener): Promise<string> {
  const server = http.createServer(handler);
  servers.push(server);
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
}

beforeAll(async () => {
  otherOrigin = await listen((request, response) => {
    otherHits.push(request.url ?? '');
    response.setHeader('content-type', 'application/json');
    response.end(JSON.stringify({ Remote: { type: 'object', properties: { code: { type: 'string' } } } }));
  });
  origin = await listen((request, response) => {
    const send = (status: number, type: string, body: string) => {
      response.writeHead(status, { 'content-type': type });
      response.end(body);
    };
    switch (request.url) {
      case '/specs/api.yaml':
        return send(
          200,
          'application/yaml',
          'openapi: 3.0.3\ninfo: {title: Served, version: "3"}\npaths: {}\ncomponents:\n  schemas:\n    Pet: {$ref: "./schemas.json#/Pet"}\n',
        );
      case '/specs/schemas.json':
        return send(200, 'application/json', JSON.stringify({ Pet: { type: 'object', properties: { name: { type: 'string' } } } }));
      case '/specs/mixed.yaml':
        return send(
          200,
          'text/plain',
          `openapi: 3.0.3\ninfo: {title: Mixed, version: "1"}\npaths: {}\ncomponents:\n  schemas:\n    Pet: {$ref: "./schemas.json#/Pet"}\n    Other: {$ref: "${otherOrigin}/x.json#/Remote"}\n`,
        );
      case '/page':
        return send(200, 'text/html; charset=utf-8', '<!doctype html><html><body>Docs</body></html>');
      case '/slow':
        return; // never answers
      case '/big':
        response.writeHead(200, { 'content-type': 'application/json' });
        response.write('{"openapi": "3.0.3", "x": "');
        response.end('a'.repeat(5000));
        return;
      default:
        return send(404, 'text/plain', 'not here');
    }
  });
});

afterAll(() => {
  for (const server of servers) {
    server.closeAllConnections();
    server.close();
  }
});

describe('URL imports', () => {
  it('imports a document and follows a relative reference on the same origin', async () => {
    const result = await importApiDocument(`${origin}/specs/api.yaml`);
    expect(result.status).toBe('imported');
    if (result.status !== 'imported') return;
    expect(result).toMatchObject({ title: 'Served', version: '3', source: { kind: 'url', location: `${origin}/specs/api.yaml` } });
    expect(result.files.map((file) => file.location)).toEqual([`${origin}/specs/schemas.json`]);
    expect(result.catalogue.entities.find((entity) => entity.id === 'schema:Pet')?.fields.map((field) => field.path)).toEqual(['name']);
    expect((await result.validation).valid).toBe(true);
  });

  it('lists a reference to another origin without fetching it, and fetches it with consent', async () => {
    otherHits.length = 0;
    const result = await importApiDocument(`${origin}/specs/mixed.yaml`);
    expect(result).toMatchObject({
      status: 'needs-consent',
      refs: [{ ref: `${otherOrigin}/x.json#/Remote`, from: `${origin}/specs/mixed.yaml#/components/schemas/Other`, kind: 'remote', target: `${otherOrigin}/x.json` }],
    });
    expect(otherHits).toEqual([]);

    const allowed = await importApiDocument(`${origin}/specs/mixed.yaml`, { allowRefs: [`${otherOrigin}/x.json`] });
    expect(allowed.status).toBe('imported');
    expect(otherHits).toEqual(['/x.json']);
    if (allowed.status === 'imported') expect(allowed.followedRefs.map((ref) => ref.kind)).toEqual(['remote']);
  });

  it('names the HTTP status of a missing document', async () => {
    await expect(importApiDocument(`${origin}/nothing.yaml`)).rejects.toThrow(
      `${origin}/nothing.yaml answered HTTP 404 Not Found instead of the API document: check the address.`,
    );
  });

  it('gives up on a server that does not answer within the time-out', async () => {
    await expect(importApiDocument(`${origin}/slow`, { limits: { fetchTimeoutMs: 300 } })).rejects.toThrow(
      `${origin}/slow did not deliver the document within 0.3 seconds: try again later, or download it and import the file.`,
    );
  });

  it('refuses a web page', async () => {
    await expect(importApiDocument(`${origin}/page`)).rejects.toThrow(`${origin}/page returned a web page (HTML), not an API document`);
  });

  it('stops a download over the size limit while it arrives', async () => {
    await expect(importApiDocument(`${origin}/big`, { limits: { maxDocumentBytes: 1024 } })).rejects.toThrow(
      `${origin}/big is larger than 1 KB, the limit for an API document`,
    );
  });

  it('says so when the connection is refused', async () => {
    const closed = await listen(() => undefined);
    const server = servers.pop()!;
    await new Promise((resolve) => server.close(resolve));
    await expect(importApiDocument(`${closed}/api.json`)).rejects.toThrow(
      `Cannot download ${closed}/api.json: ${closed.slice('http://'.length)} refused the connection: check the address and port, and that the server is running.`,
    );
  });

  it('says so when the host name does not exist', async () => {
    await expect(importApiDocument('http://no-such-host.invalid/api.json')).rejects.toThrow(
      'Cannot download http://no-such-host.invalid/api.json: the host name no-such-host.invalid was not found (DNS): check the address and the network connection.',
    );
  });
});
