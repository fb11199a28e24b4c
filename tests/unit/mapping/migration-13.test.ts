import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { applyMigrations } from '../../../src/main/workspace/migrate';
import { migrations } from '../../../src/main/workspace/migrations';
import { openWorkspace } from '../../../src/main/workspace/workspace';
import { tempDir } from '../../helpers/temp';

describe("migration 13: rooted flows' pairings relative to the roots", () => {
  it('strips the roots from pairings and their element rows in rooted flows only, keeping everything else', async () => {
    const file = path.join(tempDir(), 'v12.crosswalk');
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    applyMigrations(db, migrations.filter((m) => m.version <= 12));
    db.exec(`
      INSERT INTO system (id, name, openapi_version, format, document, imported_at) VALUES (1, 'A', '3.1.0', 'yaml', 'x', 'now'), (2, 'B', '2.0', 'json', 'y', 'now');
      INSERT INTO data_flow (id, name, source_system_id, source_entity, target_system_id, target_entity, source_root, target_root)
        VALUES (1, 'rooted', 1, 'Payroll', 2, 'EmployeeWrapper', 'data', 'Employee'), (2, 'plain', 1, 'Order', 2, 'Invoice', '', '');
      INSERT INTO array_pairing (id, flow_id, target_path, source_path, updated_at) VALUES
        (1, 1, 'Employee.Items[]', 'data.lines[]', 'now'), (2, 2, 'Employee.Items[]', 'data.lines[]', 'now');
      INSERT INTO field_mapping (flow_id, pairing_id, target_path, source_paths, notes, updated_at) VALUES
        (1, 1, 'Employee.Items[].Amount', '["data.lines[].amount","data.currency"]', 'typed by the analyst', 'now'),
        (1, NULL, 'Name', '["name"]', '', 'now'),
        (2, 2, 'Employee.Items[].Amount', '["data.lines[].amount"]', '', 'now');
    `);
    db.close();

    const workspace = await openWorkspace(file);
    workspace.read((d) => {
      expect(d.prepare('SELECT id, target_path, source_path FROM array_pairing ORDER BY id').all()).toEqual([
        { id: 1, target_path: 'Items[]', source_path: 'lines[]' },
        { id: 2, target_path: 'Employee.Items[]', source_path: 'data.lines[]' },
      ]);
      expect(d.prepare('SELECT flow_id, target_path, source_paths, notes FROM field_mapping ORDER BY id').all()).toEqual([
        { flow_id: 1, target_path: 'Items[].Amount', source_paths: '["lines[].amount","currency"]', notes: 'typed by the analyst' },
        { flow_id: 1, target_path: 'Name', source_paths: '["name"]', notes: '' },
        { flow_id: 2, target_path: 'Employee.Items[].Amount', source_paths: '["data.lines[].amount"]', notes: '' },
      ]);
    });
    workspace.close();
  });
});
