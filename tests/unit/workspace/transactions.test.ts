import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { addQuestion, listQuestions } from '../../../src/main/specification/questions';
import { updateIntegration } from '../../../src/main/specification/integration';
import type { SqliteDatabase } from '../../../src/main/workspace/sqlite';
import { createWorkspace, openWorkspace } from '../../../src/main/workspace/workspace';
import { tempDir } from '../../helpers/temp';

/** Everything in the file, as another process would read it. */
function snapshot(file: string): string {
  const db = new Database(file, { readonly: true });
  const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((t) => t.name);
  const dump = tables.map((table) => [table, db.prepare(`SELECT * FROM "${table}"`).all()]);
  db.close();
  return createHash('sha256').update(JSON.stringify(dump)).digest('hex');
}

describe('workspace writes', () => {
  it('a write that need not wait for the disk is committed all the same, and later writes wait again', async () => {
    const file = path.join(tempDir(), 'w.crosswalk');
    const workspace = createWorkspace(file, 'Orders');
    // What a commit of each write waits for, read inside it: 2 is FULL (waits for the disk), 1 NORMAL.
    const synchronous = (db: SqliteDatabase) => db.pragma('synchronous', { simple: true });
    expect(workspace.write(synchronous)).toBe(2);
    expect(workspace.write((db) => (addQuestion(workspace, { kind: 'question', question: 'Logged', owner: '' }), synchronous(db)), { waitForDisk: false })).toBe(1);
    expect(workspace.write(synchronous, { waitForDisk: false })).toBe(1);
    expect(workspace.write(synchronous)).toBe(2);
    expect(workspace.write(synchronous, { waitForDisk: false })).toBe(1);
    expect(() => workspace.write(() => { throw new Error('refused'); }, { waitForDisk: false })).toThrow('refused');
    expect(workspace.write(synchronous)).toBe(2);
    workspace.close();
    const reopened = await openWorkspace(file);
    expect(listQuestions(reopened).map((q) => q.question)).toEqual(['Logged']);
    reopened.close();
  });

  it('a write interrupted by a thrown error leaves the file as before', async () => {
    const file = path.join(tempDir(), 'w.crosswalk');
    const workspace = createWorkspace(file, 'Orders');
    addQuestion(workspace, { kind: 'question', question: 'Kept', owner: '' });
    const before = snapshot(file);

    expect(() =>
      workspace.write(() => {
        updateIntegration(workspace, { name: 'Renamed half-way' });
        addQuestion(workspace, { kind: 'question', question: 'Lost with the crash', owner: '' });
        throw new Error('power cut');
      }),
    ).toThrow('power cut');

    expect(snapshot(file)).toBe(before);
    workspace.close();
    const reopened = await openWorkspace(file);
    expect(listQuestions(reopened).map((q) => q.question)).toEqual(['Kept']);
    reopened.close();
  });

  it('a constraint violation in the middle of a write rolls back the parts before it', () => {
    const file = path.join(tempDir(), 'w.crosswalk');
    const workspace = createWorkspace(file, 'Orders');
    const before = snapshot(file);
    expect(() =>
      workspace.write((db) => {
        addQuestion(workspace, { kind: 'question', question: 'First', owner: '' });
        db.prepare("UPDATE integration SET status = 'nonsense'").run();
      }),
    ).toThrow(/CHECK constraint failed/);
    expect(snapshot(file)).toBe(before);
    workspace.close();
  });

  it('refuses an async write, which would commit before it finished', () => {
    const workspace = createWorkspace(path.join(tempDir(), 'w.crosswalk'), 'Orders');
    expect(() => workspace.write(async () => undefined)).toThrow(/must be synchronous/);
    workspace.close();
  });

  it('committed writes survive closing without a checkpoint', async () => {
    const file = path.join(tempDir(), 'w.crosswalk');
    const workspace = createWorkspace(file, 'Orders');
    addQuestion(workspace, { kind: 'corner_case', question: 'Empty order lines?', owner: 'QA' });
    // Simulate a crash: copy the files while the connection is still open (WAL not checkpointed).
    const copy = path.join(path.dirname(file), 'copy.crosswalk');
    for (const suffix of ['', '-wal']) if (fs.existsSync(file + suffix)) fs.copyFileSync(file + suffix, copy + suffix);
    workspace.close();
    const recovered = await openWorkspace(copy);
    expect(listQuestions(recovered).map((q) => [q.kind, q.question, q.owner])).toEqual([['corner_case', 'Empty order lines?', 'QA']]);
    recovered.close();
  });
});
