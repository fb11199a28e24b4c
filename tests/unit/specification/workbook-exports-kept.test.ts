import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportWorkbook, KEPT_EXPORTS } from '../../../src/main/specification/workbook/export-workbook';
import { exportWriteError, writeFileAtomically } from '../../../src/main/specification/export/write-file-atomically';
import { createWorkspace } from '../../../src/main/workspace/workspace';
import { tempDir } from '../../helpers/temp';
import { sampleDocument } from './workbook-fixture';

describe('exports kept for reading workbooks back', () => {
  it('keeps the snapshots of the latest exports only', async () => {
    const dir = tempDir();
    const workspace = createWorkspace(path.join(dir, 'w.crosswalk'), 'Kept');
    try {
      const ids: string[] = [];
      for (let n = 0; n < KEPT_EXPORTS + 2; n++) ids.push((await exportWorkbook(workspace, sampleDocument(), path.join(dir, `spec-${n}.xlsx`))).exportId);
      const kept = workspace.read((db) => (db.prepare('SELECT id FROM spec_export').all() as { id: string }[]).map((row) => row.id));
      expect(kept.sort()).toEqual(ids.slice(2).sort());
    } finally {
      workspace.close();
    }
  });
});

describe('writing an export file', () => {
  it('replaces an existing file whole and leaves no temporary file behind', () => {
    const dir = tempDir();
    const file = path.join(dir, 'spec.md');
    fs.writeFileSync(file, 'old');
    expect(writeFileAtomically(file, 'new text')).toBe(8);
    expect(fs.readFileSync(file, 'utf8')).toBe('new text');
    expect(fs.readdirSync(dir)).toEqual(['spec.md']);
  });

  it('writes through a symbolic link and refuses devices', () => {
    const dir = tempDir();
    const real = path.join(dir, 'real.md');
    fs.writeFileSync(real, 'old');
    fs.symlinkSync(real, path.join(dir, 'link.md'));
    writeFileAtomically(path.join(dir, 'link.md'), 'through the link');
    expect(fs.lstatSync(path.join(dir, 'link.md')).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(real, 'utf8')).toBe('through the link');
    expect(() => writeFileAtomically('/dev/null', 'x')).toThrow('Cannot write /dev/null: it is a device, pipe or socket, not a file. Name a file instead.');
    expect(fs.statSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it('turns the write errors an analyst can act on into one sentence saying what to do', () => {
    const failure = (code: string) => Object.assign(new Error(`${code}: failed`), { code });
    expect(String(exportWriteError(failure('EBUSY'), '/x/spec.xlsx'))).toBe(
      'UserError: Cannot write /x/spec.xlsx (EBUSY): close it if another program has it open, or choose a folder you may write to.',
    );
    expect(String(exportWriteError(failure('ENOSPC'), '/x/spec.md'))).toBe('UserError: Cannot write /x/spec.md: the disk is full. Free some space and export again.');
    const other = failure('EIO');
    expect(exportWriteError(other, '/x/spec.md')).toBe(other);
  });
});
