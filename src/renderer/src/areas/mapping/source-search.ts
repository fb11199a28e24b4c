// The source picker's search: every word typed must appear in the field's path; the field whose own
// name (the leaf) is what was typed comes first, then leaves starting with it, then leaves containing
// it, then fields matching only through their parents — shallower and shorter paths first within each.
import type { CatalogueField } from '../../../../shared/catalogue';

const leafOf = (field: CatalogueField) => field.name.toLowerCase();

function rank(field: CatalogueField, query: string): number {
  const leaf = leafOf(field);
  if (leaf === query) return 0;
  if (leaf.startsWith(query)) return 1;
  if (leaf.includes(query)) return 2;
  return 3;
}

export function searchSources(leaves: readonly CatalogueField[], typed: string, shown: number): CatalogueField[] {
  const words = typed.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return leaves.slice(0, shown);
  const query = words.join('');
  return leaves
    .filter((field) => {
      const path = field.path.toLowerCase();
      return words.every((word) => path.includes(word));
    })
    .map((field) => ({ field, rank: rank(field, query) }))
    .sort((a, b) => a.rank - b.rank || a.field.depth - b.field.depth || a.field.path.length - b.field.path.length)
    .slice(0, shown)
    .map(({ field }) => field);
}
