// Deleting a flow keeps it whole in deleted_flow (the flow, its outcomes, its rows and what linked to
// them), so the analyst can undo the delete, or restore it later from the change log's entry.
import type { FlowDetail } from '../../shared/contract';
import { UserError } from '../errors';
import { logChangeIn } from '../specification/change-log';
import type { SqliteDatabase } from '../workspace/sqlite';
import type { Workspace } from '../workspace/workspace';
import { getFlow } from './flows';

type Record = { [column: string]: unknown };

interface Snapshot {
  flow: Record;
  outcomes: Record[];
  rows: Record[];
  /** The flow's array pairings, parents before the pairings nested in them. */
  pairings?: Record[];
  /** Test cases of the flow (test_case.flow_id, set to null by the delete). */
  flowTestCases?: number[];
  /** test_case_mapping links of the rows. */
  testCases: Array<{ test_case_id: number; mapping_id: number }>;
  /** Questions on the flow or on one of its rows (the delete sets their links to null). */
  questions: Array<{ id: number; flow_id: number | null; mapping_id: number | null }>;
}

export interface DeletedFlow {
  deletedId: number;
  flowId: number;
  name: string;
  deletedAt: string;
  rows: number;
}

/** Deletes the flow, keeping a copy to restore: one transaction, logged in the change log. */
export function deleteFlow(workspace: Workspace, id: number): DeletedFlow {
  return workspace.write((db) => {
    const flow = db.prepare('SELECT * FROM data_flow WHERE id = ?').get(id) as Record | undefined;
    if (!flow) throw new UserError('FLOW_NOT_FOUND', `There is no data flow ${id} (it may have been deleted already): reload the flows.`);
    const rows = db.prepare('SELECT * FROM field_mapping WHERE flow_id = ? ORDER BY id').all(id) as Record[];
    const snapshot: Snapshot = {
      flow,
      outcomes: db.prepare('SELECT * FROM flow_outcome WHERE flow_id = ? ORDER BY position, id').all(id) as Record[],
      rows,
      pairings: db.prepare('SELECT * FROM array_pairing WHERE flow_id = ? ORDER BY id').all(id) as Record[],
      flowTestCases: (db.prepare('SELECT id FROM test_case WHERE flow_id = ?').all(id) as { id: number }[]).map((row) => row.id),
      testCases: db
        .prepare('SELECT test_case_id, mapping_id FROM test_case_mapping WHERE mapping_id IN (SELECT id FROM field_mapping WHERE flow_id = ?)')
        .all(id) as Snapshot['testCases'],
      questions: db
        .prepare('SELECT id, flow_id, mapping_id FROM open_question WHERE flow_id = ? OR mapping_id IN (SELECT id FROM field_mapping WHERE flow_id = ?)')
        .all(id, id) as Snapshot['questions'],
    };
    const deletedAt = new Date().toISOString();
    const name = String(flow.name);
    db.prepare('DELETE FROM data_flow WHERE id = ?').run(id);
    const deletedId = Number(
      db.prepare('INSERT INTO deleted_flow (flow_id, name, deleted_at, snapshot) VALUES (?, ?, ?, ?)').run(id, name, deletedAt, JSON.stringify(snapshot)).lastInsertRowid,
    );
    logChangeIn(db, `Deleted data flow "${name}" with its ${rows.length} mapping row${rows.length === 1 ? '' : 's'} (restorable: deleted flow ${deletedId}).`);
    return { deletedId, flowId: id, name, deletedAt, rows: rows.length };
  });
}

export function listDeletedFlows(workspace: Workspace): DeletedFlow[] {
  return workspace.read((db) =>
    (
      db.prepare("SELECT id, flow_id, name, deleted_at, json_array_length(snapshot, '$.rows') AS rows FROM deleted_flow ORDER BY deleted_at DESC, id DESC").all() as Array<{
        id: number;
        flow_id: number;
        name: string;
        deleted_at: string;
        rows: number;
      }>
    ).map((row) => ({ deletedId: row.id, flowId: row.flow_id, name: row.name, deletedAt: row.deleted_at, rows: row.rows })),
  );
}

