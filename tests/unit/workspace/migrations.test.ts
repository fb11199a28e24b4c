import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../../src/main/errors';
import { APPLICATION_ID } from '../../../src/main/workspace/migrate';
import { checksumOf, LATEST_SCHEMA_VERSION, migrations, type CodeMigration, type Migration } from '../../../src/main/workspace/migrations';
import { createWorkspace, openWorkspace, WorkspaceTooNewError } from '../../../src/main/workspace/workspace';
import { tempDir } from '../../helpers/temp';

const fileHash = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

const addPriority: Migration = {
  version: LATEST_SCHEMA_VERSION + 1,
  name: 'question priority (test only)',
  sql: "ALTER TABLE open_question ADD COLUMN priority TEXT NOT NULL DEFAULT 'normal';",
};

describe('a new workspace', () => {
  it('gets every migration, the Crosswalk application id and durable pragmas', () => {
    const file = path.join(tempDir(), 'new.crosswalk');
    const workspace = createWorkspace(file, 'Orders to invoices');
    expect(workspace.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    workspace.read((db) => {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
      const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name);
      expect(tables).toEqual(
        expect.arrayContaining(['integration', 'system', 'data_flow', 'field_mapping', 'requirement_answer', 'test_case', 'open_question']),
      );
      expect(db.prepare('SELECT name FROM integration').get()).toEqual({ name: 'Orders to invoices' });
    });
    workspace.close();
  });

  it('is never created over an existing file', () => {
    const file = path.join(tempDir(), 'taken.crosswalk');
    fs.writeFileSync(file, 'notes the analyst keeps');
    expect(() => createWorkspace(file, 'x')).toThrow(/already exists/);
    expect(fs.readFileSync(file, 'utf8')).toBe('notes the analyst keeps');
  });
});

describe('opening a workspace written by an older Crosswalk', () => {
  it('backs it up, migrates it and keeps everything the analyst typed', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'old.crosswalk');
    const old = createWorkspace(file, 'Legacy');
    old.write((db) =>
      db.prepare("INSERT INTO open_question (question, created_at, updated_at) VALUES ('Who owns VAT codes?', 'now', 'now')").run(),
    );
    old.close();

    const workspace = await openWorkspace(file, { migrations: [...migrations, addPriority] });
    expect(workspace.schemaVersion).toBe(addPriority.version);
    expect(workspace.read((db) => db.prepare('SELECT question, priority FROM open_question').all())).toEqual([
      { question: 'Who owns VAT codes?', priority: 'normal' },
    ]);
    workspace.close();

    const backups = fs.readdirSync(dir).filter((name) => name.endsWith('.backup'));
    expect(backups).toHaveLength(1);
    const backup = new Database(path.join(dir, backups[0]!), { readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(backup.prepare('SELECT question FROM open_question').all()).toEqual([{ question: 'Who owns VAT codes?' }]);
    backup.close();
  });

  it('leaves the file at its old version when a migration fails', async () => {
    const file = path.join(tempDir(), 'old.crosswalk');
    createWorkspace(file, 'Legacy').close();
    const broken: Migration = { version: LATEST_SCHEMA_VERSION + 1, name: 'broken', sql: 'ALTER TABLE no_such_table ADD COLUMN x TEXT;' };

    await expect(openWorkspace(file, { migrations: [...migrations, addPriority, { ...broken, version: addPriority.version + 1 }] })).rejects.toThrow(
      /no such table/,
    );
    const reopened = await openWorkspace(file);
    expect(reopened.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(reopened.read((db) => db.prepare("SELECT count(*) AS n FROM pragma_table_info('open_question') WHERE name = 'priority'").get())).toEqual({ n: 0 });
    reopened.close();
  });

  it('refuses to run when an applied migration was edited afterwards', async () => {
    const file = path.join(tempDir(), 'edited.crosswalk');
    createWorkspace(file, 'x').close();
    const edited = migrations.map((m) => (m.version === 1 && 'sql' in m ? { ...m, sql: `${m.sql}\n-- edited` } : m));
    await expect(openWorkspace(file, { migrations: edited })).rejects.toThrow(/changed after it had been applied/);
  });
});

describe('opening a file Crosswalk cannot use', () => {
  it('refuses a workspace written by a newer Crosswalk and leaves it byte for byte as it was', async () => {
    const file = path.join(tempDir(), 'future.crosswalk');
    createWorkspace(file, 'From the future').close();
    const db = new Database(file);
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    db.close();
    const before = fileHash(file);

    const error = await openWorkspace(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkspaceTooNewError);
    expect((error as Error).message).toMatch(/newer Crosswalk .*schema \d+; this version reads up to \d+\)\. Update Crosswalk/);
    expect(fileHash(file)).toBe(before);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
  });

  it.each([
    ['a text file', (file: string) => fs.writeFileSync(file, 'this is not a database, just text long enough to look like a header')],
    [
      "another program's SQLite database",
      (file: string) => {
        const db = new Database(file);
        db.exec('CREATE TABLE songs (title TEXT)');
        db.close();
      },
    ],
  ])('refuses %s with a message that names the file', async (_kind, make) => {
    const file = path.join(tempDir(), 'other.crosswalk');
    make(file);
    const before = fileHash(file);
    const error = await openWorkspace(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).code).toBe('NOT_A_WORKSPACE');
    expect((error as Error).message).toContain(file);
    expect(fileHash(file)).toBe(before);
  });

  it('says so when the file does not exist', async () => {
    await expect(openWorkspace('/nonexistent/nowhere.crosswalk')).rejects.toThrow(/There is no workspace at \/nonexistent\/nowhere\.crosswalk/);
  });
});

