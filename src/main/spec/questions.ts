import type { OpenQuestion } from '../../shared/contract';
import { UserError } from '../errors';
import type { Workspace } from '../workspace/workspace';

interface QuestionRow {
  id: number;
  kind: OpenQuestion['kind'];
  question: string;
  owner: string;
  status: OpenQuestion['status'];
  answer: string;
  created_at: string;
  updated_at: string;
}

const fromRow = (row: QuestionRow): OpenQuestion => ({
  id: row.id,
  kind: row.kind,
  question: row.question,
  owner: row.owner,
  status: row.status,
  answer: row.answer,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

export function listQuestions(workspace: Workspace): OpenQuestion[] {
  return workspace.read((db) =>
    (db.prepare('SELECT * FROM open_question ORDER BY id').all() as QuestionRow[]).map(fromRow),
  );
}

function getQuestion(workspace: Workspace, id: number): OpenQuestion {
  const row = workspace.read((db) => db.prepare('SELECT * FROM open_question WHERE id = ?').get(id) as QuestionRow | undefined);
  if (!row) throw new UserError('NOT_FOUND', `Open question ${id} does not exist (it may have been removed): reload the list.`);
  return fromRow(row);
}

export function addQuestion(
  workspace: Workspace,
  input: Pick<OpenQuestion, 'question' | 'kind' | 'owner'>,
): OpenQuestion {
  const now = new Date().toISOString();
  const id = workspace.write(
    (db) =>
      db
        .prepare('INSERT INTO open_question (kind, question, owner, created_at, updated_at) VALUES (?, ?, ?, ?, ?)')
        .run(input.kind, input.question, input.owner, now, now).lastInsertRowid,
  );
  return getQuestion(workspace, Number(id));
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
