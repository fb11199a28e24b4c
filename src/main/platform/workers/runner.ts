// The one way Crosswalk runs work off the event loop. Each kind of work keeps one warm worker (its
// start-up — loading the engine, registering tsx — is paid once, not per job); a job that finds it
// busy gets a worker of its own, stopped afterwards. A time bound counts from the moment the job's
// worker is ready; cancelling or passing the bound terminates the worker, the only way to stop code
// that does not yield. Every failure becomes a WorkerJobError naming the work that failed.
import fs from 'node:fs';
import path from 'node:path';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import type { FromWorker, WorkerKind } from './worker-kind';

export type WorkerFailure = 'failed' | 'timeout' | 'cancelled' | 'out-of-memory' | 'stopped' | 'start';

export class WorkerJobError extends Error {
  constructor(
    /** The kind's label: "The suggestion engine". */
    readonly label: string,
    readonly reason: WorkerFailure,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'WorkerJobError';
  }
}

export interface RunOptions {
  signal?: AbortSignal;
  /** Overrides the kind's time bound (ms from the worker being ready). */
  timeoutMs?: number;
  /** Buffers moved (not copied) to the worker with the request. */
  transfer?: ArrayBuffer[];
  /** Other memory bounds than the kind's: the job gets a worker of its own. */
  resourceLimits?: ResourceLimits;
}

interface PendingJob {
  id: number;
  settle(message: FromWorker): void;
  fail(error: WorkerJobError): void;
}

interface Slot {
  kind: WorkerKind<unknown, unknown>;
  worker: Worker;
  ready: Promise<void>;
  limits: ResourceLimits | undefined;
  job?: PendingJob;
  exited: boolean;
}

let nextJobId = 1;

export class WorkerRunner {
  private readonly idle = new Map<string, Slot>();
  private readonly slots = new Set<Slot>();
  private stopping = false;

  /** Starts `kind`'s warm worker now, so the first job does not wait for it (e.g. while a document is parsed). */
  warm(kind: WorkerKind<unknown, unknown>): void {
    if (!this.idle.has(kind.entry)) this.idle.set(kind.entry, this.spawn(kind, kind.resourceLimits));
  }

  async run<Request, Response>(kind: WorkerKind<Request, Response>, request: Request, options: RunOptions = {}): Promise<Response> {
    const general = kind as WorkerKind<unknown, unknown>;
    options.signal?.throwIfAborted();
    const dedicated = options.resourceLimits !== undefined;
    let slot = dedicated ? undefined : this.idle.get(kind.entry);
    if (slot) this.idle.delete(kind.entry);
    else slot = this.spawn(general, options.resourceLimits ?? kind.resourceLimits);
    slot.worker.ref();
    try {
      return (await this.runOn(slot, request, options)) as Response;
    } finally {
      if (!slot.exited && !dedicated && !this.stopping && !this.idle.has(kind.entry)) {
        slot.worker.unref();
        this.idle.set(kind.entry, slot);
      } else {
        void slot.worker.terminate();
      }
    }
  }

  /** Terminates every worker; running jobs fail with "stopped". Later jobs start fresh workers. */
  async stopAll(): Promise<void> {
    this.stopping = true;
    const all = [...this.slots];
    this.idle.clear();
    for (const slot of all) slot.job?.fail(new WorkerJobError(slot.kind.label, 'stopped', `${slot.kind.label} was stopped.`));
    await Promise.all(all.map((slot) => slot.worker.terminate()));
    this.stopping = false;
  }

  /** The live workers, for tests and diagnostics. */
  workers(): Array<{ entry: string; threadId: number; busy: boolean }> {
    return [...this.slots].map((slot) => ({ entry: slot.kind.entry, threadId: slot.worker.threadId, busy: slot.job !== undefined }));
  }

