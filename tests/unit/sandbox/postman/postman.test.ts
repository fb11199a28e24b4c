// Postman collections in and out: a real-world collection of a public API (Wise's Cards API, MIT,
// tests/fixtures/postman/) imports with its folders, variables and auth; secrets are classified on
// import and kept out of exports unless included; an exported collection runs under newman against a
// server started here. newman is not a dependency: the first run installs it into tests/.cache/newman
// (about 55 seconds here, 151 packages; later runs reuse it).
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type net from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportCollection, exportEnvironment, importCollection, importEnvironment, type CollectionExport, type ExportRequest } from '../../../../src/main/sandbox/postman';
import type { RequestDraft } from '../../../../src/shared/contract/sandbox';
import { tempDir } from '../../../helpers/temp';

const run = promisify(execFile);
const FIXTURES = path.join(__dirname, '../../../fixtures/postman/wise-cards-api');
const readJson = (file: string): unknown => JSON.parse(fs.readFileSync(path.join(FIXTURES, file), 'utf8'));

describe('importing a real-world collection (Wise Cards API)', () => {
  const imported = importCollection(readJson('Cards API.postman_collection.json'));

  it('keeps every request in its folder', () => {
    expect(imported.name).toBe('Wise Cards API');
    expect(imported.requests).toHaveLength(42);
    expect([...new Set(imported.requests.map((request) => request.folder))]).toEqual([
      '1. Authentication',
      '2. Card Issuance',
      '3. Card Management',
      '4. Card Transactions',
      '5. Sensitive Card Details',
      '6. Spend Controls',
      '7. Spend Limits',
      '8. Disputes',
      '9. Activity',
      '10. Push Provisioning',
      '11. Card Transaction Simulation',
    ]);
    const getCard = imported.requests.find((request) => request.name === 'Get a card');
    expect(getCard).toMatchObject({ folder: '3. Card Management', method: 'GET', url: '{{host}}/v3/spend/profiles/{{profile_id}}/cards/{{card_token}}', body: { kind: 'none' } });
  });

  it('reads its auth, its bodies and its secret places', () => {
    const token = imported.requests.find((request) => request.name === 'Generate tokens from authorization code');
    expect(token).toMatchObject({ method: 'POST', url: '{{host}}/oauth/token', auth: { kind: 'basic', username: '{{client-id}}', password: '{{client-secret}}' }, body: { kind: 'form-urlencoded' } });
    expect(imported.requests.find((request) => request.name === 'Create a card order')?.auth).toEqual({ kind: 'bearer', token: '{{token}}', prefix: 'Bearer' });
    const validate = imported.requests.find((request) => request.name === 'Validate address');
    expect(validate?.headers).toContainEqual({ name: 'Authorization', value: 'Bearer {{token}}', enabled: true, secret: true });
    expect(validate?.body).toMatchObject({ kind: 'json', text: expect.stringContaining('"city": "London"') });
    // The variables its secret places refer to are secret; others are not listed here.
    const secret = imported.variables.filter((variable) => variable.secret).map((variable) => variable.name);
    expect(secret).toEqual(expect.arrayContaining(['client-secret', 'token', 'refresh_token']));
    expect(secret).not.toContain('profile_id');
    expect(imported.auth).toEqual({ kind: 'none' });
    expect(imported.notes).toEqual([expect.stringMatching(/^5 requests have scripts \(pre-request or tests\), which Crosswalk does not run: "Generate tokens from authorization code", /)]);
  });

  it('imports its environment, with secrets classified', () => {
    const environment = importEnvironment(readJson('Cards API Sandbox.postman_environment.json'));
    expect(environment.name).toBe('Cards API Sandbox (empty)');
    expect(environment.variables).toHaveLength(27);
    expect(environment.variables[0]).toEqual({ name: 'host', value: 'https://api.sandbox.transferwise.tech', secret: false, enabled: true });
    expect(environment.variables.filter((variable) => variable.secret).map((variable) => variable.name)).toEqual(expect.arrayContaining(['client-secret', 'token', 'refresh_token', 'application_token']));
  });

  it('exports and imports back as the same requests, variables and auth', () => {
    const back = importCollection(exportCollection({ name: imported.name, requests: imported.requests, variables: imported.variables, auth: imported.auth }, { includeSecrets: true }));
    expect(back.requests).toEqual(imported.requests);
    expect(back.variables).toEqual(imported.variables);
  });

  it('says what is wrong with a file that is not a collection', () => {
    expect(() => importCollection({ values: [] }, 'cards.json')).toThrow('cards.json is not a Postman collection (v2.0 or v2.1 has "info" and "item"): export it from Postman with Collection v2.1.');
    expect(() => importCollection({ info: { schema: 'https://schema.getpostman.com/json/collection/v1.0.0/collection.json' }, item: [] })).toThrow(/of schema .*v1\.0\.0.* which Crosswalk does not read: export it from Postman as Collection v2\.1\./);
    expect(() => importEnvironment({ item: [] })).toThrow('The environment is not a Postman environment (it has no "values"): export it from Postman\'s Environments.');
  });
});

