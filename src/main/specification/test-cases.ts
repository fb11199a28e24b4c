import type { TestCase } from '../../shared/contract';
import { UserError } from '../errors';
import type { SqliteDatabase } from '../workspace/sqlite';
import type { Workspace } from '../workspace/workspace';
import { updateRecordIn } from './record-update';

interface TestCaseRow {
  id: number;
  title: string;
  use_case_id: number | null;
  given_input: string;
  expected_result: string;
  status: TestCase['status'];
  notes: string;
  covers: string;
  flow_id: number | null;
  runnable: number;
  last_run_at: string | null;
  last_diff: string;
}

export const testCaseRef = (id: number) => `TC-${id}`;

export function listTestCasesIn(db: SqliteDatabase): TestCase[] {
  const rows = db
    .prepare(
      `SELECT t.id, t.title, t.use_case_id, t.given_input, t.expected_result, t.status, t.notes, t.flow_id, t.last_run_at, t.last_diff,
              (t.flow_id IS NOT NULL AND t.input_payload IS NOT NULL AND (t.expected_target IS NOT NULL OR t.expected_checks <> '[]')) AS runnable,
              (SELECT json_group_array(m.map_id) FROM (
                 SELECT fm.map_id FROM test_case_mapping tm JOIN field_mapping fm ON fm.id = tm.mapping_id
                 WHERE tm.test_case_id = t.id ORDER BY fm.map_id) m) AS covers
       FROM test_case t ORDER BY t.position, t.id`,
    )
    .all() as TestCaseRow[];
  return rows.map((row) => ({
    id: row.id,
    ref: testCaseRef(row.id),
    title: row.title,
    useCaseId: row.use_case_id,
    givenInput: row.given_input,
    expectedResult: row.expected_result,
    status: row.status,
    notes: row.notes,
    covers: JSON.parse(row.covers) as string[],
    flowId: row.flow_id,
    runnable: row.runnable === 1,
    lastRunAt: row.last_run_at,
    lastDiff: row.last_diff,
  }));
}

export const listTestCases = (workspace: Workspace) => workspace.read(listTestCasesIn);

function getTestCase(workspace: Workspace, id: number): TestCase {
  const found = listTestCases(workspace).find((testCase) => testCase.id === id);
  if (!found) throw new UserError('NOT_FOUND', `Test case ${testCaseRef(id)} does not exist (it may have been removed): reload the list.`);
  return found;
}

function assertUseCaseIn(db: SqliteDatabase, useCaseId: number | null | undefined) {
  if (useCaseId && !db.prepare('SELECT 1 FROM use_case WHERE id = ?').get(useCaseId)) {
    throw new UserError('NOT_FOUND', `Use case UC-${useCaseId} does not exist (it may have been removed): pick another or none.`);
  }
}

/** Links the test case to exactly these mapping rows, named by Map ID. */
function setCoversIn(db: SqliteDatabase, testCaseId: number, mapIds: string[]) {
  const find = db.prepare('SELECT id FROM field_mapping WHERE map_id = ?');
  const mappingIds = [...new Set(mapIds)].map((mapId) => {
    const row = find.get(mapId) as { id: number } | undefined;
    if (!row) throw new UserError('NOT_FOUND', `No mapping row has the Map ID "${mapId}": check the ID on the mapping sheet.`);
    return row.id;
  });
  db.prepare('DELETE FROM test_case_mapping WHERE test_case_id = ?').run(testCaseId);
  const link = db.prepare('INSERT INTO test_case_mapping (test_case_id, mapping_id) VALUES (?, ?)');
  for (const mappingId of mappingIds) link.run(testCaseId, mappingId);
}

export interface NewTestCase {
  title: string;
  useCaseId: number | null;
  givenInput: string;
  expectedResult: string;
  covers: string[];
}

export function addTestCase(workspace: Workspace, input: NewTestCase): TestCase {
  const id = workspace.write((db) => {
    assertUseCaseIn(db, input.useCaseId);
    const position = (db.prepare('SELECT coalesce(max(position), 0) + 1 AS next FROM test_case').get() as { next: number }).next;
    const id = Number(
      db
        .prepare('INSERT INTO test_case (title, use_case_id, given_input, expected_result, position) VALUES (?, ?, ?, ?, ?)')
        .run(input.title, input.useCaseId, input.givenInput, input.expectedResult, position).lastInsertRowid,
    );
    setCoversIn(db, id, input.covers);
    return id;
  });
  return getTestCase(workspace, id);
}

export type TestCaseChanges = Partial<Omit<TestCase, 'id' | 'ref'>>;

export function updateTestCase(workspace: Workspace, id: number, changes: TestCaseChanges): TestCase {
  workspace.write((db) => {
    assertUseCaseIn(db, changes.useCaseId);
    const found = updateRecordIn(
      db,
      'test_case',
      id,
      {
        title: { column: 'title' },
        useCaseId: { column: 'use_case_id' },
        givenInput: { column: 'given_input' },
        expectedResult: { column: 'expected_result' },
        status: { column: 'status' },
        notes: { column: 'notes' },
      },
      changes,
    );
    if (found && changes.covers) setCoversIn(db, id, changes.covers);
  });
  return getTestCase(workspace, id);
}

export function removeTestCase(workspace: Workspace, id: number): void {
  const removed = workspace.write((db) => db.prepare('DELETE FROM test_case WHERE id = ?').run(id).changes);
  if (removed === 0) throw new UserError('NOT_FOUND', `Test case ${testCaseRef(id)} does not exist (it may have been removed): reload the list.`);
}
