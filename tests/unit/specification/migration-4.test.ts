import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { applyMigrations } from '../../../src/main/workspace/migrate';
import { migrations } from '../../../src/main/workspace/migrations';
import { openWorkspace } from '../../../src/main/workspace/workspace';
import { listQuestions } from '../../../src/main/specification/questions';
import { getIntegration } from '../../../src/main/specification/integration';
import { listSignOff } from '../../../src/main/specification/change-log';
import { tempDir } from '../../helpers/temp';

describe('migration 4: the spec tables', () => {
  it('keeps everything a schema-3 workspace held and adds sign-off roles and a spec version', async () => {
    const file = path.join(tempDir(), 'v3.crosswalk');
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    applyMigrations(db, migrations.filter((m) => m.version <= 3));
    db.exec(`
      UPDATE integration SET business_case = 'Typed before the upgrade' WHERE id = 1;
      INSERT INTO use_case (id, title, story) VALUES (1, 'Invoice orders', 'As a clerk…');
      INSERT INTO test_case (id, use_case_id, title, status) VALUES (1, 1, 'Happy path', 'passed');
      INSERT INTO open_question (kind, question, created_at, updated_at) VALUES ('question', 'Draft or authorised?', 'now', 'now');
      INSERT INTO requirement_answer (key, answer, confirmed, updated_at) VALUES ('trigger', 'Nightly at 02:00', 1, 'now');
    `);
    db.close();

    const workspace = await openWorkspace(file);
    try {
      expect(getIntegration(workspace)).toMatchObject({ businessCase: 'Typed before the upgrade', specVersion: '0.1' });
      expect(listQuestions(workspace)).toEqual([expect.objectContaining({ question: 'Draft or authorised?', flowId: null, mapId: null })]);
      expect(listSignOff(workspace).map((entry) => entry.role)).toEqual(['prepared', 'reviewed', 'approved']);
      workspace.read((d) => {
        expect(d.prepare('SELECT title, status, notes FROM test_case').get()).toEqual({ title: 'Happy path', status: 'passed', notes: '' });
        expect(d.prepare('SELECT answer, confirmed, evidence FROM requirement_answer').get()).toEqual({ answer: 'Nightly at 02:00', confirmed: 1, evidence: '[]' });
      });
      expect(() => workspace.write((d) => d.prepare("INSERT INTO configurable_input (name, kind) VALUES ('x', 'password')").run())).toThrow(/CHECK/);
      expect(() => workspace.write((d) => d.prepare("INSERT INTO sign_off (role) VALUES ('owner')").run())).toThrow(/CHECK/);
    } finally {
      workspace.close();
    }
  });
});