/** Inserts `record` into `table` (columns as stored; ones the table no longer has are left out), with a new id when its own is taken. */
function reinsert(db: SqliteDatabase, table: string, record: Record): number {
  const columns = new Set((db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).map((column) => column.name));
  const values = Object.fromEntries(Object.entries(record).filter(([column]) => columns.has(column)));
  if (db.prepare(`SELECT 1 FROM ${table} WHERE id = ?`).get(values.id)) delete values.id;
  const names = Object.keys(values);
  return Number(db.prepare(`INSERT INTO ${table} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`).run(...names.map((name) => values[name])).lastInsertRowid);
}

/** Puts a deleted flow back as it was (its Map IDs too), relinking its questions and test cases: one transaction. */
export function restoreFlow(workspace: Workspace, deletedId: number): FlowDetail {
  const flowId = workspace.write((db) => {
    const stored = db.prepare('SELECT name, snapshot FROM deleted_flow WHERE id = ?').get(deletedId) as { name: string; snapshot: string } | undefined;
    if (!stored) throw new UserError('NOT_FOUND', `There is no deleted flow ${deletedId} (it may have been restored already): reload the flows.`);
    const snapshot = JSON.parse(stored.snapshot) as Snapshot;
    if (db.prepare('SELECT 1 FROM data_flow WHERE name = ?').get(stored.name)) {
      throw new UserError('FLOW_EXISTS', `There is a data flow named "${stored.name}" again: rename it first, then restore the deleted one.`);
    }
    for (const column of ['source_system_id', 'target_system_id']) {
      if (!db.prepare('SELECT 1 FROM system WHERE id = ?').get(snapshot.flow[column])) {
        throw new UserError('SYSTEM_NOT_FOUND', `The flow "${stored.name}" maps a system that has been removed since: import it again before restoring the flow.`);
      }
    }
    const flow = { ...snapshot.flow };
    if (flow.use_case_id !== null && !db.prepare('SELECT 1 FROM use_case WHERE id = ?').get(flow.use_case_id)) flow.use_case_id = null;
    const newFlowId = reinsert(db, 'data_flow', flow);
    for (const outcome of snapshot.outcomes) reinsert(db, 'flow_outcome', { ...outcome, flow_id: newFlowId });
    const pairingIds = new Map<number, number>();
    for (const pairing of snapshot.pairings ?? []) {
      const parent = pairing.parent_id === null ? null : (pairingIds.get(Number(pairing.parent_id)) ?? null);
      pairingIds.set(Number(pairing.id), reinsert(db, 'array_pairing', { ...pairing, flow_id: newFlowId, parent_id: parent }));
    }
    const rowIds = new Map<number, number>();
    for (const row of snapshot.rows) {
      const pairing = row.pairing_id === null || row.pairing_id === undefined ? null : (pairingIds.get(Number(row.pairing_id)) ?? null);
      rowIds.set(Number(row.id), reinsert(db, 'field_mapping', { ...row, flow_id: newFlowId, pairing_id: pairing }));
    }
    const relinkCase = db.prepare('UPDATE test_case SET flow_id = coalesce(flow_id, ?) WHERE id = ?');
    for (const testCase of snapshot.flowTestCases ?? []) relinkCase.run(newFlowId, testCase);
    const link = db.prepare('INSERT OR IGNORE INTO test_case_mapping (test_case_id, mapping_id) SELECT ?, ? WHERE EXISTS (SELECT 1 FROM test_case WHERE id = ?)');
    for (const { test_case_id, mapping_id } of snapshot.testCases) link.run(test_case_id, rowIds.get(mapping_id), test_case_id);
    const relink = db.prepare('UPDATE open_question SET flow_id = coalesce(flow_id, ?), mapping_id = coalesce(mapping_id, ?) WHERE id = ?');
    for (const question of snapshot.questions) {
      relink.run(question.flow_id === null ? null : newFlowId, question.mapping_id === null ? null : (rowIds.get(question.mapping_id) ?? null), question.id);
    }
    db.prepare('DELETE FROM deleted_flow WHERE id = ?').run(deletedId);
    logChangeIn(db, `Restored data flow "${stored.name}" with its ${snapshot.rows.length} mapping row${snapshot.rows.length === 1 ? '' : 's'}.`);
    return newFlowId;
  });
  return getFlow(workspace, flowId);
}
