// A per-field profile of sampled records: how often each field is present and null, which values occur
// most, the range of numbers and of lengths (strings' characters, arrays' items). Pure: records in,
// profile out. Fields are written in catalogue form (`lines[].amount`).

export interface FieldProfile {
  path: string;
  /** Records in which the field appears at least once (null included). */
  present: number;
  /** Records in which it appears as null. */
  nulls: number;
  /** The JSON types seen ("string", "integer", "number", "boolean", "object", "array", "null"). */
  types: string[];
  /** The most frequent scalar values as text, most frequent first (ties in first-seen order), at most `topValues`. */
  top: Array<{ value: string; count: number }>;
  /** How many distinct scalar values were seen (counted up to a bound: see `distinctCapped`). */
  distinct: number;
  distinctCapped: boolean;
  /** Numbers only. */
  min?: number;
  max?: number;
  /** Strings (characters) and arrays (items). */
  minLength?: number;
  maxLength?: number;
}

export interface RecordsProfile {
  records: number;
  fields: FieldProfile[];
}

const DISTINCT_BOUND = 10_000;
const VALUE_TEXT_LENGTH = 120;

interface Tally {
  present: Set<number>;
  nulls: Set<number>;
  types: Set<string>;
  counts: Map<string, number>;
  capped: boolean;
  min?: number;
  max?: number;
  minLength?: number;
  maxLength?: number;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const typeOf = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'array' : Number.isInteger(value) ? 'integer' : typeof value);

export function profileRecords(records: readonly unknown[], options: { topValues?: number } = {}): RecordsProfile {
  const topValues = options.topValues ?? 5;
  const tallies = new Map<string, Tally>();
  const tally = (path: string) => {
    let found = tallies.get(path);
    if (!found) tallies.set(path, (found = { present: new Set(), nulls: new Set(), types: new Set(), counts: new Map(), capped: false }));
    return found;
  };
  const visit = (path: string, value: unknown, record: number) => {
    const entry = tally(path);
    entry.present.add(record);
    entry.types.add(typeOf(value));
    if (value === null) {
      entry.nulls.add(record);
      return;
    }
    if (typeof value === 'string' || Array.isArray(value)) {
      entry.minLength = Math.min(entry.minLength ?? Infinity, value.length);
      entry.maxLength = Math.max(entry.maxLength ?? -Infinity, value.length);
    }
    if (typeof value === 'number') {
      entry.min = Math.min(entry.min ?? Infinity, value);
      entry.max = Math.max(entry.max ?? -Infinity, value);
    }
    if (!isObject(value) && !Array.isArray(value)) {
      const text = String(value).slice(0, VALUE_TEXT_LENGTH);
      if (entry.counts.has(text)) entry.counts.set(text, entry.counts.get(text)! + 1);
      else if (entry.counts.size < DISTINCT_BOUND) entry.counts.set(text, 1);
      else entry.capped = true;
    }
    if (isObject(value)) for (const [name, child] of Object.entries(value)) visit(path === '' ? name : `${path}.${name}`, child, record);
    if (Array.isArray(value)) for (const item of value) if (isObject(item)) for (const [name, child] of Object.entries(item)) visit(`${path}[].${name}`, child, record);
  };
  records.forEach((record, index) => {
    if (isObject(record)) for (const [name, value] of Object.entries(record)) visit(name, value, index);
  });
  return {
    records: records.length,
    fields: [...tallies.entries()].map(([path, entry]) => ({
      path,
      present: entry.present.size,
      nulls: entry.nulls.size,
      types: [...entry.types],
      top: [...entry.counts.entries()]
        .map(([value, count], order) => ({ value, count, order }))
        .sort((a, b) => b.count - a.count || a.order - b.order)
        .slice(0, topValues)
        .map(({ value, count }) => ({ value, count })),
      distinct: entry.counts.size,
      distinctCapped: entry.capped,
      ...(entry.min !== undefined ? { min: entry.min, max: entry.max } : {}),
      ...(entry.minLength !== undefined ? { minLength: entry.minLength, maxLength: entry.maxLength } : {}),
    })),
  };
}
