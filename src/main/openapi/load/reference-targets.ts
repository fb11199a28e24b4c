// A Reference Object must point at the kind of object its place needs. The document schemas accept any
// `$ref` where a path item may stand (references are left in place for validation), so a path item
// pointing at a schema model would pass unseen: checked here.
import { escapePointerSegment as escape, resolveLocalPointer } from './pointer';

export interface ReferenceProblem {
  message: string;
  /** JSON pointer of the object holding the `$ref`. */
  path: string;
}

const PATH_ITEM_KEYS = new Set(['$ref', 'summary', 'description', 'servers', 'parameters', 'get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Path items (under paths, webhooks, components.pathItems) whose local `$ref` leads to something that is not a path item. */
export function pathItemReferenceProblems(document: unknown): ReferenceProblem[] {
  if (!isObject(document)) return [];
  const problems: ReferenceProblem[] = [];
  const sections: Array<[string, unknown]> = [
    ['/paths', document.paths],
    ['/webhooks', document.webhooks],
    ['/components/pathItems', isObject(document.components) ? document.components.pathItems : undefined],
  ];
  for (const [section, items] of sections) {
    if (!isObject(items)) continue;
    for (const [key, item] of Object.entries(items)) {
      if (!isObject(item) || typeof item.$ref !== 'string' || !item.$ref.startsWith('#')) continue;
      const target = followToEnd(document, item.$ref);
      if (!isObject(target)) continue; // a $ref to nothing is reported as such elsewhere
      const foreign = Object.keys(target).filter((name) => !PATH_ITEM_KEYS.has(name) && !name.startsWith('x-'));
      if (foreign.length === 0) continue;
      problems.push({
        path: `${section}/${escape(key)}`,
        message: `$ref "${item.$ref}" must point to a path item (operations such as get or post), but what it points to has ${foreign
          .slice(0, 3)
          .map((name) => `"${name}"`)
          .join(', ')}${foreign.length > 3 ? ', …' : ''}${/\/(definitions|schemas)\//.test(item.$ref) ? ' (it is a schema)' : ''}: point it at a path item`,
      });
    }
  }
  return problems;
}

function followToEnd(document: unknown, ref: string): unknown {
  const seen = new Set<string>();
  let target = resolveLocalPointer(document, ref);
  while (isObject(target) && typeof target.$ref === 'string' && target.$ref.startsWith('#') && !seen.has(target.$ref)) {
    seen.add(target.$ref);
    target = resolveLocalPointer(document, target.$ref);
  }
  return target;
}
