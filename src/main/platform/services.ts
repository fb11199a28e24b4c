// What every front end (desktop app, web host, command line) builds once and hands to the session,
// the handler table and the CLI's commands: the host capabilities domain code uses, behind interfaces,
// so tests pass their own (see tests/helpers/services.ts).
import path from 'node:path';
import { createHttpService, type HttpService } from './http';
import { createFileLogger, type Logger } from './log';
import { Redactor } from './redact';
import { chooseKeyStore, type KeyStore } from './secrets';
import { defaultWorkerRunner, type WorkerRunner } from './workers/runner';

export interface Services {
  /** Every network call: proxies, time bounds, redirects, timings. */
  http: HttpService;
  /** Where the workspaces' secret keys are (the OS key store, else key files in the settings folder). */
  readonly keys: KeyStore;
  /** The one redaction: learns each secret value it is shown, and the log passes every line through it. */
  redactor: Redactor;
  log: Logger;
  /** Work off the event loop. */
  workers: WorkerRunner;
}

export function createServices({ settingsDir, env = process.env }: { settingsDir: string; env?: NodeJS.ProcessEnv }): Services {
  const redactor = new Redactor();
  let keys: KeyStore | undefined;
  return {
    http: createHttpService({ env }),
    // Chosen on first use: probing the OS key store costs a round trip (and may ask the user on macOS).
    get keys() {
      keys ??= chooseKeyStore({ settingsDir });
      return keys;
    },
    redactor,
    log: createFileLogger({ dir: path.join(settingsDir, 'logs'), redactor }),
    workers: defaultWorkerRunner,
  };
}
