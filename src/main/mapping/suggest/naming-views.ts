// How a field's path and name read when API conventions add words that name nothing of the record: containers
// (JSON:API's `attributes` and `relationships` and a relationship's `data`: `relationships.account.data.id` is the
// account's id; a list object's `data`: `lines.data[].amount` is a line's amount) and JSON:API's resource `type`.
// Paths stay as the entity writes them; only the engine reads them so.
import type { CatalogueEntity, CatalogueField } from '../../../shared/catalogue';
import { withFlatLegs } from './flat-prefixes';
import { withPersonObjects } from './person-objects';
import { withRecordVersions } from './record-versions';
import { withRelationLists } from './relation-lists';
import { withValueWrappers } from './value-wrappers';

/** The fields that read otherwise than they are written, by path. */
export function namingViews(entity: CatalogueEntity): Map<string, PathView> {
  return withRecordVersions(entity, withFlatLegs(entity.fields, withPersonObjects(entity.fields, withRelationLists(entity.fields, withValueWrappers(entity.fields, lookThroughContainers(entity.fields))))));
}

/** The path and parent a field is named by. */
export interface PathView {
  path: string;
  parent?: string | undefined;
  /** The name it reads as, when not its own. */
  readAs?: string;
  /** The list of links to other records it is the identifier in (`relation.contact[]`; see relation-lists.ts). */
  linkList?: string;
}

const CONTAINERS = new Set(['attributes', 'relationships', 'data']);

/**
 * Each field under such a container with the path and parent it reads as (`attributes.status` → `status`,
 * `lines.data[].id` → `lines[].id`). A container whose removal would make two fields read alike stays.
 */
function lookThroughContainers(fields: CatalogueField[]): Map<string, PathView> {
  const containers = new Set<string>();
  for (const field of fields) {
    const parent = field.parent?.replace(/\[\]$/, '');
    if (parent === undefined) continue;
    const last = parent.split('.').pop()!.toLowerCase();
    // A list of `attributes` is a record's own list (a variant's name/value pairs), not a wrapper: only a list's `data` is.
    if (CONTAINERS.has(last) && (last === 'data' || !field.path.startsWith(`${parent}[]`))) containers.add(parent);
  }
  const views = new Map<string, PathView>();
  if (containers.size === 0) return views;
  for (;;) {
    views.clear();
    const byView = new Map<string, string>();
    const clashing = new Set<string>();
    for (const field of fields) {
      const path = viewOf(field.path, containers);
      const seen = byView.get(path);
      if (seen !== undefined) for (const real of [seen, field.path]) for (const container of containers) if (real.startsWith(`${container}.`) || real.startsWith(`${container}[]`)) clashing.add(container);
      byView.set(path, field.path);
      if (path !== field.path) views.set(field.path, { path, parent: field.parent === undefined ? undefined : parentView(field.parent, containers) });
    }
    if (clashing.size === 0) return withResourceTypes(fields, containers, views);
    for (const container of clashing) containers.delete(container);
    if (containers.size === 0) return new Map();
  }
}

/** A path without the container segments in `containers` (a list container's `[]` moves to the segment before it). */
function viewOf(path: string, containers: Set<string>): string {
  const segments = path.split('.');
  const kept: string[] = [];
  let real = '';
  for (const segment of segments) {
    const bare = segment.endsWith('[]') ? segment.slice(0, -2) : segment;
    const at = real === '' ? bare : `${real}.${bare}`;
    real = real === '' ? segment : `${real}.${segment}`;
    if (containers.has(at) && at !== path) {
      if (segment.endsWith('[]')) {
        if (kept.length === 0) return path;
        kept[kept.length - 1] = `${kept[kept.length - 1]!.replace(/\[\]$/, '')}[]`;
      }
      continue;
    }
    kept.push(segment);
  }
  return kept.join('.');
}

/** The parent as it reads: the nearest ancestor that is not a container, written as a parent is (no trailing `[]`). */
function parentView(parent: string, containers: Set<string>): string | undefined {
  let at: string | undefined = parent.replace(/\[\]$/, '');
  while (at !== undefined && containers.has(at)) {
    const dot = at.lastIndexOf('.');
    at = dot < 0 ? undefined : at.slice(0, dot).replace(/\[\]$/, '');
  }
  if (at === undefined) return undefined;
  const path = viewOf(at, containers);
  return path.replace(/\[\]$/, '');
}

/**
 * JSON:API's `type` beside an `id` in a resource object (the record's top, beside `attributes`) or in a resource
 * identifier (a relationship's `data`) names the kind of resource ("transactions"), not a type of the record.
 */
function withResourceTypes(fields: CatalogueField[], containers: Set<string>, views: Map<string, PathView>): Map<string, PathView> {
  const leaves = new Set(fields.filter((field) => field.leaf).map((field) => field.path));
  const jsonApiTop = [...containers].some((container) => container.toLowerCase() === 'attributes');
  for (const field of fields) {
    if (!field.leaf || field.name !== 'type') continue;
    const parent = field.parent?.replace(/\[\]$/, '');
    const identifier = parent === undefined ? jsonApiTop : containers.has(parent) && parent.split('.').pop()!.toLowerCase() === 'data';
    const inList = parent !== undefined && field.path.startsWith(`${parent}[]`);
    const id = parent === undefined ? 'id' : `${parent}${inList ? '[]' : ''}.id`;
    if (identifier && leaves.has(id)) views.set(field.path, { ...(views.get(field.path) ?? { path: field.path, parent: field.parent }), readAs: 'resource type' });
  }
  return views;
}
