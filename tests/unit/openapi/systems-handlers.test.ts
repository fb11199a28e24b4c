import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { addFlow } from '../../../src/main/mapping/flows';
import { SystemImports } from '../../../src/main/openapi/system-import';
import { listSystems } from '../../../src/main/openapi/systems';
import { createWorkspace, openWorkspace } from '../../../src/main/workspace/workspace';
import type { Call } from '../../helpers/calls';
import { demoDocument } from '../../helpers/cli';
import { openNewSession } from '../../helpers/handlers';
import { present, withStatus } from '../../helpers/narrow';
import { tempDir } from '../../helpers/temp';

const fixtures = path.resolve(__dirname, '../../fixtures/openapi');

/** The system once its validation ended, its `validation` narrowed to the finished state. */
async function validated(call: Call, id: number) {
  for (let i = 0; i < 200; i++) {
    const system = present((await call('systems.list', {})).find((s) => s.id === id), `system ${id}`);
    const { validation } = system;
    if (validation.state === 'done') return { ...system, validation };
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('validation never finished');
}

describe('systems in a workspace', () => {
  it('imports a document, serves its catalogue at once and stores the validation when it ends', async () => {
    const { session, call } = openNewSession('Orders');
    const result = withStatus(await call('systems.import', { name: 'CRM', source: { kind: 'file', path: demoDocument('crm.openapi.yaml') } }), 'imported');
    expect(result).toMatchObject({ system: { name: 'CRM', title: 'Acme CRM API', openapiVersion: '3.1.0', format: 'yaml' } });

    const catalogue = await call('systems.catalogue', { id: result.system.id });
    const outlined = catalogue.entities.find((entity) => entity.name === 'Order');
    expect(outlined).toMatchObject({ id: 'schema:Order', fields: [], fieldsDeferred: true });
    const order = await call('systems.entity', { id: result.system.id, entity: 'schema:Order' });
    expect(order.fields.map((field) => field.path)).toContain('lines[].unitPrice');
    await expect(call('systems.entity', { id: result.system.id, entity: 'schema:Nope' })).rejects.toThrow(/ENTITY_NOT_FOUND/);

    expect(await validated(call, result.system.id)).toMatchObject({ validation: { state: 'done', valid: true, errors: [] } });
    session.close();
  });

  it('imports pasted text, and keeps validation problems without refusing the document', async () => {
    const { session, call } = openNewSession('Orders');
    const text = fs.readFileSync(path.join(fixtures, 'import', 'invalid.openapi30.yaml'), 'utf8');
    const result = withStatus(await call('systems.import', { name: 'Broken', source: { kind: 'text', text } }), 'imported');
    expect(result.system.source).toBe('pasted text');
    const system = await validated(call, result.system.id);
    expect(system.validation.valid).toBe(false);
    expect(system.validation.errors.length).toBeGreaterThan(0);
    expect(system.validation.errors[0]).toMatchObject({ message: expect.any(String), path: expect.any(String) });
    session.close();
  });

  it('asks before following a reference outside the document folder, and stores nothing meanwhile', async () => {
    const { session, call } = openNewSession('Orders');
    const source = { kind: 'file', path: path.join(fixtures, 'import', 'outside-refs', 'api', 'openapi.yaml') } as const;
    const asked = withStatus(await call('systems.import', { name: 'Outside', source }), 'needs-consent');
    expect(asked.references).toEqual(expect.arrayContaining([expect.objectContaining({ ref: expect.stringContaining('outside.yaml'), kind: 'outside-folder' })]));
    expect(await call('systems.list', {})).toEqual([]);

    expect(asked.references).toEqual(expect.arrayContaining([expect.objectContaining({ ref: expect.stringContaining('https://example.invalid/'), kind: 'remote' })]));
    // Allowed, the remote reference is fetched: example.invalid never resolves, so the import stops there, clearly.
    await expect(call('systems.import', { name: 'Outside', source, allowedRefs: asked.references.map((ref) => ref.target) })).rejects.toThrow(
      /Cannot download https:\/\/example\.invalid\/x\.json: the host name example\.invalid was not found/,
    );
    expect(await call('systems.list', {})).toEqual([]);
    session.close();
  });

  it('follows exactly the references the analyst allowed, and lists the ones found inside them before reading those', async () => {
    const { session, call } = openNewSession('Orders');
    const source = { kind: 'file', path: path.join(fixtures, 'import', 'nested-outside', 'api', 'openapi.yaml') } as const;
    const first = withStatus(await call('systems.import', { name: 'Nested', source }), 'needs-consent');
    expect(first.references.map((ref) => ref.ref)).toEqual(['../shared/common.yaml#/Shared']);

    const second = withStatus(await call('systems.import', { name: 'Nested', source, allowedRefs: first.references.map((ref) => ref.target) }), 'needs-consent');
    expect(second.references.map((ref) => ref.ref)).toEqual(['../private/secret.yaml#/Secret']);
    expect(await call('systems.list', {})).toEqual([]);

    const allowed = [...first.references, ...second.references].map((ref) => ref.target);
    const third = withStatus(await call('systems.import', { name: 'Nested', source, allowedRefs: allowed }), 'imported');
    const shared = await call('systems.entity', { id: third.system.id, entity: 'schema:Shared' });
    expect(shared.fields.map((field) => field.path)).toContain('secret.value');
    session.close();
  });

  it('refuses a second system of the same name and a bad document with one clear sentence', async () => {
    const { session, call } = openNewSession('Orders');
    await call('systems.import', { name: 'CRM', source: { kind: 'file', path: demoDocument('crm.openapi.yaml') } });
    await expect(call('systems.import', { name: 'crm', source: { kind: 'file', path: demoDocument('crm.openapi.yaml') } })).rejects.toThrow(
      /SYSTEM_EXISTS: The workspace already has a system named "crm"/,
    );
    await expect(call('systems.import', { name: 'X', source: { kind: 'text', text: 'just: some yaml' } })).rejects.toThrow(/neither Swagger 2\.0 nor OpenAPI 3\.x/);
    expect((await call('systems.list', {})).map((s) => s.name)).toEqual(['CRM']);
    session.close();
  });

  it('previews a new version with the mappings it breaks, and applies it keeping the old one and every mapping', async () => {
    const { session, call } = openNewSession('Orders');
    const v1 = withStatus(await call('systems.import', { name: 'Orders', source: { kind: 'file', path: path.join(fixtures, 'diff', 'orders-v1.openapi.yaml') } }), 'imported');
    withStatus(await call('systems.import', { name: 'Ledger', source: { kind: 'file', path: demoDocument('accounting.swagger.json') } }), 'imported');
    const workspace = session.requireWorkspace();
    addFlow(workspace, { name: 'Orders out', source: { system: 'Orders', entity: 'Order' }, target: { system: 'Ledger', entity: 'Invoice' } });
    workspace.write((db) => {
      const insert = db.prepare("INSERT INTO field_mapping (flow_id, target_path, source_paths, status, updated_at) VALUES (1, ?, ?, 'accepted', 'now')");
      insert.run('reference', '["reference"]');
      insert.run('memo', '["shipping.city"]');
      insert.run('currency_code', '["currency"]');
    });

    const preview = withStatus(
      await call('systems.previewReimport', { id: v1.system.id, source: { kind: 'file', path: path.join(fixtures, 'diff', 'orders-v2.openapi.yaml') } }),
      'ready',
    );
    expect(preview).toMatchObject({ apiVersion: '2.0.0', diff: { summary: { breaking: expect.any(Number) } } });
    expect(preview.diff.summary.breaking).toBeGreaterThan(0);
    const affected = Object.fromEntries(preview.impact.map((i) => [i.reference.path, i.status]));
    expect(affected).toMatchObject({ 'shipping.city': 'broken' });
    expect(affected['currency']).toBeUndefined();
    expect(await call('systems.list', {})).toContainEqual(expect.objectContaining({ name: 'Orders', apiVersion: '1.0.0' }));

    const applied = await call('systems.applyReimport', { previewId: preview.previewId });
    expect(applied).toMatchObject({ name: 'Orders', apiVersion: '2.0.0', previousVersions: 1 });
    const rows = workspace.read((db) => db.prepare('SELECT target_path, source_paths, status, review FROM field_mapping ORDER BY id').all()) as Array<{
      target_path: string;
      source_paths: string;
      status: string;
      review: string | null;
    }>;
    expect(rows).toHaveLength(3);
    expect(rows.find((row) => row.target_path === 'memo')).toMatchObject({ status: 'accepted', review: expect.stringContaining('shipping') });
    expect(present(rows.find((row) => row.target_path === 'currency_code'), 'the currency_code row').review).toBeNull();
    expect(workspace.read((db) => db.prepare('SELECT api_version FROM system_version').all())).toEqual([{ api_version: '1.0.0' }]);

    await expect(call('systems.applyReimport', { previewId: preview.previewId })).rejects.toThrow(/PREVIEW_EXPIRED/);
    session.close();
  });

  it('removes a system no flow uses, and refuses one a flow uses, naming the flow', async () => {
    const { session, call } = openNewSession('Orders');
    const crm = withStatus(await call('systems.import', { name: 'CRM', source: { kind: 'file', path: demoDocument('crm.openapi.yaml') } }), 'imported');
    withStatus(await call('systems.import', { name: 'Accounting', source: { kind: 'file', path: demoDocument('accounting.swagger.json') } }), 'imported');
    const spare = withStatus(await call('systems.import', { name: 'Spare', source: { kind: 'file', path: demoDocument('accounting.swagger.json') } }), 'imported');
    addFlow(session.requireWorkspace(), { name: 'Orders to invoices', source: { system: 'CRM', entity: 'Order' }, target: { system: 'Accounting', entity: 'Invoice' } });

    await expect(call('systems.remove', { id: crm.system.id })).rejects.toThrow('SYSTEM_IN_USE: CRM is used by the data flow "Orders to invoices": remove or change those flows first.');
    expect(await call('systems.remove', { id: spare.system.id })).toEqual({ removed: true });
    expect((await call('systems.list', {})).map((s) => s.name)).toEqual(['CRM', 'Accounting']);
    session.close();
  });

  it('stores the validation in its workspace file even when the analyst closed that workspace meanwhile', async () => {
    const file = path.join(tempDir(), 'closed.crosswalk');
    const workspace = createWorkspace(file, 'Closed early');
    const result = await new SystemImports().import(workspace, 'CRM', { kind: 'file', path: demoDocument('crm.openapi.yaml') });
    if (result.status !== 'imported') throw new Error('expected an import');
    workspace.close();
    expect(await result.validation).toBeUndefined();

    const reopened = await openWorkspace(file);
    expect(listSystems(reopened)[0]?.validation).toEqual({ state: 'done', valid: true, errors: [] });
    reopened.close();
  });
});
