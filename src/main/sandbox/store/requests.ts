// Saved requests of each system: one row each, secrets sealed in the workspace's secret table.
import type { RequestDraft, SavedRequest, SavedRequestInput } from '../../../shared/contract';
import { UserError } from '../../errors';
import { getSystem } from '../../openapi/systems';
import { deleteSecretScope, writeWithSecrets } from '../../workspace/secrets';
import { prepared, type SqliteDatabase } from '../../workspace/sqlite';
import { deleteUnused, openingMapper, requestScope, sealingMapper, type SandboxStore } from './context';
import { publicView, requestSlots } from './secret-slots';

/** query, headers, body, auth and settings as stored (secret values as placeholders). */
export type StoredRequestDefinition = Pick<SavedRequestInput, 'query' | 'headers' | 'body' | 'auth' | 'settings'>;

interface RequestRow {
  id: number;
  system_id: number;
  folder: string;
  name: string;
  method: string;
  url: string;
  definition: string;
  operation: string | null;
  document_version: number | null;
  broken_reason: string | null;
  broken_at: string | null;
  created_at: string;
  updated_at: string;
}

const COLUMNS = 'id, system_id, folder, name, method, url, definition, operation, document_version, broken_reason, broken_at, created_at, updated_at';

function toRequest(row: RequestRow): SavedRequest {
  const definition = publicView(JSON.parse(row.definition) as StoredRequestDefinition) as unknown as Pick<SavedRequest, 'query' | 'headers' | 'body' | 'auth' | 'settings'>;
  return {
    id: row.id,
    systemId: row.system_id,
    folder: row.folder,
    name: row.name,
    method: row.method as SavedRequest['method'],
    url: row.url,
    ...definition,
    origin: row.operation === null ? null : { operation: row.operation, documentVersion: row.document_version ?? 1 },
    broken: row.broken_reason === null ? null : { reason: row.broken_reason, at: row.broken_at ?? '' },
    oauthToken: null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function listRequests(store: SandboxStore, systemId?: number): SavedRequest[] {
  const rows = store.workspace.read(
    (db) =>
      (systemId === undefined
        ? db.prepare(`SELECT ${COLUMNS} FROM sandbox_request ORDER BY system_id, folder, name, id`).all()
        : db.prepare(`SELECT ${COLUMNS} FROM sandbox_request WHERE system_id = ? ORDER BY folder, name, id`).all(systemId)) as RequestRow[],
  );
  return rows.map(toRequest);
}

function row(db: SqliteDatabase, id: number): RequestRow {
  const found = prepared(db, `SELECT ${COLUMNS} FROM sandbox_request WHERE id = ?`).get(id) as RequestRow | undefined;
  if (!found) throw new UserError('REQUEST_NOT_FOUND', `Saved request ${id} is not in this workspace (it may have been deleted): reload the list.`);
  return found;
}

export function getRequest(store: SandboxStore, id: number): SavedRequest {
  return toRequest(store.workspace.read((db) => row(db, id)));
}

/** Creates or updates a request; secret values are sealed in the same transaction. */
export function saveRequest(store: SandboxStore, input: SavedRequestInput): SavedRequest {
  getSystem(store.workspace, input.systemId);
  const folder = normaliseFolder(input.folder);
  const saved = writeWithSecrets(store.workspace, store.secrets, (db, secrets) => {
    const now = new Date().toISOString();
    let id = input.id;
    if (id === undefined) {
      id = Number(
        db
          .prepare('INSERT INTO sandbox_request (system_id, folder, name, method, url, definition, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
          .run(input.systemId, folder, input.name, input.method, input.url, '{}', now, now).lastInsertRowid,
      );
    } else if (row(db, id).system_id !== input.systemId) {
      throw new UserError('REQUEST_SYSTEM', `Saved request ${id} belongs to another system: save it as a new request instead.`);
    }
    const scope = requestScope(input.systemId, id);
    const used = new Set<string>();
    const { query, headers, body, auth, settings } = input;
    const definition = requestSlots({ query, headers, body, auth, settings }, `request${id}.`, sealingMapper(scope, secrets, used));
    deleteUnused(scope, secrets, used);
    db.prepare(
      `UPDATE sandbox_request SET folder = ?, name = ?, method = ?, url = ?, definition = ?, operation = ?, document_version = ?, updated_at = ?
       ${input.clearBroken ? ', broken_reason = NULL, broken_at = NULL' : ''} WHERE id = ?`,
    ).run(folder, input.name, input.method, input.url, JSON.stringify(definition), input.origin?.operation ?? null, input.origin?.documentVersion ?? null, now, id);
    return row(db, id);
  });
  return toRequest(saved);
}

export function deleteRequest(store: SandboxStore, id: number): void {
  writeWithSecrets(store.workspace, store.secrets, (db) => {
    const found = row(db, id);
    db.prepare('DELETE FROM sandbox_request WHERE id = ?').run(id);
    deleteSecretScope(db, requestScope(found.system_id, id));
  });
}

/** A saved request with its secrets opened, for a send; `missing` names those this machine cannot open. */
export function openRequest(store: SandboxStore, id: number): { request: SavedRequest; draft: RequestDraft & StoredRequestDefinition; missing: string[] } {
  const found = store.workspace.read((db) => row(db, id));
  const missing: string[] = [];
  const stored = JSON.parse(found.definition) as StoredRequestDefinition;
  const opened = requestSlots(stored, `request${id}.`, openingMapper(store, requestScope(found.system_id, id), missing));
  const request = toRequest(found);
  return { request, draft: { ...request, ...opened } as unknown as RequestDraft & StoredRequestDefinition, missing };
}

/**
 * A draft's secrets for a send: its plain values as given; placeholders ({ secret: true, set: true })
 * opened from the saved request it was edited from, when `basedOn` names one.
 */
export function openDraft<D extends StoredRequestDefinition & { systemId: number }>(store: SandboxStore, draft: D, basedOn?: number): { draft: D; missing: string[] } {
  const missing: string[] = [];
  const scope = basedOn === undefined ? undefined : requestScope(draft.systemId, basedOn);
  return { draft: requestSlots(draft, basedOn === undefined ? '' : `request${basedOn}.`, openingMapper(store, scope, missing)), missing };
}

/** Flags requests a re-import broke (their operation removed or changed incompatibly); nothing else changes. */
export function markBroken(db: SqliteDatabase, flags: Array<{ requestId: number; reason: string }>): void {
  const flag = db.prepare('UPDATE sandbox_request SET broken_reason = ?, broken_at = ? WHERE id = ?');
  const now = new Date().toISOString();
  for (const { requestId, reason } of flags) flag.run(reason, now, requestId);
}

function normaliseFolder(folder: string): string {
  const parts = folder.split('/').map((part) => part.trim()).filter(Boolean);
  if (parts.some((part) => part === '.' || part === '..')) throw new UserError('REQUEST_FOLDER', `"${folder}" cannot name a folder: use names separated by "/", without "." or "..".`);
  return parts.join('/');
}
