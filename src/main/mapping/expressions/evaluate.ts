// Runs a flow's row expressions on source payloads and builds the target payloads (used inside the
// evaluation worker, see evaluate-job.ts). Each row is one JSONata expression over the whole payload:
// rows under a target array are wrapped to map over their paired source array (`[lines.{"v": (qty)}]`),
// one target element per source element. The rows run composed into one expression per flow (one
// evaluation per payload, one pass over each paired array); a payload on which it fails runs row by row,
// so each failing row is named and the others still fill the target. Only jsonata runs, with $eval unbound.
import jsonata from 'jsonata';
import type { Level, ProgramUnit } from './generate';
import { pathOf } from '../../../shared/jsonata-text';

export type RunUnit = ProgramUnit;

export interface RowFailure {
  rowId: number;
  message: string;
}

export interface EvaluatedPayload {
  /** The target payload; undefined when no row produced anything. */
  target: unknown;
  failures: RowFailure[];
}

/** jsonata's own bounds (cooperative: the worker's termination is the real one). */
const LIMITS = { stack: 2000, sequence: 1_000_000 };

const UNAVAILABLE = (name: string) => () => {
  throw new Error(`$${name} is not available in mapping expressions: write the expression itself instead.`);
};

/** Functions taken away from expressions: evaluating text as code. */
export const BINDINGS: Record<string, unknown> = { eval: UNAVAILABLE('eval') };

/**
 * `expression` mapped over its levels' sources (an array: each element; an object: one element), filtered
 * by each level's filter: one `{"v": value}` per element, nested per level.
 */
export function wrapped(expression: string, levels: Level[], base = ''): string {
  let text = `(${expression})`;
  for (let i = levels.length - 1; i >= 0; i--) {
    const source = levels[i]!.source;
    const outer = i === 0 ? base : levels[i - 1]!.source;
    const relative = outer === '' ? source : source.slice(outer.length + 1);
    const filter = levels[i]!.filter.trim();
    text = `[${pathOf(relative)}${filter ? `[${filter}]` : ''}.{"v": ${text}}]`;
  }
  return text;
}

type Compiled = { unit: RunUnit; run: jsonata.Expression | null; parseError: string | null };

const compiledCache = new Map<string, jsonata.Expression>();

function compile(unit: RunUnit): Compiled {
  const text = wrapped(unit.expression, unit.levels);
  let run = compiledCache.get(text);
  try {
    if (!run) {
      run = jsonata(text, LIMITS);
      if (compiledCache.size > 5000) compiledCache.clear();
      compiledCache.set(text, run);
    }
    return { unit, run, parseError: null };
  } catch (error) {
    return { unit, run: null, parseError: messageOf(error) };
  }
}

