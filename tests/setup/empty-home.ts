// Every unit test runs with its own empty settings folder (CROSSWALK_HOME): nothing a test accepts reaches the
// machine's mapping memory, and no memory left by another test colours a test's suggestions. A test file's
// beforeAll and afterAll hooks get one of their own, set before the file's modules load.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach } from 'vitest';
import { settleMemoryWrites } from '../../src/main/mapping/memory';
import { appDataDir } from '../../src/main/settings/settings';

function emptyHome(): string {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'crosswalk-test-home-'));
  process.env.CROSSWALK_HOME = home;
  const left = fs.readdirSync(appDataDir());
  if (appDataDir() !== home || left.length > 0) throw new Error(`The test's settings folder ${appDataDir()} is not the empty ${home} (${left.join(', ')}).`);
  return home;
}

const fileHome = emptyHome();
let testHome: string | undefined;

beforeEach(() => {
  testHome = emptyHome();
});

afterEach(() => {
  settleMemoryWrites();
  if (testHome) fs.rmSync(testHome, { recursive: true, force: true });
  testHome = undefined;
  process.env.CROSSWALK_HOME = fileHome;
});

afterAll(() => {
  settleMemoryWrites();
  fs.rmSync(fileHome, { recursive: true, force: true });
});