describe('URLs on import', () => {
  it('keeps query values plain, as the model does, and drops the fragment (never sent)', () => {
    const imported = importCollection({
      info: { name: 'v2.0', schema: 'https://schema.getpostman.com/json/collection/v2.0.0/collection.json' },
      item: [{ name: 'x', request: { method: 'post', url: 'https://api.example.test:8443/v1/x/:id?y=1&z=a%20b+c#frag', body: { mode: 'raw', raw: '<a/>', options: { raw: { language: 'xml' } } } } }],
    });
    expect(imported.requests[0]).toMatchObject({
      method: 'POST',
      url: 'https://api.example.test:8443/v1/x/:id',
      query: [row('y', '1'), row('z', 'a b c')],
      body: { kind: 'text', text: '<a/>', contentType: 'application/xml' },
      auth: { kind: 'inherit' },
    });
  });
});

describe('secrets on import', () => {
  it('moves literal secrets into secret variables, classified by place and name', () => {
    const imported = importCollection({
      info: { name: 'Literal secrets', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
      variable: [{ key: 'baseUrl', value: 'https://api.example.test' }, { key: 'apiSecret', value: 'var-secret-1111' }],
      auth: { type: 'apikey', apikey: [{ key: 'key', value: 'X-API-Key' }, { key: 'value', value: 'header-key-2222' }, { key: 'in', value: 'header' }] },
      item: [
        {
          name: 'Folder',
          auth: { type: 'basic', basic: [{ key: 'username', value: 'ann' }, { key: 'password', value: 'basic-pass-3333' }] },
          item: [
            { name: 'Uses the folder auth', request: { method: 'GET', url: '{{baseUrl}}/a?access_token=query-token-4444&page=1', header: [{ key: 'Cookie', value: 'sid=cookie-5555' }] } },
            {
              name: 'OAuth',
              request: {
                method: 'POST',
                url: '{{baseUrl}}/b',
                auth: { type: 'oauth2', oauth2: [{ key: 'grant_type', value: 'client_credentials' }, { key: 'accessTokenUrl', value: 'https://auth.example.test/token' }, { key: 'clientId', value: 'app' }, { key: 'clientSecret', value: 'client-secret-6666' }, { key: 'scope', value: 'read' }] },
                body: { mode: 'urlencoded', urlencoded: [{ key: 'password', value: 'form-pass-7777' }, { key: 'user', value: 'ann' }] },
              },
            },
          ],
        },
      ],
    });
    expect(imported.auth).toEqual({ kind: 'apiKey', in: 'header', name: 'X-API-Key', value: '{{x_api_key}}' });
    const [first, second] = imported.requests;
    expect(first).toMatchObject({
      folder: 'Folder',
      url: '{{baseUrl}}/a',
      auth: { kind: 'basic', username: 'ann', password: '{{password}}' },
      query: [{ name: 'access_token', value: '{{access_token}}', secret: true }, { name: 'page', value: '1', secret: false }],
      headers: [{ name: 'Cookie', value: '{{cookie}}', secret: true }],
    });
    expect(second).toMatchObject({
      auth: { kind: 'oauth2', grant: 'clientCredentials', tokenUrl: 'https://auth.example.test/token', clientId: 'app', clientSecret: '{{client_secret}}', scope: 'read', clientAuth: 'basic' },
      body: { kind: 'form-urlencoded', fields: [{ name: 'password', value: '{{password_2}}', secret: true }, { name: 'user', value: 'ann', secret: false }] },
    });
    expect(imported.variables).toEqual([
      { name: 'baseUrl', value: 'https://api.example.test', secret: false, enabled: true },
      { name: 'apiSecret', value: 'var-secret-1111', secret: true, enabled: true },
      { name: 'access_token', value: 'query-token-4444', secret: true, enabled: true },
      { name: 'cookie', value: 'sid=cookie-5555', secret: true, enabled: true },
      { name: 'password', value: 'basic-pass-3333', secret: true, enabled: true },
      { name: 'password_2', value: 'form-pass-7777', secret: true, enabled: true },
      { name: 'client_secret', value: 'client-secret-6666', secret: true, enabled: true },
      { name: 'x_api_key', value: 'header-key-2222', secret: true, enabled: true },
    ]);
    // No request holds a secret value any more.
    expect(JSON.stringify(imported.requests)).not.toMatch(/1111|2222|3333|4444|5555|6666|7777/);
  });
});

// ---- export ---------------------------------------------------------------------------------------

const SECRETS = { bearer: 'bearer-secret-123456', basic: 'basic-secret-abcdef', form: 'form-secret-7777', header: 'header-secret-9999', query: 'query-secret-5555' };
const row = (name: string, value: string, secret = false) => ({ name, value, enabled: true, secret });
const base = { origin: null, settings: { followRedirects: true, maxRedirects: 10, timeoutMs: 30_000 }, query: [], headers: [], body: { kind: 'none' as const }, auth: { kind: 'inherit' as const } };

function exported(baseUrl: string): CollectionExport {
  const requests: ExportRequest[] = [
    { ...base, folder: 'Customers', name: 'List customers', method: 'GET', url: '{{baseUrl}}/customers', query: [row('limit', '5'), row('q', 'a b&c=d')] },
    { ...base, folder: 'Customers/Write', name: 'Create customer', method: 'POST', url: '{{baseUrl}}/customers', body: { kind: 'json', text: '{"name":"{{customerName}}"}' }, auth: { kind: 'basic', username: 'ann', password: SECRETS.basic } },
    {
      ...base,
      folder: 'Customers/Write',
      name: 'Update customer',
      method: 'PUT',
      url: '{{baseUrl}}/customers/42',
      headers: [row('X-API-Key', SECRETS.header, true), row('X-Trace', 'on')],
      body: { kind: 'form-urlencoded', fields: [row('a', '1 2'), row('password', SECRETS.form, true)] },
      auth: { kind: 'none' },
    },
    { ...base, folder: 'Customers/Write', name: 'Import customers', method: 'POST', url: '{{baseUrl}}/import', body: { kind: 'text', text: '<customers/>', contentType: 'application/xml' }, auth: { kind: 'none' } },
    { ...base, folder: '', name: 'Delete customer', method: 'DELETE', url: '{{baseUrl}}/customers/42', auth: { kind: 'apiKey', in: 'query', name: 'api_key', value: SECRETS.query }, settings: { followRedirects: false, maxRedirects: 10, timeoutMs: 30_000 } },
  ];
  return {
    name: 'Crosswalk export',
    requests,
    variables: [
      { name: 'baseUrl', value: baseUrl, secret: false, enabled: true },
      { name: 'customerName', value: 'Ann', secret: false, enabled: true },
    ],
    auth: { kind: 'bearer', token: SECRETS.bearer, prefix: 'Bearer' },
  };
}

describe('export', () => {
  it('holds no secret value unless secrets are included', () => {
    const without = JSON.stringify(exportCollection(exported('http://127.0.0.1:9')));
    for (const secret of Object.values(SECRETS)) expect(without).not.toContain(secret);
    const withSecrets = JSON.stringify(exportCollection(exported('http://127.0.0.1:9'), { includeSecrets: true }));
    for (const secret of Object.values(SECRETS)) expect(withSecrets).toContain(secret);
  });

  it('writes folders, variables and auth that import back as they were', () => {
    const collection = exportCollection(exported('http://127.0.0.1:9'), { includeSecrets: true });
    expect((collection.info as { schema: string }).schema).toBe('https://schema.getpostman.com/json/collection/v2.1.0/collection.json');
    const back = importCollection(JSON.parse(JSON.stringify(collection)));
    expect(back.requests.map((request) => [request.folder, request.name, request.method, request.url])).toEqual([
      ['Customers', 'List customers', 'GET', '{{baseUrl}}/customers'],
      ['Customers/Write', 'Create customer', 'POST', '{{baseUrl}}/customers'],
      ['Customers/Write', 'Update customer', 'PUT', '{{baseUrl}}/customers/42'],
      ['Customers/Write', 'Import customers', 'POST', '{{baseUrl}}/import'],
      ['', 'Delete customer', 'DELETE', '{{baseUrl}}/customers/42'],
    ]);
    expect(back.auth).toEqual({ kind: 'bearer', token: '{{token}}', prefix: 'Bearer' });
    expect(back.requests[0]?.query).toEqual([row('limit', '5'), row('q', 'a b&c=d')]);
    expect(back.requests[1]).toMatchObject({ auth: { kind: 'basic', username: 'ann', password: '{{password}}' }, body: { kind: 'json', text: '{"name":"{{customerName}}"}' } });
    expect(back.requests[2]?.body).toEqual({ kind: 'form-urlencoded', fields: [row('a', '1 2'), row('password', '{{password_2}}', true)] });
    expect(back.requests[3]?.body).toEqual({ kind: 'text', text: '<customers/>', contentType: 'application/xml' });
    expect(back.requests[4]?.auth).toEqual({ kind: 'apiKey', in: 'query', name: 'api_key', value: '{{api_key}}' });
    expect(back.requests.map((request) => request.settings.followRedirects)).toEqual([true, true, true, true, false]);
    expect(Object.fromEntries(back.variables.map((variable) => [variable.name, [variable.value, variable.secret]]))).toEqual({
      baseUrl: ['http://127.0.0.1:9', false],
      customerName: ['Ann', false],
      password: [SECRETS.basic, true],
      x_api_key: [SECRETS.header, true],
      password_2: [SECRETS.form, true],
      api_key: [SECRETS.query, true],
      token: [SECRETS.bearer, true],
    });
  });

  it('exports requests as the contract shows them (secrets sealed): secret places become empty secret variables', () => {
    const shown: RequestDraft = {
      systemId: 1,
      folder: 'A/B',
      name: 'Sealed',
      method: 'POST',
      url: '{{baseUrl}}/x',
      origin: null,
      settings: { followRedirects: true, maxRedirects: 10, timeoutMs: 30_000 },
      query: [],
      headers: [{ name: 'X-API-Key', value: { secret: true, set: true }, enabled: true, secret: true }],
      body: { kind: 'form-urlencoded', fields: [{ name: 'password', value: { secret: true, set: true }, enabled: true, secret: true }] },
      auth: { kind: 'basic', username: 'ann', password: { secret: true, set: true } },
    };
    const back = importCollection(exportCollection({ name: 'Sealed', requests: [shown] }, { includeSecrets: true }));
    expect(back.requests[0]).toMatchObject({ folder: 'A/B', headers: [{ name: 'X-API-Key', value: '{{x_api_key}}', secret: true }], auth: { kind: 'basic', username: 'ann', password: '{{password}}' }, body: { fields: [{ name: 'password', value: '{{password_2}}', secret: true }] } });
    expect(back.variables.every((variable) => variable.secret && variable.value === '')).toBe(true);
  });

  it('writes an environment with its secrets typed secret and emptied unless included', () => {
    const variables = [
      { name: 'baseUrl', value: 'https://x.test', secret: false, enabled: true },
      { name: 'token', value: SECRETS.bearer, secret: true, enabled: true },
      { name: 'sealed', value: { secret: true as const, set: true }, secret: true, enabled: false },
    ];
    expect(exportEnvironment({ name: 'Sandbox', variables })).toEqual({
      name: 'Sandbox',
      values: [
        { key: 'baseUrl', value: 'https://x.test', type: 'default', enabled: true },
        { key: 'token', value: '', type: 'secret', enabled: true },
        { key: 'sealed', value: '', type: 'secret', enabled: false },
      ],
      _postman_variable_scope: 'environment',
    });
    expect(importEnvironment(exportEnvironment({ name: 'Sandbox', variables }, { includeSecrets: true })).variables[1]).toEqual({ name: 'token', value: SECRETS.bearer, secret: true, enabled: true });
  });
});

// ---- newman ---------------------------------------------------------------------------------------

const NEWMAN_DIR = path.join(__dirname, '../../../.cache/newman');
const NEWMAN = path.join(NEWMAN_DIR, 'node_modules/newman/bin/newman.js');

const seen: Array<{ method: string; url: string; headers: http.IncomingHttpHeaders; body: string }> = [];
const server = http.createServer((request, response) => {
  let body = '';
  request.on('data', (chunk: Buffer) => (body += chunk.toString()));
  request.on('end', () => {
    seen.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers, body });
    response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
  });
});
let origin = '';

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
  if (!fs.existsSync(NEWMAN)) {
    // First run only: about 55 seconds here.
    await run('npm', ['install', '--prefix', NEWMAN_DIR, '--no-audit', '--no-fund', '--loglevel=error', 'newman@6'], { timeout: 300_000 });
  }
}, 320_000);
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

