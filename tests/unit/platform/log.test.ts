import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFileLogger } from '../../../src/main/platform/log';
import { Redactor } from '../../../src/main/platform/redact';
import { tempDir } from '../../helpers/temp';

const SECRET = 'sk_live_51HhPLANTEDsecret';

describe('the log file', () => {
  it('lives in the settings folder by default', () => {
    const home = tempDir();
    const previous = process.env.CROSSWALK_HOME;
    process.env.CROSSWALK_HOME = home;
    try {
      expect(createFileLogger().file).toBe(path.join(home, 'logs', 'crosswalk.log'));
    } finally {
      if (previous === undefined) delete process.env.CROSSWALK_HOME;
      else process.env.CROSSWALK_HOME = previous;
    }
  });

  it('never holds a known secret or a URL password, in messages or in error stacks', () => {
    const redactor = new Redactor();
    redactor.add(SECRET);
    const log = createFileLogger({ dir: tempDir(), redactor });
    log.info(`imported https://svc:hunter2pass@api.example/v1?api_key=${SECRET}`);
    const cause = new Error(`upstream answered 401 for token ${SECRET}`);
    log.error('Crosswalk failed while running systems.import', new Error('request to https://u:hunter2pass@api.example/ failed', { cause }));
    log.warn('slow answer');

    const bytes = fs.readFileSync(log.file);
    expect(bytes.includes(SECRET)).toBe(false);
    expect(bytes.includes('hunter2pass')).toBe(false);
    const text = bytes.toString('utf8');
    expect(text).toMatch(/^\S+ INFO imported https:\/\/\*\*\*@api\.example\/v1\?api_key=\*\*\*$/m);
    expect(text).toMatch(/ ERROR Crosswalk failed while running systems\.import\n {4}Error: request to https:\/\/\*\*\*@api\.example\/ failed\n {4}\s+at /);
    expect(text).toContain('    Caused by: Error: upstream answered 401 for token ***');
    expect(text).toMatch(/ WARN slow answer\n$/);
  });

  it('writes the log readable by its user only', () => {
    const log = createFileLogger({ dir: path.join(tempDir(), 'logs') });
    log.info('started');
    if (process.platform !== 'win32') {
      expect(fs.statSync(log.file).mode & 0o777).toBe(0o600);
      expect(fs.statSync(path.dirname(log.file)).mode & 0o777).toBe(0o700);
    }
  });

  it('rotates at its size and keeps the newest rotated files', () => {
    const dir = tempDir();
    const log = createFileLogger({ dir, maxBytes: 200, kept: 2 });
    for (let n = 1; n <= 20; n++) log.info(`line ${String(n).padStart(2, '0')} ${'x'.repeat(60)}`);

    expect(fs.readdirSync(dir).sort()).toEqual(['crosswalk.log', 'crosswalk.log.1', 'crosswalk.log.2']);
    const files = ['crosswalk.log.2', 'crosswalk.log.1', 'crosswalk.log'].map((name) => fs.readFileSync(path.join(dir, name), 'utf8'));
    for (const text of files) expect(Buffer.byteLength(text)).toBeLessThanOrEqual(200);
    const numbers = files.join('').match(/line \d+/g)!.map((line) => Number(line.slice(5)));
    // The newest lines, in order, none lost between the files kept.
    expect(numbers).toEqual(Array.from({ length: numbers.length }, (_, i) => 21 - numbers.length + i));
    expect(numbers.at(-1)).toBe(20);
  });
});
