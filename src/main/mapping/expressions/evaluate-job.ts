import { defineWorkerKind } from '../../platform/workers/worker-kind';
import type { EvaluatedPayload, RunUnit } from './evaluate';

export interface EvaluateJob {
  units: RunUnit[];
  payloads: unknown[];
  /** Two Int32 slots the worker writes before each row runs (payload index, row index): who ran away when it is stopped. */
  progress: SharedArrayBuffer;
  /** Each row on its own (no composed expression): slower, but a runaway inside a paired array is named exactly. */
  rowByRow?: boolean;
}

/** Time bound of one payload, counted from the worker being ready. */
export const PAYLOAD_TIME_MS = 1000;

const MEGABYTE = 1024 * 1024;

/**
 * A job's time bound: 1 s per payload, and 1 s more per whole megabyte of payload JSON, so a big payload
 * that merely takes long to map (jsonata walks every element) is not taken for a runaway.
 */
export function jobTimeMs(payloads: unknown[]): number {
  const bytes = payloads.reduce<number>((total, payload) => total + (JSON.stringify(payload)?.length ?? 0), 0);
  return PAYLOAD_TIME_MS * (Math.max(1, payloads.length) + Math.floor(bytes / MEGABYTE));
}

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
