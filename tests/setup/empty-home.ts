// Every unit test runs with its own empty settings folder (CROSSWALK_HOME): nothing a test accepts reaches the
// machine's mapping memory, and no memory left by another test colours a test's suggestions.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { settleMemoryWrites } from '../../src/main/mapping/memory';
import { appDataDir } from '../../src/main/settings/settings';

let home: string | undefined;

beforeEach(() => {
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'crosswalk-test-home-'));
  process.env.CROSSWALK_HOME = home;
  const left = fs.readdirSync(appDataDir());
  if (appDataDir() !== home || left.length > 0) throw new Error(`The test's settings folder ${appDataDir()} is not the empty ${home} (${left.join(', ')}).`);
});

afterEach(() => {
  settleMemoryWrites();
  if (home) fs.rmSync(home, { recursive: true, force: true });
  home = undefined;
});
