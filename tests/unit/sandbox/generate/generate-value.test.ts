// The seeded generator keyword by keyword: every value it writes validates against its schema (checked
// with the payload validator, over many seeds), and each keyword shows in the values themselves.
import { describe, expect, it } from 'vitest';
import { documentGenerator, generateValue } from '../../../../src/main/sandbox/generate';
import { compilePattern, stringMatching } from '../../../../src/main/sandbox/generate/pattern';
import { seededRandom } from '../../../../src/main/sandbox/generate/random';
import { PayloadValidator } from '../../../../src/main/openapi/payload/validator';

type Schema = Record<string, unknown>;
const SEEDS = Array.from({ length: 40 }, (_, index) => index + 1);

/** Values for `schema` over many seeds, each checked against it; `schemas` are siblings it may $ref. */
function valuesOf(schema: Schema, options: { openapi?: string; direction?: 'request' | 'response'; schemas?: Record<string, Schema>; name?: string } = {}) {
  const document = { openapi: options.openapi ?? '3.1.0', info: { title: 't', version: '1' }, paths: {}, components: { schemas: { ...options.schemas, Subject: schema } } };
  const direction = options.direction ?? 'response';
  const validator = new PayloadValidator(document, { mode: 'open', direction });
  const generator = documentGenerator(document, { direction });
  return SEEDS.map((seed) => {
    const value = generator.generate('#/components/schemas/Subject', seed, options.name);
    expect(validator.validate('#/components/schemas/Subject', value), JSON.stringify(value)).toEqual([]);
    return value as never;
  });
}

