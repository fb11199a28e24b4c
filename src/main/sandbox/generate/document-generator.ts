// One seeded generator of example payloads from an API document's schemas (value.ts), for the mock's
// answers, the request client's example bodies and the executable mappings' previews. The same seed
// gives the same payload. Each payload is checked with the payload validator; when it does not hold
// (a document's own example that breaks its schema, a union two branches match) the generator tries
// again without examples and with other seeds, so what it returns validates whenever it can.
import { convertedDocument, convertSchema, dialectOf, lookUp, type Dialect, type Direction } from '../../openapi/payload/json-schema';
import { PayloadValidator } from '../../openapi/payload/validator';
import { seededRandom } from './random';
import { ValueWriter, type ValueOptions } from './value';

type JsonObject = Record<string, unknown>;

export interface GenerateOptions {
  seed?: number;
  /** A request never holds read-only properties, a response never write-only ones (default response). */
  direction?: Direction;
  /** The name the value goes by (a property name), for realistic values. */
  fieldName?: string;
  useExamples?: boolean;
  optionalShare?: number;
  maxDepth?: number;
  /** Write every property of the outermost object (default false; the mock sets it so list envelopes are whole). */
  completeTop?: boolean;
}

const writerOptions = (options: GenerateOptions): ValueOptions => ({
  useExamples: options.useExamples ?? true,
  optionalShare: options.optionalShare ?? 0.7,
  maxDepth: options.maxDepth ?? 6,
  completeTop: options.completeTop ?? false,
});

/**
 * A value for one schema given on its own. `dialect` says how to read it (default 3.1, JSON Schema
 * 2020-12); `document` is where its `#/…` references point.
 */
export function generateValue(schema: unknown, options: GenerateOptions & { dialect?: Dialect; document?: JsonObject } = {}): unknown {
  const dialect = options.dialect ?? (options.document ? dialectOf(options.document) : 'openapi31');
  const direction = options.direction ?? 'response';
  const document = options.document ? convertedDocument(options.document, { dialect, direction }) : undefined;
  const converted = convertSchema(schema, { dialect, direction }, (ref) => (options.document ? lookUp(options.document, ref) : undefined));
  const writer = new ValueWriter((ref) => document?.lookUp(ref), writerOptions(options));
  return writer.write(converted, seededRandom(options.seed ?? 1), options.fieldName);
}

export interface DocumentGenerator {
  readonly direction: Direction;
  /** A value for the schema at a JSON pointer of the document (`#/components/schemas/Order`, a body's schema…). */
  generate(pointer: string, seed: number, fieldName?: string): unknown;
  /** A value for a schema given here in the document's dialect (a Swagger 2.0 parameter's own keywords), its `#/…` references into the document. */
  generateFrom(schema: JsonObject, seed: number, fieldName?: string): unknown;
}

const CACHE_LIMIT = 5000;

/** A generator for one document and direction: each schema converted on first use, each (pointer, seed) generated once. */
export function documentGenerator(document: JsonObject, options: Omit<GenerateOptions, 'seed' | 'fieldName'> = {}): DocumentGenerator {
  const direction = options.direction ?? 'response';
  const dialect = dialectOf(document);
  const converted = convertedDocument(document, { dialect, direction });
  const resolve = (ref: string) => converted.lookUp(ref);
  let validator: PayloadValidator | undefined;
  const cache = new Map<string, unknown>();
  const withExamples = writerOptions(options);
  const withoutExamples = { ...withExamples, useExamples: false };

  return {
    direction,
    generateFrom(schema, seed, fieldName) {
      const own = convertSchema(schema, { dialect, direction }, (ref) => lookUp(document, ref));
      return new ValueWriter(resolve, withExamples).write(own, seededRandom(seed), fieldName);
    },
    generate(pointer, seed, fieldName) {
      const key = `${pointer}\u0000${seed}\u0000${fieldName ?? ''}`;
      if (!cache.has(key)) {
        validator ??= new PayloadValidator(document, { mode: 'open', direction });
        const schema = converted.lookUp(pointer) ?? {};
        const named = /^#\/(?:components\/schemas|definitions)\/([^/]+)$/.exec(pointer)?.[1];
        let first: unknown;
        let found: unknown;
        for (let attempt = 0; attempt < 6; attempt++) {
          const writer = new ValueWriter(resolve, attempt === 0 ? withExamples : withoutExamples);
          const value = writer.write(schema, seededRandom(attempt === 0 ? seed : seed + attempt * 7919), fieldName, named && decodeURIComponent(named));
          if (attempt === 0) first = value;
          if (validator.validate(pointer, value).length === 0) {
            found = value;
            break;
          }
        }
        if (cache.size >= CACHE_LIMIT) cache.clear();
        cache.set(key, found === undefined ? first : found);
      }
      return structuredClone(cache.get(key));
    },
  };
}

