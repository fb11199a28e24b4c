import type { ResourceLimits } from 'node:worker_threads';

/**
 * One kind of work that runs off the event loop: its entry file (a `*.worker.ts` module calling
 * serveJobs, a build entry of its own in electron.vite.config.ts), what it is called in messages, and
 * its bounds. Request and Response type the messages both sides exchange.
 */
export interface WorkerKind<Request, Response> {
  /** The entry's path under src/main without extension, e.g. `mapping/suggest.worker`, built as out/main/suggest.worker.js (tests: an absolute path). */
  entry: string;
  /** What the work is, for messages: "The suggestion engine" → "The suggestion engine ran out of memory …". */
  label: string;
  /** Memory bounds of each of its workers (V8's `resourceLimits`). */
  resourceLimits?: ResourceLimits;
  /** Default time bound of one job, counted from the moment its worker is ready; none when absent. */
  timeoutMs?: number;
  /** Phantom fields: only carry the message types. */
  readonly _types?: { request: Request; response: Response };
}

export const defineWorkerKind = <Request, Response>(kind: Omit<WorkerKind<Request, Response>, '_types'>): WorkerKind<Request, Response> => kind;

/** Messages between the runner and a worker. */
export type ToWorker = { type: 'job'; id: number; request: unknown };
export type FromWorker =
  | { type: 'ready' }
  | { type: 'done'; id: number; value: unknown }
  | { type: 'failed'; id: number; message: string; stack?: string };
