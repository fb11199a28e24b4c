// SQLite's own words for a workspace that is locked or damaged, turned into what the analyst can do:
// close the other process that holds it, or restore the newest backup found beside it.
import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../errors';

/** Backups are written as `<file>.v<N>-<time>.backup` before a migration (workspace.ts). */
export function backupsOf(file: string): string[] {
  const dir = path.dirname(file);
  const prefix = `${path.basename(file)}.v`;
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((name) => name.startsWith(prefix) && name.endsWith('.backup'))
    .map((name) => ({ file: path.join(dir, name), mtime: fs.statSync(path.join(dir, name), { throwIfNoEntry: false })?.mtimeMs ?? 0 }))
    .sort((a, b) => b.mtime - a.mtime || b.file.localeCompare(a.file))
    .map((backup) => backup.file);
}

/** How long a write waits for another process' write to end (SQLite's busy_timeout). */
export const BUSY_TIMEOUT_MS = 5000;

const sqliteCode = (error: unknown) => {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : undefined;
};

/** A UserError naming cause and fix for a locked or damaged workspace; any other error unchanged. */
export function workspaceFailure(file: string, error: unknown): unknown {
  const code = sqliteCode(error);
  if (!code) return error;
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new UserError(
      'WORKSPACE_LOCKED',
      `${file} is busy: another Crosswalk process (the app, \`crosswalk serve\` or another command) kept writing to it for ${BUSY_TIMEOUT_MS / 1000} seconds, so this change was not made: try again when it is done, or close it.`,
    );
  }
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB' || code === 'SQLITE_IOERR_SHORT_READ') {
    const [newest] = backupsOf(file);
    const fix = newest
      ? `restore the newest backup, ${newest}: close Crosswalk, then copy it over ${path.basename(file)} (keep the damaged file aside if you want to rescue later changes)`
      : `restore it from a copy you keep: Crosswalk found no backup (${path.basename(file)}.v<N>-<time>.backup) beside it`;
    return new UserError('WORKSPACE_DAMAGED', `${file} is damaged (it may have been truncated or partly overwritten; SQLite says "${(error as Error).message}"): ${fix}.`);
  }
  return error;
}
