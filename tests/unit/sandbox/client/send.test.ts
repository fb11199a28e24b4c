import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { RequestDraftInput, type SendOutcome } from '../../../../src/shared/contract';
import { createHttpService } from '../../../../src/main/platform/http';
import { send, type SendDeps, type SendInput } from '../../../../src/main/sandbox/send/send';
import { BodyCache } from '../../../../src/main/sandbox/store/body-cache';
import { saveEnvironment } from '../../../../src/main/sandbox/store/environments';
import { getHistoryEntry, searchHistory } from '../../../../src/main/sandbox/store/history';
import { saveRequest } from '../../../../src/main/sandbox/store/requests';
import { KeyFiles } from '../../../../src/main/platform/secrets';
import { setSecret, workspaceIdOf } from '../../../../src/main/workspace/secrets';
import { openWorkspace } from '../../../../src/main/workspace/workspace';
import { tempDir } from '../../../helpers/temp';
import { environmentInput, requestInput, sandboxWorkspace, storedBytes } from './fixtures';
import { closedPort, forwardProxy, listen, probeRoutes, type Seen } from './servers';

const seen: Seen[] = [];
const passed: Array<{ line: string; authorization?: string }> = [];
let origin = '';
let proxyUrl = '';

beforeAll(async () => {
  origin = `http://127.0.0.1:${await listen(http.createServer(probeRoutes(seen)))}`;
  proxyUrl = `http://127.0.0.1:${await listen(forwardProxy(passed))}`;
});

function setup() {
  const { store, systemId, redactor } = sandboxWorkspace();
  const cache = new BodyCache(path.join(tempDir(), 'cache'), workspaceIdOf(store.workspace));
  const deps: SendDeps = { store, cache, http: createHttpService({ env: {} }), redactor };
  /** An unsaved request as the renderer sends it (secrets typed in plain). */
  const draft = (fields: Record<string, unknown>) => RequestDraftInput.parse({ systemId, method: 'GET', ...fields }) as unknown as Extract<SendInput['request'], { draft: unknown }>['draft'];
  const run = (request: SendInput['request'], more: Partial<SendInput> = {}) => send(deps, { request, environmentId: null, variables: {}, confirmProduction: false, ...more });
  return { store, systemId, cache, deps, draft, run };
}

const response = (outcome: SendOutcome) => {
  if (outcome.outcome !== 'response') throw new Error(`expected a response, got ${JSON.stringify(outcome)}`);
  return outcome.result;
};
const failure = (outcome: SendOutcome) => {
  if (outcome.outcome !== 'failed') throw new Error(`expected a failure, got ${JSON.stringify(outcome)}`);
  return outcome.failure;
};

