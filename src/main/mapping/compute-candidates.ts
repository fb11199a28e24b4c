// The suggestion engine off the event loop. On a flow of thousands of fields it runs for seconds, and
// main answers every call from one event loop: big inputs run in a worker thread (one per job, stopped
// once it has answered), small ones inline, where a worker's start-up and the copying of the entities
// would cost more than the engine itself. Both give the same answer: the worker runs the same
// suggestMappings on structured-cloned copies of the same inputs.
//
// The worker is started as the validation worker is (openapi/load/validation.ts): a short plain-JS
// script run with `eval: true`, given absolute paths in workerData. Under tsx and vitest it registers
// tsx and requires src/main/mapping/suggest-worker.ts; in the electron-vite build it requires
// out/main/suggest-worker.js, the build's second main entry (electron.vite.config.ts).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { CatalogueEntity } from '../../shared/catalogue';
import { suggestMappings, type SuggestOptions, type TargetSuggestion } from './suggest';

type Learned = NonNullable<SuggestOptions['learned']>;

/**
 * Source fields × target fields from which the engine runs in a worker. From bench/mapping-sheet.ts's
 * "cut-off" lines (a busy 2-core machine): inline, 94k pairs took 54–100 ms, 166k 70–82 ms and 260k
 * 120–143 ms, so below 150k the stall stays under ~100 ms; the worker adds 150–300 ms there under tsx
 * (it registers tsx and loads the engine's sources, cold) and about 30 ms of start-up in the build.
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

export interface ComputeOptions {
  /** Overrides the cut-off for this call. */
  workerFromPairs?: number;
}

/** The engine's answer for these entities and decisions: inline for small inputs, in a worker thread for big ones. */
export async function computeCandidates(source: CatalogueEntity, target: CatalogueEntity, learned: Learned, options: ComputeOptions = {}): Promise<TargetSuggestion[]> {
  const pairs = source.fields.length * target.fields.length;
  if (pairs < (options.workerFromPairs ?? workerFromPairs)) return suggestMappings(source, target, { learned });
  return inWorker(source, target, learned);
}

/**
 * Resolves after a full turn of the event loop, timers and I/O polling included (one setImmediate from
 * the poll phase, where a worker's message arrives, would run before either). Writers call it between
 * big synchronous steps so that calls waiting meanwhile are answered in between.
 */
export const nextTurn = () => new Promise<void>((resolve) => setImmediate(() => setImmediate(resolve)));

const BOOT_SOURCE = String.raw`
'use strict';
const { workerData } = require('node:worker_threads');
if (workerData.tsx) require(workerData.tsx).register();
require(workerData.entry);
`;

let boot: { entry: string; tsx?: string } | undefined;

/** Where the worker's code is: next to this file under tsx and vitest, next to the bundle in the build. */
function locateWorker(): { entry: string; tsx?: string } {
  if (boot) return boot;
  if (__filename.endsWith('.ts')) {
    boot = { entry: path.join(__dirname, 'suggest-worker.ts'), tsx: createRequire(__filename).resolve('tsx/cjs/api') };
  } else {
    // The bundle may place this code in out/main or in a chunk below it.
    const entry = [path.join(__dirname, 'suggest-worker.js'), path.join(__dirname, '..', 'suggest-worker.js')].find((file) => fs.existsSync(file));
    if (!entry) throw new Error(`The suggestion worker's script (suggest-worker.js) is missing next to ${__filename}.`);
    boot = { entry };
  }
  return boot;
}

/** Each running job's worker, with how to end its job. */
const running = new Map<Worker, (error: Error) => void>();

function inWorker(source: CatalogueEntity, target: CatalogueEntity, learned: Learned): Promise<TargetSuggestion[]> {
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      worker = new Worker(BOOT_SOURCE, { eval: true, workerData: locateWorker(), stdout: true, stderr: true });
    } catch (error) {
      reject(new Error(`The suggestion engine's worker could not start: ${(error as Error).message}`, { cause: error }));
      return;
    }
    let settled = false;
    const done = (error: Error | undefined, answer?: TargetSuggestion[]) => {
      if (settled) return;
      settled = true;
      running.delete(worker);
      void worker.terminate();
      if (error) reject(error);
      else resolve(answer!);
    };
    running.set(worker, (error) => done(error));
    worker.once('message', (message: { suggestions?: TargetSuggestion[]; failure?: string }) => {
      if (message.failure !== undefined) done(new Error(`The suggestion engine failed: ${message.failure}`));
      else done(undefined, message.suggestions ?? []);
    });
    worker.on('error', (error) => done(new Error(`The suggestion engine's worker failed: ${error.message}`, { cause: error })));
    worker.once('exit', (code) => done(new Error(`The suggestion engine's worker stopped before answering (exit code ${code}).`)));
    worker.postMessage({ source, target, learned });
  });
}

/** Stops every running engine worker (their callers get an error); a closed workspace's jobs, tests. */
export function stopSuggestionWorkers(): void {
  for (const stop of [...running.values()]) stop(new Error('The suggestion engine was stopped.'));
}
