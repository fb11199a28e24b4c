// A write command while another process holds the workspace's write lock (the app or `crosswalk serve`
// in the middle of a write): bin/crosswalk waits SQLite's busy time-out, then says which workspace is busy
// and what to do, exits 1, and has written nothing. The other process is a second real connection to the file.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { crosswalk, repositoryRoot } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp';

const collection = path.join(repositoryRoot, 'tests/fixtures/postman/wise-cards-api/Cards API.postman_collection.json');

describe('a workspace another process is writing to', () => {
  it('makes a write command wait, then fail with one sentence naming the workspace, leaving it unchanged', () => {
    const home = tempDir();
    const workspace = path.join(tempDir(), 'busy.crosswalk');
    expect(crosswalk(['demo', workspace], home).status).toBe(0);
    const savedBefore = crosswalk(['requests', workspace, '--json'], home).stdout;

    const other = new Database(workspace);
    other.exec('BEGIN IMMEDIATE');
    let busy: ReturnType<typeof crosswalk>;
    try {
      busy = crosswalk(['import-collection', workspace, 'CRM', collection], home);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expect(busy.status).toBe(1);
    expect(busy.stdout).toBe('');
    expect(busy.stderr).toBe(
      `crosswalk: ${workspace} is busy: another Crosswalk process (the app, \`crosswalk serve\` or another command) kept writing to it for 5 seconds, so this change was not made: try again when it is done, or close it.\n`,
    );
    expect(crosswalk(['requests', workspace, '--json'], home).stdout).toBe(savedBefore);

    // Once the other one is done, the same command goes through.
    expect(crosswalk(['import-collection', workspace, 'CRM', collection], home).status).toBe(0);
    expect(fs.existsSync(workspace)).toBe(true);
  }, 60_000);
});
