import { describe, expect, it } from 'vitest';
import { filePurposes } from '../../../src/shared/contract';
import { fileDialogOptions } from '../../../src/main/electron/file-dialog-options';

describe('native file dialogs', () => {
  it('saves exports with their own file type, starting in the documents folder or at the suggested path', () => {
    expect(fileDialogOptions('export-xlsx', '/home/dana/Documents')).toMatchObject({ kind: 'save', defaultPath: '/home/dana/Documents/spec.xlsx', filters: [{ extensions: ['xlsx'] }] });
    expect(fileDialogOptions('export-md', '/docs', '/work/acme/acme-spec.md').defaultPath).toBe('/work/acme/acme-spec.md');
    // A relative suggestion is not a place on disk: fall back to the documents folder.
    expect(fileDialogOptions('export-json', '/docs', 'spec.json').defaultPath).toBe('/docs/spec.json');
  });

  it('opens workspaces and reviewed workbooks, and has a dialog for every purpose', () => {
    expect(fileDialogOptions('read-workbook', '/docs')).toMatchObject({ kind: 'open', defaultPath: undefined, filters: [{ extensions: ['xlsx'] }] });
    expect(fileDialogOptions('open', '/docs').kind).toBe('open');
    for (const purpose of filePurposes) expect(fileDialogOptions(purpose, '/docs').title).toBeTruthy();
  });
});
