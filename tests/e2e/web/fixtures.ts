import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { test as base } from '@playwright/test';

const bin = path.resolve(__dirname, '../../../bin/crosswalk');
export const screenshotDir = path.resolve(__dirname, '../../../test-results/screenshots');

interface Host {
  /** The address `crosswalk serve` printed, token included. */
  url: string;
  /** The folder holding this host's settings and demo workspace. */
  home: string;
}

/** Each worker runs its own `crosswalk serve` on the demo workspace, in its own settings folder. */
export const test = base.extend<{ host: Host }, { workerHost: Host }>({
  workerHost: [
    async ({}, use) => {
      const home = fs.mkdtempSync(path.join(os.tmpdir(), 'crosswalk-e2e-'));
      const child = spawn(bin, ['serve', '--port', '0'], { env: { ...process.env, CROSSWALK_HOME: home }, stdio: ['ignore', 'pipe', 'inherit'] });
      const url = await firstLine(child);
      await use({ url: url.replace(/^Crosswalk is serving at /, ''), home });
      child.kill('SIGTERM');
      fs.rmSync(home, { recursive: true, force: true });
    },
    // Starting the host opens and migrates the demo workspace: on a loaded 2-core machine that takes over 30 s.
    { scope: 'worker', timeout: 120_000 },
  ],
  host: async ({ workerHost }, use) => use(workerHost),
});

function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', (line) =>
      line.startsWith('Crosswalk is serving at ') ? resolve(line) : reject(new Error(`Unexpected first line: ${line}`)),
    );
    child.once('exit', (code) => reject(new Error(`crosswalk serve exited with ${code}`)));
  });
}

export { expect } from '@playwright/test';
