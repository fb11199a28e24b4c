// Migration 15: a workspace at schema 14 with history rows of two systems and a sample taken from one of
// them opens at 15 with its history as it was (listed, searched by system, read), the sample still linked,
// and the history's system index gone.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { BodyCache } from '../../../src/main/sandbox/store/body-cache';
import { getHistoryEntry, searchHistory } from '../../../src/main/sandbox/store/history';
import { applyMigrations } from '../../../src/main/workspace/migrate';
import { migrations } from '../../../src/main/workspace/migrations';
import { workspaceIdOf } from '../../../src/main/workspace/secrets';
import { openWorkspace } from '../../../src/main/workspace/workspace';
import { tempDir } from '../../helpers/temp';

function version14File(file: string): void {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  applyMigrations(
    db,
    migrations.filter((migration) => migration.version <= 14),
  );
  const now = '2026-12-01T10:00:00.000Z';
  const system = db.prepare(
    `INSERT INTO system (id, name, openapi_version, format, document, imported_at)
     VALUES (?, ?, '3.0.3', 'json', '{"openapi":"3.0.3","info":{"title":"API","version":"1"},"paths":{}}', ?)`,
  );
  system.run(1, 'crm', now);
  system.run(2, 'erp', now);
  const history = db.prepare(
    `INSERT INTO sandbox_history (system_id, at, method, url, status, status_text, total, size, content_type, body_id, detail)
     VALUES (?, ?, 'GET', ?, ?, 'OK', 12.5, 17, 'application/json', ?, ?)`,
  );
  for (let i = 1; i <= 4; i++) {
    const url = `https://api.example/items/${i}`;
    const detail = { request: { method: 'GET', url, headers: [['authorization', '***']] }, headers: [['content-type', 'application/json']], redirects: [], draft: null };
    history.run(i % 2 === 1 ? 1 : 2, `2026-12-01T10:00:0${i}.000Z`, url, i === 3 ? 404 : 200, String(i).repeat(32), JSON.stringify(detail));
  }
  db.prepare(
    `INSERT INTO sandbox_sample (system_id, entity, direction, status, document_version, history_id, captured_at, checked_version, body)
     VALUES (1, 'schema:Item', 'response', 200, ?, 3, ?, ?, '{"id":"i-3"}')`,
  ).run(now, now, now);
  db.close();
}

describe('migration 15', () => {
  it('keeps a schema-14 history listed, searchable by system and linked to its samples, without the system index', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'v14.crosswalk');
    version14File(file);

    const workspace = await openWorkspace(file);
    try {
      expect(workspace.schemaVersion).toBe(15);
      const store = { workspace, secrets: { keys: undefined as never, env: {} } };
      const cache = new BodyCache(path.join(dir, 'cache'), workspaceIdOf(workspace));
      fs.mkdirSync(cache.dir, { recursive: true });
      fs.writeFileSync(cache.pathOf('3'.repeat(32)), '{"id":"i-3"}');

      const indexes = workspace.read((db) => db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'sandbox_history'").pluck().all());
      expect(indexes).toEqual([]);
      expect(searchHistory(store, cache, { offset: 0, limit: 10 }).entries.map((entry) => entry.id)).toEqual([4, 3, 2, 1]);
      const crm = searchHistory(store, cache, { systemId: 1, offset: 0, limit: 10 });
      expect([crm.total, crm.entries.map((entry) => [entry.id, entry.status, entry.bodyAvailable])]).toEqual([2, [[3, 404, true], [1, 200, false]]]);
      expect(searchHistory(store, cache, { systemId: 2, status: '2xx', offset: 0, limit: 10 }).entries.map((entry) => entry.id)).toEqual([4, 2]);
      expect(getHistoryEntry(store, cache, 3)).toMatchObject({ systemId: 1, request: { headers: [['authorization', '***']] }, bodyId: '3'.repeat(32) });
      expect(workspace.read((db) => db.prepare('SELECT history_id FROM sandbox_sample').all())).toEqual([{ history_id: 3 }]);
      expect(workspace.read((db) => db.prepare('PRAGMA foreign_key_check').all())).toEqual([]);
    } finally {
      workspace.close();
    }
  });
});
