// Every call sent, redacted, newest first; bounded to the analyst's limit (default 1,000), the bodies
// of pruned calls deleted with them. Bodies stay in the cache folder and are read only when shown.
// Pruning runs in batches: rows past the limit are no longer listed nor read, and are deleted with their
// bodies once a twentieth of the limit (at most 50) has gathered, so most sends write no page of the
// table's oldest end.
import type { HistoryEntry, HistoryEntrySummary, RedirectHop, RequestDraft, SandboxSettings, Timings } from '../../../shared/contract';
import { UserError } from '../../errors';
import { prepared, type SqliteDatabase } from '../../workspace/sqlite';
import type { BodyCache } from './body-cache';
import type { SandboxStore } from './context';

/** What a send stores: everything already redacted by the caller. */
export interface HistoryRecord {
  systemId: number | null;
  requestId: number | null;
  environmentId: number | null;
  method: string;
  url: string;
  status: number | null;
  statusText: string | null;
  error: string | null;
  errorKind: string | null;
  timings: Timings;
  size: number | null;
  contentType: string | null;
  /** The body's file in the cache, written before the row is added; null when there is none. */
  bodyId: string | null;
  detail: { request: HistoryEntry['request']; headers: Array<[string, string]>; redirects: RedirectHop[]; draft: RequestDraft | null };
}

interface HistoryRow {
  id: number;
  system_id: number | null;
  request_id: number | null;
  environment_id: number | null;
  at: string;
  method: string;
  url: string;
  status: number | null;
  status_text: string | null;
  error: string | null;
  dns: number | null;
  connect: number | null;
  tls: number | null;
  first_byte: number | null;
  download: number | null;
  total: number | null;
  size: number | null;
  content_type: string | null;
  body_id: string | null;
  name: string | null;
}

// The request's name: the saved request's as it is now, else the name the draft had when sent.
const SUMMARY_COLUMNS = `h.id, h.system_id, h.request_id, h.environment_id, h.at, h.method, h.url, h.status, h.status_text, h.error, h.dns, h.connect, h.tls,
  h.first_byte, h.download, h.total, h.size, h.content_type, h.body_id, coalesce(r.name, nullif(json_extract(h.detail, '$.draft.name'), '')) AS name`;
const SUMMARY_FROM = 'sandbox_history h LEFT JOIN sandbox_request r ON r.id = h.request_id';
/**
 * The rows within the limit. Rows are only ever deleted from the oldest end and each new id is the largest
 * plus one, so the ids kept run without a gap: the newest id less the limit is the last one past it.
 */
export const WITHIN_LIMIT = 'h.id > (SELECT max(id) FROM sandbox_history) - (SELECT history_limit FROM sandbox_settings WHERE id = 1)';

function toSummary(row: HistoryRow, cache: BodyCache): HistoryEntrySummary {
  return {
    id: row.id,
    systemId: row.system_id,
    requestId: row.request_id,
    environmentId: row.environment_id,
    name: row.name,
    method: row.method,
    url: row.url,
    status: row.status,
    error: row.error,
    timings: { dns: row.dns, connect: row.connect, tls: row.tls, firstByte: row.first_byte, download: row.download, total: row.total },
    size: row.size,
    at: row.at,
    bodyAvailable: cache.has(row.body_id),
  };
}

/** Stores one call and prunes past the limit; returns its summary. */
export function addHistory(store: SandboxStore, cache: BodyCache, record: HistoryRecord): HistoryEntrySummary {
  const at = new Date().toISOString();
  const { timings: t } = record;
  const { id, name, pruned } = store.workspace.write(
    (db) => {
      // The name as searchHistory gives it, without reading the row back; the oldest id and the limit, to
      // prune only when a batch is due without a statement of its own.
      const { id, name, oldest, historyLimit } = prepared(
        db,
        `INSERT INTO sandbox_history (system_id, request_id, environment_id, at, method, url, status, status_text, error, error_kind,
             dns, connect, tls, first_byte, download, total, size, content_type, body_id, detail)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
           RETURNING id, coalesce((SELECT name FROM sandbox_request WHERE id = request_id), nullif(?, '')) AS name,
             (SELECT min(id) FROM sandbox_history) AS oldest, (SELECT history_limit FROM sandbox_settings WHERE id = 1) AS historyLimit`,
      ).get(
        record.systemId,
        record.requestId,
        record.environmentId,
        at,
        record.method,
        record.url,
        record.status,
        record.statusText,
        record.error,
        record.errorKind,
        t.dns,
        t.connect,
        t.tls,
        t.firstByte,
        t.download,
        t.total,
        record.size,
        record.contentType,
        record.bodyId,
        JSON.stringify(record.detail),
        record.detail.draft?.name ?? null,
      ) as { id: number; name: string | null; oldest: number | null; historyLimit: number };
      // The ids run without a gap (see WITHIN_LIMIT), so this is the number of rows.
      const rows = id - (oldest ?? id) + 1;
      return { id, name, pruned: rows > historyLimit + pruneBatch(historyLimit) ? prune(db) : [] };
    },
    // History is a record of calls, not the analyst's work: one lost in a power cut is acceptable.
    { waitForDisk: false, leavesCachedRows: true },
  );
  for (const bodyId of pruned) cache.remove(bodyId);
  const { systemId, requestId, environmentId, method, url, status, error, size, bodyId } = record;
  return { id, systemId, requestId, environmentId, name, method, url, status, error, timings: { ...t }, size, at, bodyAvailable: bodyId !== null };
}

