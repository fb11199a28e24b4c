import { defineWorkerKind } from '../../platform/workers/worker-kind';
import type { EvaluatedPayload, RunUnit } from './evaluate';

export interface EvaluateJob {
  units: RunUnit[];
  payloads: unknown[];
  /** Two Int32 slots the worker writes before each row runs (payload index, row index): who ran away when it is stopped. */
  progress: SharedArrayBuffer;
}

/** Time bound of one payload, counted from the worker being ready. */
export const PAYLOAD_TIME_MS = 1000;

/**
 * Mapping expressions in a worker thread (evaluate.worker.ts): a warm worker with a memory bound; a
 * job's time bound is 1 s per payload, and terminating the worker is what stops a runaway expression.
 */
export const evaluateJob = defineWorkerKind<EvaluateJob, EvaluatedPayload[]>({
  entry: 'mapping/expressions/evaluate.worker',
  label: 'The mapping expressions',
  resourceLimits: { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 32 },
  timeoutMs: PAYLOAD_TIME_MS,
});
