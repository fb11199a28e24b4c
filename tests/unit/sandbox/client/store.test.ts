import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SavedRequest } from '../../../../src/shared/contract';
import { KeyFiles } from '../../../../src/main/platform/secrets';
import { BodyCache, SPARE_FILES } from '../../../../src/main/sandbox/store/body-cache';
import { deleteEnvironment, listEnvironments, openEnvironment, saveEnvironment } from '../../../../src/main/sandbox/store/environments';
import { addHistory, bodyOwner, getHistoryEntry, sandboxSettings, searchHistory, type HistoryRecord } from '../../../../src/main/sandbox/store/history';
import { deleteRequest, listRequests, openRequest, saveRequest } from '../../../../src/main/sandbox/store/requests';
import { workspaceIdOf } from '../../../../src/main/workspace/secrets';
import { openWorkspace } from '../../../../src/main/workspace/workspace';
import { tempDir } from '../../../helpers/temp';
import { environmentInput, requestInput, sandboxWorkspace, storedBytes } from './fixtures';

/** What the renderer sends back of a saved request it edits. */
const editable = ({ id, systemId, folder, name, method, url, query, headers, body, auth, origin, settings }: SavedRequest) => ({ id, systemId, folder, name, method, url, query, headers, body, auth, origin, settings });

const BEARER = 'Bearer eyJhbGciOiJIUzI1NiJ9.PLAIN-token';
const PASSWORD = 'correct-horse-PLAIN-password';
const API_KEY = 'ak_live_PLAIN_4242424242';

describe('saved requests', () => {
  it('seal credential headers, secret query values and auth, and show only { secret, set }', () => {
    const { store, systemId } = sandboxWorkspace();
    const saved = saveRequest(
      store,
      requestInput({
        systemId,
        folder: ' customers / lookups ',
        name: 'Get customer',
        method: 'GET',
        url: '{{baseUrl}}/customers/{{customerId}}',
        headers: [{ name: 'Authorization', value: BEARER }, { name: 'Accept', value: 'application/json' }],
        query: [{ name: 'api_key', value: API_KEY }],
        auth: { kind: 'basic', username: 'ana', password: PASSWORD },
      }),
    );
    expect(saved.folder).toBe('customers/lookups');
    expect(saved.headers).toEqual([
      { name: 'Authorization', enabled: true, secret: true, value: { secret: true, set: true } },
      { name: 'Accept', enabled: true, secret: false, value: 'application/json' },
    ]);
    expect(saved.query[0]).toMatchObject({ secret: true, value: { secret: true, set: true } });
    expect(saved.auth).toEqual({ kind: 'basic', username: 'ana', password: { secret: true, set: true } });
    expect(JSON.stringify(listRequests(store, systemId))).not.toMatch(/PLAIN/);

    const bytes = storedBytes(store.workspace);
    for (const plain of [BEARER, PASSWORD, API_KEY]) expect(bytes.includes(plain)).toBe(false);

    const opened = openRequest(store, saved.id);
    expect(opened.missing).toEqual([]);
    expect(opened.draft.headers[0]!.value).toBe(BEARER);
    expect(opened.draft.auth).toMatchObject({ kind: 'basic', password: PASSWORD });
  });

  it('keep a secret sent back as { secret, set: true }, clear it with set: false, and delete them with the request', () => {
    const { store, systemId } = sandboxWorkspace();
    const first = saveRequest(store, requestInput({ systemId, name: 'r', method: 'GET', url: 'http://x', auth: { kind: 'bearer', token: 'tok-PLAIN-1234' } }));
    const kept = saveRequest(store, requestInput({ ...editable(first), name: 'renamed', auth: first.auth }));
    expect(openRequest(store, kept.id).draft.auth).toMatchObject({ token: 'tok-PLAIN-1234' });
    const cleared = saveRequest(store, requestInput({ ...editable(first), auth: { kind: 'bearer', token: { secret: true, set: false } } }));
    expect(cleared.auth).toEqual({ kind: 'bearer', prefix: 'Bearer', token: { secret: true, set: false } });
    expect(store.workspace.read((db) => db.prepare('SELECT count(*) FROM secret').pluck().get())).toBe(0);

    const again = saveRequest(store, requestInput({ ...editable(first), auth: { kind: 'bearer', token: 'tok-PLAIN-5678' } }));
    deleteRequest(store, again.id);
    expect(listRequests(store)).toEqual([]);
    expect(store.workspace.read((db) => db.prepare('SELECT count(*) FROM secret').pluck().get())).toBe(0);
  });

  it('re-seal a value later marked secret and leave no plain copy in freed pages', () => {
    const { store, systemId } = sandboxWorkspace();
    const plain = 'X-Trace-PLAIN-value-0123456789';
    const first = saveRequest(store, requestInput({ systemId, name: 'r', method: 'GET', url: 'http://x', headers: [{ name: 'X-Trace', value: plain }] }));
    expect(storedBytes(store.workspace).includes(plain)).toBe(true);
    saveRequest(store, requestInput({ ...editable(first), headers: [{ name: 'X-Trace', value: plain, secret: true }] }));
    expect(storedBytes(store.workspace).includes(plain)).toBe(false);
  });

  it('refuse a folder with ".." and a request of another system, naming the fix', () => {
    const { store, systemId } = sandboxWorkspace();
    expect(() => saveRequest(store, requestInput({ systemId, folder: 'a/../b', name: 'r', method: 'GET', url: 'x' }))).toThrow(/without "\." or "\.\."/);
    expect(() => saveRequest(store, requestInput({ id: 99, systemId, name: 'r', method: 'GET', url: 'x' }))).toThrow(/Saved request 99 is not in this workspace/);
  });
});

