// A flow's root on each side: the object inside its entity the flow maps (`Employee` in
// `{ "Employee": { "FirstName": … } }`, `data`, `items[]`), '' for the entity itself. The sheet's paths
// are relative to it. Pure: entities in, entities out.
import type { CatalogueEntity, CatalogueField } from '../../shared/catalogue';
import { UserError } from '../errors';

/** The root written as the prefix of its children's paths: `Employee`, `items[]` (an array's element), `data.items[]`. */
const rootOf = (field: CatalogueField) => (field.type === 'array' ? `${field.path}[]` : field.path);

/** A path relative to `root` as the entity writes it: `Employee` + `FirstName` → `Employee.FirstName`. */
export const joinRoot = (root: string, path: string) => (root === '' ? path : path === '' ? root : `${root}.${path}`);

/** `path` relative to `root`, or undefined when it is not under it. */
export function underRoot(root: string, path: string): string | undefined {
  if (root === '') return path;
  return path.startsWith(`${root}.`) ? path.slice(root.length + 1) : undefined;
}

/** The objects (and arrays of objects) of the entity a flow can be rooted at, in catalogue order, each as a root. */
export function objectRoots(entity: CatalogueEntity): string[] {
  const parents = new Set(entity.fields.map((field) => field.parent).filter((parent) => parent !== undefined));
  return entity.fields.filter((field) => !field.leaf && parents.has(field.path)).map(rootOf);
}

/**
 * The entity as seen from `root`: only the fields under it, with paths, parents and depths relative to
 * it, and an id of its own (the suggestion cache keys on it). Unknown roots fail naming the ones there are.
 */
export function rootEntity(entity: CatalogueEntity, root: string): CatalogueEntity {
  if (root === '') return entity;
  const fields: CatalogueField[] = [];
  for (const field of entity.fields) {
    const path = underRoot(root, field.path);
    if (path === undefined) continue;
    const parent = field.parent === undefined || field.parent === root || `${field.parent}[]` === root ? undefined : underRoot(root, field.parent);
    const rooted: CatalogueField = { ...field, path };
    if (parent === undefined) delete rooted.parent;
    else rooted.parent = parent;
    fields.push(rooted);
  }
  if (fields.length === 0) {
    const roots = objectRoots(entity);
    throw new UserError(
      'ROOT_NOT_FOUND',
      `${entity.name} has no object "${root}" with fields to root the flow at` +
        (roots.length > 0 ? `; its objects are ${roots.slice(0, 8).map((r) => `"${r}"`).join(', ')}${roots.length > 8 ? ', …' : ''}.` : ': map the entity as a whole (no root).'),
    );
  }
  const offset = Math.min(...fields.map((field) => field.depth));
  return { ...entity, id: `${entity.id}#${root}`, root, fields: fields.map((field) => ({ ...field, depth: field.depth - offset })) };
}

/** An entity as messages name it: `Invoice`, or `PutTransactionWrapper › transaction` when seen from a root. */
export const entityName = (entity: Pick<CatalogueEntity, 'name' | 'root'>) => (entity.root ? `${entity.name} › ${entity.root}` : entity.name);

/**
 * A field as messages name it, its path as the sheet's rows write it: `Invoice.lines[].amount`, or
 * `PutTransactionWrapper › transaction › amount` in a rooted flow (the root stated, never glued to the
 * root-relative path as if it were the entity's own).
 */
export const fieldName = (entity: Pick<CatalogueEntity, 'name' | 'root'>, path: string) => (entity.root ? `${entityName(entity)} › ${path}` : `${entity.name}.${path}`);

const normal = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '');
const ENVELOPES = new Set(['data', 'result', 'results', 'items', 'item', 'payload', 'body', 'record', 'value']);

export interface RootProposal {
  root: string;
  /** Why, for the analyst: "Employee wraps every field of the entity". */
  reason: string;
}

/**
 * The root Crosswalk proposes: down through single-property wrappers (`{ Employee: {…} }`) and envelopes
 * (`data`, `result`, `items[]`, the entity's own name) that hold most of the entity's fields beside a
 * few others (paging, links). Undefined when the entity maps as a whole.
 */
export function proposeRoot(entity: CatalogueEntity): RootProposal | undefined {
  let root = '';
  const reasons: string[] = [];
  for (;;) {
    const scope = root === '' ? entity.fields : entity.fields.filter((field) => underRoot(root, field.path) !== undefined);
    const leaves = scope.filter((field) => field.leaf).length;
    const top = scope.filter((field) => field.depth === Math.min(...scope.map((each) => each.depth)));
    const objects = top.filter((field) => !field.leaf && scope.some((child) => child.parent === field.path));
    let next: CatalogueField | undefined;
    if (top.length === 1 && objects.length === 1) {
      next = objects[0];
      reasons.push(`${next!.name} wraps every field${root ? ` of ${root}` : ''}`);
    } else {
      next = objects.find((field) => ENVELOPES.has(normal(field.name)) || normal(field.name) === normal(entity.name));
      const held = next ? scope.filter((field) => field.leaf && field.path.startsWith(`${rootOf(next!)}.`)).length : 0;
      if (!next || held < leaves * 0.6) break;
      reasons.push(`${next.name} is an envelope holding ${held} of ${leaves} fields`);
    }
    root = rootOf(next!);
  }
  return root === '' ? undefined : { root, reason: reasons.join('; ') };
}

/**
 * The objects every field of the entity is under, one inside the other (`Employee`, `data.items[]`): what
 * the suggestion engine looks through so that a subtree one level deeper on one side still matches.
 */
export function singleWrapper(entity: CatalogueEntity): string {
  let root = '';
  for (;;) {
    const scope = entity.fields.filter((field) => underRoot(root, field.path) !== undefined);
    const depth = Math.min(...scope.map((field) => field.depth));
    const top = scope.filter((field) => field.depth === depth);
    if (top.length !== 1 || top[0]!.leaf || !scope.some((field) => field.parent === top[0]!.path)) return root;
    root = rootOf(top[0]!);
  }
}