describe('sending', () => {
  it('resolves variables and auth, sends, streams the body to the cache and stores a redacted history row', async () => {
    const { store, systemId, cache, run } = setup();
    const environment = saveEnvironment(
      store,
      environmentInput({ systemId, name: 'Local', kind: 'sandbox', baseUrl: `${origin}/`, variables: [{ name: 'customerId', value: 'c-42' }, { name: 'apiToken', value: 'tok-SECRET-123456' }] }),
    );
    const saved = saveRequest(
      store,
      requestInput({
        systemId,
        name: 'Echo',
        method: 'POST',
        url: '{{baseUrl}}/echo',
        query: [{ name: 'customer', value: '{{customerId}}' }, { name: 'skipped', value: 'x', enabled: false }],
        headers: [{ name: 'X-Api-Key', value: '{{apiToken}}' }],
        body: { kind: 'json', text: '{"id": "{{customerId}}"}' },
        auth: { kind: 'basic', username: 'ana', password: 'pw-SECRET-987654' },
      }),
    );
    const result = response(await run({ requestId: saved.id }, { environmentId: environment.id }));
    expect(result.status).toBe(200);
    const echoed = JSON.parse(result.preview.text) as { method: string; query: Record<string, string>; headers: Record<string, string>; body: string };
    expect(echoed.method).toBe('POST');
    expect(echoed.query).toEqual({ customer: 'c-42' });
    expect(echoed.headers['x-api-key']).toBe('tok-SECRET-123456');
    expect(echoed.headers.authorization).toBe(`Basic ${Buffer.from('ana:pw-SECRET-987654').toString('base64')}`);
    expect(echoed.headers['content-type']).toBe('application/json');
    expect(echoed.body).toBe('{"id": "c-42"}');
    expect(result.preview).toMatchObject({ kind: 'json', truncated: false, contentType: 'application/json' });
    expect(result.timings).toMatchObject({ dns: null, tls: null });
    expect(result.timings.connect).toBeGreaterThan(0);
    expect(result.timings.total).toBeGreaterThanOrEqual(result.timings.firstByte!);
    expect(result.request.headers).toContainEqual(['authorization', '***']);
    expect(result.request.headers).toContainEqual(['x-api-key', '***']);

    expect(fs.readFileSync(cache.pathOf(result.bodyId!), 'utf8')).toBe(result.preview.text);
    expect(cache.dir.startsWith(path.dirname(store.workspace.path))).toBe(false);
    const entry = getHistoryEntry(store, cache, result.historyId);
    expect(entry).toMatchObject({ status: 200, method: 'POST', requestId: saved.id, environmentId: environment.id, bodyAvailable: true });
    expect(entry.draft?.auth).toEqual({ kind: 'basic', username: 'ana', password: { secret: true, set: true } });
    const everything = JSON.stringify(entry) + JSON.stringify(searchHistory(store, cache, { offset: 0, limit: 10 })) + storedBytes(store.workspace).toString('latin1');
    expect(everything).not.toMatch(/SECRET/);
  });

  it('sends the next request to the same server over the kept connection: dns and connect are null then, the rest timed', async () => {
    const { draft, run, cache, store } = setup();
    const url = origin.replace('127.0.0.1', 'localhost');
    const first = response(await run({ draft: draft({ url: `${url}/echo` }) }));
    expect(first.timings.dns).not.toBeNull();
    expect(first.timings.connect).not.toBeNull();
    const second = response(await run({ draft: draft({ url: `${url}/echo` }) }));
    expect(second.timings).toMatchObject({ dns: null, connect: null, tls: null });
    expect(second.timings.firstByte).toBeGreaterThan(0);
    expect(second.timings.total).toBeGreaterThanOrEqual(second.timings.firstByte!);
    expect(getHistoryEntry(store, cache, second.historyId).timings).toMatchObject({ dns: null, connect: null });
  });

  it('lists unresolved variables and sends nothing', async () => {
    const { run, draft } = setup();
    const before = seen.length;
    expect(await run({ draft: draft({ url: `${origin}/echo/{{customerId}}`, headers: [{ name: 'X-Tenant', value: '{{ tenant }}' }] }) })).toEqual({
      outcome: 'unresolved',
      unresolved: ['customerId', 'tenant'],
    });
    expect(seen.length).toBe(before);
  });

  it('asks before a write against production, every time, and sends once confirmed', async () => {
    const { store, systemId, run, draft } = setup();
    const production = saveEnvironment(store, environmentInput({ systemId, name: 'Live', kind: 'production', baseUrl: origin }));
    const deleting = draft({ method: 'DELETE', url: '{{baseUrl}}/echo' }) as never;
    expect(await run({ draft: deleting }, { environmentId: production.id })).toMatchObject({ outcome: 'needs-confirmation', message: expect.stringMatching(/"Live" is a production environment/) });
    expect(await run({ draft: deleting }, { environmentId: production.id })).toMatchObject({ outcome: 'needs-confirmation' });
    expect(response(await run({ draft: deleting }, { environmentId: production.id, confirmProduction: true })).status).toBe(200);
    expect(response(await run({ draft: draft({ url: '{{baseUrl}}/echo' }) }, { environmentId: production.id })).status).toBe(200);
  });

  it('keeps cookies per environment, sealed, and sends them back', async () => {
    const { store, systemId, run, draft } = setup();
    const environment = saveEnvironment(store, environmentInput({ systemId, name: 'Local', kind: 'sandbox', baseUrl: origin }));
    const login = response(await run({ draft: draft({ url: '{{baseUrl}}/login' }) }, { environmentId: environment.id }));
    expect(login.cookies).toEqual([{ name: 'session', domain: '127.0.0.1', path: '/', expires: null, httpOnly: true, secure: false }]);
    expect(login.headers).toContainEqual(['set-cookie', 'session=***; Path=/; HttpOnly']);
    const echoed = JSON.parse(response(await run({ draft: draft({ url: '{{baseUrl}}/echo' }) }, { environmentId: environment.id })).preview.text) as { headers: Record<string, string> };
    expect(echoed.headers.cookie).toBe('session=s3cr3t-session-cookie-value');
    expect(storedBytes(store.workspace).includes('s3cr3t-session-cookie-value')).toBe(false);
  });

  it('sends again what another connection or this one changed since: a changed secret is used, a deleted one is gone', async () => {
    const { store, systemId, run } = setup();
    const dir = path.dirname(store.workspace.path);
    const variables = (token: string) => [{ name: 'token', value: token, secret: true }];
    const environment = saveEnvironment(store, environmentInput({ systemId, name: 'Local', kind: 'sandbox', baseUrl: origin, variables: variables('first-TOKEN-1111') }));
    const request = requestInput({ systemId, name: 'Echo', method: 'GET', url: '{{baseUrl}}/echo', headers: [{ name: 'X-Token', value: '{{token}}' }], auth: { kind: 'bearer', token: 'bearer-SECRET-aaaa' } });
    const saved = saveRequest(store, request);
    const echo = async () => {
      const outcome = await run({ requestId: saved.id }, { environmentId: environment.id });
      return outcome.outcome === 'response' ? (JSON.parse(outcome.result.preview.text) as { headers: Record<string, string> }).headers : outcome;
    };
    expect(await echo()).toMatchObject({ 'x-token': 'first-TOKEN-1111', authorization: 'Bearer bearer-SECRET-aaaa' });
    expect(await echo()).toMatchObject({ 'x-token': 'first-TOKEN-1111', authorization: 'Bearer bearer-SECRET-aaaa' });

    // Another connection to the same file (another process: the CLI while the app is open).
    const other = await openWorkspace(store.workspace.path);
    const elsewhere = { workspace: other, secrets: { keys: new KeyFiles(path.join(dir, 'keys')), env: {} } };
    saveEnvironment(elsewhere, environmentInput({ systemId, id: environment.id, name: 'Local', kind: 'sandbox', baseUrl: origin, variables: variables('second-TOKEN-2222') }));
    saveRequest(elsewhere, requestInput({ ...request, id: saved.id, auth: { kind: 'bearer', token: 'bearer-SECRET-bbbb' } }));
    expect(await echo()).toMatchObject({ 'x-token': 'second-TOKEN-2222', authorization: 'Bearer bearer-SECRET-bbbb' });

    saveRequest(elsewhere, requestInput({ ...request, id: saved.id, auth: { kind: 'bearer', token: { secret: true, set: false } } }));
    expect((await echo() as Record<string, string>).authorization).toBe('Bearer');
    saveEnvironment(elsewhere, environmentInput({ systemId, id: environment.id, name: 'Local', kind: 'sandbox', baseUrl: origin }));
    expect(await echo()).toEqual({ outcome: 'unresolved', unresolved: ['token'] });
    other.close();

    // This connection's own writes.
    saveEnvironment(store, environmentInput({ systemId, id: environment.id, name: 'Local', kind: 'sandbox', baseUrl: origin, variables: variables('third-TOKEN-3333') }));
    saveRequest(store, requestInput({ ...request, id: saved.id, auth: { kind: 'bearer', token: 'bearer-SECRET-cccc' } }));
    expect(await echo()).toMatchObject({ 'x-token': 'third-TOKEN-3333', authorization: 'Bearer bearer-SECRET-cccc' });
    setSecret(store.workspace, store.secrets, { scope: `system:${systemId}/env:${environment.id}`, name: 'token' }, 'fourth-TOKEN-4444');
    expect(await echo()).toMatchObject({ 'x-token': 'fourth-TOKEN-4444' });
  });

  it('opens on the next send a secret that did not open before, once its key is back in the key store', async () => {
    const { store, systemId, deps } = setup();
    const saved = saveRequest(store, requestInput({ systemId, name: 'Echo', method: 'GET', url: `${origin}/echo`, auth: { kind: 'bearer', token: 'bearer-SECRET-dddd' } }));
    const keys = path.join(tempDir(), 'keys');
    const elsewhere: SendDeps = { ...deps, store: { workspace: store.workspace, secrets: { keys: new KeyFiles(keys), env: {} } } };
    const sendThere = () => send(elsewhere, { request: { requestId: saved.id }, environmentId: null, variables: {}, confirmProduction: false });
    expect(await sendThere()).toEqual({ outcome: 'unresolved', unresolved: [`request${saved.id}.auth.token`] });
    fs.cpSync(path.join(path.dirname(store.workspace.path), 'keys'), keys, { recursive: true });
    const echoed = JSON.parse(response(await sendThere()).preview.text) as { headers: Record<string, string> };
    expect(echoed.headers.authorization).toBe('Bearer bearer-SECRET-dddd');
  });

  it('shows each redirect hop, and stops a redirect loop with the loop named', async () => {
    const { run, draft } = setup();
    const followed = response(await run({ draft: draft({ url: `${origin}/redirect` }) }));
    expect(followed.redirects).toEqual([{ method: 'GET', url: `${origin}/redirect`, status: 302, location: `${origin}/echo?from=redirect` }]);
    const manual = response(await run({ draft: draft({ url: `${origin}/redirect`, settings: { followRedirects: false } }) }));
    expect(manual.status).toBe(302);
    const loop = failure(await run({ draft: draft({ url: `${origin}/loop-a` }) }));
    expect(loop.kind).toBe('redirect-loop');
    expect(loop.message).toBe(`${origin}/loop-a redirects in a loop (${origin}/loop-a → ${origin}/loop-b → ${origin}/loop-a): the server's redirects must be fixed, or send without following redirects to see the first answer.`);
  });

  it('answers a refused port, an unknown host, a reset and a server that never answers with one sentence each, in history', async () => {
    const { store, cache, run, draft } = setup();
    const port = await closedPort();
    expect(failure(await run({ draft: draft({ url: `http://127.0.0.1:${port}/x` }) }))).toMatchObject({
      kind: 'refused',
      message: `The connection to 127.0.0.1:${port} was refused: is the server running?`,
    });
    expect(failure(await run({ draft: draft({ url: 'http://no-such-host.invalid/x' }) }))).toMatchObject({ kind: 'dns', message: expect.stringMatching(/no-such-host\.invalid:80 was not found \(DNS\)/) });
    expect(failure(await run({ draft: draft({ url: `${origin}/reset` }) }))).toMatchObject({ kind: 'reset' });
    expect(failure(await run({ draft: draft({ url: `${origin}/never`, settings: { timeoutMs: 300 } }) }))).toMatchObject({
      kind: 'timeout',
      message: `127.0.0.1:${origin.split(':')[2]} sent no response within 0.3 seconds.`,
    });
    const history = searchHistory(store, cache, { status: 'failed', offset: 0, limit: 10 });
    expect(history.total).toBe(4);
    expect(history.entries[0]!.error).toMatch(/sent no response/);
  });

  it('is cancelled by the call signal, storing nothing', async () => {
    const { store, cache, run, draft } = setup();
    const controller = new AbortController();
    const pending = run({ draft: draft({ url: `${origin}/never` }) }, { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    await expect(pending).rejects.toMatchObject({ code: 'ABORTED' });
    expect(searchHistory(store, cache, { offset: 0, limit: 10 }).total).toBe(0);
  });

  it('previews a malformed JSON 200 and a body that is not UTF-8 as they are', async () => {
    const { run, draft } = setup();
    const malformed = response(await run({ draft: draft({ url: `${origin}/malformed` }) }));
    expect(malformed.preview).toMatchObject({ kind: 'json', text: '{"id": 1, "name": ', decodingNote: null });
    const latin1 = response(await run({ draft: draft({ url: `${origin}/latin1` }) }));
    expect(latin1.preview).toMatchObject({ kind: 'text', text: 'caf\uFFFD ok', decodingNote: 'The body is not valid utf-8: shown with replacement characters (�).' });
  });

  it('streams a 100 MB body to its file and previews only the first 256 KB', async () => {
    const { cache, run, draft } = setup();
    const bytes = 100 * 1024 * 1024;
    const result = response(await run({ draft: draft({ url: `${origin}/big?bytes=${bytes}` }) }));
    expect(result.size).toBe(bytes);
    expect(fs.statSync(cache.pathOf(result.bodyId!)).size).toBe(bytes);
    expect(result.preview.truncated).toBe(true);
    expect(Buffer.byteLength(JSON.stringify(result))).toBeLessThan(300 * 1024);
  });

  it('goes through the environment proxy with its credentials, and not for NO_PROXY hosts', async () => {
    const { store, systemId, run, draft } = setup();
    const environment = saveEnvironment(
      store,
      environmentInput({ systemId, name: 'Proxied', kind: 'staging', baseUrl: origin, proxy: { mode: 'url', url: proxyUrl, username: 'proxy-user', password: 'proxy-SECRET-pw' } }),
    );
    passed.length = 0;
    expect(response(await run({ draft: draft({ url: '{{baseUrl}}/echo?via=proxy' }) }, { environmentId: environment.id })).status).toBe(200);
    expect(passed).toEqual([{ line: `GET ${origin}/echo?via=proxy`, authorization: `Basic ${Buffer.from('proxy-user:proxy-SECRET-pw').toString('base64')}` }]);

    const bypassing = saveEnvironment(store, environmentInput({ systemId, name: 'Bypass', kind: 'staging', baseUrl: origin, proxy: { mode: 'url', url: proxyUrl, noProxy: '127.0.0.1' } }));
    passed.length = 0;
    expect(response(await run({ draft: draft({ url: '{{baseUrl}}/echo' }) }, { environmentId: bypassing.id })).status).toBe(200);
    expect(passed).toEqual([]);
  });

  it('chooses the proxy with a PAC script, and with the injected system resolver', async () => {
    const { store, systemId, deps, run, draft } = setup();
    const pacScript = `function FindProxyForURL(url, host) { return url.indexOf('/echo') >= 0 ? "PROXY ${proxyUrl.slice(7)}; DIRECT" : "DIRECT"; }`;
    const pac = saveEnvironment(store, environmentInput({ systemId, name: 'PAC', kind: 'staging', baseUrl: origin, proxy: { mode: 'pac', pacScript } }));
    passed.length = 0;
    await run({ draft: draft({ url: '{{baseUrl}}/echo?pac=1' }) }, { environmentId: pac.id });
    await run({ draft: draft({ url: '{{baseUrl}}/login' }) }, { environmentId: pac.id });
    expect(passed.map((entry) => entry.line)).toEqual([`GET ${origin}/echo?pac=1`]);

    const asked: string[] = [];
    deps.resolveProxy = async (url) => {
      asked.push(url);
      return `PROXY ${proxyUrl.slice(7)}`;
    };
    const system = saveEnvironment(store, environmentInput({ systemId, name: 'System', kind: 'staging', baseUrl: origin, proxy: { mode: 'system' } }));
    passed.length = 0;
    await run({ draft: draft({ url: '{{baseUrl}}/echo?system=1' }) }, { environmentId: system.id });
    expect(asked).toEqual([`${origin}/echo?system=1`]);
    expect(passed.map((entry) => entry.line)).toEqual([`GET ${origin}/echo?system=1`]);
  });
});
