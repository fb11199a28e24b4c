import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CrosswalkEvent, SendOutcome } from '../../../../src/shared/contract';
import { openNewSession } from '../../../helpers/handlers';
import { listen, probeRoutes, type Seen } from './servers';

const seen: Seen[] = [];
let origin = '';
beforeAll(async () => {
  origin = `http://127.0.0.1:${await listen(http.createServer(probeRoutes(seen)))}`;
});

const crm = () =>
  JSON.stringify({
    openapi: '3.0.3',
    info: { title: 'CRM', version: '1' },
    servers: [
      { url: `${origin}/`, description: 'Local sandbox' },
      { url: 'https://api.crm.test/{region}', description: 'Production', variables: { region: { default: 'eu' } } },
    ],
    components: { securitySchemes: { key: { type: 'apiKey', in: 'header', name: 'X-Api-Key' } } },
    security: [{ key: [] }],
    paths: { '/echo': { get: { operationId: 'echo', tags: ['Probe'], parameters: [{ name: 'customerId', in: 'query', required: true, schema: { type: 'string' } }], responses: { '200': { description: 'ok', content: { 'application/json': {} } } } } } },
  });

// Plain values written through the calls; none may appear anywhere stored, logged or exported.
const SECRETS = {
  apiKey: 'ak-LEAKCHECK-key-0001',
  variable: 'var-LEAKCHECK-token-0002',
  header: 'Bearer hdr-LEAKCHECK-0003',
  basic: 'pw-LEAKCHECK-basic-0004',
  proxy: 'proxy-LEAKCHECK-0005',
  pfxPassphrase: 'pfx-LEAKCHECK-0006',
};

async function setUp() {
  const { dir, call, session } = openNewSession('Probe');
  const events: CrosswalkEvent[] = [];
  session.events.subscribe((event) => events.push(event));
  const imported = await call('systems.import', { name: 'crm', source: { kind: 'text', text: crm() } });
  if (imported.status !== 'imported') throw new Error('not imported');
  return { dir, call, session, events, systemId: imported.system.id };
}

