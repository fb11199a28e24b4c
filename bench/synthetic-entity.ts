// A synthetic entity of `n` leaf fields with realistic words in camelCase or snake_case (seeded, so runs
// compare), for the suggestion engine's speed and equivalence benchmarks.
import type { CatalogueEntity, CatalogueField } from '../src/shared/catalogue';

const WORDS = ['customer', 'order', 'invoice', 'line', 'item', 'billing', 'shipping', 'address', 'city', 'postal', 'code', 'first', 'last', 'name',
  'email', 'phone', 'total', 'tax', 'amount', 'price', 'quantity', 'status', 'created', 'updated', 'date', 'id', 'number', 'reference', 'currency',
  'discount', 'rate', 'account', 'product', 'sku', 'note', 'due', 'start', 'end', 'owner', 'priority', 'tag', 'region', 'country', 'company'];

function rng(seed: number) {
  return () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
}

export function syntheticEntity(name: string, seed: number, style: 'camel' | 'snake', n: number): CatalogueEntity {
  const random = rng(seed);
  const fields: CatalogueField[] = [];
  for (let i = 0; fields.length < n; i++) {
    const parent = `${WORDS[Math.floor(random() * WORDS.length)]}${i % 7}`;
    for (let j = 0; j < 5 && fields.length < n; j++) {
      const words = [0, 1, 2].slice(0, 1 + Math.floor(random() * 3)).map(() => WORDS[Math.floor(random() * WORDS.length)]!);
      const leaf = style === 'camel' ? words.map((w, k) => (k ? w[0]!.toUpperCase() + w.slice(1) : w)).join('') + i : `${words.join('_')}_${i}`;
      fields.push({ path: `${parent}.${leaf}`, name: leaf, parent, depth: 1, type: random() < 0.7 ? 'string' : 'number', nullable: false, readOnly: false, writeOnly: false, deprecated: false, required: false, leaf: true,
        description: `The ${words.join(' ')} of the ${parent}.` });
    }
  }
  return { id: `schema:${name}`, kind: 'schema', name, pointer: '#', shape: { type: 'object', nullable: false, readOnly: false, writeOnly: false, deprecated: false }, fields, usedBy: [] };
}
