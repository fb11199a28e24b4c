import fs from 'node:fs';
import path from 'node:path';
import { appDataDir } from '../settings/settings';
import { defaultRedactor, type Redactor } from './redact';

/** Where Crosswalk writes what it did and what failed; every line is redacted before it is written. */
export interface Logger {
  info(message: string): void;
  warn(message: string, error?: unknown): void;
  error(message: string, error?: unknown): void;
  /** The log file's path, for messages such as "the details are in its log". */
  readonly file: string;
}

export interface FileLoggerOptions {
  /** The folder of the log files; `<settings folder>/logs` by default. */
  dir?: string;
  /** Knows the secret values to keep out of the file; by default only the rules (URLs) apply. */
  redactor?: Pick<Redactor, 'text'>;
  /** The size at which crosswalk.log is rotated to crosswalk.log.1. */
  maxBytes?: number;
  /** How many rotated files are kept (crosswalk.log.1 … crosswalk.log.<kept>). */
  kept?: number;
}

/**
 * A log file that appends synchronously, so the lines before a crash are on disk, and rotates by
 * size. Several processes (the app, the CLI) may share it: the size is read from the file each time.
 */
export function createFileLogger({
  dir = path.join(appDataDir(), 'logs'),
  redactor = defaultRedactor,
  maxBytes = 1_000_000,
  kept = 3,
}: FileLoggerOptions = {}): Logger {
  const file = path.join(dir, 'crosswalk.log');

  const write = (level: string, message: string, error?: unknown) => {
    const entry = redactor.text(`${new Date().toISOString()} ${level} ${message}${error === undefined ? '' : `\n${describeError(error)}`}`) + '\n';
    try {
      fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
      const size = fs.statSync(file, { throwIfNoEntry: false })?.size ?? 0;
      if (size > 0 && size + Buffer.byteLength(entry) > maxBytes) rotate(file, kept);
      fs.appendFileSync(file, entry, { mode: 0o600 });
    } catch {
      // A log that cannot be written must not turn into the failure the caller was reporting.
    }
  };

  return {
    file,
    info: (message) => write('INFO', message),
    warn: (message, error) => write('WARN', message, error),
    error: (message, error) => write('ERROR', message, error),
  };
}

function rotate(file: string, kept: number) {
  fs.rmSync(`${file}.${kept}`, { force: true });
  for (let n = kept - 1; n >= 1; n--) {
    if (fs.existsSync(`${file}.${n}`)) fs.renameSync(`${file}.${n}`, `${file}.${n + 1}`);
  }
  if (kept > 0) fs.renameSync(file, `${file}.1`);
  else fs.rmSync(file, { force: true });
}

/** An error's stack (or message), then its causes', indented under the line that reported it. */
function describeError(error: unknown): string {
  const lines: string[] = [];
  for (let cause: unknown = error, depth = 0; cause !== undefined && depth < 5; depth++) {
    const text = cause instanceof Error ? (cause.stack ?? `${cause.name}: ${cause.message}`) : String(cause);
    lines.push((depth === 0 ? '' : 'Caused by: ') + text);
    cause = cause instanceof Error ? cause.cause : undefined;
  }
  return lines.join('\n').replace(/^/gm, '    ');
}
