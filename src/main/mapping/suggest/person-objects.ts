// A person object inside a role (`lastModifiedBy.user.id`, `createdBy.user.displayName`) is the role's person: the
// path reads without it (`lastModifiedBy.id`), so its leaves meet a flat `<role>_id` or a role object's leaves
// (`updateAuthor.accountId`). Paths stay as the entity writes them; only the engine reads them so.
import type { CatalogueField } from '../../../shared/catalogue';
import type { PathView } from './naming-views';
import { nameTerms } from './tokens';

/** Objects that stand for a person without saying in which role. */
const PERSON_OBJECTS = new Set(['user', 'person', 'member', 'resource', 'c:employee', 'identity']);

const isRole = (segment: string) => nameTerms(segment.replace(/\[\]$/, '')).some((term) => term === 'c:author' || term === 'c:assignee' || term === 'c:updated by' || term.endsWith(' by'));
const isPerson = (segment: string) => {
  const terms = nameTerms(segment.replace(/\[\]$/, ''));
  return terms.length === 1 && PERSON_OBJECTS.has(terms[0]!);
};

/** Adds to `views` the fields under a person object directly inside a role, read without that object. */
export function withPersonObjects(fields: CatalogueField[], views: Map<string, PathView>): Map<string, PathView> {
  const paths = new Set(fields.map((field) => views.get(field.path)?.path ?? field.path));
  for (const field of fields) {
    const view = views.get(field.path) ?? { path: field.path, parent: field.parent };
    const segments = view.path.split('.');
    // Only an object in the middle of the path (`createdBy.user.id`), never the leaf itself.
    const at = segments.findIndex((segment, i) => i > 0 && i < segments.length - 1 && isPerson(segment) && isRole(segments[i - 1]!));
    if (at < 0) continue;
    const path = [...segments.slice(0, at), ...segments.slice(at + 1)].join('.');
    // `createdBy.id` beside `createdBy.user.id`: two fields would read alike, so both keep their paths.
    if (paths.has(path)) continue;
    const parentSegments = path.split('.').slice(0, -1);
    views.set(field.path, { ...view, path, parent: parentSegments.length > 0 ? parentSegments.join('.').replace(/\[\]$/, '') : undefined });
  }
  return views;
}