describe('generateValue', () => {
  it('gives the same payload for the same seed and another for another seed', () => {
    const schema = { type: 'object', properties: { name: { type: 'string' }, n: { type: 'integer' }, tags: { type: 'array', items: { type: 'string' } } } };
    expect(generateValue(schema, { seed: 7 })).toEqual(generateValue(schema, { seed: 7 }));
    expect(generateValue(schema, { seed: 7 })).not.toEqual(generateValue(schema, { seed: 8 }));
  });

  it('uses the schema example first, then examples, unless told not to', () => {
    expect(generateValue({ type: 'string', example: 'ACME-1' })).toBe('ACME-1');
    expect(generateValue({ type: 'integer', examples: [42, 43] })).toBe(42);
    expect(generateValue({ type: 'string', example: 'ACME-1' }, { useExamples: false })).not.toBe('ACME-1');
  });

  it('falls back to a generated value when the document example breaks its schema', () => {
    const values = valuesOf({ type: 'object', required: ['n'], properties: { n: { type: 'integer', maximum: 5, example: 99 } } });
    for (const value of values as Array<{ n: number }>) expect(value.n).toBeLessThanOrEqual(5);
  });

  it('always writes required properties and a seeded share of optional ones', () => {
    const properties = Object.fromEntries(Array.from({ length: 10 }, (_, index) => [`p${index}`, { type: 'string' }]));
    const values = valuesOf({ type: 'object', required: ['p0', 'p1'], properties }) as Array<Record<string, string>>;
    for (const value of values) expect(Object.keys(value)).toEqual(expect.arrayContaining(['p0', 'p1']));
    const counts = values.map((value) => Object.keys(value).length);
    expect(Math.min(...counts)).toBeLessThan(10);
    expect(Math.max(...counts)).toBeGreaterThan(2);
  });

  it('leaves read-only properties out of requests and write-only ones out of responses', () => {
    const schema = { type: 'object', required: ['id', 'password', 'name'], properties: { id: { type: 'string', readOnly: true }, password: { type: 'string', writeOnly: true }, name: { type: 'string' } } };
    for (const value of valuesOf(schema, { direction: 'request', openapi: '3.0.3' }) as Schema[]) {
      expect(value).not.toHaveProperty('id');
      expect(value).toHaveProperty('password');
    }
    for (const value of valuesOf(schema, { direction: 'response', openapi: '3.0.3' }) as Schema[]) {
      expect(value).toHaveProperty('id');
      expect(value).not.toHaveProperty('password');
    }
  });

  it('keeps const and picks every enum value over seeds', () => {
    expect(new Set(valuesOf({ const: 'fixed' }))).toEqual(new Set(['fixed']));
    expect(new Set(valuesOf({ type: 'string', enum: ['gold', 'silver', 'bronze'] }))).toEqual(new Set(['gold', 'silver', 'bronze']));
  });

  it.each([
    ['date', /^\d{4}-\d{2}-\d{2}$/],
    ['date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/],
    ['time', /^\d{2}:\d{2}:\d{2}Z$/],
    ['email', /^[^@\s]+@[^@\s]+\.[a-z]+$/],
    ['uri', /^https?:\/\//],
    ['uuid', /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/],
    ['ipv4', /^\d+\.\d+\.\d+\.\d+$/],
    ['ipv6', /^[0-9a-f:]+$/],
    ['hostname', /^[a-z0-9.-]+$/],
    ['byte', /^[A-Za-z0-9+/]+=*$/],
    ['duration', /^P\d+D$/],
  ])('writes format %s', (format, shape) => {
    for (const value of valuesOf({ type: 'string', format })) expect(value).toMatch(shape);
  });

  it('respects minimum, maximum, exclusive bounds and multipleOf for integers and numbers', () => {
    for (const value of valuesOf({ type: 'integer', minimum: 10, maximum: 12 })) expect([10, 11, 12]).toContain(value);
    for (const value of valuesOf({ type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 1 }) as number[]) expect(value > 0 && value < 1).toBe(true);
    for (const value of valuesOf({ type: 'number', minimum: 0, maximum: 10, multipleOf: 0.25 }) as number[]) expect(Number.isInteger(value * 4)).toBe(true);
    // 3.0's boolean exclusive bounds.
    for (const value of valuesOf({ type: 'integer', minimum: 0, maximum: 3, exclusiveMinimum: true, exclusiveMaximum: true }, { openapi: '3.0.3' })) expect([1, 2]).toContain(value);
    for (const value of valuesOf({ type: 'integer', format: 'int32', minimum: 2 ** 31 - 3 }) as number[]) expect(value).toBeLessThan(2 ** 31);
  });

  it('respects minLength and maxLength, with and without a name that suggests a longer value', () => {
    for (const value of valuesOf({ type: 'string', minLength: 30 }) as string[]) expect(value.length).toBeGreaterThanOrEqual(30);
    for (const value of valuesOf({ type: 'string', maxLength: 3 }, { name: 'description' }) as string[]) expect(value.length).toBeLessThanOrEqual(3);
  });

  it.each([
    '^[A-Z]{3}$',
    '^\\d{3}-\\d{2}-\\d{4}$',
    '^(cus|acc)_[a-zA-Z0-9]{8,12}$',
    '^[^@\\s]+@example\\.com$',
    '^[a-z][a-z0-9-]*(\\.[a-z0-9-]+)*$',
    '^\\p{Lu}{2}\\d{2}[A-Z0-9]{4,30}$',
    '^#[0-9a-fA-F]{6}$',
    '[0-9]+',
    '^v\\d+(\\.\\d+){0,2}$',
    // Escapes the Unicode mode refuses (real documents write them): read as JavaScript does without it.
    '^(\\d{4})-(\\d{2})-(\\d{2})T(\\d{2})\\:(\\d{2})$',
  ])('writes strings matching the pattern %s', (pattern) => {
    const regex = compilePattern(pattern)!;
    for (const value of valuesOf({ type: 'string', pattern }) as string[]) expect(value).toMatch(regex);
  });

  it('writes a safe matching value, or none, for patterns it cannot generate', () => {
    expect(stringMatching('^(a)\\1$', seededRandom(1))).toBeUndefined();
    expect(stringMatching('^(?!x)[a-z]{2}$', seededRandom(1))).toBeUndefined();
    // A format alone still matches when the pattern is beyond the small generator.
    for (const value of valuesOf({ type: 'string', format: 'date', pattern: '^(?=\\d)\\d{4}-\\d{2}-\\d{2}$' }) as string[]) expect(value).toMatch(/^\d{4}-/);
  });

  it('respects minItems, maxItems and uniqueItems', () => {
    for (const value of valuesOf({ type: 'array', items: { type: 'integer', minimum: 1, maximum: 4 }, minItems: 4, maxItems: 4, uniqueItems: true }) as number[][]) {
      expect([...value].sort()).toEqual([1, 2, 3, 4]);
    }
    for (const value of valuesOf({ type: 'array', items: { type: 'string' }, maxItems: 1 }) as string[][]) expect(value.length).toBeLessThanOrEqual(1);
  });

  it('reads nullable (3.0), x-nullable (2.0) and type arrays (3.1), writing the non-null type', () => {
    expect(valuesOf({ type: 'string', nullable: true }, { openapi: '3.0.3' }).every((value) => typeof value === 'string')).toBe(true);
    expect(valuesOf({ type: ['integer', 'null'] }).every((value) => Number.isInteger(value))).toBe(true);
    expect(valuesOf({ type: 'null' })).toContain(null);
    // A 3.1 document converted from 3.0 that kept `nullable` (without a type, which ajv alone refuses).
    expect(valuesOf({ nullable: true, type: 'object', properties: { a: { nullable: true, allOf: [{ type: 'string' }] } } }).length).toBe(SEEDS.length);
  });

  it('merges allOf branches, references included', () => {
    const schemas = { Base: { type: 'object', required: ['id'], properties: { id: { type: 'integer', minimum: 1 } } } };
    const values = valuesOf({ allOf: [{ $ref: '#/components/schemas/Base' }, { type: 'object', required: ['label'], properties: { label: { type: 'string', maxLength: 5 } } }] }, { schemas });
    for (const value of values as Schema[]) expect(Object.keys(value)).toEqual(expect.arrayContaining(['id', 'label']));
  });

  it('writes one seeded branch of oneOf/anyOf, every branch over seeds', () => {
    const values = valuesOf({ oneOf: [{ type: 'integer' }, { type: 'boolean' }, { type: 'array', items: { type: 'string' } }] });
    expect(new Set(values.map((value) => (Array.isArray(value) ? 'array' : typeof value)))).toEqual(new Set(['number', 'boolean', 'array']));
    const any = valuesOf({ anyOf: [{ type: 'string', format: 'email' }, { type: 'string', format: 'uuid' }] });
    expect(any.length).toBe(SEEDS.length);
  });

  it('sets the discriminator property to the chosen branch mapping value, also for allOf inheritance', () => {
    const schemas = {
      Pet: { type: 'object', required: ['petType'], properties: { petType: { type: 'string' } }, discriminator: { propertyName: 'petType', mapping: { cat: '#/components/schemas/Cat', dog: '#/components/schemas/Dog' } } },
      Cat: { allOf: [{ $ref: '#/components/schemas/Pet' }, { type: 'object', required: ['lives'], properties: { lives: { type: 'integer', minimum: 1, maximum: 9 } } }] },
      Dog: { allOf: [{ $ref: '#/components/schemas/Pet' }, { type: 'object', required: ['bark'], properties: { bark: { type: 'string', enum: ['woof'] } } }] },
    };
    const values = valuesOf(
      { oneOf: [{ $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Dog' }], discriminator: { propertyName: 'petType', mapping: { cat: '#/components/schemas/Cat', dog: '#/components/schemas/Dog' } } },
      { schemas },
    ) as Schema[];
    for (const value of values) expect(value.petType === 'cat' ? 'lives' in value : value.petType === 'dog' && 'bark' in value).toBe(true);
    expect(new Set(values.map((value) => value.petType))).toEqual(new Set(['cat', 'dog']));
    // Generating Cat directly (allOf with the Pet parent) names it too.
    expect(documentGenerator({ openapi: '3.1.0', components: { schemas } }).generate('#/components/schemas/Cat', 1)).toMatchObject({ petType: 'cat' });
  });

  it('writes additionalProperties maps and patternProperties keys', () => {
    for (const value of valuesOf({ type: 'object', additionalProperties: { type: 'integer' }, minProperties: 1 }) as Schema[]) {
      expect(Object.values(value).length).toBeGreaterThan(0);
      expect(Object.values(value).every(Number.isInteger)).toBe(true);
    }
    for (const value of valuesOf({ type: 'object', patternProperties: { '^x-[a-z]+$': { type: 'string' } }, additionalProperties: false, minProperties: 1 }) as Schema[]) {
      expect(Object.keys(value).every((key) => /^x-[a-z]+$/.test(key))).toBe(true);
    }
  });

  it('bounds recursion: a tree of nodes ends, with required children still written', () => {
    const schemas = { Node: { type: 'object', required: ['name'], properties: { name: { type: 'string' }, children: { type: 'array', items: { $ref: '#/components/schemas/Node' } }, parent: { $ref: '#/components/schemas/Node' } } } };
    const values = valuesOf({ $ref: '#/components/schemas/Node' }, { schemas });
    for (const value of values) expect(JSON.stringify(value).length).toBeLessThan(200_000);
  });
});
