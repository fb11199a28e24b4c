import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { applyMigrations } from '../../../src/main/workspace/migrate';
import { LATEST_SCHEMA_VERSION, migrations } from '../../../src/main/workspace/migrations';
import { openWorkspace } from '../../../src/main/workspace/workspace';
import { tempDir } from '../../helpers/temp';

describe('migration 3: mapping ids, conditions, learned decisions', () => {
  it('migrates a schema-2 workspace: existing rows get map ids, new rows the next ones', async () => {
    const file = path.join(tempDir(), 'v2.crosswalk');
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    applyMigrations(db, migrations.filter((m) => m.version <= 2));
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    db.exec(`
      INSERT INTO system (id, name, spec_version, format, document, imported_at) VALUES (1, 'A', '3.1.0', 'yaml', 'x', 'now'), (2, 'B', '2.0', 'json', 'y', 'now');
      INSERT INTO data_flow (id, name, source_system_id, source_entity, target_system_id, target_entity) VALUES (1, 'A to B', 1, 'Order', 2, 'Invoice');
      INSERT INTO field_mapping (flow_id, target_path, source_paths, status, updated_at) VALUES (1, 'reference', '["orderNumber"]', 'accepted', 'now');
      INSERT INTO field_mapping (flow_id, target_path, updated_at) VALUES (1, 'total', 'now');
    `);
    db.close();

    const workspace = await openWorkspace(file);
    expect(workspace.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(LATEST_SCHEMA_VERSION).toBeGreaterThanOrEqual(3);
    workspace.write((d) => {
      d.prepare("DELETE FROM field_mapping WHERE target_path = 'total'").run();
      d.prepare("INSERT INTO field_mapping (flow_id, target_path, updated_at) VALUES (1, 'currency', 'now')").run();
    });
    workspace.read((d) => {
      expect(d.prepare('SELECT target_path, map_id, condition FROM field_mapping ORDER BY id').all()).toEqual([
        { target_path: 'reference', map_id: 'M-0001', condition: '' },
        // M-0002 was deleted: its number is not handed out again.
        { target_path: 'currency', map_id: 'M-0003', condition: '' },
      ]);
      d.prepare("INSERT INTO mapping_decision VALUES ('A:Order', 'orderNumber', 'B:Invoice', 'reference', 'accepted', 'now')").run();
      expect(() => d.prepare("INSERT INTO mapping_decision VALUES ('A:Order', 'orderNumber', 'B:Invoice', 'reference', 'maybe', 'now')").run()).toThrow();
      expect(() => d.prepare("UPDATE field_mapping SET map_id = 'M-0001' WHERE target_path = 'currency'").run()).toThrow(/UNIQUE/);
    });
    workspace.close();
  });

  it('gives the schema-1 fixture its map id', async () => {
    const file = path.join(tempDir(), 'v1-demo.crosswalk');
    fs.copyFileSync(path.resolve(__dirname, '../../fixtures/workspaces/v1-demo.crosswalk'), file);
    const workspace = await openWorkspace(file);
    expect(workspace.read((d) => d.prepare('SELECT target_path, map_id, condition FROM field_mapping').all())).toEqual([
      { target_path: 'reference', map_id: 'M-0001', condition: '' },
    ]);
    workspace.close();
  });
});