describe('the sandbox calls', () => {
  it('seed environments from the servers, draft from an operation, save, send, and find the call in history', async () => {
    const { call, events, systemId } = await setUp();
    const environments = await call('sandbox.seedEnvironments', { systemId });
    expect(environments.map(({ name, kind, baseUrl, variables }) => ({ name, kind, baseUrl, variables }))).toEqual([
      { name: 'Local sandbox', kind: 'mock', baseUrl: origin, variables: [] },
      { name: 'Production', kind: 'production', baseUrl: 'https://api.crm.test/{{region}}', variables: [{ name: 'region', value: 'eu', secret: false, enabled: true }] },
    ]);
    expect(await call('sandbox.seedEnvironments', { systemId })).toHaveLength(2);
    const local = environments[0]!;
    const draft = await call('sandbox.draftFromOperation', { systemId, operation: 'GET /echo' });
    expect(draft).toMatchObject({ url: '{{baseUrl}}/echo', folder: 'Probe', auth: { kind: 'apiKey', in: 'header', name: 'X-Api-Key' } });

    const saved = await call('sandbox.saveRequest', {
      ...draft,
      query: [{ name: 'customerId', value: '{{customerId}}' }],
      auth: { kind: 'apiKey', in: 'header', name: 'X-Api-Key', value: SECRETS.apiKey },
    });
    const unresolved = await call('sandbox.send', { request: { requestId: saved.id }, environmentId: local.id });
    expect(unresolved).toEqual({ outcome: 'unresolved', unresolved: ['customerId'] });

    const sent: SendOutcome = await call('sandbox.send', { request: { requestId: saved.id }, environmentId: local.id, variables: { customerId: 'c-7' } });
    if (sent.outcome !== 'response') throw new Error(JSON.stringify(sent));
    expect(JSON.parse(sent.result.preview.text)).toMatchObject({ query: { customerId: 'c-7' }, headers: { 'x-api-key': SECRETS.apiKey } });
    expect(events.filter((event) => event.name === 'sandbox.history')).toHaveLength(1);

    const history = await call('sandbox.history', { url: '/echo' });
    expect(history.total).toBe(1);
    const entry = await call('sandbox.historyEntry', { id: history.entries[0]!.id });
    expect(entry.preview?.text).toBe(sent.result.preview.text);
    const opened = await call('sandbox.openBody', { bodyId: sent.result.bodyId! });
    expect(fs.readFileSync(opened.path, 'utf8')).toBe(sent.result.preview.text);
    expect(await call('sandbox.settings', {})).toEqual({ historyLimit: 1000 });

    // The production environment asks first for writes, and its base URL's own variable resolves.
    const production = environments[1]!;
    expect(await call('sandbox.send', { request: { draft: { systemId, method: 'POST', url: '{{baseUrl}}/x' } }, environmentId: production.id })).toMatchObject({ outcome: 'needs-confirmation' });
  });

  it('import an uploaded Postman collection into a system, and export it as a download without secret values unless asked', async () => {
    const { call, systemId } = await setUp();
    const fixture = path.join(__dirname, '../../../fixtures/postman/wise-cards-api/Cards API.postman_collection.json');
    const imported = await call('sandbox.importCollection', { systemId, text: fs.readFileSync(fixture, 'utf8'), fileName: 'Cards API.postman_collection.json' });
    expect(imported).toMatchObject({ requests: 42, environment: { name: 'Wise Cards API' } });
    expect(imported.folders).toBeGreaterThan(3);
    expect(imported.secretVariables).toBeGreaterThan(0);
    expect(imported.notes).toEqual([expect.stringMatching(/^5 requests have scripts/)]);
    const requests = await call('sandbox.requests', { systemId });
    expect(requests).toHaveLength(42);
    expect(requests.find((request) => request.name === 'Create a card order')).toMatchObject({ folder: expect.any(String), auth: { kind: 'bearer' } });

    // A secret value typed into the imported environment leaves only when asked for.
    const environment = (await call('sandbox.environments', { systemId })).find((candidate) => candidate.id === imported.environment.id)!;
    const variables = environment.variables.map((variable) => (variable.name === 'client-secret' ? { ...variable, value: 'cs-EXPORTCHECK-0001' } : variable));
    const { id, name, kind, baseUrl, tls, proxy, auth } = environment;
    await call('sandbox.saveEnvironment', { id, systemId, name, kind, baseUrl, variables, tls, proxy, auth });
    const plain = await call('sandbox.exportCollection', { systemId, environmentId: environment.id });
    expect(plain.fileName).toBe('crm.postman_collection.json');
    expect(plain.requests).toBe(42);
    expect(JSON.parse(plain.text)).toMatchObject({ info: { name: 'crm (Wise Cards API)' } });
    expect(plain.text).not.toContain('cs-EXPORTCHECK-0001');
    expect((await call('sandbox.exportCollection', { systemId, environmentId: environment.id, includeSecrets: true })).text).toContain('cs-EXPORTCHECK-0001');

    await expect(call('sandbox.importCollection', { systemId, text: '{"info": ', fileName: 'broken.json' })).rejects.toThrow(/^COLLECTION_NOT_JSON: broken\.json is not JSON \(.+\): export the collection from Postman/);
    await expect(call('sandbox.importCollection', { systemId, text: '{"openapi": "3.0.0"}', fileName: 'api.json' })).rejects.toThrow(/^POSTMAN_NOT_COLLECTION: api\.json is not a Postman collection/);
    expect(await call('sandbox.requests', { systemId })).toHaveLength(42);
  });

  it('leak nothing: secrets written through the calls are in no stored byte, history, log or export', async () => {
    const { dir, call, session, systemId } = await setUp();
    const environment = await call('sandbox.saveEnvironment', {
      systemId,
      name: 'Local',
      kind: 'sandbox',
      baseUrl: origin,
      variables: [{ name: 'sessionToken', value: SECRETS.variable, secret: true }],
      proxy: { mode: 'none' },
      tls: { clientCert: { kind: 'pfx', pfxBase64: 'AAAA', passphrase: SECRETS.pfxPassphrase } },
    });
    // A second environment whose proxy carries a password.
    await call('sandbox.saveEnvironment', { systemId, name: 'Proxied', kind: 'staging', baseUrl: origin, proxy: { mode: 'url', url: 'http://127.0.0.1:9', username: 'u', password: SECRETS.proxy } });
    const saved = await call('sandbox.saveRequest', {
      systemId,
      name: 'Echo',
      method: 'POST',
      // Not /echo: a server that echoes a secret back shows it in its own response body, as it should.
      url: '{{baseUrl}}/status?code=201&token={{sessionToken}}',
      headers: [{ name: 'Authorization', value: SECRETS.header }],
      body: { kind: 'json', text: '{"token": "{{sessionToken}}"}' },
      auth: { kind: 'basic', username: 'ana', password: SECRETS.basic },
    });
    // Kept as { secret, set: true } when sent back; the client certificate is dropped.
    const withoutTls = await call('sandbox.saveEnvironment', { id: environment.id, systemId, name: 'Local', kind: 'sandbox', baseUrl: origin, variables: [{ name: 'sessionToken', value: { secret: true, set: true }, secret: true }], proxy: { mode: 'none' } });
    expect(withoutTls.variables[0]!.value).toEqual({ secret: true, set: true });
    const sent = await call('sandbox.send', { request: { requestId: saved.id }, environmentId: environment.id });
    expect(sent.outcome === 'response' && sent.result.status).toBe(201);
    expect(seen.at(-1)!.url).toBe(`/status?code=201&token=${SECRETS.variable}`);
    session.services.log.error('A failure that quotes a secret', new Error(`refused ${SECRETS.basic} and ${SECRETS.variable}`));
    const exported = path.join(dir, 'spec.json');
    await call('spec.export', { format: 'json', path: exported });

    const outputs = JSON.stringify([
      await call('sandbox.requests', { systemId }),
      await call('sandbox.environments', { systemId }),
      await call('sandbox.history', {}),
      ...(await Promise.all((await call('sandbox.history', {})).entries.map((entry) => call('sandbox.historyEntry', { id: entry.id })))),
    ]);
    const file = session.current!.path;
    const stored = [file, `${file}-wal`].filter((each) => fs.existsSync(each)).map((each) => fs.readFileSync(each).toString('latin1'));
    const logs = fs.readdirSync(path.join(dir, 'logs')).map((name) => fs.readFileSync(path.join(dir, 'logs', name), 'utf8'));
    const collection = (await call('sandbox.exportCollection', { systemId, environmentId: environment.id })).text;
    const places = { outputs, stored: stored.join(''), logs: logs.join(''), exported: fs.readFileSync(exported, 'utf8'), collection };
    expect(logs.join('')).toMatch(/A failure that quotes a secret/);
    for (const [where, text] of Object.entries(places)) {
      for (const [what, value] of Object.entries(SECRETS)) expect(text.includes(value), `${what} found in ${where}`).toBe(false);
      expect(text.includes(Buffer.from(`ana:${SECRETS.basic}`).toString('base64')), `basic credentials found in ${where}`).toBe(false);
    }
  });
});
