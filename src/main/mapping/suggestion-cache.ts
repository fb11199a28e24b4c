// The suggestion engine's answer for a whole flow, computed once and kept in main: on a flow of
// thousands of fields it takes seconds, and the same answer serves the rows' creation, the detail
// panel's candidates and every reload after. An entry is found only under the exact inputs it was
// computed from — the workspace file, both systems' stored documents (a re-import changes
// imported_at), the two entities, what analysts decided between them and in other workspaces (the
// mapping memory) — so a decision or a re-import simply misses and computes anew; nothing has to
// remember to invalidate. The flow itself
// is not part of the key (the engine sees only the entities and decisions): a flow being created
// finds, and leaves, the same entry its sheet asks for next.
//
// A miss computes with computeCandidates (a worker thread for big flows), outside any transaction;
// concurrent asks for the same inputs share that one computation, which stops only once every asker
// has cancelled. Writers that store rows from the answer use writeWithCandidates, which checks inside
// the write that the inputs have not changed, and writes nothing once its caller has cancelled.
import { createHash } from 'node:crypto';
import type { CatalogueEntity } from '../../shared/catalogue';
import { UserError } from '../errors';
import type { SqliteDatabase } from '../workspace/sqlite';
import type { Workspace } from '../workspace/workspace';
import { computeCandidates, nextTurn, type EngineRun } from './compute-candidates';
import { learnedIn, workspaceIdIn, type FlowKeys } from './decisions';
import { memoryAt } from './memory';
import type { LearnedDecisions, TargetSuggestion } from './suggest';

/** Flows kept: each holds up to three candidates with reasons per target leaf (a few MB for 5,000 leaves). */
const KEPT = 4;
const entries = new Map<string, TargetSuggestion[]>();
/** A computation under way: a second ask waits for the first one's answer; the last asker to cancel stops it. */
interface Computation {
  answer: Promise<TargetSuggestion[]>;
  stop: AbortController;
  waiting: number;
}
const pending = new Map<string, Computation>();
let computed = 0;

/** The two sides of a flow: its id once stored, or (a flow being created) its systems and decision keys. */
export type FlowSides = number | { sourceSystemId: number; targetSystemId: number; keys: FlowKeys };

interface Inputs {
  key: string;
  learned: LearnedDecisions;
}

function inputsIn(db: SqliteDatabase, sides: FlowSides, source: CatalogueEntity, target: CatalogueEntity): Inputs {
  let stored: { sourceSystemId: number; targetSystemId: number; keys: FlowKeys } | undefined;
  if (typeof sides === 'number') {
    const row = db
      .prepare(
        `SELECT f.source_system_id AS sourceSystemId, f.target_system_id AS targetSystemId,
           s.name || ':' || f.source_entity AS source, t.name || ':' || f.target_entity AS target
         FROM data_flow f JOIN system s ON s.id = f.source_system_id JOIN system t ON t.id = f.target_system_id WHERE f.id = ?`,
      )
      .get(sides) as { sourceSystemId: number; targetSystemId: number; source: string; target: string } | undefined;
    if (row) stored = { sourceSystemId: row.sourceSystemId, targetSystemId: row.targetSystemId, keys: { source: row.source, target: row.target } };
  } else {
    stored = sides;
  }
  if (!stored) throw new UserError('FLOW_NOT_FOUND', `There is no data flow ${String(sides)} (it may have been deleted): reload the flows.`);
  const learned = { ...learnedIn(db, stored.keys), memory: memoryAt().evidenceFor(workspaceIdIn(db)) };
  const importedAt = db.prepare('SELECT id || \'@\' || imported_at AS document FROM system WHERE id = ?');
  const documentOf = (id: number) => (importedAt.get(id) as { document: string } | undefined)?.document ?? `${id}@`;
  const decided = (pairs: LearnedDecisions['accepted']) => pairs.map((pair) => `${pair.source}\u0000${pair.target}`).sort();
  const hash = createHash('sha256');
  for (const part of [
    db.name,
    documentOf(stored.sourceSystemId),
    documentOf(stored.targetSystemId),
    `${source.id}\u0000${source.fields.length}`,
    `${target.id}\u0000${target.fields.length}`,
    ...decided(learned.accepted).map((pair) => `+${pair}`),
    ...decided(learned.rejected).map((pair) => `-${pair}`),
    ...decided(learned.memory.accepted).map((pair) => `m+${pair}`),
    ...decided(learned.memory.rejected).map((pair) => `m-${pair}`),
  ]) {
    hash.update(part).update('\u0001');
  }
  return { key: hash.digest('hex'), learned };
}

