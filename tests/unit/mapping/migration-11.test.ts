import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { applyMigrations } from '../../../src/main/workspace/migrate';
import { migrations } from '../../../src/main/workspace/migrations';
import { openWorkspace } from '../../../src/main/workspace/workspace';
import { tempDir } from '../../helpers/temp';

describe('migration 11: array pairings and flow endpoints', () => {
  it('relaxes field_mapping to one row per target path and pairing, keeping rows, ids and what references them', async () => {
    const file = path.join(tempDir(), 'v9.crosswalk');
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    applyMigrations(db, migrations.filter((m) => m.version <= 9));
    db.exec(`
      INSERT INTO system (id, name, openapi_version, format, document, imported_at) VALUES (1, 'A', '3.1.0', 'yaml', 'x', 'now'), (2, 'B', '2.0', 'json', 'y', 'now');
      INSERT INTO data_flow (id, name, source_system_id, source_entity, target_system_id, target_entity) VALUES (1, 'A to B', 1, 'Order', 2, 'Invoice');
      INSERT INTO field_mapping (flow_id, target_path, source_paths, status, condition, notes, updated_at) VALUES (1, 'lines[].qty', '["items[].quantity"]', 'accepted', '', 'kept', 'now');
      INSERT INTO field_mapping (flow_id, target_path, updated_at) VALUES (1, 'total', 'now');
      INSERT INTO test_case (id, title) VALUES (1, 'Two lines');
      INSERT INTO test_case_mapping (test_case_id, mapping_id) VALUES (1, 1), (1, 2);
      INSERT INTO open_question (id, question, mapping_id, created_at, updated_at) VALUES (1, 'Rounding?', 2, 'now', 'now');
    `);
    db.close();

    const workspace = await openWorkspace(file);
    workspace.read((d) => {
      expect(d.prepare('SELECT id, map_id, target_path, source_paths, notes, pairing_id FROM field_mapping ORDER BY id').all()).toEqual([
        { id: 1, map_id: 'M-0001', target_path: 'lines[].qty', source_paths: '["items[].quantity"]', notes: 'kept', pairing_id: null },
        { id: 2, map_id: 'M-0002', target_path: 'total', source_paths: '[]', notes: '', pairing_id: null },
      ]);
      // What the rebuild would have cascaded or cleared is back.
      expect(d.prepare('SELECT test_case_id, mapping_id FROM test_case_mapping ORDER BY mapping_id').all()).toEqual([{ test_case_id: 1, mapping_id: 1 }, { test_case_id: 1, mapping_id: 2 }]);
      expect(d.prepare('SELECT mapping_id FROM open_question').all()).toEqual([{ mapping_id: 2 }]);
      expect(d.pragma('foreign_key_check')).toEqual([]);
      expect(d.prepare('SELECT write_mode, match_key, target_operation FROM data_flow').get()).toEqual({ write_mode: null, match_key: '', target_operation: null });
    });
    workspace.write((d) => {
      const pairing = Number(d.prepare("INSERT INTO array_pairing (flow_id, target_path, source_path, updated_at) VALUES (1, 'lines[]', 'items[]', 'now')").run().lastInsertRowid);
      const second = Number(d.prepare("INSERT INTO array_pairing (flow_id, target_path, source_path, discriminator_path, discriminator_value, updated_at) VALUES (1, 'lines[]', 'fees[]', 'kind', 'FEE', 'now')").run().lastInsertRowid);
      d.prepare('UPDATE field_mapping SET pairing_id = ? WHERE id = 1').run(pairing);
      // One row per target path in each pairing (and outside them): a discriminated array's second set of rows.
      d.prepare("INSERT INTO field_mapping (flow_id, pairing_id, target_path, updated_at) VALUES (1, ?, 'lines[].qty', 'now')").run(second);
      d.prepare("INSERT INTO field_mapping (flow_id, target_path, updated_at) VALUES (1, 'lines[].qty', 'now')").run();
      expect(() => d.prepare("INSERT INTO field_mapping (flow_id, target_path, updated_at) VALUES (1, 'total', 'now')").run()).toThrow(/UNIQUE/);
      expect(() => d.prepare("INSERT INTO field_mapping (flow_id, pairing_id, target_path, updated_at) VALUES (1, ?, 'lines[].qty', 'now')").run(second)).toThrow(/UNIQUE/);
      expect(() => d.prepare("INSERT INTO array_pairing (flow_id, target_path, source_path, updated_at) VALUES (1, 'lines', 'items[]', 'now')").run()).toThrow(/CHECK/);
      expect(() => d.prepare("UPDATE data_flow SET write_mode = 'replace'").run()).toThrow(/CHECK/);
      // New rows still get the next map id.
      expect(d.prepare('SELECT map_id FROM field_mapping ORDER BY id DESC LIMIT 1').get()).toEqual({ map_id: 'M-0004' });
      // Deleting a pairing takes its rows; a flow's deletion its pairings.
      d.prepare('DELETE FROM array_pairing WHERE id = ?').run(second);
      expect(d.prepare("SELECT count(*) AS n FROM field_mapping WHERE target_path = 'lines[].qty'").get()).toEqual({ n: 2 });
    });
    workspace.close();
  });
});
