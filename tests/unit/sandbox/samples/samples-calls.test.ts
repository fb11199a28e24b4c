// The samples calls on the demo workspace through the handler table: save, list, drift, delete; a
// discovered field used as a mapping row's source, checked, and flagged in the JSON spec.
import fs from 'node:fs';
import http from 'node:http';
import type net from 'node:net';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { startMock } from '../../../../src/main/sandbox/mock/server';
import { openDemoSession } from '../../../helpers/handlers';
import { demoDocument } from './fixtures';
import type { Call } from '../../../helpers/calls';
/** The demo's own samples left out: this test counts only the samples it saves. */
async function withoutDemoSamples(call: Call): Promise<void> {
  for (const system of await call('systems.list')) for (const sample of await call('sandbox.samples', { systemId: system.id })) await call('sandbox.deleteSample', { id: sample.id });
}


const customer = { id: '5f0c2a8e-3b1d-4c6a-9e2f-7a41d8b9c013', firstName: 'Maria', lastName: 'Okafor', email: 'maria@example.com' };

describe('samples calls', () => {
  it('save, list, drift and delete; a discovered field maps, is checked and is flagged in the spec', async () => {
    const { session, call, refused, dir } = await openDemoSession();
    await withoutDemoSamples(call);
    const crm = (await call('systems.list')).find((system) => system.name === 'CRM')!;
    const saved = await call('sandbox.saveSample', {
      systemId: crm.id,
      entity: 'schema:Customer',
      operation: 'GET /customers/{customerId}',
      source: { kind: 'body', body: JSON.stringify({ ...customer, loyaltyPoints: 120 }), status: 200, environment: 'Sandbox' },
    });
    expect(saved).toMatchObject({ direction: 'response', environment: 'Sandbox', findings: [{ kind: 'undocumented-field', field: 'loyaltyPoints' }] });
    expect((await call('sandbox.samples', { systemId: crm.id, entity: 'schema:Customer' })).map((sample) => sample.id)).toEqual([saved.id]);
    expect(await refused('sandbox.saveSample', { systemId: crm.id, entity: 'schema:Customer', operation: 'GET /customers/{customerId}', source: { kind: 'body', body: 'not json' } })).toMatchObject({
      code: 'SAMPLE_NOT_JSON',
    });

    const drift = await call('sandbox.drift', {});
    expect(drift.rows).toEqual([expect.objectContaining({ system: 'CRM', entity: 'schema:Customer', field: 'loyaltyPoints', kind: 'undocumented-field', samples: 1 })]);

    const entity = await call('systems.entity', { id: crm.id, entity: 'schema:Customer' });
    expect(entity.fields.find((field) => field.path === 'loyaltyPoints')).toMatchObject({ type: 'integer', discovered: { samples: 1, examples: ['120'] } });

    const flow = (await call('flows.list')).find((each) => each.name === 'Customers to contacts')!;
    const { rows } = await call('mapping.sheet', { flowId: flow.id });
    const row = rows.find((each) => each.sourcePaths.length === 0) ?? rows[0]!;
    const updated = await call('mapping.updateRow', { rowId: row.id, sourcePaths: ['loyaltyPoints'], mappingType: 'direct', transformation: 'as text' });
    expect(updated.sourcePaths).toEqual(['loyaltyPoints']);
    const { checks } = await call('mapping.checks', { flowId: flow.id });
    expect(checks.filter((check) => check.rowId === row.id)).toEqual([
      expect.objectContaining({ kind: 'discovered_source', severity: 'warning', message: expect.stringMatching(/^Customer\.loyaltyPoints relies on a field the document does not list \(seen in 1 sample\)/) }),
    ]);
    expect(checks.some((check) => check.kind === 'source_missing')).toBe(false);

    const file = path.join(dir, 'spec.json');
    await call('spec.export', { format: 'json', path: file });
    const spec = JSON.parse(fs.readFileSync(file, 'utf8')) as { flows: Array<{ mappings: Array<{ id: number; discoveredSources?: string[] }> }> };
    const mappings = spec.flows.flatMap((each) => each.mappings);
    expect(mappings.find((mapping) => mapping.id === row.id)?.discoveredSources).toEqual(['loyaltyPoints']);
    expect(mappings.filter((mapping) => mapping.discoveredSources)).toHaveLength(1);

    expect(await call('sandbox.deleteSample', { id: saved.id })).toEqual({ removed: true });
    expect((await call('sandbox.drift', { systemId: crm.id })).rows).toEqual([]);
    // Without its sample the field is gone, and the row that used it says so.
    expect((await call('mapping.checks', { flowId: flow.id })).checks.filter((check) => check.rowId === row.id).map((check) => check.kind)).toEqual(['source_missing']);
    session.close();
  });
});

