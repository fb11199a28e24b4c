// Review findings on the import pipeline: redirects are checked against the reference policy before
// they are requested, malformed `$ref`s end in one clear sentence, and stored or shown URLs carry no
// credentials or query values.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importApiDocument } from '../../../../src/main/openapi/import';
import { defaultRedactor } from '../../../../src/main/platform/redact';
import { tempDir } from '../../../helpers/temp';

const servers: http.Server[] = [];
let a: string; // the document's server
let b: string; // another origin that must not be contacted without consent
const bHits: string[] = [];
const aHits: Array<{ url: string; authorization?: string }> = [];

function listen(handler: http.RequestListener): Promise<string> {
  const server = http.createServer(handler);
  servers.push(server);
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
}

const doc = (schemas: Record<string, string>) =>
  `openapi: 3.0.3\ninfo: {title: T, version: "1"}\npaths: {}\ncomponents:\n  schemas:\n${Object.entries(schemas)
    .map(([name, ref]) => `    ${name}: {$ref: "${ref}"}\n`)
    .join('')}`;
const schemasJson = JSON.stringify({ Thing: { type: 'object', properties: { id: { type: 'string' } } } });

beforeAll(async () => {
  b = await listen((request, response) => {
    bHits.push(request.url ?? '');
    if (request.url === '/root.yaml') {
      response.writeHead(200, { 'content-type': 'application/yaml' });
      response.end(doc({ Thing: './schemas.json#/Thing' }));
      return;
    }
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(schemasJson);
  });
  a = await listen((request, response) => {
    const url = request.url ?? '';
    aHits.push({ url, authorization: request.headers.authorization });
    const send = (status: number, type: string, body: string) => {
      response.writeHead(status, { 'content-type': type });
      response.end(body);
    };
    const redirect = (location: string) => {
      response.writeHead(302, { location });
      response.end();
    };
    const pathname = url.split('?')[0];
    switch (pathname) {
      case '/root.yaml':
        return send(200, 'application/yaml', doc({ Thing: './b.yaml#/Thing' }));
      case '/b.yaml':
        return redirect(`${b}/internal-admin?delete=1`);
      case '/same.yaml':
        return send(200, 'application/yaml', doc({ Thing: './moved.json#/Thing' }));
      case '/moved.json':
        return redirect('/schemas.json');
      case '/schemas.json':
        return send(200, 'application/json', schemasJson);
      case '/to-b':
        return redirect(`${b}/root.yaml`);
      case '/loop':
        return redirect('/loop');
      case '/to-file':
        return redirect('file:///etc/passwd');
      case '/keyed/api.yaml':
        if (request.headers.authorization !== `Basic ${Buffer.from('user:pw').toString('base64')}`) return send(401, 'text/plain', 'sign in');
        return send(200, 'application/yaml', doc({ Thing: './schemas.json?token=secret#/Thing' }));
      case '/keyed/schemas.json':
        return send(200, 'application/json', schemasJson);
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

describe('redirects', () => {
  it('does not request a reference redirected to another origin before consent, and lists it as remote', async () => {
    bHits.length = 0;
    const result = await importApiDocument(`${a}/root.yaml`);
    expect(result).toMatchObject({
      status: 'needs-consent',
      refs: [{ ref: './b.yaml#/Thing', from: `${a}/root.yaml#/components/schemas/Thing`, kind: 'remote', target: `${b}/internal-admin?delete=1` }],
    });
    expect(bHits).toEqual([]);

    const allowed = await importApiDocument(`${a}/root.yaml`, { allowRefs: [`${b}/internal-admin?delete=1`] });
    expect(allowed.status).toBe('imported');
    expect(bHits).toEqual(['/internal-admin?delete=1']);
    if (allowed.status === 'imported') expect(allowed.followedRefs).toMatchObject([{ kind: 'remote', target: `${b}/internal-admin?delete=1` }]);
  });

  it('follows a reference redirected within the same origin', async () => {
    const result = await importApiDocument(`${a}/same.yaml`);
    expect(result.status).toBe('imported');
    if (result.status === 'imported') expect(result.followedRefs).toEqual([]);
  });

  it('follows the root URL to another origin, which becomes the root location and origin', async () => {
    bHits.length = 0;
    const result = await importApiDocument(`${a}/to-b`);
    expect(result).toMatchObject({ status: 'imported', source: { kind: 'url', location: `${b}/root.yaml` } });
    expect(bHits).toEqual(['/root.yaml', '/schemas.json']);
  });

  it('gives up after too many redirects', async () => {
    await expect(importApiDocument(`${a}/loop`)).rejects.toMatchObject({
      code: 'API_DOC_FETCH_REDIRECT',
      message: `${a}/loop redirected more than 5 times: check the address, or download the document and import the file.`,
    });
  });

  it('refuses a redirect to something other than http(s)', async () => {
    await expect(importApiDocument(`${a}/to-file`)).rejects.toMatchObject({ code: 'API_DOC_FETCH_REDIRECT', message: expect.stringContaining('file:///etc/passwd, which is not an http(s) address') });
  });
});

describe('malformed $refs', () => {
  it.each([
    ['file://evil/share/x.yaml', 'a file: address may not name a host'],
    ['http://[bad/x.yaml', 'it is not a well-formed address'],
    ['a%2Fb.yaml', 'its path contains an encoded slash (%2F or %5C) or is not a file path'],
  ])('refuses %s with one sentence naming the file and the reference', async (ref, reason) => {
    const dir = tempDir();
    const file = path.join(dir, 'openapi.yaml');
    fs.writeFileSync(file, doc({ Thing: `${ref}#/Thing` }));
    const error = await importApiDocument(file).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toMatchObject({ name: 'UserError', code: 'API_DOC_REF_INVALID' });
    expect((error as Error).message).toBe(
      `${file}: the $ref "${ref}#/Thing" at #/components/schemas/Thing is not a valid reference (${reason}): write it as a path relative to this document (e.g. ./schemas/pet.yaml#/Pet) or a full http(s) address.`,
    );
  });
});

describe('secrets in URLs', () => {
  const withSecrets = (pathname: string) => `${a.replace('http://', 'http://user:pw@')}${pathname}?apikey=secret&v=2`;

  it('redacts credentials and secret query values with the one redaction', () => {
    expect(defaultRedactor.url('https://user:pw@example.com/a.yaml?apikey=secret&v=2&flag#x')).toBe('https://***@example.com/a.yaml?apikey=***&v=2&flag#x');
    expect(defaultRedactor.url('https://example.com/a.yaml')).toBe('https://example.com/a.yaml');
    expect(defaultRedactor.url('http://user:pw@[bad/x?token=secret')).toBe('http://***@[bad/x?token=***');
  });

  it('fetches with the credentials, but stores the source and file locations without them', async () => {
    aHits.length = 0;
    const result = await importApiDocument(withSecrets('/keyed/api.yaml'));
    expect(result.status).toBe('imported');
    if (result.status !== 'imported') return;
    expect(result.source).toEqual({ kind: 'url', location: `${a.replace('http://', 'http://***@')}/keyed/api.yaml?apikey=***&v=2` });
    expect(result.files.map((file) => file.location)).toEqual([`${a.replace('http://', 'http://***@')}/keyed/schemas.json?token=***`]);
    expect(JSON.stringify([result.source, result.files.map((file) => file.location)])).not.toMatch(/secret|pw/);
    // The real address was requested, credentials included (also for the same-origin reference).
    expect(aHits.map((hit) => hit.url)).toEqual(['/keyed/api.yaml?apikey=secret&v=2', '/keyed/schemas.json?token=secret']);
    expect(aHits.every((hit) => hit.authorization === `Basic ${Buffer.from('user:pw').toString('base64')}`)).toBe(true);
  });

  it('keeps them out of error messages', async () => {
    const missing = await importApiDocument(withSecrets('/keyed/missing.yaml')).catch((error: Error) => error);
    expect(missing).toMatchObject({ code: 'API_DOC_HTTP_STATUS', message: `${a.replace('http://', 'http://***@')}/keyed/missing.yaml?apikey=***&v=2 answered HTTP 404 Not Found instead of the API document: check the address.` });

    const closed = await listen(() => undefined);
    const server = servers.pop()!;
    await new Promise((resolve) => server.close(resolve));
    const refused = await importApiDocument(`${closed.replace('http://', 'http://user:pw@')}/api.json?apikey=secret`).catch((error: Error) => error);
    expect(refused).toMatchObject({ code: 'API_DOC_FETCH_REFUSED' });

    const invalid = await importApiDocument('http://user:pw@[bad/api.json?apikey=secret').catch((error: Error) => error);
    expect(invalid).toMatchObject({ code: 'API_DOC_SOURCE' });

    for (const error of [missing, refused, invalid]) expect((error as Error).message).not.toMatch(/secret|pw/);
  });
});
