import type { UseCase } from '../../shared/contract';
import { UserError } from '../errors';
import type { SqliteDatabase } from '../workspace/sqlite';
import type { Workspace } from '../workspace/workspace';
import { storeBoolean, updateRecordIn } from './record-update';

interface UseCaseRow {
  id: number;
  title: string;
  story: string;
  descoped: number;
  flows: string | null;
}

export const useCaseRef = (id: number) => `UC-${id}`;

export function listUseCasesIn(db: SqliteDatabase): UseCase[] {
  const rows = db
    .prepare(
      `SELECT u.id, u.title, u.story, u.descoped,
              (SELECT json_group_array(f.name) FROM (SELECT name FROM data_flow WHERE use_case_id = u.id ORDER BY position, id) f) AS flows
       FROM use_case u ORDER BY u.position, u.id`,
    )
    .all() as UseCaseRow[];
  return rows.map((row) => ({
    id: row.id,
    ref: useCaseRef(row.id),
    title: row.title,
    story: row.story,
    descoped: row.descoped === 1,
    flows: JSON.parse(row.flows ?? '[]') as string[],
  }));
}

export const listUseCases = (workspace: Workspace) => workspace.read(listUseCasesIn);

function getUseCase(workspace: Workspace, id: number): UseCase {
  const found = listUseCases(workspace).find((useCase) => useCase.id === id);
  if (!found) throw new UserError('NOT_FOUND', `Use case ${useCaseRef(id)} does not exist (it may have been removed): reload the list.`);
  return found;
}

export function addUseCase(workspace: Workspace, input: { title: string; story: string }): UseCase {
  const id = workspace.write((db) => {
    const position = (db.prepare('SELECT coalesce(max(position), 0) + 1 AS next FROM use_case').get() as { next: number }).next;
    return Number(db.prepare('INSERT INTO use_case (title, story, position) VALUES (?, ?, ?)').run(input.title, input.story, position).lastInsertRowid);
  });
  return getUseCase(workspace, id);
}

export type UseCaseChanges = Partial<Pick<UseCase, 'title' | 'story' | 'descoped'>>;

export function updateUseCase(workspace: Workspace, id: number, changes: UseCaseChanges): UseCase {
  workspace.write((db) =>
    updateRecordIn(db, 'use_case', id, { title: { column: 'title' }, story: { column: 'story' }, descoped: { column: 'descoped', store: storeBoolean } }, changes),
  );
  return getUseCase(workspace, id);
}

/** Flows and test cases of the use case stay, unlinked (ON DELETE SET NULL). */
export function removeUseCase(workspace: Workspace, id: number): void {
  const removed = workspace.write((db) => db.prepare('DELETE FROM use_case WHERE id = ?').run(id).changes);
  if (removed === 0) throw new UserError('NOT_FOUND', `Use case ${useCaseRef(id)} does not exist (it may have been removed): reload the list.`);
}