describe('sandbox.sampleRecords', () => {
  it('reads N records through the mock CRM paging, saves each page as a sample and profiles the records', async () => {
    const mock = await startMock(parse(fs.readFileSync(demoDocument('crm.openapi.yaml'), 'utf8')) as Record<string, unknown>, { seed: 3 });
    try {
      const { session, call, refused } = await openDemoSession();
    await withoutDemoSamples(call);
      const crm = (await call('systems.list')).find((system) => system.name === 'CRM')!;
      // A saved request as the analyst keeps one: its address from a variable, its bearer token a secret.
      const request = await call('sandbox.saveRequest', {
        systemId: crm.id,
        name: 'List customers',
        method: 'GET',
        url: '{{base}}/customers',
        origin: { operation: 'GET /customers', documentVersion: 1 },
        auth: { kind: 'bearer', token: 'sample-token-123' },
      });
      const result = await call('sandbox.sampleRecords', { request: { requestId: request.id }, variables: { base: mock.url }, limit: 15, pageSize: 10, entity: 'schema:Customer' });
      expect(result).toMatchObject({ records: 15, pages: 2, stoppedBecause: 'limit' });
      expect(result.samples).toHaveLength(2);
      expect(result.profile.records).toBe(15);
      expect(result.profile.fields.find((field) => field.path === 'email')).toMatchObject({ present: 15, nulls: 0 });
      const samples = await call('sandbox.samples', { systemId: crm.id, entity: 'schema:Customer' });
      expect(samples.map((sample) => [sample.operation, sample.status, sample.method])).toEqual([
        ['GET /customers', 200, 'GET'],
        ['GET /customers', 200, 'GET'],
      ]);
      // Each page went through the send path (the mock answers 401 without the token): a history entry each, the sample's provenance.
      const history = (await call('sandbox.history', { systemId: crm.id })).entries;
      expect(samples.map((sample) => sample.historyId).sort()).toEqual(history.slice(0, 2).map((entry) => entry.id).sort());
      expect(history.slice(0, 2).map((entry) => entry.url)).toEqual([expect.stringMatching(/\/customers\?limit=10&\w+=./), expect.stringMatching(/\/customers\?limit=10$/)]);
      expect(result.findings).toBe(samples.flatMap((sample) => sample.findings).length);
      // The mock serves what the document says, seeded records' ids included (distinct uuids in `id`): no finding.
      expect(samples.flatMap((sample) => sample.findings)).toEqual([]);
      expect(await refused('sandbox.sampleRecords', { request: { requestId: request.id }, variables: { base: mock.url }, operation: 'GET /nowhere' })).toMatchObject({ code: 'OPERATION_NOT_FOUND' });
      expect(await refused('sandbox.sampleRecords', { request: { requestId: request.id } })).toMatchObject({ code: 'SAMPLE_UNRESOLVED', message: expect.stringContaining('base') });
      session.close();
    } finally {
      await mock.close();
    }
  });

  it('flags in the profile the fields the documented response does not list, without saving samples', async () => {
    const mock = await startMock(parse(fs.readFileSync(demoDocument('crm.openapi.yaml'), 'utf8')) as Record<string, unknown>, { seed: 5 });
    // A real server in front of the mock whose records carry one undocumented field (an object).
    const drifting = http.createServer((request, response) => {
      void fetch(`${new URL(mock.url).origin}${request.url}`, { headers: { authorization: request.headers.authorization ?? '' } }).then(async (answer) => {
        const page = (await answer.json()) as { data: Array<Record<string, unknown>> };
        for (const record of page.data) record.loyalty = { tier: 'gold', points: 120 };
        response.writeHead(answer.status, { 'content-type': 'application/json', ...(answer.headers.get('link') ? { link: answer.headers.get('link')! } : {}) });
        response.end(JSON.stringify(page));
      });
    });
    await new Promise<void>((resolve) => drifting.listen(0, '127.0.0.1', resolve));
    try {
      const { session, call } = await openDemoSession();
      await withoutDemoSamples(call);
      const crm = (await call('systems.list')).find((system) => system.name === 'CRM')!;
      const base = `http://127.0.0.1:${(drifting.address() as net.AddressInfo).port}`;
      const result = await call('sandbox.sampleRecords', {
        request: { draft: { systemId: crm.id, method: 'GET', url: `${base}${new URL(mock.url).pathname}/customers`, auth: { kind: 'bearer', token: 'sample-token-123' } } },
        operation: 'GET /customers',
        limit: 6,
        pageSize: 3,
      });
      expect(result).toMatchObject({ records: 6, pages: 2, samples: [] });
      const flagged = result.profile.fields.filter((field) => field.undocumented).map((field) => field.path);
      expect(flagged.sort()).toEqual(['loyalty', 'loyalty.points', 'loyalty.tier']);
      expect(result.profile.fields.find((field) => field.path === 'email')).toMatchObject({ present: 6, undocumented: false });
      expect(await call('sandbox.samples', { systemId: crm.id })).toEqual([]);
      session.close();
    } finally {
      drifting.close();
      await mock.close();
    }
  });
});