describe('environments', () => {
  it('seal secret variables, client keys and proxy passwords, and name them as missing on another machine', async () => {
    const { store, systemId, dir } = sandboxWorkspace();
    const environment = saveEnvironment(
      store,
      environmentInput({
        systemId,
        name: 'Sandbox',
        kind: 'sandbox',
        baseUrl: 'https://sandbox.example.com',
        variables: [
          { name: 'customerId', value: 'c-1' },
          { name: 'clientToken', value: 'ctok-PLAIN-99999' },
          { name: 'pin', value: 'pin-PLAIN-77777', secret: true },
        ],
        tls: { clientCert: { kind: 'pem', certPem: '-----BEGIN CERTIFICATE-----', keyPem: 'KEY-PLAIN-PEM', passphrase: '' } },
        proxy: { mode: 'url', url: 'http://proxy:3128', username: 'p', password: 'proxy-PLAIN-pw' },
      }),
    );
    expect(environment.variables).toEqual([
      { name: 'customerId', value: 'c-1', secret: false, enabled: true },
      { name: 'clientToken', value: { secret: true, set: true }, secret: true, enabled: true },
      { name: 'pin', value: { secret: true, set: true }, secret: true, enabled: true },
    ]);
    expect(environment.missingSecrets).toEqual([]);
    expect(storedBytes(store.workspace).toString('latin1')).not.toMatch(/PLAIN/);
    expect(openEnvironment(store, environment.id).opened.proxy).toMatchObject({ password: 'proxy-PLAIN-pw' });

    store.workspace.close();
    const copy = path.join(tempDir(), 'copy.crosswalk');
    fs.copyFileSync(path.join(dir, 'shared.crosswalk'), copy);
    const elsewhere = { workspace: await openWorkspace(copy), secrets: { keys: new KeyFiles(path.join(tempDir(), 'keys')), env: {} } };
    const [there] = listEnvironments(elsewhere, systemId);
    expect(there!.missingSecrets.sort()).toEqual(['clientToken', `env${environment.id}.proxy.password`, `env${environment.id}.tls.keyPem`, 'pin']);
    const opened = openEnvironment(elsewhere, environment.id);
    expect(opened.missing.sort()).toEqual(['clientToken', `env${environment.id}.proxy.password`, `env${environment.id}.tls.keyPem`, 'pin']);
    // CROSSWALK_SECRET_<NAME> stands in where the store cannot be opened.
    const withEnv = { ...elsewhere, secrets: { ...elsewhere.secrets, env: { CROSSWALK_SECRET_PIN: 'pin-from-env' } } };
    expect(openEnvironment(withEnv, environment.id).opened.variables!.find((variable) => variable.name === 'pin')!.value).toBe('pin-from-env');
    deleteEnvironment(elsewhere, environment.id);
    expect(elsewhere.workspace.read((db) => db.prepare('SELECT count(*) FROM secret').pluck().get())).toBe(0);
    elsewhere.workspace.close();
  });

  it('refuse a second environment of the same name and a variable defined twice', () => {
    const { store, systemId } = sandboxWorkspace();
    saveEnvironment(store, environmentInput({ systemId, name: 'Prod', kind: 'production' }));
    expect(() => saveEnvironment(store, environmentInput({ systemId, name: 'prod', kind: 'production' }))).toThrow(/already has an environment named "prod"/);
    expect(() => saveEnvironment(store, environmentInput({ systemId, name: 'X', kind: 'other', variables: [{ name: 'a' }, { name: 'a' }] }))).toThrow(/"a" is defined twice/);
  });
});

