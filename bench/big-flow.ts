// A workspace with one very large data flow, for the mapping benchmarks: two synthetic OpenAPI documents
// whose entities have about 5,000 fields each (GROUPS objects × LEAVES leaf fields), realistic names.
import fs from 'node:fs';
import path from 'node:path';
import { addFlow } from '../src/main/mapping/flows';
import { addSystem } from '../src/main/openapi/systems';
import { createWorkspace } from '../src/main/workspace/workspace';

const GROUPS = ['customer', 'billing', 'shipping', 'order', 'invoice', 'payment', 'account', 'product', 'contact', 'company', 'tax', 'discount', 'delivery', 'warehouse'];
const WORDS = ['name', 'code', 'city', 'postal', 'street', 'country', 'region', 'email', 'phone', 'total', 'amount', 'price', 'quantity', 'status', 'created', 'updated',
  'date', 'number', 'reference', 'currency', 'rate', 'sku', 'note', 'due', 'start', 'end', 'owner', 'priority', 'tag', 'description', 'type', 'kind', 'label', 'weight'];

function rng(seed: number) {
  return () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
}

/** An OpenAPI 3.0 document with one schema of `groups` × `leaves` leaf fields (plus the group objects). */
export function bigDocument(title: string, entity: string, style: 'camel' | 'snake', seed: number, groups = 98, leaves = 50) {
  const random = rng(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const properties: Record<string, unknown> = {};
  for (let g = 0; g < groups; g++) {
    const group = `${GROUPS[g % GROUPS.length]}${g >= GROUPS.length ? Math.floor(g / GROUPS.length) + 1 : ''}`;
    const inner: Record<string, unknown> = {};
    for (let l = 0; Object.keys(inner).length < leaves; l++) {
      const words = [pick(WORDS), pick(WORDS)].slice(0, 1 + Math.floor(random() * 2));
      if (l > 0) words.push(String(l));
      const name = style === 'camel' ? words.map((w, k) => (k ? w[0]!.toUpperCase() + w.slice(1) : w)).join('') : words.join('_');
      const type = random() < 0.75 ? 'string' : random() < 0.5 ? 'number' : 'integer';
      inner[name] = { type, description: `The ${words.join(' ')} of the ${group}.`, ...(type === 'string' && random() < 0.2 ? { maxLength: 40 + Math.floor(random() * 200) } : {}) };
    }
    properties[group] = { type: 'object', properties: inner };
  }
  return { openapi: '3.0.3', info: { title, version: '1.0.0' }, paths: {}, components: { schemas: { [entity]: { type: 'object', properties } } } };
}

/** Writes `<dir>/big.crosswalk` with systems Big CRM and Big ERP and the flow "Big orders" (rows not yet created). */
export function bigFlowWorkspace(dir: string, groups = 98, leaves = 50): { file: string; flowId: number } {
  const file = path.join(dir, 'big.crosswalk');
  fs.rmSync(file, { force: true });
  const workspace = createWorkspace(file, 'Big');
  const docs = [
    ['BigCRM', bigDocument('Big CRM', 'SalesOrder', 'camel', 7, groups, leaves)],
    ['BigERP', bigDocument('Big ERP', 'ErpOrder', 'snake', 11, groups, leaves)],
  ] as const;
  for (const [name, doc] of docs) {
    addSystem(workspace, name, { text: JSON.stringify(doc), files: {}, format: 'json', title: doc.info.title, apiVersion: '1.0.0', openapiVersion: '3.0.3', source: 'pasted text' });
  }
  const flow = addFlow(workspace, { name: 'Big orders', source: { system: 'BigCRM', entity: 'SalesOrder' }, target: { system: 'BigERP', entity: 'ErpOrder' } });
  workspace.close();
  return { file, flowId: flow.id };
}
