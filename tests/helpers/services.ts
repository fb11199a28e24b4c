import path from 'node:path';
import { createHttpService } from '../../src/main/platform/http';
import { createFileLogger } from '../../src/main/platform/log';
import { Redactor } from '../../src/main/platform/redact';
import { KeyFiles } from '../../src/main/platform/secrets';
import type { Services } from '../../src/main/platform/services';
import { defaultWorkerRunner } from '../../src/main/platform/workers/runner';

// No vitest here: bench/ uses it too.

/**
 * Real services kept inside `dir`: key files instead of the OS key store (a test never touches the
 * machine's), the log in `dir/logs`, and no proxy from the environment.
 */
export function testServices(dir: string, overrides: Partial<Services> = {}): Services {
  const redactor = new Redactor();
  return {
    http: createHttpService({ env: {} }),
    keys: new KeyFiles(path.join(dir, 'keys')),
    redactor,
    log: createFileLogger({ dir: path.join(dir, 'logs'), redactor }),
    workers: defaultWorkerRunner,
    ...overrides,
  };
}
