// Flat names with the prefix of a leg (`shipToCity`, `ship_to_postal_code`, `billing_email`) are a nested object written
// flat: read as `shipTo.city`, they meet `shipping_address.city` and `shipTo.city` as a nested object's leaves do. Only
// siblings sharing the prefix (two or more), only the legs an order or invoice names (shipping, billing), and only
// for the leg's address and contact. Paths stay
// as the entity writes them; only the engine reads them so.
import type { CatalogueField } from '../../../shared/catalogue';
import type { PathView } from './naming-views';
import { normalWords, splitWords, wordsToTerms } from './tokens';

/** Concepts naming a leg of an order or invoice (lexicon groups). */
const LEGS = new Set(['c:shipping', 'c:billing']);

/** What an address or a contact is made of (terms). */
const PLACE_AND_PERSON = new Set([
  'address', 'street', 'c:address line 1', 'c:address line 2', 'c:address line 3', 'c:address line 4', 'c:city', 'c:postal code',
  'c:region', 'c:county', 'c:country', 'name', 'c:first name', 'c:last name', 'c:display name', 'c:company', 'contact', 'c:customer',
  'c:email', 'c:telephone', 'c:fax', 'attention', 'recipient',
]);

/** The number of leading words of `name` that name a leg, and the terms of the rest; undefined when none. */
function legPrefix(name: string): { words: string[]; rest: string[] } | undefined {
  const words = splitWords(name);
  for (const n of [2, 1]) {
    if (words.length <= n) continue;
    const head = wordsToTerms(normalWords(words.slice(0, n).join(' ')));
    if (head.length !== 1 || !LEGS.has(head[0]!)) continue;
    const rest = words.slice(n);
    // Only the leg's place and person (`shipToCity`, `billing_email`): `shippingCarrier`, `shipping_type` say how it ships.
    if (!wordsToTerms(normalWords(rest.join(' '))).every((term) => PLACE_AND_PERSON.has(term))) return undefined;
    return { words: words.slice(0, n), rest };
  }
  return undefined;
}

/** Adds to `views` the leaves of flat legs (two or more siblings sharing the prefix), read as nested. */
export function withFlatLegs(fields: CatalogueField[], views: Map<string, PathView>): Map<string, PathView> {
  const groups = new Map<string, { field: CatalogueField; view: PathView; rest: string[]; prefix: string }[]>();
  for (const field of fields) {
    if (!field.leaf) continue;
    const view = views.get(field.path) ?? { path: field.path, parent: field.parent };
    const leg = legPrefix(view.readAs ?? field.name);
    if (!leg) continue;
    const prefix = leg.words.join('_');
    const key = `${view.parent ?? ''}\u0000${wordsToTerms(normalWords(prefix))[0]}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = []));
    group.push({ field, view, rest: leg.rest, prefix });
  }
  const paths = new Set(fields.map((field) => views.get(field.path)?.path ?? field.path));
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    for (const { field, view, rest, prefix } of group) {
      const parent = view.parent === undefined ? prefix : `${view.parent}.${prefix}`;
      const path = `${parent}.${rest.join('_')}`;
      if (paths.has(path)) continue;
      views.set(field.path, { path, parent, readAs: rest.join('_') });
    }
  }
  return views;
}
