// Validation in a worker thread (the platform's worker runner), so the catalogue is ready (and the app
// responsive) while it runs. Its warm worker is started before the document is parsed (its start-up
// overlaps the parsing) and given the document once the import has it. Its result never rejects: a
// crash, a timeout or exhausted memory become a result with `incomplete` set, since the import itself stands.
import { defaultWorkerRunner, WorkerJobError, type WorkerRunner } from '../../platform/workers/runner';
import type { DocumentFormat } from './parse';
import { DEFAULT_IMPORT_LIMITS, type ImportLimits, formatBytes } from './limits';
import { locatePointers } from './locate';
import { formatSeconds } from './source';
import type { ValidationInput, ValidationMode } from './validate-document';
import { validationJob } from './validation-job';

export type { ValidationInput, ValidationMode } from './validate-document';

export interface ValidationIssue {
  /** What is wrong, e.g. `must have required property 'responses'`. */
  message: string;
  /** JSON pointer of the place in the (bundled) document, '' for the root. */
  path: string;
  /** 1-based line and column in the root document's text, when the place is in it. */
  line?: number;
  column?: number;
}

export interface ValidationResult {
  /** No errors found (false also when validation could not finish: see `incomplete`). */
  valid: boolean;
  /** At most `limits.maxValidationErrors` of them, in the validator's order. */
  errors: ValidationIssue[];
  /** All errors found (more than `errors.length` when the list was cut). */
  errorCount: number;
  /** Set when validation could not finish (timeout, out of memory, crash); says why. */
  incomplete?: string;
  /** 'schema': the document against the OpenAPI JSON schema, $refs in place (+ Swagger 2.0's spec rules); 'full': swagger-parser's validate(). */
  mode: ValidationMode;
  /** Time the validation took, worker start-up included, in milliseconds. */
  durationMs: number;
}

export interface ValidationRun {
  /** Hands the document to the worker (once); the returned promise never rejects. */
  start(input: ValidationInput, locate: { text: string; format: DocumentFormat } | undefined, extra?: ValidationIssue[]): Promise<ValidationResult>;
  /** Stops the worker (an import that failed, or a caller no longer interested). */
  cancel(): void;
}

const NOT_KNOWN = 'the document imported, but it is not known whether it is valid.';

/** Warms the validation worker now; validation begins when `start` is called. */
export function prepareValidation(
  mode: ValidationMode,
  limits: Pick<ImportLimits, 'validationTimeoutMs' | 'validationMemoryMb' | 'maxValidationErrors'>,
  workers: WorkerRunner = defaultWorkerRunner,
): ValidationRun {
  const began = performance.now();
  const stop = new AbortController();
  const ownLimits = limits.validationMemoryMb !== DEFAULT_IMPORT_LIMITS.validationMemoryMb;
  if (!ownLimits) workers.warm(validationJob);

  const finish = (result: Pick<ValidationResult, 'valid' | 'errors' | 'errorCount' | 'incomplete'>): ValidationResult => ({
    ...result,
    mode,
    durationMs: Math.round(performance.now() - began),
  });
  const incomplete = (why: string) => finish({ valid: false, errors: [], errorCount: 0, incomplete: why });

  return {
    async start(input, locate, extra = []) {
      if (stop.signal.aborted) return incomplete('Validation was cancelled.');
      try {
        const found = await workers.run(
          validationJob,
          { input, mode, maxErrors: limits.maxValidationErrors },
          {
            signal: stop.signal,
            transfer: 'bytes' in input ? [input.bytes] : [],
            timeoutMs: limits.validationTimeoutMs,
            resourceLimits: ownLimits ? { ...validationJob.resourceLimits, maxOldGenerationSizeMb: limits.validationMemoryMb } : undefined,
          },
        );
        const errors = [...extra, ...found.errors].slice(0, limits.maxValidationErrors);
        const errorCount = extra.length + found.errorCount;
        if (locate && errors.length > 0) await addPositions(errors, locate);
        return finish({ valid: errorCount === 0, errors, errorCount });
      } catch (error) {
        return incomplete(whyIncomplete(error, limits));
      }
    },
    cancel() {
      stop.abort();
    },
  };
}

function whyIncomplete(error: unknown, limits: Pick<ImportLimits, 'validationTimeoutMs' | 'validationMemoryMb'>): string {
  if (!(error instanceof WorkerJobError)) return `Validation failed unexpectedly (${(error as Error)?.message ?? String(error)}); ${NOT_KNOWN}`;
  switch (error.reason) {
    case 'cancelled':
      return 'Validation was cancelled.';
    case 'timeout':
      return `Validation was stopped after ${formatSeconds(limits.validationTimeoutMs)}, its time limit; ${NOT_KNOWN}`;
    case 'out-of-memory':
      return `Validation ran out of memory (its limit is ${formatBytes(limits.validationMemoryMb * 1024 * 1024)}); ${NOT_KNOWN}`;
    case 'start':
      return `Validation could not start (${error.message}).`;
    case 'stopped':
      return `Validation stopped unexpectedly; ${NOT_KNOWN}`;
    default:
      return `Validation failed unexpectedly (${error.message.replace(/^Validation failed: /, '')}); ${NOT_KNOWN}`;
  }
}

/** Line and column of each error in the root document's text: a convenience, so the errors stand without them. */
async function addPositions(errors: ValidationIssue[], locate: { text: string; format: DocumentFormat }): Promise<void> {
  try {
    const positions = await locatePointers(locate.text, locate.format, errors.map((error) => error.path));
    for (const error of errors) {
      const position = positions.get(error.path);
      if (position) Object.assign(error, position);
    }
  } catch {
    // positions are a convenience: the errors stand without them
  }
}
