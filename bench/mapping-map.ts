// `crosswalk map`'s engine on 10,000 records: the demo flow Orders to invoices (its suggested rows, the
// line items run inside lines[]) evaluated in the expression worker, in batches of 500 as the command
// does (rows composed into one expression, and row by row as before), against a hand-written JavaScript
// function doing the same mapping (the limit). Same run, same records.
//   npx tsx bench/mapping-map.ts [records]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDemoWorkspace } from '../src/main/demo/demo-workspace';
import { evaluateFlow, prepareFlow } from '../src/main/mapping/expressions/preview';
import { listFlows } from '../src/main/mapping/flows';
import { mappingSheet } from '../src/main/mapping/sheet';
import { SystemImports } from '../src/main/openapi/system-import';
import { defaultWorkerRunner } from '../src/main/platform/workers/runner';

type Json = Record<string, unknown>;

function record(i: number): Json {
  return {
    id: `o-${i}`,
    orderNumber: `SO-${i}`,
    customerId: `c-${i % 97}`,
    customer: { id: `c-${i % 97}`, firstName: 'Maria', lastName: 'Okafor', email: 'm@example.org', addresses: [{ addressType: 'BILLING', street1: '1 Road', city: 'Bristol', postalCode: 'BS1', country: 'GB' }] },
    status: ['open', 'confirmed', 'cancelled'][i % 3],
    priority: ['High', 'Medium', 'Low'][i % 3],
    currency: 'GBP',
    lines: Array.from({ length: 1 + (i % 4) }, (_, n) => ({ sku: `S-${n}`, description: 'x', quantity: n + 1, unitPrice: 2.5, discountPercent: 0, lineTotal: 2.5 * (n + 1) })),
    subtotal: 10,
    taxTotal: 2,
    total: 12,
    billingAddress: { addressType: 'BILLING', street1: '1 Road', city: 'Bristol', postalCode: 'BS1', country: 'GB' },
    notes: 'n',
    createdAt: '2025-01-01T00:00:00Z',
    updatedAt: '2025-01-02T00:00:00Z',
  };
}

const STATUS: Json = { open: 'SUBMITTED', confirmed: 'AUTHORISED', cancelled: 'VOIDED' };
const PRIORITY: Json = { High: 1, Medium: 2, Low: 3 };

/** The same mapping written by hand. */
function byHand(o: Json): Json {
  const c = o.customer as Json;
  const b = o.billingAddress as Json;
  return {
    invoice_id: o.id, invoice_number: o.orderNumber, reference: o.orderNumber, contact_id: o.customerId,
    contact: {
      contact_id: c.id, given_name: c.firstName, family_name: c.lastName, email_address: c.email,
      addresses: (c.addresses as Json[]).map((a) => ({ address_type: a.addressType, address_line_1: a.street1, city: a.city, postcode: a.postalCode, country_code: a.country })),
    },
    status: STATUS[o.status as string] ?? o.status, priority: PRIORITY[o.priority as string] ?? o.priority, currency_code: o.currency,
    line_items: (o.lines as Json[]).map((l) => ({ item_code: l.sku, description: l.description, qty: l.quantity, unit_amount: l.unitPrice, discount_rate: l.discountPercent, tax_amount: o.taxTotal, line_amount: l.lineTotal })),
    sub_total: o.subtotal, total_tax: o.taxTotal, total: o.total,
    billing_address: { address_type: b.addressType, address_line_1: b.street1, city: b.city, postcode: b.postalCode, country_code: b.country },
    memo: o.notes, created_utc: o.createdAt, updated_utc: o.updatedAt,
  };
}

async function main() {
  const count = Number(process.argv[2] ?? 10_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crosswalk-bench-map-'));
  const workspace = await createDemoWorkspace(path.join(dir, 'demo.crosswalk'));
  const imports = new SystemImports();
  const flowId = listFlows(workspace).find((flow) => flow.name === 'Orders to invoices')!.id;
  await mappingSheet(workspace, imports, flowId);
  const prepared = await prepareFlow(workspace, imports, flowId);
  const records = Array.from({ length: count }, (_, i) => record(i));
  await evaluateFlow(prepared, records.slice(0, 50)); // the warm worker started and jsonata compiled, as in a running app
  let started = performance.now();
  const ours: unknown[] = [];
  for (let at = 0; at < records.length; at += 500) ours.push(...(await evaluateFlow(prepared, records.slice(at, at + 500))).map((each) => each.target));
  const oursMs = performance.now() - started;
  // The same batches with the rows run one by one (one jsonata evaluation per row and record), as before they were composed.
  started = performance.now();
  for (let at = 0; at < records.length; at += 500) await evaluateFlow(prepared, records.slice(at, at + 500), { rowByRow: true });
  const rowByRowMs = performance.now() - started;
  started = performance.now();
  const hand = records.map((each) => JSON.stringify(byHand(each)));
  const handMs = performance.now() - started;
  const canonical = (value: unknown): unknown =>
    Array.isArray(value) ? value.map(canonical) : value && typeof value === 'object' ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, canonical(v)])) : value;
  const differing = ours.filter((target, i) => JSON.stringify(canonical(target)) !== JSON.stringify(canonical(JSON.parse(hand[i]!))));
  const same = differing.length === 0;
  if (!same) console.log('first difference:', JSON.stringify(canonical(differing[0])).slice(0, 400));
  console.log(`records: ${count}; units: ${prepared.units.length}`);
  console.log(`expressions (worker, batches of 500): ${oursMs.toFixed(0)} ms, ${Math.round((count / oursMs) * 1000)} records/s`);
  console.log(`  the same, row by row:                ${rowByRowMs.toFixed(0)} ms, ${Math.round((count / rowByRowMs) * 1000)} records/s`);
  console.log(`hand-written JS function:             ${handMs.toFixed(0)} ms, ${Math.round((count / handMs) * 1000)} records/s`);
  console.log(`ratio: ${(oursMs / handMs).toFixed(1)}x; same targets: ${same}`);
  workspace.close();
  await defaultWorkerRunner.stopAll();
  fs.rmSync(dir, { recursive: true, force: true });
}

void main();