describe('a real workspace written by Crosswalk schema 1', () => {
  it('opens migrated to the latest schema with all its content', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'v1-demo.crosswalk');
    fs.copyFileSync(path.resolve(__dirname, '../../fixtures/workspaces/v1-demo.crosswalk'), file);

    const workspace = await openWorkspace(file);
    expect(workspace.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    workspace.read((db) => {
      expect(db.prepare('SELECT name, openapi_version, files, validation FROM system ORDER BY id').all()).toEqual([
        { name: 'CRM', openapi_version: '3.1.0', files: '{}', validation: null },
        { name: 'Accounting', openapi_version: '2.0', files: '{}', validation: null },
      ]);
      expect(db.prepare('SELECT target_path, source_paths, status, transformation, review FROM field_mapping').all()).toEqual([
        { target_path: 'reference', source_paths: '["orderNumber"]', status: 'accepted', transformation: 'Copy as is', review: null },
      ]);
      expect((db.prepare('SELECT count(*) AS n FROM open_question').get() as { n: number }).n).toBe(2);
    });
    workspace.close();
    expect(fs.readdirSync(dir).filter((name) => name.startsWith('v1-demo.crosswalk.v1-') && name.endsWith('.backup'))).toHaveLength(1);
  });
});

describe('migrations kept one file each', () => {
  const recordedChecksums = (file: string) => {
    const db = new Database(file, { readonly: true });
    try {
      return db.prepare('SELECT version, checksum FROM schema_migration ORDER BY version').all() as { version: number; checksum: string }[];
    } finally {
      db.close();
    }
  };

  it.each([
    ['schema 1', 'v1-demo.crosswalk', 1],
    ['schema 4, written before the migrations were split into files', 'v4-demo.crosswalk', 4],
  ])('accept the checksums a %s workspace recorded', async (_when, fixture, version) => {
    const file = path.join(tempDir(), fixture);
    fs.copyFileSync(path.resolve(__dirname, '../../fixtures/workspaces', fixture), file);
    const before = recordedChecksums(file);
    expect(before.map((row) => row.version)).toEqual(migrations.filter((m) => m.version <= version).map((m) => m.version));
    for (const row of before) expect(row.checksum).toBe(checksumOf(migrations.find((m) => m.version === row.version)!));

    const workspace = await openWorkspace(file);
    expect(workspace.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(workspace.read((db) => db.prepare('SELECT name, openapi_version FROM system ORDER BY id').all())).toEqual([
      { name: 'CRM', openapi_version: '3.1.0' },
      { name: 'Accounting', openapi_version: '2.0' },
    ]);
    workspace.close();
    expect(recordedChecksums(file).slice(0, before.length)).toEqual(before);
  });

  it('run a code step in the same transaction and record its declared id as its checksum', async () => {
    const file = path.join(tempDir(), 'code-step.crosswalk');
    createWorkspace(file, 'Legacy').close();
    const upperCaseQuestions: CodeMigration = {
      version: LATEST_SCHEMA_VERSION + 1,
      name: 'questions in capitals (test only)',
      id: 'upper-case-questions-v1',
      run: (db) => {
        db.prepare("INSERT INTO open_question (question, created_at, updated_at) VALUES ('who signs off?', 'now', 'now')").run();
        db.prepare('UPDATE open_question SET question = upper(question)').run();
      },
    };
    const workspace = await openWorkspace(file, { migrations: [...migrations, upperCaseQuestions] });
    expect(workspace.read((db) => db.prepare('SELECT question FROM open_question').all())).toEqual([{ question: 'WHO SIGNS OFF?' }]);
    expect(workspace.read((db) => db.prepare('SELECT checksum FROM schema_migration WHERE version = ?').get(upperCaseQuestions.version))).toEqual({
      checksum: createHash('sha256').update('upper-case-questions-v1').digest('hex'),
    });
    workspace.close();

    await expect(openWorkspace(file, { migrations: [...migrations, { ...upperCaseQuestions, id: 'upper-case-questions-v2' }] })).rejects.toThrow(
      /changed after it had been applied/,
    );
  });
});
