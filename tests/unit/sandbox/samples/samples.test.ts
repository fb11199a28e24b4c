// Samples with provenance on a real workspace file: saved from a body or a history entry's body file,
// checked against the demo CRM document when saved, listed per entity and deleted.
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { addHistory } from '../../../../src/main/sandbox/store/history';
import { deleteSample, getSample, listSamples, saveSample } from '../../../../src/main/sandbox/samples/samples';
import type { Workspace } from '../../../../src/main/workspace/workspace';
import { samplesWorkspace } from './fixtures';

const customer = {
  id: '5f0c2a8e-3b1d-4c6a-9e2f-7a41d8b9c013',
  firstName: 'Maria',
  lastName: 'Okafor',
  email: 'maria@example.com',
  createdAt: '2024-05-01T00:00:00Z',
};

let open: Workspace | undefined;
afterEach(() => open?.close());

describe('samples', () => {
  it('stores a body with its provenance, redacted, and its findings', async () => {
    const { workspace, ids, context, redactor } = await samplesWorkspace();
    open = workspace;
    redactor.add('s3cr3t-token-value');
    const saved = await saveSample(context, {
      systemId: ids.crm!,
      entity: 'schema:Customer',
      operation: 'GET /customers/{customerId}',
      direction: 'response',
      source: {
        kind: 'body',
        body: JSON.stringify({ ...customer, loyaltyPoints: 120 }),
        status: 200,
        environment: 'Sandbox',
        method: 'GET',
        url: 'https://crm.example.com/customers/1?api_key=abc123&token=s3cr3t-token-value',
      },
    });
    const system = workspace.read((db) => db.prepare('SELECT imported_at, api_version FROM system WHERE id = ?').get(ids.crm!) as { imported_at: string; api_version: string });
    expect(saved).toMatchObject({
      systemId: ids.crm,
      entity: 'schema:Customer',
      operation: 'GET /customers/{customerId}',
      direction: 'response',
      status: 200,
      environment: 'Sandbox',
      documentVersion: system.imported_at,
      apiVersion: system.api_version,
      method: 'GET',
      url: 'https://crm.example.com/customers/1?api_key=***&token=***',
      historyId: null,
    });
    expect(saved.findings).toEqual([expect.objectContaining({ kind: 'undocumented-field', pointer: '/loyaltyPoints', field: 'loyaltyPoints', inEntity: true })]);
    expect(getSample(workspace, saved.id).body).toEqual({ ...customer, loyaltyPoints: 120 });
  });

  it('saves from a history entry through its body file, and says so when the body is gone', async () => {
    const { workspace, ids, context } = await samplesWorkspace();
    open = workspace;
    const cache = context.bodies!;
    const environmentId = Number(
      workspace.write((db) =>
        db
          .prepare("INSERT INTO sandbox_environment (system_id, name, kind, definition, created_at, updated_at) VALUES (?, 'Staging', 'staging', '{}', 'now', 'now')")
          .run(ids.crm!).lastInsertRowid,
      ),
    );
    const bodyId = cache.newId();
    cache.ensure();
    fs.writeFileSync(cache.pathOf(bodyId), JSON.stringify({ data: [customer, { ...customer, nickname: 'Mo' }], nextCursor: null }));
    const store = { workspace, secrets: { keys: undefined as never, env: {} } };
    const sent = {
      systemId: ids.crm!,
      requestId: null,
      environmentId,
      method: 'GET',
      url: 'https://crm.example.com/customers?limit=2',
      status: 200,
      statusText: 'OK',
      error: null,
      errorKind: null,
      timings: { dns: null, connect: null, tls: null, firstByte: null, download: null, total: 12 },
      size: 100,
      contentType: 'application/json',
      bodyId,
      detail: { request: { method: 'GET', url: 'https://crm.example.com/customers?limit=2', headers: [] }, headers: [], redirects: [], draft: null },
    };
    const entry = addHistory(store, cache, sent);
    const saved = await saveSample(context, { systemId: ids.crm!, entity: 'schema:Customer', operation: 'GET /customers', direction: 'response', source: { kind: 'history', historyId: entry.id } });
    expect(saved).toMatchObject({ historyId: entry.id, environment: 'Staging', status: 200, method: 'GET', contentType: 'application/json' });
    // The page wrapper's data[] holds the customers: the finding is a field of Customer.
    expect(saved.findings).toEqual([expect.objectContaining({ kind: 'undocumented-field', pointer: '/data/1/nickname', field: 'nickname', inEntity: true })]);

    cache.remove(bodyId);
    await expect(saveSample(context, { systemId: ids.crm!, entity: 'schema:Customer', operation: 'GET /customers', direction: 'response', source: { kind: 'history', historyId: entry.id } })).rejects.toThrow(
      /response body of history entry \d+ is no longer available .*send the request again/,
    );

    // A row past the history's limit, not yet pruned (pruning runs in batches), is gone for samples too.
    workspace.write((db) => db.prepare('UPDATE sandbox_settings SET history_limit = 20 WHERE id = 1').run());
    for (let index = 0; index < 20; index += 1) addHistory(store, cache, { ...sent, bodyId: null });
    expect(workspace.read((db) => db.prepare('SELECT count(*) FROM sandbox_history WHERE id = ?').pluck().get(entry.id))).toBe(1);
    await expect(saveSample(context, { systemId: ids.crm!, entity: 'schema:Customer', operation: 'GET /customers', direction: 'response', source: { kind: 'history', historyId: entry.id } })).rejects.toThrow(
      /History entry \d+ is not in this workspace \(it may have been pruned\)/,
    );
  });

  it('refuses a body that is not JSON with a sentence that says so', async () => {
    const { workspace, ids, context } = await samplesWorkspace();
    open = workspace;
    await expect(
      saveSample(context, { systemId: ids.crm!, entity: 'schema:Customer', operation: 'GET /customers/{customerId}', direction: 'response', source: { kind: 'body', body: '<html>oops</html>', contentType: 'text/html' } }),
    ).rejects.toThrow(/^The response body is not JSON \(its content type is text\/html\): .*Only JSON bodies can be saved as samples\.$/);
    expect(listSamples(workspace, { systemId: ids.crm! })).toEqual([]);
  });

  it('checks a request sample against the operation request body, and picks the only operation when none is named', async () => {
    const { workspace, ids, context } = await samplesWorkspace();
    open = workspace;
    const saved = await saveSample(context, {
      systemId: ids.crm!,
      entity: 'schema:Customer',
      operation: 'POST /customers',
      direction: 'request',
      source: { kind: 'body', body: JSON.stringify({ firstName: 'Ann', lastName: 7, email: 'ann@example.com', shoeSize: 38 }) },
    });
    expect(saved.findings.map((finding) => [finding.kind, finding.field])).toEqual(expect.arrayContaining([['type', 'lastName'], ['undocumented-field', 'shoeSize']]));
    await expect(saveSample(context, { systemId: ids.crm!, entity: 'schema:Customer', direction: 'response', source: { kind: 'body', body: '{}' } })).rejects.toThrow(/response body of \d+ operations .*name the one/);
  });

  it('lists per system and entity, newest first, and deletes', async () => {
    const { workspace, ids, context } = await samplesWorkspace();
    open = workspace;
    const save = (entity: string, operation: string, body: unknown) => saveSample(context, { systemId: ids.crm!, entity, operation, direction: 'response', source: { kind: 'body', body: JSON.stringify(body) } });
    const first = await save('schema:Customer', 'GET /customers/{customerId}', customer);
    const second = await save('schema:Customer', 'GET /customers/{customerId}', { ...customer, firstName: 'Jo' });
    await save('schema:CustomerPage', 'GET /customers', { data: [] });
    expect(listSamples(workspace, { systemId: ids.crm!, entity: 'schema:Customer' }).map((sample) => sample.id)).toEqual([second.id, first.id]);
    expect(listSamples(workspace, { systemId: ids.crm! })).toHaveLength(3);
    deleteSample(workspace, first.id);
    expect(listSamples(workspace, { systemId: ids.crm!, entity: 'schema:Customer' }).map((sample) => sample.id)).toEqual([second.id]);
    expect(() => deleteSample(workspace, first.id)).toThrow(/Sample \d+ is not in this workspace/);
  });
});
