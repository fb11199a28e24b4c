// The seeded generator's core: a value for a JSON Schema 2020-12 schema (an API document's schemas after
// openapi/payload/json-schema.ts's conversion, so 2.0, 3.0 and 3.1 read alike, and read-only or
// write-only properties are already marked for the direction). Examples first, then values that keep
// every keyword: types, const, enum, formats, bounds, lengths, patterns, required and a seeded share of
// optional properties, allOf merged, one seeded branch of oneOf/anyOf with its discriminator value,
// maps, arrays with unique items, and recursion cut short. Realistic values (realistic.ts) are used
// only when they fit.
import { fullFormats } from 'ajv-formats/dist/formats';
import { FORBIDDEN } from '../../openapi/payload/json-schema';
import { mergeSchemas } from './merge';
import { compilePattern, stringMatching } from './pattern';
import type { Random } from './random';
import { formatted, realisticNumber, realisticStrings, uuid } from './realistic';

type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A property the direction rules out (or a `false` schema): left out of its object. */
export const OMIT = Symbol('omit');

export interface ValueOptions {
  /** Use the schema's `example`/`examples` when it has them (default true). */
  useExamples: boolean;
  /** Share of optional properties included (default 0.7). */
  optionalShare: number;
  /** Nesting depth after which only what is required is generated (default 6). */
  maxDepth: number;
  /** Write every property of the outermost object (a list envelope's `data`, `next`…), the share applying below it. */
  completeTop: boolean;
}

interface Context {
  name?: string;
  depth: number;
  /** $refs being generated, to bound recursion. */
  refs: string[];
  /** The schema name of the last $ref followed: a discriminator's default value. */
  refName?: string;
  /** Set by a oneOf/anyOf branch chosen under a discriminator. */
  discriminated?: { property: string; value: string };
}

const HARD_DEPTH = 24;

export class ValueWriter {
  constructor(
    private readonly resolve: (ref: string) => unknown,
    private readonly options: ValueOptions,
  ) {}

  /** `refName`: the schema's name when it is a named schema (a discriminator's default value). */
  write(schema: unknown, random: Random, name?: string, refName?: string): unknown {
    const value = this.value(schema, random, { name, depth: 0, refs: [], refName });
    return value === OMIT ? null : value;
  }

  private value(input: unknown, random: Random, context: Context): unknown {
    if (input === false) return OMIT;
    if (input === true || input === undefined || input === null) return this.string({}, random, context);
    if (!isObject(input)) return null;
    if (FORBIDDEN in input) return OMIT;
    const minimal = context.depth > this.options.maxDepth || context.refs.length !== new Set(context.refs).size;
    if (context.depth > HARD_DEPTH) return minimalValue(input);

    const schema = input;
    if (typeof schema.$ref === 'string') {
      const ref = schema.$ref;
      const target = this.resolve(ref);
      const { $ref: _ref, ...siblings } = schema;
      const resolved = isObject(target) ? target : typeof target === 'boolean' ? target : {};
      const refName = decodeURIComponent(ref.split('/').pop() ?? '');
      const next = { ...context, refs: [...context.refs, ref], refName };
      if (Object.keys(siblings).length === 0) return this.value(resolved, random, next);
      return this.value({ allOf: [resolved, siblings] }, random, next);
    }

    if (this.options.useExamples && !minimal) {
      if ('example' in schema && schema.example !== undefined) return structuredClone(schema.example);
      if (Array.isArray(schema.examples) && schema.examples.length > 0) return structuredClone(schema.examples[0]);
    }
    if ('const' in schema) return structuredClone(schema.const);
    if (Array.isArray(schema.enum) && schema.enum.length > 0) {
      const values = schema.enum.filter((value) => value !== null);
      return structuredClone(values.length > 0 ? random.pick(values) : null);
    }

    if (Array.isArray(schema.allOf) && schema.allOf.length > 0) return this.value(this.merged(schema), random, context);

    const union = Array.isArray(schema.oneOf) && schema.oneOf.length > 0 ? 'oneOf' : Array.isArray(schema.anyOf) && schema.anyOf.length > 0 ? 'anyOf' : undefined;
    if (union) return this.branch(schema, union, random, context);

    const type = chooseType(schema);
    const inner = { ...context, depth: context.depth + 1 };
    switch (type) {
      case 'null':
        return null;
      case 'boolean':
        return random.chance(0.5);
      case 'integer':
      case 'number':
        return this.number(schema, type === 'integer', random, context);
      case 'array':
        return this.array(schema, random, inner, minimal);
      case 'object':
        return this.object(schema, random, inner, minimal);
      default:
        return this.string(schema, random, context);
    }
  }

