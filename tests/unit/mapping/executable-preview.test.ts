import { describe, expect, it } from 'vitest';
import type { MappingRow } from '../../../src/shared/contract';
import { openDemoSession } from '../../helpers/handlers';
import { present } from '../../helpers/narrow';
import type { Call } from '../../helpers/calls';
import { twoLineOrder as order } from '../../helpers/orders';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- payloads are read by path in assertions
type Json = Record<string, any>;


async function ordersToInvoices() {
  const demo = await openDemoSession();
  const flow = present((await demo.call('flows.list')).find((each) => each.name === 'Orders to invoices'), 'the demo flow');
  const sheet = await demo.call('mapping.sheet', { flowId: flow.id });
  const row = (target: string) => present(sheet.rows.find((each) => each.targetPath === target), `the row for ${target}`);
  const preview = (payload: unknown = order) => demo.call('mapping.preview', { flowId: flow.id, payload: { kind: 'json', text: JSON.stringify(payload) } });
  return { ...demo, flow, sheet, row, preview };
}

/** Rows whose target is read-only in Ledgerly's document, marked not needed: what an analyst does once the preview names them. */
async function dropReadOnly(call: Call, rows: MappingRow[]) {
  for (const target of ['invoice_id', 'sub_total', 'total_tax', 'total', 'created_utc', 'updated_utc']) {
    await call('mapping.updateRow', { rowId: present(rows.find((each) => each.targetPath === target), target).id, status: 'not_needed' });
  }
  for (const each of rows.filter((r) => r.targetPath.startsWith('contact.'))) await call('mapping.updateRow', { rowId: each.id, status: 'not_needed' });
}

describe('preview of the demo flow Orders to invoices', () => {
  it('builds the nested target from generated expressions, ties each problem to its row and gives provenance', async () => {
    const { session, call, flow, row, preview } = await ordersToInvoices();
    const { expressions } = await call('mapping.checks', { flowId: flow.id });
    const expression = (target: string) => present(expressions.find((each) => each.rowId === row(target).id), target);
    expect(expression('reference')).toMatchObject({ expression: 'orderNumber', generated: true, runs: true, context: [], error: null });
    expect(expression('line_items[].qty')).toMatchObject({ expression: 'quantity', context: ['lines[]'] });
    // A root field read from inside the array pairing comes from the root.
    expect(expression('line_items[].tax_amount')).toMatchObject({ expression: '$$.taxTotal', context: ['lines[]'] });
    expect(expression('issue_date')).toMatchObject({ expression: null, runs: false });

    const result = await preview();
    const target = result.target as Json;
    expect(target.reference).toBe('SO-004217');
    expect(target.status).toBe('AUTHORISED'); // value map: confirmed → AUTHORISED
    expect(target.priority).toBe(1); // value map into an integer field: the literal is a number
    expect(target.line_items).toEqual([
      { item_code: 'DRL-18V-PRO', description: '18 V, two batteries', qty: 5, unit_amount: 248.1, tax_amount: 256.06, line_amount: 1240.5 },
      { item_code: 'BIT-SET-42', description: '42 pieces', qty: 2, unit_amount: 19.9, tax_amount: 256.06, line_amount: 39.8 },
    ]);
    expect(target.contact.addresses).toEqual([{ address_type: 'BILLING', address_line_1: '221 Harbour Road', city: 'Bristol', postcode: 'BS1 5TY', country_code: 'GB' }]);

    const byKeyword = (keyword: string) => result.problems.filter((problem) => problem.keyword === keyword);
    expect(byKeyword('required')).toEqual([
      expect.objectContaining({ mapId: row('issue_date').mapId, path: 'issue_date', message: expect.stringMatching(/no row fills this required field/) }),
    ]);
    expect(byKeyword('readOnly').map((problem) => problem.mapId)).toEqual(expect.arrayContaining([row('invoice_id').mapId, row('sub_total').mapId, row('contact.contact_id').mapId]));
    expect(byKeyword('enum')).toContainEqual(expect.objectContaining({ mapId: row('billing_address.address_type').mapId, pointer: '/billing_address/address_type' }));

    const second = present(result.provenance.find((entry) => entry.pointer === '/line_items/1/qty'), 'provenance of the second line');
    expect(second).toMatchObject({ mapId: row('line_items[].qty').mapId, sources: [{ path: 'lines[].quantity', pointer: '/lines/1/quantity', value: 2 }] });
    session.close();
  });

  it('runs each kind of row: constant, default, lookup, conditional, concatenation, split, derived with a written expression', async () => {
    const { session, call, row, preview } = await ordersToInvoices();
    await call('mapping.updateRow', { rowId: row('issue_date').id, sourcePaths: ['orderDate'] });
    await call('mapping.updateRow', { rowId: row('due_date').id, mappingType: 'derived', sourcePaths: ['orderDate'], transformation: 'order date plus 30 days', expression: '$fromMillis($toMillis(orderDate, "[Y]-[M]-[D]") + 30 * 86400000, "[Y0001]-[M01]-[D01]")' });
    await call('mapping.updateRow', { rowId: row('line_items[].account_code').id, mappingType: 'constant', defaultValue: '200' });
    await call('mapping.updateRow', { rowId: row('memo').id, defaultValue: 'No notes' });
    await call('mapping.updateRow', { rowId: row('status').id, valueMap: [{ source: 'confirmed', target: 'DRAFT' }] });
    await call('mapping.updateRow', { rowId: row('line_items[].description').id, mappingType: 'concatenation', sourcePaths: ['lines[].sku', 'lines[].productName'], transformation: 'joined with " - "' });
    await call('mapping.updateRow', { rowId: row('invoice_number').id, mappingType: 'conditional', sourcePaths: ['orderNumber'], condition: 'status = "confirmed"' });
    await call('mapping.updateRow', { rowId: row('contact.given_name').id, mappingType: 'split', sourcePaths: ['notes'] });
    await call('mapping.updateRow', { rowId: row('contact.family_name').id, mappingType: 'split', sourcePaths: ['notes'] });
    const target = (await preview({ ...order, notes: undefined, customer: { ...order.customer, firstName: undefined } })).target as Json;
    expect(target).toMatchObject({ issue_date: '2025-06-11', due_date: '2025-07-11', memo: 'No notes', status: 'DRAFT', invoice_number: 'SO-004217' });
    expect(target.line_items.map((line: Json) => [line.account_code, line.description])).toEqual([
      ['200', 'DRL-18V-PRO - Cordless drill'],
      ['200', 'BIT-SET-42 - Drill bit set'],
    ]);
    expect(target.contact.given_name).toBeUndefined(); // the split's source is absent from this payload

    const split = (await preview({ ...order, notes: 'Maria van der Berg', status: 'open' })).target as Json;
    expect([split.contact.given_name, split.contact.family_name]).toEqual(['Maria', 'van der Berg']);
    expect(split.invoice_number).toBeUndefined(); // the condition is false for an open order
    expect(split.status).toBe('open'); // no value-map entry: passed through, so the check names it
    session.close();
  });

  it('turns clean once the problems are fixed in the sheet', async () => {
    const { session, call, sheet, row, preview } = await ordersToInvoices();
    await dropReadOnly(call, sheet.rows);
    await call('mapping.updateRow', { rowId: row('billing_address.address_type').id, mappingType: 'lookup', valueMap: [{ source: 'BILLING', target: 'STREET' }, { source: 'SHIPPING', target: 'DELIVERY' }] });
    const before = await preview();
    expect(before.problems.map((problem) => problem.path)).toEqual(['issue_date']);
    await call('mapping.updateRow', { rowId: row('issue_date').id, sourcePaths: ['orderDate'] });
    expect((await preview()).problems).toEqual([]);
    session.close();
  });

  it('flags a written expression that changed alone, and shows a parse error inline', async () => {
    const { session, call, flow, row } = await ordersToInvoices();
    const written = await call('mapping.updateRow', { rowId: row('reference').id, expression: '$uppercase(orderNumber)' });
    expect(written).toMatchObject({ expression: '$uppercase(orderNumber)', expressionDrift: true });
    const together = await call('mapping.updateRow', { rowId: row('reference').id, expression: '$lowercase(orderNumber)', transformation: 'lower case' });
    expect(together.expressionDrift).toBe(false);
    expect((await call('mapping.updateRow', { rowId: row('reference').id, transformation: 'as is' })).expressionDrift).toBe(true);
    expect((await call('mapping.updateRow', { rowId: row('reference').id, expression: '' })).expression).toBeNull();

    await call('mapping.updateRow', { rowId: row('memo').id, expression: 'notes & ' });
    const { expressions } = await call('mapping.checks', { flowId: flow.id });
    expect(expressions.find((each) => each.rowId === row('memo').id)?.error).toMatch(/at character \d+/);
    session.close();
  });

  it('previews a saved or generated payload and refuses text that is not JSON', async () => {
    const { session, call, flow } = await ordersToInvoices();
    const generated = await call('mapping.preview', { flowId: flow.id, payload: { kind: 'generated', seed: 3 } });
    expect(generated.source).toMatchObject({ orderNumber: expect.any(String) });
    expect((generated.target as Record<string, unknown>).reference).toBe((generated.source as Record<string, unknown>).orderNumber);
    await expect(call('mapping.preview', { flowId: flow.id, payload: { kind: 'json', text: '{"id": ' } })).rejects.toThrow(/BAD_PAYLOAD: The payload is not JSON/);
    session.close();
  });
});

