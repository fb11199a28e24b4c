import { defineWorkerKind } from '../../platform/workers/worker-kind';
import { DEFAULT_IMPORT_LIMITS } from './limits';
import type { FoundProblems, ValidateRequest } from './validate-document';

/** Validation of an imported document in a worker thread (validation.worker.ts). */
export const validationJob = defineWorkerKind<ValidateRequest, FoundProblems>({
  entry: 'openapi/load/validation.worker',
  label: 'Validation',
  // A small young generation: the worker's data is one long-lived document, so a large nursery mostly
  // adds resident memory (measured on GitHub's API: 8 MB instead of V8's default saves ~20 MB, no time).
  resourceLimits: { maxOldGenerationSizeMb: DEFAULT_IMPORT_LIMITS.validationMemoryMb, maxYoungGenerationSizeMb: 8 },
});
