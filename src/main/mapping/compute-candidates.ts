// The suggestion engine off the event loop. On a flow of thousands of fields it runs for seconds, and
// main answers every call from one event loop: big inputs run in the suggestion engine's worker
// (suggest.worker.ts, on the platform's worker runner), small ones inline, where copying the entities
// to a worker would cost more than the engine itself. Both give the same answer: the worker runs the
// same suggestMappings on structured-cloned copies of the same inputs.
import type { CatalogueEntity } from '../../shared/catalogue';
import { defaultWorkerRunner, type WorkerRunner } from '../platform/workers/runner';
import { suggestMappings, type LearnedDecisions, type TargetSuggestion } from './suggest';
import { suggestJob } from './suggest-job';

/**
 * Source fields × target fields from which the engine runs in a worker. From bench/mapping-sheet.ts's
 * "cut-off" lines (a busy 2-core machine): inline, 94k pairs took 54–100 ms, 166k 70–82 ms and 260k
 * 120–143 ms, so below 150k the stall stays under ~100 ms; the worker adds 150–300 ms there under tsx
 * (it registers tsx and loads the engine's sources, cold) and about 30 ms of start-up in the build; the
 * runner keeps one worker warm, so only the first big flow pays it.
 * The demo's flows (about 30 × 30 fields) and most real entities stay inline.
 */
export const WORKER_FROM_PAIRS = 150_000;

let workerFromPairs = WORKER_FROM_PAIRS;

/** Changes the cut-off (tests and benchmarks force the worker with 0 or keep it inline with Infinity); returns the previous one. */
export function setWorkerFromPairs(pairs: number): number {
  const previous = workerFromPairs;
  workerFromPairs = pairs;
  return previous;
}

/** How a call runs the engine: its cancel, and the runner its worker comes from (the process's unless given). */
export interface EngineRun {
  /** Stops the worker (an inline computation is too short to need it). */
  signal?: AbortSignal;
  workers?: WorkerRunner;
}

export interface ComputeOptions extends EngineRun {
  /** Overrides the cut-off for this call. */
  workerFromPairs?: number;
}

/** The engine's answer for these entities and decisions: inline for small inputs, in a worker thread for big ones. */
export async function computeCandidates(source: CatalogueEntity, target: CatalogueEntity, learned: LearnedDecisions, options: ComputeOptions = {}): Promise<TargetSuggestion[]> {
  const pairs = source.fields.length * target.fields.length;
  if (pairs < (options.workerFromPairs ?? workerFromPairs)) return suggestMappings(source, target, { learned });
  const signal = options.signal ? AbortSignal.any([options.signal, stopAll.signal]) : stopAll.signal;
  return (options.workers ?? defaultWorkerRunner).run(suggestJob, { source, target, learned }, { signal });
}

/**
 * Resolves after a full turn of the event loop, timers and I/O polling included (one setImmediate from
 * the poll phase, where a worker's message arrives, would run before either). Writers call it between
 * big synchronous steps so that calls waiting meanwhile are answered in between.
 */
export const nextTurn = () => new Promise<void>((resolve) => setImmediate(() => setImmediate(resolve)));

let stopAll = new AbortController();

/** Stops every running engine job (their callers get an error): a closed workspace's, tests'. */
export function stopSuggestionWorkers(): void {
  stopAll.abort(new Error('The suggestion engine was stopped.'));
  stopAll = new AbortController();
}