describe('history', () => {
  const record = (status: number, url: string, bodyId: string | null): HistoryRecord => ({
    systemId: null,
    requestId: null,
    environmentId: null,
    method: 'GET',
    url,
    status,
    statusText: 'OK',
    error: null,
    errorKind: null,
    timings: { dns: null, connect: 1, tls: null, firstByte: 2, download: 1, total: 3 },
    size: 2,
    contentType: 'application/json',
    bodyId,
    detail: { request: { method: 'GET', url, headers: [] }, headers: [], redirects: [], draft: null },
  });

  it('is searchable, bounded to the limit, and deletes the bodies of pruned calls', () => {
    const { store, systemId } = sandboxWorkspace();
    const cache = new BodyCache(path.join(tempDir(), 'cache'), workspaceIdOf(store.workspace));
    cache.ensure();
    sandboxSettings(store, cache, { historyLimit: 3 });
    const bodies: string[] = [];
    for (let index = 0; index < 5; index += 1) {
      const bodyId = cache.newId();
      fs.writeFileSync(cache.pathOf(bodyId), '{}');
      bodies.push(bodyId);
      addHistory(store, cache, { ...record(index === 4 ? 404 : 200, `http://127.0.0.1/item/${index}`, bodyId), systemId });
    }
    const all = searchHistory(store, cache, { offset: 0, limit: 100 });
    expect(all.total).toBe(3);
    expect(all.entries.map((entry) => entry.url)).toEqual(['http://127.0.0.1/item/4', 'http://127.0.0.1/item/3', 'http://127.0.0.1/item/2']);
    expect(bodies.map((bodyId) => fs.existsSync(cache.pathOf(bodyId)))).toEqual([false, false, true, true, true]);
    expect(searchHistory(store, cache, { status: '4xx', offset: 0, limit: 10 }).entries.map((entry) => entry.status)).toEqual([404]);
    expect(searchHistory(store, cache, { url: 'ITEM/3', systemId, offset: 0, limit: 10 }).total).toBe(1);

    fs.rmSync(cache.pathOf(bodies[4]!));
    const newest = getHistoryEntry(store, cache, all.entries[0]!.id);
    expect(newest).toMatchObject({ bodyAvailable: false, bodyId: null, status: 404 });

    expect(sandboxSettings(store, cache, { historyLimit: 1 })).toEqual({ historyLimit: 1 });
    expect(searchHistory(store, cache, { offset: 0, limit: 10 }).total).toBe(1);
    expect(fs.existsSync(cache.pathOf(bodies[2]!))).toBe(false);
    expect(() => cache.pathOf('../../etc/passwd')).toThrow(/not a response body id/);
  });

  it('prunes in batches past the limit but never lists, reads or serves a row past it', () => {
    const { store, systemId } = sandboxWorkspace();
    const cache = new BodyCache(path.join(tempDir(), 'cache'), workspaceIdOf(store.workspace));
    sandboxSettings(store, cache, { historyLimit: 100 });
    const sent: Array<{ id: number; bodyId: string }> = [];
    const send = () => {
      const bodyId = cache.newId();
      cache.write(bodyId, Buffer.from(`{"n":${sent.length}}`));
      sent.push({ id: addHistory(store, cache, { ...record(200, `http://127.0.0.1/item/${sent.length}`, bodyId), systemId }).id, bodyId });
    };
    const rows = () => store.workspace.read((db) => db.prepare('SELECT count(*) FROM sandbox_history').pluck().get());
    const listed = () => searchHistory(store, cache, { offset: 0, limit: 1000 });

    for (let index = 0; index < 105; index += 1) send();
    // Five past the limit, kept until more than a twentieth of it gathers, but neither listed nor read.
    expect(rows()).toBe(105);
    expect(listed().total).toBe(100);
    expect(listed().entries.at(-1)!.id).toBe(sent[5]!.id);
    expect(searchHistory(store, cache, { systemId, status: '2xx', url: 'item', offset: 0, limit: 1000 }).total).toBe(100);
    expect(() => getHistoryEntry(store, cache, sent[4]!.id)).toThrow(/may have been pruned/);
    expect(bodyOwner(store, sent[4]!.bodyId)).toBeUndefined();
    expect(bodyOwner(store, sent[5]!.bodyId)).toEqual({ contentType: 'application/json' });

    // The sixth past the limit deletes all six, with their bodies.
    send();
    expect(rows()).toBe(100);
    expect(listed().entries.map((entry) => entry.id)).toEqual(sent.slice(6).map((entry) => entry.id).reverse());
    expect(sent.map((entry) => cache.has(entry.bodyId))).toEqual(sent.map((_, index) => index >= 6));

    // A lower limit prunes at once, to the row.
    expect(sandboxSettings(store, cache, { historyLimit: 10 })).toEqual({ historyLimit: 10 });
    expect(rows()).toBe(10);
    expect(sent.filter((entry) => cache.has(entry.bodyId))).toHaveLength(10);

    // A higher limit does not bring back rows already past the old one: they go first.
    sandboxSettings(store, cache, { historyLimit: 40 });
    for (let index = 0; index < 32; index += 1) send();
    expect([rows(), listed().total]).toEqual([42, 40]);
    sandboxSettings(store, cache, { historyLimit: 200 });
    expect([rows(), listed().total]).toEqual([40, 40]);
    expect(sent.filter((entry) => cache.has(entry.bodyId))).toHaveLength(40);
  });

  it("is searchable by the request's name (the saved request's as it is now, else the draft's), as well as by URL", () => {
    const { store, systemId } = sandboxWorkspace();
    const cache = new BodyCache(path.join(tempDir(), 'cache'), workspaceIdOf(store.workspace));
    const saved = saveRequest(store, requestInput({ systemId, name: 'List customers', method: 'GET', url: 'http://127.0.0.1/customers' }));
    const draft = { ...requestInput({ systemId, name: 'Create an order', method: 'POST', url: 'http://127.0.0.1/orders' }), origin: null } as HistoryRecord['detail']['draft'];
    addHistory(store, cache, { ...record(200, 'http://127.0.0.1/customers', null), systemId, requestId: saved.id });
    addHistory(store, cache, { ...record(201, 'http://127.0.0.1/orders', null), systemId, detail: { ...record(201, 'http://127.0.0.1/orders', null).detail, draft } });
    addHistory(store, cache, { ...record(200, 'http://127.0.0.1/ping', null), systemId });
    const found = (text: string) => searchHistory(store, cache, { text, systemId, offset: 0, limit: 10 }).entries.map((entry) => [entry.name, entry.url]);
    expect(found('customers')).toEqual([['List customers', 'http://127.0.0.1/customers']]);
    expect(found('AN ORDER')).toEqual([['Create an order', 'http://127.0.0.1/orders']]);
    expect(found('ping')).toEqual([[null, 'http://127.0.0.1/ping']]);
    expect(found('127.0.0.1')).toHaveLength(3);

    // Renamed later: found by its new name, and shown with it.
    saveRequest(store, { ...requestInput({ systemId, name: 'Customers, first page', method: 'GET', url: 'http://127.0.0.1/customers' }), id: saved.id });
    expect(found('first page')).toEqual([['Customers, first page', 'http://127.0.0.1/customers']]);
    expect(found('List customers')).toEqual([]);
    expect(searchHistory(store, cache, { text: 'order', status: '2xx', offset: 0, limit: 10 }).total).toBe(1);
    expect(searchHistory(store, cache, { text: 'order', systemId: systemId + 1, offset: 0, limit: 10 }).total).toBe(0);
  });
});

