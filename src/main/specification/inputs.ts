import type { ConfigurableInput } from '../../shared/contract';
import { UserError } from '../errors';
import type { SqliteDatabase } from '../workspace/sqlite';
import type { Workspace } from '../workspace/workspace';
import { storeBoolean, updateRecordIn } from './record-update';

interface InputRow {
  id: number;
  name: string;
  kind: ConfigurableInput['kind'];
  system: string | null;
  description: string;
  required: number;
  default_value: string;
}

export const inputRef = (id: number) => `CI-${id}`;

export function listInputsIn(db: SqliteDatabase): ConfigurableInput[] {
  const rows = db
    .prepare(
      `SELECT i.id, i.name, i.kind, s.name AS system, i.description, i.required, i.default_value
       FROM configurable_input i LEFT JOIN system s ON s.id = i.system_id ORDER BY i.position, i.id`,
    )
    .all() as InputRow[];
  return rows.map((row) => ({
    id: row.id,
    ref: inputRef(row.id),
    name: row.name,
    kind: row.kind,
    system: row.system,
    description: row.description,
    required: row.required === 1,
    defaultValue: row.default_value,
  }));
}

export const listInputs = (workspace: Workspace) => workspace.read(listInputsIn);

function getInput(workspace: Workspace, id: number): ConfigurableInput {
  const found = listInputs(workspace).find((input) => input.id === id);
  if (!found) throw new UserError('NOT_FOUND', `Configurable input ${inputRef(id)} does not exist (it may have been removed): reload the list.`);
  return found;
}

function systemIdIn(db: SqliteDatabase, name: string | null): number | null {
  if (!name) return null;
  const row = db.prepare('SELECT id FROM system WHERE name = ?').get(name) as { id: number } | undefined;
  if (!row) throw new UserError('SYSTEM_NOT_FOUND', `The workspace has no system named "${name}": pick one of its systems or none.`);
  return row.id;
}

/**
 * A credential's default is never stored: the spec describes what the customer provides
 * (e.g. "API key from Settings → Developers"), the value itself belongs in the sandbox's secret store.
 */
function assertNoSecretDefault(kind: ConfigurableInput['kind'] | undefined, defaultValue: string | undefined) {
  if (kind === 'credential' && defaultValue) {
    throw new UserError(
      'SECRET_REFUSED',
      'A credential input cannot have a default value: secrets are never stored in the spec. Describe where the customer finds it instead.',
    );
  }
}

export type NewInput = Omit<ConfigurableInput, 'id' | 'ref'>;

export function addInput(workspace: Workspace, input: NewInput): ConfigurableInput {
  assertNoSecretDefault(input.kind, input.defaultValue);
  const id = workspace.write((db) => {
    const position = (db.prepare('SELECT coalesce(max(position), 0) + 1 AS next FROM configurable_input').get() as { next: number }).next;
    return Number(
      db
        .prepare('INSERT INTO configurable_input (name, kind, system_id, description, required, default_value, position) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(input.name, input.kind, systemIdIn(db, input.system), input.description, input.required ? 1 : 0, input.defaultValue, position).lastInsertRowid,
    );
  });
  return getInput(workspace, id);
}

export type InputChanges = Partial<NewInput>;

export function updateInput(workspace: Workspace, id: number, changes: InputChanges): ConfigurableInput {
  const before = getInput(workspace, id);
  const kind = changes.kind ?? before.kind;
  assertNoSecretDefault(kind, changes.defaultValue ?? before.defaultValue);
  workspace.write((db) =>
    updateRecordIn(
      db,
      'configurable_input',
      id,
      {
        name: { column: 'name' },
        kind: { column: 'kind' },
        system: { column: 'system_id', store: (name) => systemIdIn(db, name) },
        description: { column: 'description' },
        required: { column: 'required', store: storeBoolean },
        defaultValue: { column: 'default_value' },
      },
      changes,
    ),
  );
  return getInput(workspace, id);
}

export function removeInput(workspace: Workspace, id: number): void {
  const removed = workspace.write((db) => db.prepare('DELETE FROM configurable_input WHERE id = ?').run(id).changes);
  if (removed === 0) throw new UserError('NOT_FOUND', `Configurable input ${inputRef(id)} does not exist (it may have been removed): reload the list.`);
}
