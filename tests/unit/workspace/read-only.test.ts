// Read commands never write to a workspace (no migration, no backup, an empty file stays empty), and a
// locked or damaged workspace is reported with its cause and its way out.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { checkCommand } from '../../../src/main/cli/commands/check';
import { exportCommand } from '../../../src/main/cli/commands/export';
import { infoCommand } from '../../../src/main/cli/commands/info';
import type { Flags } from '../../../src/main/cli/io';
import { createDemoWorkspace } from '../../../src/main/demo/demo-workspace';
import { openWorkspace } from '../../../src/main/workspace/workspace';
import { testServices } from '../../helpers/services';
import { tempDir } from '../../helpers/temp';

const fixture = path.resolve(__dirname, '../../fixtures/workspaces/v4-demo.crosswalk');

const commands = { info: infoCommand, check: checkCommand, export: exportCommand };

/** Runs a command as bin/crosswalk does (its arguments already parsed); a refusal is thrown, as the CLI's report() gets it. */
async function cli([name, ...args]: string[], flags: Partial<Flags> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const status = await commands[name as keyof typeof commands](
    args,
    { json: false, ...flags },
    { out: (line) => out.push(line), err: (line) => err.push(line) },
    testServices(tempDir()),
  );
  return { status, stdout: out.join('\n'), stderr: err.join('\n') };
}

const digest = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('read commands', () => {
  it('refuse a 0-byte file without turning it into a workspace', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'empty.crosswalk');
    fs.writeFileSync(file, '');
    const runs: Array<[string[], Partial<Flags>]> = [
      [['info', file], {}],
      [['check', file], {}],
      [['export', file], { outputs: { json: path.join(dir, 'spec.json') } }],
    ];
    for (const [args, flags] of runs) {
      await expect(cli(args, flags)).rejects.toThrow(
        `${file} is not a Crosswalk workspace (it is empty (0 bytes)): open a .crosswalk file, or create one (crosswalk demo <file>, or New Workspace in the app).`,
      );
    }
    expect(fs.statSync(file).size).toBe(0);
    expect(fs.readdirSync(dir)).toEqual(['empty.crosswalk']);
  });

  it('read an older workspace through a copy migrated in memory: the file is unchanged and no backup is made', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'v4-demo.crosswalk');
    fs.copyFileSync(fixture, file);
    const before = digest(file);

    const info = await cli(['info', file]);
    expect(info.status).toBe(0);
    expect(info.stdout).toMatch(new RegExp(`${file} \\(workspace schema 4, read through a copy upgraded to \\d+ in memory: open it in the app`));
    expect(JSON.parse((await cli(['info', file], { json: true })).stdout)).toMatchObject({ schemaVersion: 4 });
    expect((await cli(['check', file])).stdout).toContain('complete');
    const exported = await cli(['export', file], { outputs: { json: path.join(dir, 'spec.json'), xlsx: path.join(dir, 'spec.xlsx') } });
    expect(exported.status).toBe(0);
    expect(exported.stderr).toContain('is an older workspace (schema 4), read without upgrading it, so this export was not recorded');

    expect(digest(file)).toBe(before);
    expect(fs.readdirSync(dir).filter((name) => name.endsWith('.backup'))).toEqual([]);
  });

  it('open a current workspace read-only: a write through it is refused', async () => {
    const file = path.join(tempDir(), 'demo.crosswalk');
    (await createDemoWorkspace(file)).close();
    const workspace = await openWorkspace(file, { access: 'read' });
    try {
      expect(() => workspace.write((db) => db.exec("UPDATE integration SET name = 'x'"))).toThrow(`${file} was opened for reading only, so nothing can be changed in it`);
    } finally {
      workspace.close();
    }
  });
});

describe('a locked or damaged workspace', () => {
  it('says another Crosswalk process holds it and to close that one', async () => {
    const file = path.join(tempDir(), 'demo.crosswalk');
    (await createDemoWorkspace(file)).close();
    const other = new Database(file);
    other.exec('BEGIN IMMEDIATE');
    try {
      await expect(openWorkspace(file)).rejects.toThrow(
        `${file} is busy: another Crosswalk process (the app, \`crosswalk serve\` or another command) kept writing to it for 5 seconds, so this change was not made: try again when it is done, or close it.`,
      );
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
  }, 20_000); // the busy time-out (5 s) runs out first

  it('says a truncated file is damaged and names the newest backup found', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'demo.crosswalk');
    (await createDemoWorkspace(file)).close();
    const older = `${file}.v3-2026-01-01T00-00-00-000Z.backup`;
    const newest = `${file}.v5-2026-03-01T00-00-00-000Z.backup`;
    fs.copyFileSync(file, older);
    fs.copyFileSync(file, newest);
    fs.utimesSync(older, new Date('2026-01-01'), new Date('2026-01-01'));
    fs.utimesSync(newest, new Date('2026-03-01'), new Date('2026-03-01'));
    fs.truncateSync(file, 8192);

    for (const command of ['info', 'check']) {
      await expect(cli([command, file])).rejects.toThrow(
        new RegExp(`^${file} is damaged \\(it may have been truncated or partly overwritten; SQLite says "[^"]+"\\): restore the newest backup, ${newest.replace(/[.]/g, '\\.')}: close Crosswalk, then copy it over demo\\.crosswalk`),
      );
    }
  });

  it('says so when no backup is found', async () => {
    const file = path.join(tempDir(), 'demo.crosswalk');
    (await createDemoWorkspace(file)).close();
    fs.truncateSync(file, 8192);
    await expect(cli(['info', file])).rejects.toThrow(`restore it from a copy you keep: Crosswalk found no backup (demo.crosswalk.v<N>-<time>.backup) beside it.`);
  });
});