describe('the body cache', () => {
  const body = (text: string) => Buffer.from(JSON.stringify({ text }));
  /** Every file in the folder with its bytes. */
  const folder = (cache: BodyCache) => Object.fromEntries(fs.readdirSync(cache.dir).map((name) => [name, fs.readFileSync(path.join(cache.dir, name), 'utf8')]));

  it(`keeps no pruned body's bytes, reuses its emptied file for the next body, and never keeps more than ${SPARE_FILES} spare files`, () => {
    const cache = new BodyCache(path.join(tempDir(), 'cache'), 'w1');
    const ids = Array.from({ length: SPARE_FILES + 4 }, () => cache.newId());
    ids.forEach((id, index) => cache.write(id, body(`body ${index}`)));
    const inodes = ids.map((id) => fs.statSync(cache.pathOf(id)).ino);

    for (const id of ids.slice(0, SPARE_FILES + 2)) cache.remove(id);
    const pruned = folder(cache);
    const spares = Array.from({ length: SPARE_FILES }, (_, slot) => `spare-${slot}`);
    expect(Object.keys(pruned).sort()).toEqual([...ids.slice(SPARE_FILES + 2).map((id) => `${id}.body`), ...spares].sort());
    // (In the folder's order, which is the file system's.)
    expect(Object.values(pruned).filter((text) => text !== '').sort()).toEqual([SPARE_FILES + 2, SPARE_FILES + 3].map((index) => JSON.stringify({ text: `body ${index}` })));
    expect(cache.has(ids[0]!)).toBe(false);

    const next = Array.from({ length: SPARE_FILES + 1 }, () => cache.newId());
    next.forEach((id, index) => cache.write(id, body(`next ${index}`)));
    expect(next.map((id) => fs.readFileSync(cache.pathOf(id), 'utf8'))).toEqual(next.map((_, index) => JSON.stringify({ text: `next ${index}` })));
    // All but the last written into emptied files of pruned bodies, the last into a new file.
    expect(next.filter((id) => inodes.slice(0, SPARE_FILES).includes(fs.statSync(cache.pathOf(id)).ino))).toHaveLength(SPARE_FILES);
    expect(Object.keys(folder(cache)).filter((name) => name.startsWith('spare-'))).toEqual([]);
    if (process.platform !== 'win32') expect(new Set(next.map((id) => fs.statSync(cache.pathOf(id)).mode & 0o777))).toEqual(new Set([0o600]));
  });

  it('shares its folder with another process: a spare taken or replaced by it is neither lost nor written twice', () => {
    const root = path.join(tempDir(), 'cache');
    const app = new BodyCache(root, 'w1');
    const cli = new BodyCache(root, 'w1', new Array<boolean>(SPARE_FILES).fill(false));
    const [a, b, c, d] = [app.newId(), app.newId(), app.newId(), app.newId()];
    app.write(a, body('a'));
    cli.write(b, body('b'));
    app.remove(a);
    // The command line prunes into the same slot, then takes the spare the app believes it holds.
    cli.remove(b);
    cli.write(c, body('c'));
    app.write(d, body('d'));
    expect(folder(app)).toEqual({ [`${c}.body`]: JSON.stringify({ text: 'c' }), [`${d}.body`]: JSON.stringify({ text: 'd' }) });
  });

  it('reuses a spare left by an earlier cache on the same folder, as the handlers make one per call', () => {
    const root = path.join(tempDir(), 'cache');
    const firstSend = new BodyCache(root, 'w1');
    const [a, b] = [firstSend.newId(), firstSend.newId()];
    firstSend.write(a, body('a'));
    const inode = fs.statSync(firstSend.pathOf(a)).ino;
    firstSend.remove(a);
    const nextSend = new BodyCache(root, 'w1');
    nextSend.write(b, body('b'));
    expect(fs.statSync(nextSend.pathOf(b)).ino).toBe(inode);
    expect(folder(nextSend)).toEqual({ [`${b}.body`]: JSON.stringify({ text: 'b' }) });
  });

  it('writes a body after its folder was deleted under it, spares included', () => {
    const cache = new BodyCache(path.join(tempDir(), 'cache'), 'w1');
    const [a, b] = [cache.newId(), cache.newId()];
    cache.write(a, body('a'));
    cache.remove(a);
    fs.rmSync(cache.dir, { recursive: true });
    cache.write(b, body('b'));
    expect(folder(cache)).toEqual({ [`${b}.body`]: JSON.stringify({ text: 'b' }) });
  });
});

