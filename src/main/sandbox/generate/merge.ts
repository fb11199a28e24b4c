// allOf as one schema: the branches' keywords combined so one value satisfies them all (properties
// merged, required joined, the tighter bound kept, types intersected).
type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

const LOWER = ['minimum', 'exclusiveMinimum', 'minLength', 'minItems', 'minProperties', 'minContains'];
const UPPER = ['maximum', 'exclusiveMaximum', 'maxLength', 'maxItems', 'maxProperties', 'maxContains'];

/** Combines schemas (already resolved, without their own allOf) into one. */
export function mergeSchemas(schemas: JsonObject[]): JsonObject {
  const merged: JsonObject = {};
  for (const schema of schemas) {
    for (const [keyword, value] of Object.entries(schema)) {
      const current = merged[keyword];
      if (current === undefined) {
        merged[keyword] = keyword === 'properties' && isObject(value) ? { ...value } : value;
        continue;
      }
      if (keyword === 'properties' && isObject(value) && isObject(current)) {
        for (const [name, property] of Object.entries(value)) current[name] = name in current ? { allOf: [current[name], property] } : property;
      } else if (keyword === 'required' && Array.isArray(value) && Array.isArray(current)) {
        merged.required = [...new Set([...current, ...value])];
      } else if (keyword === 'type') {
        merged.type = intersectTypes(current, value);
      } else if (keyword === 'enum' && Array.isArray(value) && Array.isArray(current)) {
        const both = current.filter((item) => value.some((other) => JSON.stringify(other) === JSON.stringify(item)));
        merged.enum = both.length > 0 ? both : current;
      } else if (LOWER.includes(keyword) && typeof value === 'number' && typeof current === 'number') {
        merged[keyword] = Math.max(current, value);
      } else if (UPPER.includes(keyword) && typeof value === 'number' && typeof current === 'number') {
        merged[keyword] = Math.min(current, value);
      } else if ((keyword === 'oneOf' || keyword === 'anyOf') && Array.isArray(value)) {
        // Two unions must both hold: keep the second as a branch of allOf for the generator to merge later.
        merged.allOf = [...(Array.isArray(merged.allOf) ? merged.allOf : []), { [keyword]: value }];
      } else if (keyword === 'additionalProperties' && (value === false || current === false)) {
        merged.additionalProperties = false;
      } else if (keyword === 'items' && isObject(value) && isObject(current)) {
        merged.items = { allOf: [current, value] };
      } else if (keyword === 'example' || keyword === 'examples' || keyword === 'discriminator') {
        // The more specific schema (later in the list) speaks for the whole.
        merged[keyword] = keyword === 'discriminator' && isObject(current) && isObject(value) ? { ...current, ...value } : value;
      }
    }
  }
  return merged;
}

function intersectTypes(a: unknown, b: unknown): unknown {
  const list = (value: unknown) => (Array.isArray(value) ? (value as string[]) : [String(value)]);
  const left = list(a);
  const right = list(b);
  const both = left.filter((type) => right.includes(type) || (type === 'integer' && right.includes('number')));
  for (const type of right) if (type === 'integer' && left.includes('number') && !both.includes('integer')) both.push('integer');
  const result = both.filter((type) => !(type === 'number' && both.includes('integer')));
  if (result.length === 0) return a;
  return result.length === 1 ? result[0] : result;
}
