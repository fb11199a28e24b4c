// Suggestion engine speed: suggestMappings on two synthetic entities of 1,000 leaf fields each, against
// a bare nested loop doing one string comparison per pair (1,000,000 comparisons) in the same run.
//   npx tsx bench/suggest-speed.ts
// Target: under 0.3 s for 1,000 × 1,000 leaf fields.
import type { CatalogueEntity, CatalogueField } from '../src/shared/catalogue';
import { suggestMappings } from '../src/main/mapping/suggest';

const N = Number(process.env.N ?? 1000);
const RUNS = Number(process.env.RUNS ?? 7);
const WORDS = ['customer', 'order', 'invoice', 'line', 'item', 'billing', 'shipping', 'address', 'city', 'postal', 'code', 'first', 'last', 'name',
  'email', 'phone', 'total', 'tax', 'amount', 'price', 'quantity', 'status', 'created', 'updated', 'date', 'id', 'number', 'reference', 'currency',
  'discount', 'rate', 'account', 'product', 'sku', 'note', 'due', 'start', 'end', 'owner', 'priority', 'tag', 'region', 'country', 'company'];

function rng(seed: number) {
  return () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
}

function entity(name: string, seed: number, style: 'camel' | 'snake'): CatalogueEntity {
  const random = rng(seed);
  const fields: CatalogueField[] = [];
  for (let i = 0; fields.length < N; i++) {
    const parent = `${WORDS[Math.floor(random() * WORDS.length)]}${i % 7}`;
    for (let j = 0; j < 5 && fields.length < N; j++) {
      const words = [0, 1, 2].slice(0, 1 + Math.floor(random() * 3)).map(() => WORDS[Math.floor(random() * WORDS.length)]!);
      const leaf = style === 'camel' ? words.map((w, k) => (k ? w[0]!.toUpperCase() + w.slice(1) : w)).join('') + i : `${words.join('_')}_${i}`;
      fields.push({ path: `${parent}.${leaf}`, name: leaf, parent, depth: 1, type: random() < 0.7 ? 'string' : 'number', nullable: false, readOnly: false, writeOnly: false, deprecated: false, required: false, leaf: true,
        description: `The ${words.join(' ')} of the ${parent}.` });
    }
  }
  return { id: `schema:${name}`, kind: 'schema', name, pointer: '#', shape: { type: 'object', nullable: false, readOnly: false, writeOnly: false, deprecated: false }, fields, usedBy: [] };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const source = entity('Source', 1, 'camel');
const target = entity('Target', 2, 'snake');

const baseline: number[] = [];
const engine: number[] = [];
let sink = 0;
for (let run = 0; run < RUNS; run++) {
  let start = performance.now();
  for (const t of target.fields) for (const s of source.fields) if (t.name === s.name) sink++;
  baseline.push(performance.now() - start);
  start = performance.now();
  sink += suggestMappings(source, target).length;
  engine.push(performance.now() - start);
}
const base = median(baseline);
const ms = median(engine);
console.log(`suggestMappings ${N} × ${N} leaf fields: ${ms.toFixed(1)} ms (median of ${RUNS}; target < 300 ms) ${ms < 300 ? 'OK' : 'TOO SLOW'}`);
console.log(`baseline nested loop, one string comparison per pair: ${base.toFixed(1)} ms → ratio ${(ms / base).toFixed(1)}×  (${sink > 0 ? '' : ' '})`);