  /** allOf with its branches ($refs followed, nested allOfs flattened) as one schema. */
  private merged(schema: JsonObject, seen = new Set<string>()): JsonObject {
    const { allOf, ...rest } = schema;
    const parts: JsonObject[] = [rest];
    for (const branch of allOf as unknown[]) {
      let part = branch;
      while (isObject(part) && typeof part.$ref === 'string' && !seen.has(part.$ref)) {
        seen.add(part.$ref);
        const { $ref, ...siblings } = part;
        const target = this.resolve($ref);
        part = Object.keys(siblings).length > 0 ? { allOf: [target, siblings] } : target;
      }
      if (!isObject(part)) continue;
      parts.push(Array.isArray(part.allOf) ? this.merged(part, seen) : part);
    }
    return mergeSchemas(parts);
  }

  private branch(schema: JsonObject, union: 'oneOf' | 'anyOf', random: Random, context: Context): unknown {
    const { [union]: branches, discriminator, ...rest } = schema;
    const options = (branches as unknown[]).filter((branch) => !(isObject(branch) && branch.type === 'null' && Object.keys(branch).length === 1));
    if (options.length === 0) return null;
    const chosen = random.pick(options);
    let discriminated = context.discriminated;
    if (isObject(discriminator) && typeof discriminator.propertyName === 'string' && isObject(chosen) && typeof chosen.$ref === 'string') {
      const ref = chosen.$ref;
      const mapping = isObject(discriminator.mapping) ? discriminator.mapping : {};
      const name = decodeURIComponent(ref.split('/').pop() ?? '');
      const value = Object.keys(mapping).find((key) => mapping[key] === ref || mapping[key] === name) ?? name;
      discriminated = { property: discriminator.propertyName, value };
    }
    const base = Object.keys(rest).length > 0 ? { allOf: [rest, chosen] } : chosen;
    return this.value(base, random, { ...context, discriminated });
  }

  private object(schema: JsonObject, random: Random, context: Context, minimal: boolean): unknown {
    const properties = isObject(schema.properties) ? schema.properties : {};
    const required = new Set(Array.isArray(schema.required) ? schema.required.map(String) : []);
    if (isObject(schema.dependentRequired)) {
      for (const [name, needs] of Object.entries(schema.dependentRequired)) if (required.has(name) && Array.isArray(needs)) needs.forEach((need) => required.add(String(need)));
    }
    const discriminator = isObject(schema.discriminator) && typeof schema.discriminator.propertyName === 'string' ? schema.discriminator : undefined;
    const tag = context.discriminated ?? (discriminator && context.refName ? { property: discriminator.propertyName as string, value: mappedName(discriminator, context.refName) } : undefined);
    const result: JsonObject = {};
    const maxProperties = typeof schema.maxProperties === 'number' ? schema.maxProperties : Infinity;
    const childContext = { ...context, discriminated: undefined, refName: undefined };
    for (const [name, property] of Object.entries(properties)) {
      const optional = (context.depth === 1 && this.options.completeTop) || random.chance(this.options.optionalShare);
      const wanted = required.has(name) || (!minimal && optional && Object.keys(result).length < maxProperties - required.size);
      if (!wanted) continue;
      const value = this.value(property, random.fork(name), { ...childContext, name });
      if (value !== OMIT) result[name] = value;
    }
    for (const name of required) if (!(name in result) && !(name in properties)) result[name] = this.value(schema.additionalProperties ?? true, random.fork(name), { ...childContext, name });
    if (tag) {
      const declared = properties[tag.property];
      const fixed = isObject(declared) && ('const' in declared || Array.isArray(declared.enum));
      if (!fixed || (Array.isArray(declared.enum) && declared.enum.includes(tag.value)) || declared.const === tag.value) result[tag.property] = tag.value;
    }

    const minProperties = typeof schema.minProperties === 'number' ? schema.minProperties : 0;
    const additional = schema.additionalProperties;
    const mapOnly = Object.keys(properties).length === 0 && (isObject(additional) || isObject(schema.patternProperties));
    const extra = Math.max(minProperties - Object.keys(result).length, mapOnly && !minimal ? random.int(1, 2) : 0);
    if (extra > 0) {
      for (const [name, property] of Object.entries(properties)) {
        if (Object.keys(result).length >= minProperties && !mapOnly) break;
        if (name in result) continue;
        const value = this.value(property, random.fork(name), { ...childContext, name });
        if (value !== OMIT) result[name] = value;
      }
      const patterns = isObject(schema.patternProperties) ? Object.entries(schema.patternProperties) : [];
      for (let index = 0; Object.keys(result).length < Math.min(maxProperties, Object.keys(properties).length + extra) && index < extra + 4; index++) {
        const fork = random.fork(`additional${index}`);
        if (patterns.length > 0) {
          const [pattern, property] = patterns[index % patterns.length]!;
          const key = stringMatching(pattern, fork, { minLength: 1 });
          if (key !== undefined && !(key in result)) result[key] = this.value(property, fork, { ...childContext, name: key });
        } else if (additional !== false) {
          const key = mapKey(schema.propertyNames, fork, index);
          if (key !== undefined && !(key in result)) result[key] = this.value(isObject(additional) ? additional : true, fork, { ...childContext, name: key });
        }
      }
    }
    return result;
  }

