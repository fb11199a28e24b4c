// Drift accumulated across samples, and the undocumented fields they carry joining their entity as
// discovered fields: read from the samples on every call, documented again when a newer document lists them.
import fs from 'node:fs';
import { parse } from 'yaml';
import { afterEach, describe, expect, it } from 'vitest';
import { driftReport } from '../../../../src/main/sandbox/samples/drift';
import { deleteSample, recheckStaleSamples, saveSample } from '../../../../src/main/sandbox/samples/samples';
import type { Workspace } from '../../../../src/main/workspace/workspace';
import { demoDocument, samplesWorkspace } from './fixtures';

const customer = { id: '5f0c2a8e-3b1d-4c6a-9e2f-7a41d8b9c013', firstName: 'Maria', lastName: 'Okafor', email: 'maria@example.com' };

let open: Workspace | undefined;
afterEach(() => open?.close());

describe('drift and discovered fields', () => {
  it('aggregates findings per entity, field and kind across samples', async () => {
    const { workspace, ids, context } = await samplesWorkspace();
    open = workspace;
    const save = (body: unknown, status = 200) =>
      saveSample(context, { systemId: ids.crm!, entity: 'schema:Customer', operation: 'GET /customers/{customerId}', direction: 'response', source: { kind: 'body', body: JSON.stringify(body), status } });
    const first = await save({ ...customer, loyaltyPoints: 10 });
    await save({ ...customer, loyaltyPoints: 20, email: null });
    const third = await save({ ...customer, loyaltyPoints: 'thirty' });
    await save({ title: 'teapot' }, 418);
    const report = driftReport(workspace, { systemId: ids.crm! });
    expect(report.samples).toBe(4);
    expect(report.rows.map((row) => [row.entity, row.field, row.kind, row.samples])).toEqual([
      ['schema:Customer', '', 'undocumented-status', 1],
      ['schema:Customer', 'email', 'null', 1],
      ['schema:Customer', 'loyaltyPoints', 'undocumented-field', 3],
    ]);
    const points = report.rows.find((row) => row.field === 'loyaltyPoints')!;
    expect(points).toMatchObject({ system: 'crm', firstSeen: first.capturedAt, lastSeen: third.capturedAt, example: '/loyaltyPoints is not in the document (an undocumented property)', inEntity: true });
    expect(driftReport(workspace, { systemId: ids.crm!, entity: 'schema:Order' }).rows).toEqual([]);
  });

  it('adds undocumented fields to the entity with types, examples and sample counts, and drops them with their samples', async () => {
    const { workspace, ids, context, systems } = await samplesWorkspace();
    open = workspace;
    const save = (body: unknown) =>
      saveSample(context, { systemId: ids.crm!, entity: 'schema:Customer', operation: 'GET /customers/{customerId}', direction: 'response', source: { kind: 'body', body: JSON.stringify(body) } });
    const before = await systems.entity(workspace, ids.crm!, 'schema:Customer');
    const first = await save({ ...customer, loyaltyPoints: 10, custom: { region: 'North', score: 3 } });
    await save({ ...customer, loyaltyPoints: null, custom: { region: 'South', score: 4 } });
    await save({ ...customer, loyaltyPoints: 12, addresses: [{ addressType: 'billing', street1: '1 Main St', city: 'Leeds', postalCode: 'LS1', country: 'GB', floor: 3 }] });

    const entity = await systems.entity(workspace, ids.crm!, 'schema:Customer');
    const discovered = entity.fields.filter((field) => field.discovered);
    expect(discovered.map((field) => [field.path, field.type, field.nullable, field.depth, field.parent ?? null, field.discovered])).toEqual([
      ['addresses[].floor', 'integer', false, 1, 'addresses', { samples: 1, examples: ['3'], types: ['integer'] }],
      ['custom', 'object', false, 0, null, { samples: 2, examples: [], types: ['object'] }],
      ['custom.region', 'string', false, 1, 'custom', { samples: 2, examples: ['North', 'South'], types: ['string'] }],
      ['custom.score', 'integer', false, 1, 'custom', { samples: 2, examples: ['3', '4'], types: ['integer'] }],
      ['loyaltyPoints', 'integer', true, 0, null, { samples: 3, examples: ['10', '12'], types: ['integer', 'null'] }],
    ]);
    // Placed in the tree: a documented parent's discovered child comes after its last descendant.
    const paths = entity.fields.map((field) => field.path);
    const lastAddressField = Math.max(...before.fields.filter((field) => field.path.startsWith('addresses')).map((field) => paths.indexOf(field.path)));
    expect(paths.indexOf('addresses[].floor')).toBe(lastAddressField + 1);
    expect(paths.indexOf('custom.region')).toBe(paths.indexOf('custom') + 1);
    expect(entity.fields.length).toBe(before.fields.length + 5);

    deleteSample(workspace, first.id);
    const after = await systems.entity(workspace, ids.crm!, 'schema:Customer');
    expect(after.fields.filter((field) => field.discovered).map((field) => [field.path, field.discovered!.samples, field.discovered!.examples])).toEqual([
      ['addresses[].floor', 1, ['3']],
      ['custom', 1, []],
      ['custom.region', 1, ['South']],
      ['custom.score', 1, ['4']],
      ['loyaltyPoints', 2, ['12']],
    ]);
  });

  it('matches a discovered field to the field a newer document version documents', async () => {
    const { workspace, ids, context, systems } = await samplesWorkspace();
    open = workspace;
    await saveSample(context, {
      systemId: ids.crm!,
      entity: 'schema:Customer',
      operation: 'GET /customers/{customerId}',
      direction: 'response',
      source: { kind: 'body', body: JSON.stringify({ ...customer, loyaltyPoints: 10 }) },
    });
    expect((await systems.entity(workspace, ids.crm!, 'schema:Customer')).fields.find((field) => field.path === 'loyaltyPoints')?.discovered).toBeDefined();

    const document = parse(fs.readFileSync(demoDocument('crm.openapi.yaml'), 'utf8')) as { info: { version: string }; components: { schemas: { Customer: { properties: Record<string, unknown> } } } };
    document.info.version = '2.0.0';
    document.components.schemas.Customer.properties.loyaltyPoints = { type: 'integer', description: 'Points earned.' };
    const preview = await systems.previewReimport(workspace, ids.crm!, { kind: 'text', text: JSON.stringify(document) });
    if (preview.status !== 'ready') throw new Error('needs consent');
    const applied = await systems.applyReimport(workspace, preview.previewId);
    await applied.validation;

    const field = (await systems.entity(workspace, ids.crm!, 'schema:Customer')).fields.filter((each) => each.path === 'loyaltyPoints');
    expect(field).toEqual([expect.objectContaining({ type: 'integer', description: 'Points earned.' })]);
    expect(field[0]!.discovered).toBeUndefined();
    // The drift report re-reads the sample against the new document: the finding is gone.
    expect(await recheckStaleSamples(context, ids.crm!)).toBe(1);
    expect(driftReport(workspace).rows).toEqual([]);
  });
});
