import type { ChangeLogEntry, SignOff } from '../../shared/contract';
import type { SqliteDatabase } from '../workspace/sqlite';
import type { Workspace } from '../workspace/workspace';
import { updateRecordIn } from './record-update';

export function listChangesIn(db: SqliteDatabase): ChangeLogEntry[] {
  return db.prepare('SELECT id, at, version, author, summary FROM change_log ORDER BY at, id').all() as ChangeLogEntry[];
}

export const listChanges = (workspace: Workspace) => workspace.read(listChangesIn);

/** Appends an entry stamped with the spec's current version (inside the caller's transaction). */
export function logChangeIn(db: SqliteDatabase, summary: string, author = ''): ChangeLogEntry {
  const version = (db.prepare('SELECT spec_version FROM integration WHERE id = 1').get() as { spec_version: string }).spec_version;
  const at = new Date().toISOString();
  const id = Number(db.prepare('INSERT INTO change_log (at, version, author, summary) VALUES (?, ?, ?, ?)').run(at, version, author, summary).lastInsertRowid);
  return { id, at, version, author, summary };
}

export const logChange = (workspace: Workspace, summary: string, author = '') => workspace.write((db) => logChangeIn(db, summary, author));

export function listSignOffIn(db: SqliteDatabase): SignOff[] {
  return db
    .prepare("SELECT role, name, date, note FROM sign_off ORDER BY CASE role WHEN 'prepared' THEN 1 WHEN 'reviewed' THEN 2 ELSE 3 END")
    .all() as SignOff[];
}

export const listSignOff = (workspace: Workspace) => workspace.read(listSignOffIn);

export function updateSignOff(workspace: Workspace, role: SignOff['role'], changes: Partial<Omit<SignOff, 'role'>>): SignOff {
  return workspace.write((db) => {
    updateRecordIn(db, 'sign_off', role, { name: { column: 'name' }, date: { column: 'date' }, note: { column: 'note' } }, changes, 'role');
    return listSignOffIn(db).find((entry) => entry.role === role)!;
  });
}
