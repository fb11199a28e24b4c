// A flow's rows run composed into one expression per payload; on every kind of row (lookups, defaults,
// conditions, concatenations, filtered and discriminated array pairings) that gives the targets the rows
// run one by one give, and a payload on which one row fails still names that row and fills the others.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoWorkspace } from '../../../src/main/demo/demo-workspace';
import { evaluateFlow, prepareFlow } from '../../../src/main/mapping/expressions/preview';
import { listFlows } from '../../../src/main/mapping/flows';
import { createPairing } from '../../../src/main/mapping/pairing-calls';
import { listRows, updateRow } from '../../../src/main/mapping/rows';
import { mappingSheet } from '../../../src/main/mapping/sheet';
import { SystemImports } from '../../../src/main/openapi/system-import';
import type { Workspace } from '../../../src/main/workspace/workspace';

let dir: string;
let workspace: Workspace;
const imports = new SystemImports();
let flowId: number;

const address = (type: string, city: string) => ({ addressType: type, street1: `1 ${city} Road`, city, postalCode: 'X1', country: 'GB' });
const order = (n: number) => ({
  orderNumber: `SO-${n}`,
  customerId: `c-${n}`,
  customer: { id: `c-${n}`, firstName: 'Maria', lastName: 'Okafor', email: 'm@example.org', addresses: [address('SHIPPING', 'Leeds'), address('BILLING', 'Bristol')] },
  status: ['open', 'confirmed', 'shipped'][n % 3],
  priority: ['High', 'Low'][n % 2],
  currency: 'GBP',
  orderDate: '2025-06-11',
  lines: Array.from({ length: n % 4 }, (_, i) => ({ sku: `S-${i}`, productName: `P${i}`, description: i % 2 ? undefined : 'd', quantity: i, unitPrice: 2.5, lineTotal: 2.5 * i })),
  billingAddress: address('BILLING', 'Bristol'),
  shippingAddress: n % 2 ? address('SHIPPING', 'Cardiff') : undefined,
  taxTotal: 2,
  notes: n % 2 ? 'Maria van der Berg' : undefined,
});

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crosswalk-composed-'));
  workspace = await createDemoWorkspace(path.join(dir, 'demo.crosswalk'));
  flowId = listFlows(workspace).find((flow) => flow.name === 'Orders to invoices')!.id;
  await mappingSheet(workspace, imports, flowId);
  const row = (target: string) => listRows(workspace, flowId).find((each) => each.targetPath === target)!;
  updateRow(workspace, row('issue_date').id, { sourcePaths: ['orderDate'] });
  updateRow(workspace, row('memo').id, { defaultValue: 'No notes' });
  updateRow(workspace, row('invoice_number').id, { mappingType: 'conditional', sourcePaths: ['orderNumber'], condition: 'status = "confirmed"' });
  updateRow(workspace, row('contact.given_name').id, { mappingType: 'split', sourcePaths: ['notes'] });
  updateRow(workspace, row('contact.family_name').id, { mappingType: 'split', sourcePaths: ['notes'] });
  await createPairing(workspace, imports, { flowId, targetPath: 'line_items[]', sourcePath: 'lines[]', parentId: null, discriminator: null, filter: 'quantity > 0', notes: '' });
  updateRow(workspace, row('line_items[].description').id, { mappingType: 'concatenation', sourcePaths: ['lines[].sku', 'lines[].productName'], transformation: 'joined with " - "' });
  await createPairing(workspace, imports, { flowId, targetPath: 'contact.addresses[]', sourcePath: 'customer.addresses[]', parentId: null, discriminator: { path: 'address_type', value: 'STREET' }, filter: 'addressType = "BILLING"', notes: '' });
  await createPairing(workspace, imports, { flowId, targetPath: 'contact.addresses[]', sourcePath: 'shippingAddress', parentId: null, discriminator: { path: 'address_type', value: 'DELIVERY' }, filter: '', notes: '' });
}, 60_000);

afterAll(() => {
  workspace.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('rows composed into one expression', () => {
  it('build the same targets as the rows run one by one', { timeout: 60_000 }, async () => {
    const prepared = await prepareFlow(workspace, imports, flowId);
    const payloads = Array.from({ length: 12 }, (_, n) => order(n));
    const composed = await evaluateFlow(prepared, payloads);
    const oneByOne = await evaluateFlow(prepared, payloads, { rowByRow: true });
    expect(composed).toEqual(oneByOne);
    const target = composed[1]!.target as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- read by path
    expect(target.contact.addresses.map((each: { address_type: string; city: string }) => [each.address_type, each.city])).toEqual([['STREET', 'Bristol'], ['DELIVERY', 'Cardiff']]);
    expect(composed[3]!.target).toMatchObject({ line_items: [{ description: 'S-1 - P1' }, { description: 'S-2 - P2' }] });
  });

  it('fall back to one by one on a payload where a row fails: that row named, the others filled', { timeout: 60_000 }, async () => {
    const memo = listRows(workspace, flowId).find((each) => each.targetPath === 'memo')!;
    updateRow(workspace, memo.id, { expression: '$number(notes)' });
    const prepared = await prepareFlow(workspace, imports, flowId);
    const [failing, fine] = await evaluateFlow(prepared, [order(1), order(2)]);
    expect(failing!.failures).toEqual([{ rowId: memo.id, message: expect.stringMatching(/number/i) }]);
    expect(failing!.target).toMatchObject({ reference: 'SO-1', issue_date: '2025-06-11' });
    expect(fine!.failures).toEqual([]);
    updateRow(workspace, memo.id, { expression: null });
  });
});