describe('preview with array pairings', () => {
  it('fills a discriminated array from a filtered source array and a source object, each element with its discriminator', async () => {
    const { session, call, flow, preview } = await ordersToInvoices();
    await call('mapping.createPairing', { flowId: flow.id, targetPath: 'line_items[]', sourcePath: 'lines[]' });
    const billing = await call('mapping.createPairing', {
      flowId: flow.id,
      targetPath: 'contact.addresses[]',
      sourcePath: 'customer.addresses[]',
      discriminator: { path: 'address_type', value: 'STREET' },
      filter: 'addressType = "BILLING"',
    });
    await call('mapping.createPairing', { flowId: flow.id, targetPath: 'contact.addresses[]', sourcePath: 'shippingAddress', discriminator: { path: 'address_type', value: 'DELIVERY' } });
    const { expressions } = await call('mapping.checks', { flowId: flow.id });
    const cityRow = present(billing.rows.find((row) => row.targetPath === 'contact.addresses[].city'), 'the billing city row');
    expect(expressions.find((each) => each.rowId === cityRow.id)).toMatchObject({ context: ['customer.addresses[]'], error: null });

    const payload = {
      ...order,
      customer: { ...order.customer, addresses: [{ addressType: 'SHIPPING', street1: 'x', city: 'Leeds', postalCode: 'LS1', country: 'GB' }, ...order.customer.addresses] },
      shippingAddress: { addressType: 'SHIPPING', street1: '9 Dock Street', city: 'Cardiff', postalCode: 'CF10', country: 'GB' },
    };
    const target = (await preview(payload)).target as Json;
    expect(target.contact.addresses.map((address: Json) => [address.address_type, address.city])).toEqual([
      ['STREET', 'Bristol'],
      ['DELIVERY', 'Cardiff'],
    ]);
    expect(target.line_items).toHaveLength(2);
    session.close();
  });
});
