// Relation lists: a list of links to related records holds those records' identifiers. It sits under a container
// naming links (`relation.contact[].entity.id`, `links.account[].id`, `associations.deals[].id`) or is named for them
// (`related_accounts[].id`), and its element carries an identifier, itself or in one wrapper object (`entity`,
// `data`). The identifier reads as the named record's (`contact[].id`), so it meets a scalar reference to that record
// (`contact_id`: the first element's) and a list of such references (`contact_ids`). Paths stay as written.
import type { CatalogueField } from '../../../shared/catalogue';
import type { PathView } from './naming-views';
import { nameTerms, normalWords } from './tokens';

/** Objects grouping links to other records by the kind of record. */
const CONTAINERS = new Set(['relation', 'relationship', 'link', 'related', 'association', 'linked', 'connection']);
/** Words saying a list's records are linked, not owned (`related_accounts`, `linkedContacts`). */
const LINK_WORDS = new Set(['related', 'linked', 'associated']);
/** An element's object standing for the linked record (`{ entity: { id } }`, `{ data: { id } }`). */
const WRAPPERS = new Set(['entity', 'data', 'record', 'object', 'resource', 'target', 'node']);

const isIdentifier = (name: string) => {
  const terms = nameTerms(name);
  return terms.length === 1 && terms[0] === 'c:identifier';
};

/** Adds to `views` each relation list's identifier, read as `<record>[].<id>`, with the list it is in. */
export function withRelationLists(fields: CatalogueField[], views: Map<string, PathView>): Map<string, PathView> {
  const paths = new Set(fields.map((field) => views.get(field.path)?.path ?? field.path));
  for (const field of fields) {
    if (!field.leaf || !isIdentifier(field.name)) continue;
    const view = views.get(field.path) ?? { path: field.path, parent: field.parent };
    const segments = view.path.split('.');
    // The list segment: the one before the leaf, or before a wrapper object between them.
    let at = segments.length - 2;
    if (at >= 1 && !segments[at]!.endsWith('[]') && WRAPPERS.has(normalWords(segments[at]!).join(' '))) at--;
    const list = segments[at];
    if (list === undefined || !list.endsWith('[]')) continue;
    const listWords = normalWords(list.slice(0, -2));
    const container = at > 0 ? normalWords(segments[at - 1]!.replace(/\[\]$/, '')) : [];
    const underContainer = container.length === 1 && CONTAINERS.has(container[0]!);
    const named = listWords.length > 1 && LINK_WORDS.has(listWords[0]!);
    if (!underContainer && !named) continue;
    const record = named ? list.slice(0, -2).replace(/^(?:related|linked|associated)[_-]?/i, '') : list.slice(0, -2);
    if (record === '') continue;
    const kept = [...segments.slice(0, underContainer ? at - 1 : at), `${record}[]`, field.name];
    const path = kept.join('.');
    if (path === view.path || paths.has(path)) continue;
    paths.add(path);
    views.set(field.path, { path, parent: kept.slice(0, -1).join('.').replace(/\[\]$/, ''), linkList: field.path.slice(0, field.path.lastIndexOf('[]') + 2) });
  }
  return views;
}
