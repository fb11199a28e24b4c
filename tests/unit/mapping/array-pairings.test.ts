import { describe, expect, it } from 'vitest';
import { openDemoSession } from '../../helpers/handlers';
import { present } from '../../helpers/narrow';

const ORDERS_TO_INVOICES = 2;

describe('array pairings', () => {
  it('pairs line_items[] with lines[]: the element rows move under it and the unpaired-array error goes', async () => {
    const { session, call, refused } = await openDemoSession();
    const before = await call('mapping.sheet', { flowId: ORDERS_TO_INVOICES });
    expect(before.pairings).toEqual([]);
    const lineRows = before.rows.filter((row) => row.targetPath.startsWith('line_items[].'));
    expect(lineRows.length).toBe(10);
    // Suggested element rows fed from lines[] without a pairing: which source element gives which target element is unsaid.
    const unpaired = (await call('mapping.checks', { flowId: ORDERS_TO_INVOICES })).checks.filter((check) => check.kind === 'array_unpaired');
    expect(unpaired.length).toBeGreaterThan(0);
    expect(unpaired.find((check) => check.targetPath === 'line_items[].qty')?.message).toMatch(/fed from Order.lines\[\].quantity.*pair line_items\[\] with lines\[\]/);

    const { pairing, rows } = await call('mapping.createPairing', { flowId: ORDERS_TO_INVOICES, targetPath: 'line_items[]', sourcePath: 'lines[]' });
    expect(pairing).toMatchObject({ pairId: `P-${String(pairing.id).padStart(4, '0')}`, targetPath: 'line_items[]', sourcePath: 'lines[]', discriminator: null, filter: '', status: 'accepted', parentId: null });
    // The same rows (ids, map ids), now under the pairing; a suggestion read from outside the element
    // (taxTotal, the order's) gives way to the engine's best candidate inside it.
    expect(rows.map((row) => [row.id, row.mapId])).toEqual(lineRows.map((row) => [row.id, row.mapId]));
    for (const row of rows) expect(row.sourcePaths.every((path) => path.startsWith('lines[].'))).toBe(true);
    for (const row of rows) expect(row.pairingId).toBe(pairing.id);
    expect(rows.find((row) => row.targetPath === 'line_items[].qty')?.sourcePaths).toEqual(['lines[].quantity']);

    const after = await call('mapping.sheet', { flowId: ORDERS_TO_INVOICES });
    expect(after.pairings).toEqual([pairing]);
    expect(after.rows.length).toBe(before.rows.length);
    expect((await call('mapping.checks', { flowId: ORDERS_TO_INVOICES })).checks.filter((check) => check.kind === 'array_unpaired')).toEqual(unpaired.filter((check) => !check.targetPath.startsWith('line_items[].')));

    expect(await refused('mapping.createPairing', { flowId: ORDERS_TO_INVOICES, targetPath: 'line_items[]', sourcePath: 'lines[]' })).toMatchObject({
      code: 'PAIRING_EXISTS',
      message: expect.stringContaining(pairing.pairId),
    });
    expect(await refused('mapping.createPairing', { flowId: ORDERS_TO_INVOICES, targetPath: 'line_items', sourcePath: 'lines[]' })).toMatchObject({ code: 'BAD_PAIRING', message: expect.stringMatching(/written with its \[\]/) });
    expect(await refused('mapping.createPairing', { flowId: ORDERS_TO_INVOICES, targetPath: 'line_items[]', sourcePath: 'lines' })).toMatchObject({ code: 'BAD_PAIRING', message: expect.stringMatching(/write it as lines\[\]/) });
    expect(await refused('mapping.createPairing', { flowId: ORDERS_TO_INVOICES, targetPath: 'line_items[]', sourcePath: 'parcels[]' })).toMatchObject({ code: 'BAD_PAIRING', message: expect.stringMatching(/no field "parcels"/) });
    expect(await refused('mapping.createPairing', { flowId: ORDERS_TO_INVOICES, targetPath: 'total[]', sourcePath: 'lines[]' })).toMatchObject({ code: 'BAD_PAIRING', message: expect.stringMatching(/no array field "total"/) });
    expect((await call('mapping.sheet', { flowId: ORDERS_TO_INVOICES })).pairings).toHaveLength(1);

    // A filter and notes change the pairing only; deleting it leaves the rows outside any pairing, as they were.
    const filtered = await call('mapping.updatePairing', { pairingId: pairing.id, filter: 'quantity > 0', notes: 'Free lines are dropped' });
    expect(filtered.pairing).toMatchObject({ filter: 'quantity > 0', notes: 'Free lines are dropped' });
    const deleted = await call('mapping.deletePairing', { pairingId: pairing.id });
    expect(deleted.pairings).toEqual([]);
    const released = deleted.rows.filter((row) => row.targetPath.startsWith('line_items[].'));
    expect(released.map((row) => [row.id, row.pairingId, row.sourcePaths])).toEqual(rows.map((row) => [row.id, null, row.sourcePaths]));
    expect(await refused('mapping.deletePairing', { pairingId: pairing.id })).toMatchObject({ code: 'PAIRING_NOT_FOUND' });
    session.close();
  });

  it('makes a discriminated array: contact.addresses[] from the billing and the shipping address, each with its own rows', async () => {
    const { session, call, refused } = await openDemoSession();
    await call('mapping.sheet', { flowId: ORDERS_TO_INVOICES });
    const billing = await call('mapping.createPairing', {
      flowId: ORDERS_TO_INVOICES,
      targetPath: 'contact.addresses[]',
      sourcePath: 'billingAddress',
      discriminator: { path: 'address_type', value: 'STREET' },
    });
    const delivery = await call('mapping.createPairing', {
      flowId: ORDERS_TO_INVOICES,
      targetPath: 'contact.addresses[]',
      sourcePath: 'shippingAddress',
      discriminator: { path: 'address_type', value: 'DELIVERY' },
    });
    const paths = (rows: typeof billing.rows) => rows.map((row) => row.targetPath).sort();
    expect(paths(billing.rows)).toEqual(paths(delivery.rows));
    expect(billing.rows).toHaveLength(7);
    expect(new Set([...billing.rows, ...delivery.rows].map((row) => row.mapId)).size).toBe(14);
    const city = (rows: typeof billing.rows) => present(rows.find((row) => row.targetPath === 'contact.addresses[].city'), 'the city row');
    // Each pairing's rows read its own source: the engine's candidates under it.
    expect(city(billing.rows).sourcePaths).toEqual(['billingAddress.city']);
    expect(city(delivery.rows).sourcePaths).toEqual(['shippingAddress.city']);
    const discriminator = (rows: typeof billing.rows) => present(rows.find((row) => row.targetPath === 'contact.addresses[].address_type'), 'the discriminator row');
    expect(discriminator(billing.rows)).toMatchObject({ mappingType: 'constant', defaultValue: 'STREET', status: 'accepted', sourcePaths: [] });
    expect(discriminator(delivery.rows)).toMatchObject({ mappingType: 'constant', defaultValue: 'DELIVERY', status: 'accepted' });

    const sheet = await call('mapping.sheet', { flowId: ORDERS_TO_INVOICES });
    expect(sheet.pairings.map((p) => p.discriminator?.value)).toEqual(['STREET', 'DELIVERY']);
    expect((await call('mapping.checks', { flowId: ORDERS_TO_INVOICES })).checks.filter((check) => check.targetPath.startsWith('contact.addresses[].') && check.kind === 'array_unpaired')).toEqual([]);
    expect(sheet.rows.filter((row) => row.targetPath === 'contact.addresses[].city')).toHaveLength(2);

    // A row of the billing pairing reading an element of another list: one value from a list, said where.
    const wrong = await call('mapping.updateRow', { rowId: city(billing.rows).id, sourcePaths: ['customer.addresses[].city'] });
    const checks = (await call('mapping.checks', { flowId: ORDERS_TO_INVOICES })).checks.filter((check) => check.rowId === wrong.id);
    expect(checks.map((check) => check.kind)).toContain('array_to_single');
    expect(checks.map((check) => check.kind)).not.toContain('array_unpaired');

    expect(
      await refused('mapping.createPairing', { flowId: ORDERS_TO_INVOICES, targetPath: 'contact.addresses[]', sourcePath: 'customer.addresses[]', discriminator: { path: 'kind', value: 'X' } }),
    ).toMatchObject({ code: 'BAD_PAIRING', message: expect.stringMatching(/"kind" is not a field of the element.*"address_type"/) });
    // The target's own values only (the demo's address_type knows no BILLING).
    expect(
      await refused('mapping.createPairing', { flowId: ORDERS_TO_INVOICES, targetPath: 'contact.addresses[]', sourcePath: 'customer.addresses[]', discriminator: { path: 'address_type', value: 'BILLING' } }),
    ).toMatchObject({ code: 'BAD_PAIRING', message: expect.stringMatching(/takes one of "POBOX", "STREET", "DELIVERY", not "BILLING"/) });

    // Removing one side of the discriminated array takes its rows with it; the other keeps its own.
    const { rows, pairings } = await call('mapping.deletePairing', { pairingId: delivery.pairing.id });
    expect(pairings.map((p) => p.id)).toEqual([billing.pairing.id]);
    expect(rows.filter((row) => row.targetPath.startsWith('contact.addresses[].')).map((row) => row.pairingId)).toEqual(Array(7).fill(billing.pairing.id));
    session.close();
  });

  it('records the operations a flow reads and writes with, and its write rule', async () => {
    const { session, call, refused } = await openDemoSession();
    const flow = await call('flows.get', { id: ORDERS_TO_INVOICES });
    expect(flow.endpoints).toEqual({ sourceOperation: null, targetOperation: null, writeMode: null, matchKey: '' });
    const catalogue = await call('systems.catalogue', { id: 2 });
    const post = present(catalogue.operations.find((op) => op.method === 'POST' && op.path === '/invoices'), 'POST /invoices');
    const source = present((await call('systems.catalogue', { id: 1 })).operations.find((op) => op.method === 'GET' && op.path.includes('{')), 'a GET by id');
    const set = await call('flows.setEndpoints', { id: ORDERS_TO_INVOICES, sourceOperation: source.id, targetOperation: post.id, writeMode: 'upsert', matchKey: 'reference' });
    expect(set.endpoints).toEqual({ sourceOperation: source.id, targetOperation: post.id, writeMode: 'upsert', matchKey: 'reference' });
    expect((await call('flows.list')).find((f) => f.id === ORDERS_TO_INVOICES)?.endpoints).toEqual(set.endpoints);

    expect(await refused('flows.setEndpoints', { id: ORDERS_TO_INVOICES, targetOperation: 'POST /bills' })).toMatchObject({ code: 'OPERATION_NOT_FOUND', message: expect.stringMatching(/Accounting has no operation "POST \/bills"/) });
    expect(await refused('flows.setEndpoints', { id: ORDERS_TO_INVOICES, matchKey: 'nope' })).toMatchObject({ code: 'BAD_MATCH_KEY' });
    expect(await refused('flows.setEndpoints', { id: ORDERS_TO_INVOICES, writeMode: 'update', matchKey: '' })).toMatchObject({ code: 'BAD_MATCH_KEY' });
    expect((await call('flows.get', { id: ORDERS_TO_INVOICES })).endpoints).toEqual(set.endpoints);
    session.close();
  });
});