export function messageOf(error: unknown): string {
  const failure = error as { message?: string; code?: string; position?: number };
  const code = failure.code ? ` [${failure.code}]` : '';
  return `${failure.message ?? String(error)}${code}`;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Sets `value` at a dotted object path under `holder` ('' is not allowed: callers pass a key). */
function objectAt(holder: Record<string, unknown>, dotted: string): { parent: Record<string, unknown>; key: string } {
  const keys = dotted.split('.').filter((key) => key !== '');
  let parent = holder;
  for (const key of keys.slice(0, -1)) {
    if (!isObject(parent[key])) parent[key] = {};
    parent = parent[key] as Record<string, unknown>;
  }
  return { parent, key: keys.at(-1)! };
}

/**
 * Places one row's result: `parts` is its target path cut at each `[]` (the first prefixed with the
 * holder's key); `offset` shifts the elements of the first array (a discriminated array's later pairings).
 */
function place(holder: Record<string, unknown>, parts: string[], value: unknown, offset = 0): void {
  if (value === undefined || (parts.length > 1 && (!Array.isArray(value) || value.length === 0))) return;
  const { parent, key } = objectAt(holder, parts[0]!);
  if (parts.length === 1) {
    parent[key] = value;
    return;
  }
  if (!Array.isArray(parent[key])) parent[key] = [];
  const list = parent[key] as unknown[];
  const rest = [`_${parts[1]!}`, ...parts.slice(2)];
  (value as unknown[]).forEach((element, at) => {
    const index = at + offset;
    if (!isObject(list[index])) list[index] = {};
    const item = element as { v?: unknown };
    // An element of an array of objects is an object: held under '_' so the same placing applies.
    const box: Record<string, unknown> = { _: list[index] };
    place(box, rest, item?.v);
    list[index] = box._;
  });
}

/** Called before each row runs (unit -1: all rows composed): where a runaway was when the worker had to be stopped. */
export type Progress = (payloadIndex: number, unitIndex: number) => void;

/** The unit index a composed run reports: the rows run together, so which one ran away is found by running them one by one. */
export const COMPOSED = -1;

/**
 * The units that parse, as one JSONata object: a row outside any array as the field `"u3": (expr)`, the rows
 * inside the same outer level (a pairing's source and filter) as the fields of one object per element:
 * `"g0": [lines.{"u7": (qty), "u8": (sku)}]`. Each unit parsed alone in its brackets, so none can reach
 * out of its field.
 */
export function composedText(entries: Array<{ unit: RunUnit; index: number }>): { text: string; groups: Array<{ source: string; filter: string; members: number[] }> } {
  const fields: string[] = [];
  const groups = new Map<string, { source: string; filter: string; members: number[] }>();
  for (const { unit, index } of entries) {
    const outer = unit.levels[0];
    if (!outer) {
      fields.push(`"u${index}": (${unit.expression})`);
      continue;
    }
    const key = `${outer.source}\u0000${outer.filter.trim()}`;
    const group = groups.get(key) ?? { source: outer.source, filter: outer.filter.trim(), members: [] };
    groups.set(key, group);
    group.members.push(index);
  }
  const byIndex = new Map(entries.map((entry) => [entry.index, entry.unit]));
  [...groups.values()].forEach((group, j) => {
    const inner = group.members.map((index) => {
      const unit = byIndex.get(index)!;
      return `"u${index}": ${wrapped(unit.expression, unit.levels.slice(1), group.source)}`;
    });
    fields.push(`"g${j}": [${pathOf(group.source)}${group.filter ? `[${group.filter}]` : ''}.{${inner.join(', ')}}]`);
  });
  return { text: `{${fields.join(', ')}}`, groups: [...groups.values()] };
}

interface Composed {
  run: jsonata.Expression;
  groups: Array<{ members: number[] }>;
}

const composedCache = new Map<string, Composed | null>();

/** The flow's composed expression (cached by its text), or null when it cannot be made (then rows run one by one). */
function compose(compiled: Compiled[]): Composed | null {
  const entries = compiled.flatMap(({ unit, run }, index) => (run ? [{ unit, index }] : []));
  if (entries.length === 0) return null;
  const { text, groups } = composedText(entries);
  if (composedCache.has(text)) return composedCache.get(text)!;
  let composed: Composed | null;
  try {
    composed = { run: jsonata(text, LIMITS), groups };
  } catch {
    composed = null;
  }
  if (composedCache.size > 50) composedCache.clear();
  composedCache.set(text, composed);
  return composed;
}

/** Each unit's value from the composed result, in the form its own expression gives (`[{"v": …}]` per element inside an array). */
function valuesOfComposed(compiled: Compiled[], composed: Composed, result: Record<string, unknown>): Array<{ unit: RunUnit; value: unknown }> {
  const values: Array<{ unit: RunUnit; value: unknown }> = [];
  const groupOf = new Map<number, number>();
  composed.groups.forEach((group, j) => group.members.forEach((index) => groupOf.set(index, j)));
  compiled.forEach(({ unit, run }, index) => {
    if (!run) return;
    const group = groupOf.get(index);
    if (group === undefined) return values.push({ unit, value: result[`u${index}`] });
    const elements = result[`g${group}`];
    const list = elements === undefined ? [] : Array.isArray(elements) ? elements : [elements];
    values.push({ unit, value: list.map((element) => ({ v: (element as Record<string, unknown> | undefined)?.[`u${index}`] })) });
  });
  return values;
}

/** Runs every unit on every payload, in order; a failing row is reported and the others still run. */
export async function evaluatePayloads(units: RunUnit[], payloads: unknown[], progress: Progress = () => undefined, options: { rowByRow?: boolean } = {}): Promise<EvaluatedPayload[]> {
  const compiled = units.map(compile);
  const composed = options.rowByRow ? null : compose(compiled);
  const results: EvaluatedPayload[] = [];
  for (const [payloadIndex, payload] of payloads.entries()) {
    const failures: RowFailure[] = compiled.flatMap(({ unit, run, parseError }) => (run ? [] : [{ rowId: unit.rowId, message: `does not parse: ${parseError}` }]));
    let values: Array<{ unit: RunUnit; value: unknown }> | null = null;
    // An object constructor over an array input groups instead of mapping: such a payload runs row by row.
    if (composed && isObject(payload)) {
      progress(payloadIndex, COMPOSED);
      try {
        const result = await composed.run.evaluate(payload, BINDINGS);
        if (isObject(result)) values = valuesOfComposed(compiled, composed, result);
      } catch {
        values = null; // some row failed: run them one by one to name it
      }
    }
    if (!values) {
      values = [];
      for (const [unitIndex, { unit, run }] of compiled.entries()) {
        if (!run) continue;
        progress(payloadIndex, unitIndex);
        try {
          values.push({ unit, value: await run.evaluate(payload, BINDINGS) });
        } catch (error) {
          failures.push({ rowId: unit.rowId, message: messageOf(error) });
        }
      }
    }
    results.push({ target: targetOf(values), failures });
  }
  return results;
}

/** The target payload the units' values build. */
function targetOf(values: Array<{ unit: RunUnit; value: unknown }>): unknown {
  const holder: Record<string, unknown> = {};
  const offsets = slotOffsets(values);
  for (const { unit, value } of values) {
    place(holder, `_${unit.targetPath.startsWith('[]') ? '' : '.'}${unit.targetPath}`.split('[]'), value, unit.slot ? offsets.get(unit.slot.pairing) : 0);
  }
  return plain(holder._);
}

/** Where each pairing's elements start in a target array several pairings fill: after the elements of the pairings before it. */
function slotOffsets(values: Array<{ unit: RunUnit; value: unknown }>): Map<number, number> {
  const counts = new Map<string, Map<number, number>>();
  for (const { unit, value } of values) {
    if (!unit.slot) continue;
    const pairings = counts.get(unit.slot.array) ?? new Map<number, number>();
    counts.set(unit.slot.array, pairings);
    pairings.set(unit.slot.pairing, Math.max(pairings.get(unit.slot.pairing) ?? 0, Array.isArray(value) ? value.length : 0));
  }
  const offsets = new Map<number, number>();
  for (const pairings of counts.values()) {
    let next = 0;
    for (const [pairing, count] of [...pairings.entries()].sort((a, b) => a[0] - b[0])) {
      offsets.set(pairing, next);
      next += count;
    }
  }
  return offsets;
}

/** jsonata marks its sequences with extra properties; a plain copy crosses to the main thread cleanly. */
function plain(value: unknown): unknown {
  if (value === undefined || value === null || typeof value !== 'object') return typeof value === 'function' ? undefined : value;
  return JSON.parse(JSON.stringify(value)) as unknown;
}