  private array(schema: JsonObject, random: Random, context: Context, minimal: boolean): unknown[] {
    const prefix = Array.isArray(schema.prefixItems) ? schema.prefixItems : [];
    const items = schema.items ?? (Array.isArray(schema.prefixItems) ? false : true);
    const min = typeof schema.minItems === 'number' ? schema.minItems : 0;
    const max = typeof schema.maxItems === 'number' ? schema.maxItems : Math.max(min, prefix.length) + 2;
    let count = minimal ? Math.max(min, 0) : random.int(Math.max(min, Math.min(1, max)), Math.max(Math.min(max, Math.max(min, 1) + 1), min));
    if (items === false) count = Math.min(count, prefix.length);
    const result: unknown[] = [];
    const seen = new Set<string>();
    for (let attempt = 0; result.length < count && attempt < count * 6 + 6; attempt++) {
      const index = result.length;
      const value = this.value(index < prefix.length ? prefix[index] : items, random.fork(`${index}:${attempt}`), { ...context, name: context.name && singular(context.name) });
      if (value === OMIT) break;
      if (schema.uniqueItems === true) {
        const key = JSON.stringify(value);
        if (seen.has(key)) continue;
        seen.add(key);
      }
      result.push(value);
    }
    if (schema.contains !== undefined && schema.contains !== true) {
      const wanted = typeof schema.minContains === 'number' ? schema.minContains : 1;
      for (let index = 0; index < wanted; index++) {
        const value = this.value(schema.contains, random.fork(`contains${index}`), context);
        if (value === OMIT) break;
        if (result.length >= max) result[index] = value;
        else result.push(value);
      }
    }
    return result;
  }

  private number(schema: JsonObject, integer: boolean, random: Random, context: Context): number {
    let low = typeof schema.minimum === 'number' ? schema.minimum : -Infinity;
    let high = typeof schema.maximum === 'number' ? schema.maximum : Infinity;
    const exclusiveLow = typeof schema.exclusiveMinimum === 'number' ? schema.exclusiveMinimum : undefined;
    const exclusiveHigh = typeof schema.exclusiveMaximum === 'number' ? schema.exclusiveMaximum : undefined;
    if (schema.format === 'int32') [low, high] = [Math.max(low, -(2 ** 31)), Math.min(high, 2 ** 31 - 1)];
    const step = typeof schema.multipleOf === 'number' && schema.multipleOf > 0 ? schema.multipleOf : integer ? 1 : undefined;
    const fits = (value: number) =>
      Number.isFinite(value) &&
      value >= low &&
      value <= high &&
      (exclusiveLow === undefined || value > exclusiveLow) &&
      (exclusiveHigh === undefined || value < exclusiveHigh) &&
      (!integer || Number.isInteger(value)) &&
      (step === undefined || isMultiple(value, step));
    const realistic = realisticNumber(context.name, integer, random);
    if (realistic !== undefined && fits(realistic)) return realistic;

    if (exclusiveLow !== undefined) low = Math.max(low, exclusiveLow);
    if (exclusiveHigh !== undefined) high = Math.min(high, exclusiveHigh);
    if (low === -Infinity && high === Infinity) [low, high] = [1, 1000];
    else if (low === -Infinity) low = high >= 1 ? Math.min(1, high) : high - 1000;
    else if (high === Infinity) high = low + 1000;
    if (step !== undefined) {
      const first = Math.ceil(low / step);
      const last = Math.floor(high / step);
      for (let attempt = 0; attempt < 8; attempt++) {
        const value = roundTo(random.int(first, Math.max(first, last)) * step, step);
        if (fits(value)) return value;
      }
      for (let k = first; k <= Math.min(last, first + 4); k++) if (fits(roundTo(k * step, step))) return roundTo(k * step, step);
      return roundTo(first * step, step);
    }
    for (let attempt = 0; attempt < 8; attempt++) {
      const value = Math.round((low + random.next() * (high - low)) * 100) / 100;
      if (fits(value)) return value;
    }
    return (low + high) / 2;
  }

