// Validation in a worker thread, so the catalogue is ready (and the app responsive) while it runs.
// The worker is started before the document is parsed (its start-up overlaps the parsing) and given
// the document once the import has it. Its result never rejects: a crash, a timeout or exhausted
// memory become a result with `incomplete` set, since the import itself stands.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { DocumentFormat } from './parse';
import { type ImportLimits, formatBytes } from './limits';
import { locatePointers } from './locate';
import { formatSeconds } from './source';
import { VALIDATION_WORKER_SOURCE } from './validation-worker';

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

export type ValidationMode = 'schema' | 'full';

/** What the worker validates: a JSON text it parses itself (cheaper than cloning), or a parsed document. */
export type ValidationInput = { text: string } | { document: unknown };

export interface ValidationRun {
  /** Hands the document to the worker (once); the returned promise never rejects. */
  start(input: ValidationInput, locate: { text: string; format: DocumentFormat } | undefined, extra?: ValidationIssue[]): Promise<ValidationResult>;
  /** Stops the worker (an import that failed, or a caller no longer interested). */
  cancel(): void;
}

// A small young generation: the worker's data is one long-lived document, so a large nursery mostly
// adds resident memory (measured on GitHub's API: 8 MB instead of V8's default saves ~20 MB, no time).
const YOUNG_GENERATION_MB = 8;

const requireHere = createRequire(__filename);
let modulePaths: { swaggerParser: string; schemaValidator: string; specValidator: string } | undefined;

function resolveModules() {
  if (!modulePaths) {
    const swaggerParser = requireHere.resolve('@apidevtools/swagger-parser');
    const fromParser = createRequire(swaggerParser);
    modulePaths = {
      swaggerParser,
      schemaValidator: fromParser.resolve('./validators/schema'),
      specValidator: fromParser.resolve('./validators/spec'),
    };
  }
  return modulePaths;
}

/** Starts the worker now; validation begins when `start` is called. */
export function prepareValidation(mode: ValidationMode, limits: Pick<ImportLimits, 'validationTimeoutMs' | 'validationMemoryMb' | 'maxValidationErrors'>): ValidationRun {
  const began = performance.now();
  let worker: Worker | undefined;
  let startupError: Error | undefined;
  try {
    worker = new Worker(VALIDATION_WORKER_SOURCE, {
      eval: true,
      workerData: { modules: resolveModules(), mode, maxErrors: limits.maxValidationErrors },
      resourceLimits: { maxOldGenerationSizeMb: limits.validationMemoryMb, maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
      stdout: true,
      stderr: true,
    });
  } catch (error) {
    startupError = error as Error;
  }
  // Until start(), a failing worker is only remembered.
  let early: Error | undefined;
  const onEarlyError = (error: Error) => {
    early = error;
  };
  worker?.on('error', onEarlyError);
  let settled = false;
  /** Ends the running validation with this result (set while one runs). */
  let settle: ((result: ValidationResult) => void) | undefined;

  const finish = (result: Omit<ValidationResult, 'mode' | 'durationMs'>): ValidationResult => ({
    ...result,
    mode,
    durationMs: Math.round(performance.now() - began),
  });
  const incomplete = (why: string) => finish({ valid: false, errors: [], errorCount: 0, incomplete: why });

  // Listens for the worker's answer. Kept apart from start() so that no closure holds the document.
  const listen = (locate: { text: string; format: DocumentFormat } | undefined, extra: ValidationIssue[]) =>
    new Promise<ValidationResult>((resolve) => {
      if (!worker || startupError || early) {
        resolve(incomplete(`Validation could not start (${(startupError ?? early)?.message}).`));
        return;
      }
      const running = worker;
      const timer = setTimeout(() => {
        done(incomplete(`Validation was stopped after ${formatSeconds(limits.validationTimeoutMs)}, its time limit; the document imported, but it is not known whether it is valid.`));
      }, limits.validationTimeoutMs);
      const done = (result: ValidationResult) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        void running.terminate();
        resolve(result);
      };
      settle = done;
      running.off('error', onEarlyError);
      running.on('error', (error: Error & { code?: string }) => {
        done(
          incomplete(
            error.code === 'ERR_WORKER_OUT_OF_MEMORY'
              ? `Validation ran out of memory (its limit is ${formatBytes(limits.validationMemoryMb * 1024 * 1024)}); the document imported, but it is not known whether it is valid.`
              : `Validation failed unexpectedly (${error.message}); the document imported, but it is not known whether it is valid.`,
          ),
        );
      });
      // The worker exits by itself once it has answered: only an exit before the answer is a failure.
      let answered = false;
      running.on('exit', (code) => {
        if (!answered) done(incomplete(`Validation stopped unexpectedly (exit code ${code}); the document imported, but it is not known whether it is valid.`));
      });
      running.on('message', async (message: { ready?: true; failure?: string; valid?: boolean; errors?: ValidationIssue[]; errorCount?: number }) => {
        if (message.ready) return;
        answered = true;
        if (message.failure !== undefined) {
          done(incomplete(`Validation failed unexpectedly (${message.failure}); the document imported, but it is not known whether it is valid.`));
          return;
        }
        const errors = [...extra, ...(message.errors ?? [])].slice(0, limits.maxValidationErrors);
        const errorCount = extra.length + (message.errorCount ?? 0);
        if (locate && errors.length > 0) {
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
        done(finish({ valid: errorCount === 0, errors, errorCount }));
      });
    });

  return {
    start(input, locate, extra = []) {
      const result = listen(locate, extra);
      if (worker && !settled) worker.postMessage(input);
      return result;
    },
    cancel() {
      if (settle) settle(incomplete('Validation was cancelled.'));
      settled = true;
      void worker?.terminate();
    },
  };
}