async function newman(dir: string, collection: unknown, environment?: unknown): Promise<void> {
  fs.writeFileSync(path.join(dir, 'collection.json'), JSON.stringify(collection));
  const args = [NEWMAN, 'run', path.join(dir, 'collection.json'), '--reporters', 'cli', '--bail'];
  if (environment) {
    fs.writeFileSync(path.join(dir, 'environment.json'), JSON.stringify(environment));
    args.push('--environment', path.join(dir, 'environment.json'));
  }
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/_proxy$/i.test(name)));
  await run(process.execPath, args, { env, timeout: 60_000 });
}

function expectTheRequests() {
  const basic = `Basic ${Buffer.from(`ann:${SECRETS.basic}`).toString('base64')}`;
  expect(seen.map((request) => `${request.method} ${request.url}`)).toEqual(['GET /customers?limit=5&q=a%20b%26c%3Dd', 'POST /customers', 'PUT /customers/42', 'POST /import', `DELETE /customers/42?api_key=${SECRETS.query}`]);
  expect(seen[0]?.headers.authorization).toBe(`Bearer ${SECRETS.bearer}`);
  expect(seen[1]?.headers).toMatchObject({ authorization: basic, 'content-type': 'application/json' });
  expect(JSON.parse(seen[1]?.body ?? '')).toEqual({ name: 'Ann' });
  expect(seen[2]?.headers).toMatchObject({ 'x-api-key': SECRETS.header, 'x-trace': 'on' });
  expect(seen[2]?.headers.authorization).toBeUndefined();
  expect(Object.fromEntries(new URLSearchParams(seen[2]?.body))).toEqual({ a: '1 2', password: SECRETS.form });
  // A raw body's type goes by its Postman language.
  expect(seen[3]).toMatchObject({ headers: { 'content-type': 'application/xml' }, body: '<customers/>' });
  expect(seen[4]?.headers.authorization).toBeUndefined();
}

describe('an exported collection under newman', () => {
  it('runs against a local server, secrets included', async () => {
    seen.length = 0;
    await newman(tempDir(), exportCollection(exported(origin), { includeSecrets: true }));
    expectTheRequests();
  }, 90_000);

  it('runs without secrets in the collection when an environment gives them', async () => {
    seen.length = 0;
    const collection = exportCollection(exported(origin));
    // What the analyst keeps on their machine: the secret variables the export emptied, with values.
    const filled = importCollection(exportCollection(exported(origin), { includeSecrets: true })).variables;
    await newman(tempDir(), collection, exportEnvironment({ name: 'Local', variables: filled }, { includeSecrets: true }));
    expectTheRequests();
  }, 90_000);
});