  private spawn(kind: WorkerKind<unknown, unknown>, limits: ResourceLimits | undefined): Slot {
    const { file, execArgv } = entryFile(kind.entry);
    let worker: Worker;
    try {
      worker = new Worker(file, { execArgv, resourceLimits: limits, stdout: true, stderr: true });
    } catch (error) {
      throw new WorkerJobError(kind.label, 'start', `${kind.label} could not start: ${(error as Error).message}`, { cause: error });
    }
    let markReady!: () => void;
    let refuseReady!: (error: WorkerJobError) => void;
    const slot: Slot = {
      kind,
      worker,
      limits,
      exited: false,
      ready: new Promise<void>((resolve, reject) => {
        markReady = resolve;
        refuseReady = reject;
      }),
    };
    slot.ready.catch(() => undefined); // a warm worker nobody waits for may fail unobserved
    this.slots.add(slot);
    worker.on('message', (message: FromWorker) => {
      if (message.type === 'ready') markReady();
      else if (slot.job && message.id === slot.job.id) slot.job.settle(message);
    });
    worker.on('error', (error: Error & { code?: string }) => {
      const failure =
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? new WorkerJobError(kind.label, 'out-of-memory', `${kind.label} ran out of memory (its limit is ${limitText(limits)}).`, { cause: error })
          : new WorkerJobError(kind.label, 'failed', `${kind.label} failed: ${error.message}`, { cause: error });
      refuseReady(failure);
      slot.job?.fail(failure);
    });
    worker.on('exit', (code) => {
      slot.exited = true;
      this.slots.delete(slot);
      if (this.idle.get(kind.entry) === slot) this.idle.delete(kind.entry);
      const failure = new WorkerJobError(kind.label, 'stopped', `${kind.label} stopped before it answered (exit code ${code}).`);
      refuseReady(failure);
      slot.job?.fail(failure);
    });
    // Until a job runs on it, a warm worker must not keep the process alive (after the listeners: adding one refs it again).
    worker.unref();
    return slot;
  }

  private runOn(slot: Slot, request: unknown, options: RunOptions): Promise<unknown> {
    const { kind } = slot;
    return new Promise<unknown>((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined;
      const finish = () => {
        clearTimeout(timer);
        options.signal?.removeEventListener('abort', onAbort);
        slot.job = undefined;
      };
      const job: PendingJob = {
        id: nextJobId++,
        settle(message) {
          finish();
          if (message.type === 'done') resolve(message.value);
          else if (message.type === 'failed') reject(new WorkerJobError(kind.label, 'failed', `${kind.label} failed: ${message.message}`));
        },
        fail(error) {
          finish();
          reject(error);
        },
      };
      const stop = (error: WorkerJobError) => {
        job.fail(error);
        slot.exited = true; // never reused, even before its exit event
        void slot.worker.terminate();
      };
      const onAbort = () => stop(new WorkerJobError(kind.label, 'cancelled', `${kind.label} was cancelled.`, { cause: options.signal?.reason }));
      options.signal?.addEventListener('abort', onAbort, { once: true });
      slot.job = job;
      slot.ready.then(
        () => {
          if (slot.job !== job) return; // cancelled while starting
          const bound = options.timeoutMs ?? kind.timeoutMs;
          if (bound !== undefined) timer = setTimeout(() => stop(new WorkerJobError(kind.label, 'timeout', `${kind.label} was stopped after ${seconds(bound)}, its time limit.`)), bound);
          slot.worker.postMessage({ type: 'job', id: job.id, request }, options.transfer ?? []);
        },
        (error: WorkerJobError) => job.fail(error),
      );
    });
  }
}

const seconds = (ms: number) => (ms < 1000 ? `${ms} ms` : `${Math.round(ms / 100) / 10} s`);

const limitText = (limits: ResourceLimits | undefined) =>
  limits?.maxOldGenerationSizeMb ? `${limits.maxOldGenerationSizeMb} MB` : 'the default heap size';

const SOURCE_ROOT = path.resolve(__dirname, '..', '..');

/**
 * Where a kind's code is. Under tsx and vitest (this file is TypeScript) the entry's source runs with
 * tsx registered in the worker; in the electron-vite build, its bundle sits beside the main bundle
 * (out/main, or the folder above a chunk).
 */
function entryFile(entry: string): { file: string; execArgv?: string[] } {
  if (__filename.endsWith('.ts')) return { file: path.resolve(SOURCE_ROOT, `${entry}.ts`), execArgv: ['--require', require.resolve('tsx/cjs')] };
  const name = `${path.basename(entry)}.js`;
  const file = [path.join(__dirname, name), path.join(__dirname, '..', name)].find((candidate) => fs.existsSync(candidate));
  if (!file) throw new Error(`The worker script ${name} is missing next to ${__filename}: rebuild Crosswalk (npm run build).`);
  return { file };
}

/** The process's runner: front ends put it in their Services; domain code that is given none uses it. */
export const defaultWorkerRunner = new WorkerRunner();