export interface FlowCandidates {
  suggestions: TargetSuggestion[];
  /** The inputs' key they were computed under (writeWithCandidates compares it inside the write). */
  key: string;
}

/**
 * The engine's answer for the flow with what analysts decided so far, from the cache when its inputs
 * are unchanged; otherwise computed off the event loop for big flows. Never call it inside a transaction.
 */
export async function flowCandidates(
  workspace: Workspace,
  sides: FlowSides,
  source: CatalogueEntity,
  target: CatalogueEntity,
  { signal, workers }: EngineRun = {},
): Promise<FlowCandidates> {
  const { key, learned } = workspace.read((db) => inputsIn(db, sides, source, target));
  const cached = entries.get(key);
  if (cached) {
    // Most recently used last.
    entries.delete(key);
    entries.set(key, cached);
    return { suggestions: cached, key };
  }
  let computation = pending.get(key);
  if (!computation) {
    computed++;
    const stop = new AbortController();
    const answer = computeCandidates(source, target, learned, { signal: stop.signal, workers }).then((found) => {
      entries.set(key, found);
      while (entries.size > KEPT) entries.delete(entries.keys().next().value!);
      return found;
    });
    const started: Computation = { answer, stop, waiting: 0 };
    const forget = () => {
      if (pending.get(key) === started) pending.delete(key);
    };
    answer.then(forget, forget);
    pending.set(key, started);
    computation = started;
  }
  return { suggestions: await waitFor(computation, signal), key };
}

/** The computation's answer for one asker, who may stop waiting: the computation stops when nobody waits any more. */
function waitFor(computation: Computation, signal: AbortSignal | undefined): Promise<TargetSuggestion[]> {
  if (!signal) {
    computation.waiting = Infinity; // someone who cannot cancel keeps it running
    return computation.answer;
  }
  signal.throwIfAborted();
  computation.waiting++;
  return new Promise<TargetSuggestion[]>((resolve, reject) => {
    const leave = () => {
      if (--computation.waiting === 0) computation.stop.abort(signal.reason);
      reject(signal.reason);
    };
    signal.addEventListener('abort', leave, { once: true });
    computation.answer.then(
      (answer) => {
        signal.removeEventListener('abort', leave);
        resolve(answer);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', leave);
        reject(error);
      },
    );
  });
}

/** Answers for this many target fields or more are followed by a turn of the event loop before their write. */
const YIELD_FROM_TARGETS = 500;

/** Marks an answer as stale inside writeWithCandidates. */
const STALE: unique symbol = Symbol('stale');

/**
 * Computes (or finds) the flow's candidates first, then runs `write` with them in one write
 * transaction; should the inputs have changed in between (a decision, a re-import), computes anew,
 * and after a few tries writes with the latest answer. Nothing is written when the engine fails.
 */
export async function writeWithCandidates<T>(
  workspace: Workspace,
  sides: FlowSides,
  source: CatalogueEntity,
  target: CatalogueEntity,
  write: (db: SqliteDatabase, suggestions: TargetSuggestion[]) => T,
  run: EngineRun = {},
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    const { suggestions, key } = await flowCandidates(workspace, sides, source, target, run);
    // A big answer has just been copied in from the worker: let calls waiting meanwhile run before the write.
    if (suggestions.length >= YIELD_FROM_TARGETS) await nextTurn();
    // Cancelled meanwhile: nothing is written (the write below is one transaction: whole or not at all).
    run.signal?.throwIfAborted();
    const result = workspace.write((db) => {
      if (attempt < 2 && inputsIn(db, sides, source, target).key !== key) return STALE;
      return write(db, suggestions);
    });
    if (result !== STALE) return result as T;
  }
}

/** How many times the engine ran through this cache (tests read it to tell a hit from a miss). */
export const suggestionComputations = () => computed;

/** Drops every entry (tests, benchmarks; a closed workspace's entries are simply never asked for again). */
export function clearSuggestionCache(): void {
  entries.clear();
}