/** How many rows past the limit are kept until they are pruned together: a twentieth of it, at most 50. */
const pruneBatch = (historyLimit: number) => Math.min(50, Math.floor(historyLimit / 20));

/**
 * Deletes the rows past the limit, found from the ends of the id b-tree without counting them (see
 * WITHIN_LIMIT); returns their body ids (files to delete once committed).
 */
function prune(db: SqliteDatabase): string[] {
  const bodies = prepared(
    db,
    `DELETE FROM sandbox_history WHERE id <= (SELECT max(id) FROM sandbox_history) - (SELECT history_limit FROM sandbox_settings WHERE id = 1)
     RETURNING body_id`,
  )
    .pluck()
    .all() as Array<string | null>;
  return bodies.filter((bodyId): bodyId is string => bodyId !== null);
}

export interface HistoryQuery {
  systemId?: number;
  url?: string;
  /** Part of the request's name or of its (redacted) URL. */
  text?: string;
  status?: number | '1xx' | '2xx' | '3xx' | '4xx' | '5xx' | 'failed';
  offset: number;
  limit: number;
}

export function searchHistory(store: SandboxStore, cache: BodyCache, query: HistoryQuery): { entries: HistoryEntrySummary[]; total: number } {
  const where: string[] = [WITHIN_LIMIT];
  const values: unknown[] = [];
  if (query.systemId !== undefined) {
    where.push('h.system_id = ?');
    values.push(query.systemId);
  }
  if (query.url) {
    where.push('instr(lower(h.url), lower(?)) > 0');
    values.push(query.url);
  }
  if (query.text) {
    where.push(`(instr(lower(h.url), lower(?)) > 0 OR instr(lower(coalesce(r.name, json_extract(h.detail, '$.draft.name'), '')), lower(?)) > 0)`);
    values.push(query.text, query.text);
  }
  if (typeof query.status === 'number') {
    where.push('h.status = ?');
    values.push(query.status);
  } else if (query.status === 'failed') {
    where.push('h.status IS NULL');
  } else if (query.status) {
    const low = Number(query.status[0]) * 100;
    where.push('h.status BETWEEN ? AND ?');
    values.push(low, low + 99);
  }
  const filter = `WHERE ${where.join(' AND ')}`;
  return store.workspace.read((db) => ({
    entries: (db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM ${SUMMARY_FROM} ${filter} ORDER BY h.id DESC LIMIT ? OFFSET ?`).all(...values, query.limit, query.offset) as HistoryRow[]).map((row) =>
      toSummary(row, cache),
    ),
    total: db.prepare(`SELECT count(*) FROM ${SUMMARY_FROM} ${filter}`).pluck().get(...values) as number,
  }));
}

export function getHistoryEntry(store: SandboxStore, cache: BodyCache, id: number): HistoryEntry {
  const row = store.workspace.read((db) => db.prepare(`SELECT ${SUMMARY_COLUMNS}, h.detail FROM ${SUMMARY_FROM} WHERE h.id = ? AND ${WITHIN_LIMIT}`).get(id) as (HistoryRow & { detail: string }) | undefined);
  if (!row) throw new UserError('HISTORY_NOT_FOUND', `History entry ${id} is not in this workspace (it may have been pruned): reload the history.`);
  const detail = JSON.parse(row.detail) as HistoryRecord['detail'];
  const available = cache.has(row.body_id);
  return {
    ...toSummary(row, cache),
    request: detail.request,
    draft: detail.draft,
    statusText: row.status_text,
    headers: detail.headers,
    redirects: detail.redirects,
    contentType: row.content_type,
    bodyId: available ? row.body_id : null,
  };
}

/** The history row a body id belongs to (its content type), or undefined. */
export function bodyOwner(store: SandboxStore, bodyId: string): { contentType: string | null } | undefined {
  return store.workspace.read((db) => db.prepare(`SELECT content_type AS contentType FROM sandbox_history h WHERE body_id = ? AND ${WITHIN_LIMIT}`).get(bodyId) as { contentType: string | null } | undefined);
}

/**
 * Reads the settings, changing those given; a new limit prunes at once, first under the old one so that a
 * higher limit does not bring back rows already past it.
 */
export function sandboxSettings(store: SandboxStore, cache: BodyCache, change: { historyLimit?: number }): SandboxSettings {
  const { settings, pruned } = store.workspace.write((db) => {
    const pruned: string[] = [];
    if (change.historyLimit !== undefined) {
      pruned.push(...prune(db));
      db.prepare('UPDATE sandbox_settings SET history_limit = ? WHERE id = 1').run(change.historyLimit);
      pruned.push(...prune(db));
    }
    return { settings: { historyLimit: db.prepare('SELECT history_limit FROM sandbox_settings WHERE id = 1').pluck().get() as number }, pruned };
  });
  for (const bodyId of pruned) cache.remove(bodyId);
  return settings;
}
