// Migration 14: a workspace at schema 13 with history rows and a sample taken from one of them opens at
// 14 with its history as it was (listed, read, pruned past the limit), the sample's link kept through the
// table's rebuild until its row is pruned, the status index and detail check gone, the samples indexed by
// history row.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { BodyCache } from '../../../src/main/sandbox/store/body-cache';
import { addHistory, getHistoryEntry, sandboxSettings, searchHistory } from '../../../src/main/sandbox/store/history';
import { applyMigrations } from '../../../src/main/workspace/migrate';
import { migrations } from '../../../src/main/workspace/migrations';
import { workspaceIdOf } from '../../../src/main/workspace/secrets';
import { openWorkspace } from '../../../src/main/workspace/workspace';
import { tempDir } from '../../helpers/temp';

function version13File(file: string): void {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  applyMigrations(
    db,
    migrations.filter((migration) => migration.version <= 13),
  );
  const now = '2026-12-01T10:00:00.000Z';
  db.prepare(
    `INSERT INTO system (id, name, openapi_version, format, document, imported_at)
     VALUES (1, 'crm', '3.0.3', 'json', '{"openapi":"3.0.3","info":{"title":"CRM","version":"1"},"paths":{}}', ?)`,
  ).run(now);
  const history = db.prepare(
    `INSERT INTO sandbox_history (system_id, at, method, url, status, status_text, total, size, content_type, body_id, detail)
     VALUES (1, ?, 'GET', ?, ?, 'OK', 12.5, 17, 'application/json', ?, ?)`,
  );
  for (let i = 1; i <= 3; i++) {
    const detail = { request: { method: 'GET', url: `https://crm.example/customers/${i}`, headers: [['authorization', '[redacted]']] }, headers: [['content-type', 'application/json']], redirects: [], draft: null };
    history.run(`2026-12-01T10:00:0${i}.000Z`, `https://crm.example/customers/${i}`, i === 2 ? 404 : 200, `${String(i).repeat(32)}`, JSON.stringify(detail));
  }
  db.prepare(
    `INSERT INTO sandbox_sample (system_id, entity, direction, status, document_version, history_id, captured_at, checked_version, body)
     VALUES (1, 'schema:Customer', 'response', 200, ?, 1, ?, ?, '{"id":"c-1"}')`,
  ).run(now, now, now);
  db.close();
}

describe('migration 14', () => {
  it('keeps a schema-13 history readable and its samples linked, and prunes it as before', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'v13.crosswalk');
    version13File(file);

    const workspace = await openWorkspace(file, { migrations: migrations.filter((migration) => migration.version <= 14) });
    try {
      expect(workspace.schemaVersion).toBe(14);
      const store = { workspace, secrets: { keys: undefined as never, env: {} } };
      const cache = new BodyCache(path.join(dir, 'cache'), workspaceIdOf(workspace));
      fs.mkdirSync(cache.dir, { recursive: true });
      for (const id of ['1', '2', '3']) fs.writeFileSync(cache.pathOf(id.repeat(32)), '{"id":"c"}');

      const listed = searchHistory(store, cache, { offset: 0, limit: 10 });
      expect(listed.total).toBe(3);
      expect(listed.entries.map((entry) => [entry.id, entry.status, entry.url, entry.bodyAvailable])).toEqual([
        [3, 200, 'https://crm.example/customers/3', true],
        [2, 404, 'https://crm.example/customers/2', true],
        [1, 200, 'https://crm.example/customers/1', true],
      ]);
      expect(searchHistory(store, cache, { status: '4xx', offset: 0, limit: 10 }).entries.map((entry) => entry.id)).toEqual([2]);
      expect(getHistoryEntry(store, cache, 1)).toMatchObject({ request: { headers: [['authorization', '[redacted]']] }, headers: [['content-type', 'application/json']], bodyId: '1'.repeat(32) });

      const schema = workspace.read((db) => db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name IN ('sandbox_history', 'sandbox_sample')").pluck().all());
      expect(schema).not.toContain('sandbox_history_by_status');
      expect(schema).toContain('sandbox_history_by_system');
      expect(workspace.read((db) => db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'sandbox_history'").pluck().get())).not.toContain('json_valid');
      expect(workspace.read((db) => db.prepare('PRAGMA foreign_key_check').all())).toEqual([]);
      expect(schema).toContain('sandbox_sample_by_history');
      const plan = workspace.read((db) => db.prepare('EXPLAIN QUERY PLAN SELECT id FROM sandbox_sample WHERE history_id = 1').all() as Array<{ detail: string }>);
      expect(plan.map((step) => step.detail).join(' ')).toContain('sandbox_sample_by_history');

      expect(workspace.read((db) => db.prepare('SELECT history_id FROM sandbox_sample').all())).toEqual([{ history_id: 1 }]);

      // A limit of 2 prunes the oldest row (the sample's), its body file, and the sample's link, not the sample.
      expect(sandboxSettings(store, cache, { historyLimit: 2 })).toEqual({ historyLimit: 2 });
      expect(searchHistory(store, cache, { offset: 0, limit: 10 }).entries.map((entry) => entry.id)).toEqual([3, 2]);
      expect(cache.has('1'.repeat(32))).toBe(false);
      expect(workspace.read((db) => db.prepare('SELECT history_id FROM sandbox_sample').all())).toEqual([{ history_id: null }]);

      // A new call keeps the newest two.
      const added = addHistory(store, cache, {
        systemId: 1, requestId: null, environmentId: null, method: 'GET', url: 'https://crm.example/customers/4', status: 200, statusText: 'OK', error: null, errorKind: null,
        timings: { dns: null, connect: 1, tls: null, firstByte: 2, download: 1, total: 3 }, size: 0, contentType: null, bodyId: null,
        detail: { request: { method: 'GET', url: 'https://crm.example/customers/4', headers: [] }, headers: [], redirects: [], draft: null },
      });
      expect(added.id).toBe(4);
      expect(searchHistory(store, cache, { offset: 0, limit: 10 }).entries.map((entry) => entry.id)).toEqual([4, 3]);
      expect(cache.has('2'.repeat(32))).toBe(false);
      expect(cache.has('3'.repeat(32))).toBe(true);
    } finally {
      workspace.close();
    }
  });
});
