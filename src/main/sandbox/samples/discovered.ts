// Discovered fields: properties the samples of an entity carry that its document does not list. They
// join the entity's fields (marked `discovered`) so that the catalogue, the mapping screen's source tree
// and the suggestion engine see them; a field a newer document lists is documented again, not discovered.
// Read from the workspace on every call, so a saved or deleted sample shows at once.
import type { CatalogueField } from '../../../shared/catalogue';
import type { Workspace } from '../../workspace/workspace';
import { resolveLocalPointer as valueAtPointer } from '../../openapi/load/pointer';

const MAX_EXAMPLES = 3;
const MAX_EXAMPLE_LENGTH = 80;

interface Observed {
  types: Set<string>;
  examples: string[];
  samples: Set<number>;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const typeOf = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'array' : Number.isInteger(value) ? 'integer' : typeof value);

/** The undocumented fields the samples of `entity` showed, as catalogue fields (not yet merged). */
export function discoveredFields(workspace: Workspace, systemId: number, entity: string): CatalogueField[] {
  const rows = workspace.read((db) => {
    // The samples table appears with migration 0010; a workspace opened read-only at an older schema has none.
    const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sandbox_sample'").get();
    if (!exists) return [];
    return db
      .prepare(
        `SELECT s.id, s.body, f.field, f.pointer FROM sandbox_sample_finding f JOIN sandbox_sample s ON s.id = f.sample_id
         WHERE s.system_id = ? AND s.entity = ? AND f.kind = 'undocumented-field' AND f.in_entity = 1 ORDER BY s.id, f.id`,
      )
      .all(systemId, entity) as Array<{ id: number; body: string; field: string; pointer: string }>;
  });
  if (rows.length === 0) return [];
  const observed = new Map<string, Observed>();
  const bodies = new Map<number, unknown>();
  const note = (path: string, value: unknown, sample: number) => {
    let entry = observed.get(path);
    if (!entry) observed.set(path, (entry = { types: new Set(), examples: [], samples: new Set() }));
    entry.types.add(typeOf(value));
    entry.samples.add(sample);
    if (value !== null && !isObject(value) && !Array.isArray(value)) {
      const text = String(value).slice(0, MAX_EXAMPLE_LENGTH);
      if (entry.examples.length < MAX_EXAMPLES && !entry.examples.includes(text)) entry.examples.push(text);
    }
    // An undocumented object's own properties are undocumented too.
    if (isObject(value)) for (const [name, child] of Object.entries(value)) note(`${path}.${name}`, child, sample);
    if (Array.isArray(value)) for (const item of value) if (isObject(item)) for (const [name, child] of Object.entries(item)) note(`${path}[].${name}`, child, sample);
  };
  for (const row of rows) {
    if (!bodies.has(row.id)) bodies.set(row.id, JSON.parse(row.body));
    note(row.field, valueAtPointer(bodies.get(row.id), row.pointer), row.id);
  }
  return [...observed.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([path, entry]) => toField(path, entry, observed));
}

function toField(path: string, entry: Observed, all: Map<string, Observed>): CatalogueField {
  const types = [...entry.types].filter((type) => type !== 'null');
  const type = types.length === 0 ? 'null' : types.includes('integer') && types.includes('number') ? types.filter((each) => each !== 'integer').join(' | ') : types.join(' | ');
  const parent = parentOf(path);
  const hasChildren = [...all.keys()].some((other) => other !== path && parentOf(other) === path);
  return {
    path,
    name: path.replace(/\[\]$/, '').split(/\.|\[\]\.?/).filter(Boolean).at(-1) ?? path,
    ...(parent !== undefined ? { parent } : {}),
    depth: 0,
    type,
    nullable: entry.types.has('null'),
    readOnly: false,
    writeOnly: false,
    deprecated: false,
    required: false,
    leaf: !hasChildren,
    ...(types.length === 1 && types[0] === 'array' ? { itemType: 'object' } : {}),
    discovered: { samples: entry.samples.size, examples: entry.examples, types: [...entry.types] },
  };
}

/** `a.b` → `a`, `lines[].x` → `lines`, `[].x` → undefined (a root array's element field). */
function parentOf(path: string): string | undefined {
  const cut = Math.max(path.lastIndexOf('.'), -1);
  if (cut <= 0) return undefined;
  const parent = path.slice(0, cut).replace(/\[\]$/, '');
  return parent === '' ? undefined : parent;
}

/**
 * The entity's fields with the discovered ones that it does not document, each placed after its parent's
 * last descendant (the flat list stays the tree in pre-order), depths set from the parent.
 */
export function withDiscovered(fields: CatalogueField[], discovered: CatalogueField[]): CatalogueField[] {
  const documented = new Set(fields.map((field) => field.path));
  const result = [...fields];
  const depths = new Map(fields.map((field) => [field.path, field.depth]));
  for (const field of discovered) {
    if (documented.has(field.path)) continue;
    const parentDepth = field.parent === undefined ? undefined : depths.get(field.parent);
    const depth = parentDepth === undefined ? 0 : parentDepth + 1;
    depths.set(field.path, depth);
    const placed = { ...field, depth };
    if (field.parent === undefined || parentDepth === undefined) {
      if (field.parent !== undefined) delete placed.parent;
      result.push(placed);
      continue;
    }
    const isUnder = (path: string) => path === field.parent || path.startsWith(`${field.parent}.`) || path.startsWith(`${field.parent}[]`);
    let at = result.length;
    for (let index = result.length - 1; index >= 0; index--) {
      if (isUnder(result[index]!.path)) {
        at = index + 1;
        break;
      }
    }
    result.splice(at, 0, placed);
  }
  return result;
}