  private string(schema: JsonObject, random: Random, context: Context): string {
    const minLength = typeof schema.minLength === 'number' ? schema.minLength : 0;
    const maxLength = typeof schema.maxLength === 'number' ? schema.maxLength : Infinity;
    const pattern = typeof schema.pattern === 'string' ? compilePattern(schema.pattern) : undefined;
    const format = typeof schema.format === 'string' ? schema.format : undefined;
    const fits = (text: string | undefined): text is string => {
      if (text === undefined) return false;
      const length = [...text].length;
      return length >= minLength && length <= maxLength && (!pattern || pattern.test(text)) && formatAccepts(format, text);
    };
    const fork = random.fork('string');
    const candidates: Array<() => string | undefined> = [
      ...realisticStrings(context.name, fork).map((text) => () => text),
      () => (format ? formatted(format, fork) : undefined),
      () => (typeof schema.pattern === 'string' ? stringMatching(schema.pattern, fork, { minLength, maxLength }) : undefined),
      () => sized(plainWord(context.name, fork), minLength, maxLength),
      () => (format === 'uuid' ? uuid(fork) : undefined),
    ];
    for (const candidate of candidates) {
      const text = candidate();
      if (fits(text)) return text;
    }
    return sized('x', minLength, maxLength);
  }
}

/** A schema's type, or the type its keywords imply; one non-null type when it allows several. */
function chooseType(schema: JsonObject): string | undefined {
  if (Array.isArray(schema.type)) {
    const types = schema.type.map(String);
    return types.find((type) => type !== 'null') ?? 'null';
  }
  if (typeof schema.type === 'string') return schema.type;
  if (isObject(schema.properties) || isObject(schema.additionalProperties) || Array.isArray(schema.required) || isObject(schema.patternProperties)) return 'object';
  if (schema.items !== undefined || Array.isArray(schema.prefixItems)) return 'array';
  if (['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf'].some((keyword) => typeof schema[keyword] === 'number')) return 'number';
  return 'string';
}

function minimalValue(schema: JsonObject): unknown {
  const type = chooseType(schema);
  if (Array.isArray(schema.type) && schema.type.includes('null')) return null;
  return type === 'object' ? {} : type === 'array' ? [] : type === 'integer' || type === 'number' ? 0 : type === 'boolean' ? false : type === 'null' ? null : '';
}

function mappedName(discriminator: JsonObject, refName: string): string {
  const mapping = isObject(discriminator.mapping) ? discriminator.mapping : {};
  return Object.keys(mapping).find((key) => typeof mapping[key] === 'string' && ((mapping[key] as string).endsWith(`/${refName}`) || mapping[key] === refName)) ?? refName;
}

function formatAccepts(format: string | undefined, text: string): boolean {
  if (!format) return true;
  const check = (fullFormats as Record<string, unknown>)[format];
  if (check instanceof RegExp) return check.test(text);
  if (typeof check === 'function') return Boolean((check as (value: string) => boolean)(text));
  if (isObject(check) && typeof check.validate === 'function') return Boolean((check.validate as (value: string) => boolean)(text));
  if (isObject(check) && check.validate instanceof RegExp) return check.validate.test(text);
  return true;
}

function isMultiple(value: number, step: number): boolean {
  const ratio = value / step;
  return Math.abs(ratio - Math.round(ratio)) < 1e-9;
}

function roundTo(value: number, step: number): number {
  const decimals = (String(step).split('.')[1] ?? '').length;
  return Number(value.toFixed(Math.min(decimals, 20)));
}

const WORDS = ['alpha', 'bravo', 'delta', 'echo', 'sample', 'value', 'north', 'river', 'amber', 'cedar'];

function plainWord(name: string | undefined, random: Random): string {
  return random.pick(WORDS) + (name && /code|ref|number|no$/i.test(name) ? `-${random.int(100, 999)}` : '');
}

/** `text` brought within the lengths: padded with its own letters, or cut. */
function sized(text: string, minLength: number, maxLength: number): string {
  let result = text;
  while ([...result].length < minLength) result += text || 'x';
  const chars = [...result];
  return chars.length > maxLength ? chars.slice(0, maxLength).join('') : result;
}

function mapKey(propertyNames: unknown, random: Random, index: number): string | undefined {
  const base = `${random.pick(['alpha', 'beta', 'gamma', 'delta'])}${index + 1}`;
  if (!isObject(propertyNames)) return base;
  if (Array.isArray(propertyNames.enum)) return String(propertyNames.enum[index % propertyNames.enum.length]);
  if (typeof propertyNames.pattern === 'string') return stringMatching(propertyNames.pattern, random, { minLength: Math.max(1, Number(propertyNames.minLength ?? 1)), maxLength: Number(propertyNames.maxLength ?? Infinity) });
  return sized(base, Number(propertyNames.minLength ?? 0), Number(propertyNames.maxLength ?? Infinity));
}

/** `lines` → `line`: an array's items named after the array, for realistic values. */
const singular = (name: string) => name.replace(/ies$/, 'y').replace(/([^s])s$/, '$1');
