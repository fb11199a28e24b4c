// Runs a flow's row expressions on source payloads and builds the target payloads (used inside the
// evaluation worker, see evaluate-job.ts). Each row runs as one JSONata expression over the whole
// payload: rows under a target array are wrapped to map over their paired source array
// (`[lines.{"v": (qty)}]`), one target element per source element. Only jsonata runs, with $eval unbound.
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
export function wrapped(expression: string, levels: Level[]): string {
  let text = `(${expression})`;
  for (let i = levels.length - 1; i >= 0; i--) {
    const source = levels[i]!.source;
    const relative = i === 0 ? source : source.slice(levels[i - 1]!.source.length + 1);
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

/** Called before each row runs: where a runaway was when the worker had to be stopped. */
export type Progress = (payloadIndex: number, unitIndex: number) => void;

/** Runs every unit on every payload, in order; a failing row is reported and the others still run. */
export async function evaluatePayloads(units: RunUnit[], payloads: unknown[], progress: Progress = () => undefined): Promise<EvaluatedPayload[]> {
  const compiled = units.map(compile);
  const results: EvaluatedPayload[] = [];
  for (const [payloadIndex, payload] of payloads.entries()) {
    const holder: Record<string, unknown> = {};
    const failures: RowFailure[] = [];
    const values: Array<{ unit: RunUnit; value: unknown }> = [];
    for (const [unitIndex, { unit, run, parseError }] of compiled.entries()) {
      if (!run) {
        failures.push({ rowId: unit.rowId, message: `does not parse: ${parseError}` });
        continue;
      }
      progress(payloadIndex, unitIndex);
      try {
        values.push({ unit, value: await run.evaluate(payload, BINDINGS) });
      } catch (error) {
        failures.push({ rowId: unit.rowId, message: messageOf(error) });
      }
    }
    const offsets = slotOffsets(values);
    for (const { unit, value } of values) {
      place(holder, `_${unit.targetPath.startsWith('[]') ? '' : '.'}${unit.targetPath}`.split('[]'), value, unit.slot ? offsets.get(unit.slot.pairing) : 0);
    }
    results.push({ target: plain(holder._), failures });
  }
  return results;
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
