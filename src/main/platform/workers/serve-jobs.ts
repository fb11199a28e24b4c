// The worker's side of the runner: answers each job posted to it, one at a time, for as long as it lives.
import { parentPort } from 'node:worker_threads';
import type { FromWorker, ToWorker, WorkerKind } from './worker-kind';

/** A response and the buffers to move (not copy) back to the main thread with it. */
export class Transferred<Response> {
  constructor(
    readonly value: Response,
    readonly transfer: ArrayBuffer[],
  ) {}
}

type Job<Request, Response> = (request: Request) => Response | Transferred<Response> | Promise<Response | Transferred<Response>>;

/** Call once at the top of a `*.worker.ts` entry: serves `kind`'s jobs with `run`. */
export function serveJobs<Request, Response>(_kind: WorkerKind<Request, Response>, run: Job<Request, Response>): void {
  const port = parentPort;
  if (!port) throw new Error('serveJobs runs only inside a worker thread.');
  const post = (message: FromWorker, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);
  port.on('message', async (message: ToWorker) => {
    if (message.type !== 'job') return;
    try {
      const answer = await run(message.request as Request);
      if (answer instanceof Transferred) post({ type: 'done', id: message.id, value: answer.value }, answer.transfer);
      else post({ type: 'done', id: message.id, value: answer });
    } catch (error) {
      const failure = error instanceof Error ? error : new Error(String(error));
      post({ type: 'failed', id: message.id, message: failure.message, stack: failure.stack });
    }
  });
  post({ type: 'ready' });
}
