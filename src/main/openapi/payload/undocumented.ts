// Closed mode: the properties of a payload that no schema applying to their object names. JSON Schema's
// own `unevaluatedProperties: false` cannot say this well: one undocumented property deep inside a
// union's branch makes the branch fail, and then every property of the object around it is reported
// undocumented. Here the schemas applying to a value are found the way a reader of the document would
// — through $ref, every allOf member, the anyOf/oneOf branches the value matches (open mode), if/then/else —
// and only a property none of them names is reported. An object whose schemas name no properties at
// all, or declare additionalProperties / unevaluatedProperties, is free-form: nothing in it is reported.

import { escapePointerSegment as escape } from '../load/pointer';

type JsonObject = Record<string, unknown>;

/** A schema of the converted document and where it is (a JSON pointer, for messages and open-mode checks). */
export interface Located {
  schema: unknown;
  pointer: string;
}

export interface UndocumentedProperty {
  /** The property's JSON pointer in the payload. */
  pointer: string;
  /** The first schema that applies to its object. */
  schemaPath: string;
}

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

export function findUndocumented(resolve: (ref: string) => unknown, root: Located, value: unknown, matches: (pointer: string, value: unknown) => boolean): UndocumentedProperty[] {
  const found: UndocumentedProperty[] = [];

  /** The schemas that apply to `value` in place, starting from `located`. */
  const applying = (located: Located[], value: unknown): Located[] => {
    const result: Located[] = [];
    const seen = new Set<string>();
    const add = ({ schema, pointer }: Located) => {
      if (!isObject(schema) || seen.has(pointer)) return;
      seen.add(pointer);
      result.push({ schema, pointer });
      if (typeof schema.$ref === 'string' && schema.$ref.startsWith('#')) add({ schema: resolve(schema.$ref), pointer: schema.$ref });
      if (Array.isArray(schema.allOf)) schema.allOf.forEach((branch, index) => add({ schema: branch, pointer: `${pointer}/allOf/${index}` }));
      for (const union of ['anyOf', 'oneOf'] as const) {
        const branches = Array.isArray(schema[union]) ? (schema[union] as unknown[]).map((branch, index) => ({ schema: branch, pointer: `${pointer}/${union}/${index}` })) : [];
        const matching = branches.filter((branch) => matches(branch.pointer, value));
        // A value no branch matches is invalid anyway (open mode says why): read it against all of them.
        (matching.length > 0 ? matching : branches).forEach(add);
      }
      if (isObject(schema.if)) {
        const chosen = matches(`${pointer}/if`, value) ? 'then' : 'else';
        if (isObject(schema[chosen])) add({ schema: schema[chosen], pointer: `${pointer}/${chosen}` });
      }
    };
    located.forEach(add);
    return result;
  };

  const visit = (located: Located[], value: unknown, at: string) => {
    if (Array.isArray(value)) {
      const schemas = applying(located, value);
      value.forEach((item, index) => {
        const items = schemas.flatMap(({ schema, pointer }) => {
          const prefix = (schema as JsonObject).prefixItems;
          if (Array.isArray(prefix) && index < prefix.length) return [{ schema: prefix[index], pointer: `${pointer}/prefixItems/${index}` }];
          const each = (schema as JsonObject).items;
          return isObject(each) ? [{ schema: each, pointer: `${pointer}/items` }] : [];
        });
        if (items.length > 0) visit(items, item, `${at}/${index}`);
      });
      return;
    }
    if (!isObject(value)) return;
    const schemas = applying(located, value);
    const named = (schema: JsonObject) => isObject(schema.properties) || isObject(schema.patternProperties);
    const freeForm =
      !schemas.some(({ schema }) => named(schema as JsonObject)) ||
      schemas.some(({ schema }) => {
        const { additionalProperties, unevaluatedProperties } = schema as JsonObject;
        return (additionalProperties !== undefined && additionalProperties !== false) || (unevaluatedProperties !== undefined && unevaluatedProperties !== false);
      });
    for (const [name, child] of Object.entries(value)) {
      const childSchemas = schemas.flatMap(({ schema, pointer }) => schemasOfProperty(schema as JsonObject, pointer, name));
      if (childSchemas.length > 0) visit(childSchemas, child, `${at}/${escape(name)}`);
      else if (!freeForm) found.push({ pointer: `${at}/${escape(name)}`, schemaPath: schemas[0]?.pointer ?? root.pointer });
    }
  };

  visit([root], value, '');
  return found;
}

/** The schemas one schema gives the property `name`: its own, a matching pattern's, or its additionalProperties'. */
function schemasOfProperty(schema: JsonObject, pointer: string, name: string): Located[] {
  const own = isObject(schema.properties) && name in schema.properties ? [{ schema: (schema.properties as JsonObject)[name], pointer: `${pointer}/properties/${escape(name)}` }] : [];
  const patterns = isObject(schema.patternProperties)
    ? Object.entries(schema.patternProperties)
        .filter(([pattern]) => safeTest(pattern, name))
        .map(([pattern, child]) => ({ schema: child, pointer: `${pointer}/patternProperties/${escape(pattern)}` }))
    : [];
  if (own.length > 0 || patterns.length > 0) return [...own, ...patterns];
  return isObject(schema.additionalProperties) ? [{ schema: schema.additionalProperties, pointer: `${pointer}/additionalProperties` }] : [];
}

function safeTest(pattern: string, name: string): boolean {
  try {
    return new RegExp(pattern, 'u').test(name);
  } catch {
    return false;
  }
}
