import type { OpenQuestion } from '../../shared/contract';
import { UserError } from '../errors';
import type { SqliteDatabase } from '../workspace/sqlite';
import type { Workspace } from '../workspace/workspace';

interface QuestionRow {
  id: number;
  kind: OpenQuestion['kind'];
  question: string;
  owner: string;
  status: OpenQuestion['status'];
  answer: string;
  flow_id: number | null;
  map_id: string | null;
  created_at: string;
  updated_at: string;
}

export const questionRef = (id: number) => `Q-${id}`;

const MAP_ID = /\bM-\d{4,}\b/g;

/** Map IDs a text quotes, in order, once each. */
export const mapIdsIn = (text: string): string[] => [...new Set(text.match(MAP_ID) ?? [])];

const fromRow = (db: SqliteDatabase, row: QuestionRow): OpenQuestion => ({
  id: row.id,
  kind: row.kind,
  question: row.question,
  owner: row.owner,
  status: row.status,
  answer: row.answer,
  flowId: row.flow_id,
  mapId: row.map_id,
  mentions: mapIdsIn(`${row.question}\n${row.answer}`).map((mapId) => ({ mapId, exists: db.prepare('SELECT 1 FROM field_mapping WHERE map_id = ?').get(mapId) !== undefined })),
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

const SELECT_QUESTIONS = `SELECT q.id, q.kind, q.question, q.owner, q.status, q.answer, q.flow_id, m.map_id, q.created_at, q.updated_at
  FROM open_question q LEFT JOIN field_mapping m ON m.id = q.mapping_id`;

export function listQuestionsIn(db: SqliteDatabase): OpenQuestion[] {
  return (db.prepare(`${SELECT_QUESTIONS} ORDER BY q.id`).all() as QuestionRow[]).map((row) => fromRow(db, row));
}

export const listQuestions = (workspace: Workspace) => workspace.read(listQuestionsIn);

function getQuestion(workspace: Workspace, id: number): OpenQuestion {
  return workspace.read((db) => {
    const row = db.prepare(`${SELECT_QUESTIONS} WHERE q.id = ?`).get(id) as QuestionRow | undefined;
    if (!row) throw new UserError('NOT_FOUND', `Open question ${questionRef(id)} does not exist (it may have been removed): reload the list.`);
    return fromRow(db, row);
  });
}

export interface NewQuestion {
  question: string;
  kind: OpenQuestion['kind'];
  owner: string;
  flowId?: number | null;
  mapId?: string | null;
}

/** Inserts inside the caller's transaction; a question raised on a mapping row belongs to that row's flow. */
export function addQuestionIn(db: SqliteDatabase, input: NewQuestion): number {
  let flowId = input.flowId ?? null;
  let mappingId: number | null = null;
  if (input.mapId) {
    const row = db.prepare('SELECT id, flow_id FROM field_mapping WHERE map_id = ?').get(input.mapId) as { id: number; flow_id: number } | undefined;
    if (!row) throw new UserError('NOT_FOUND', `No mapping row has the Map ID "${input.mapId}": check the ID on the mapping sheet.`);
    mappingId = row.id;
    flowId = row.flow_id;
  } else if (flowId !== null && !db.prepare('SELECT 1 FROM data_flow WHERE id = ?').get(flowId)) {
    throw new UserError('FLOW_NOT_FOUND', `There is no data flow ${flowId} (it may have been deleted): reload the flows.`);
  }
  const now = new Date().toISOString();
  return Number(
    db
      .prepare('INSERT INTO open_question (kind, question, owner, flow_id, mapping_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(input.kind, input.question, input.owner, flowId, mappingId, now, now).lastInsertRowid,
  );
}

export function addQuestion(workspace: Workspace, input: NewQuestion): OpenQuestion {
  return getQuestion(workspace, workspace.write((db) => addQuestionIn(db, input)));
}

export type QuestionChanges = Partial<Pick<OpenQuestion, 'question' | 'owner' | 'status' | 'answer'>>;

export function updateQuestion(workspace: Workspace, id: number, changes: QuestionChanges): OpenQuestion {
  const allowed = ['question', 'owner', 'status', 'answer'] as const;
  const entries = allowed.filter((key) => changes[key] !== undefined).map((key) => [key, changes[key] as string] as const);
  const changed = workspace.write((db) => {
    const assignments = [...entries.map(([key]) => `${key} = ?`), 'updated_at = ?'].join(', ');
    return db
      .prepare(`UPDATE open_question SET ${assignments} WHERE id = ?`)
      .run(...entries.map(([, value]) => value), new Date().toISOString(), id).changes;
  });
  if (changed === 0) getQuestion(workspace, id);
  return getQuestion(workspace, id);
}
