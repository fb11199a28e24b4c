// Value wrappers: an object holding a field's value in a leaf `value` (`date_end: { value, format }`, a DTO's
// `dates.deadline: { value }`). The leaf names nothing; the object is the field, so the leaf reads as its parent
// (`date_end.value` as the record's own `date_end`). Only when nothing else in the object is a value of its own:
// `amount: { value, currency }` is money (money.ts) and `customFields[]: { name, value }` a list of pairs.
import type { CatalogueField } from '../../../shared/catalogue';
import type { PathView } from './naming-views';
import { normalWords } from './tokens';

/** What a wrapper may hold beside its value: how the value is written, and extension bags. */
const BESIDE_VALUE = new Set(['format', 'additional field', 'custom field', 'extension', 'metadata']);

/** Adds to `views` each wrapped value, read as the object holding it. */
export function withValueWrappers(fields: CatalogueField[], views: Map<string, PathView>): Map<string, PathView> {
  const children = new Map<string, string[]>();
  for (const field of fields) {
    if (field.parent === undefined) continue;
    const list = children.get(field.parent);
    if (list) list.push(field.name);
    else children.set(field.parent, [field.name]);
  }
  for (const field of fields) {
    if (!field.leaf || field.name !== 'value' || field.parent === undefined || field.parent.endsWith('[]')) continue;
    if (!children.get(field.parent)!.every((name) => name === 'value' || BESIDE_VALUE.has(normalWords(name).join(' ')))) continue;
    const view = views.get(field.path) ?? { path: field.path, parent: field.parent };
    if (!view.path.endsWith('.value')) continue;
    const path = view.path.slice(0, -'.value'.length);
    const dot = path.lastIndexOf('.');
    views.set(field.path, { path, parent: dot < 0 ? undefined : path.slice(0, dot).replace(/\[\]$/, ''), readAs: path.slice(dot + 1).replace(/\[\]$/, '') });
  }
  return views;
}
