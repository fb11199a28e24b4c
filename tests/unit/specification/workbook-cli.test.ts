import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { crosswalk } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp';

describe('crosswalk import-xlsx', () => {
  it('prints the change report, applies nothing without --apply, and conflicts only with --take-workbook', async () => {
    const dir = tempDir();
    const workspace = path.join(dir, 'demo.crosswalk');
    const file = path.join(dir, 'review.xlsx');
    expect(crosswalk(['demo', workspace]).status).toBe(0);
    expect(crosswalk(['export', workspace, '--xlsx', file]).status).toBe(0);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.getWorksheet('F-1 Customers to contacts')!;
    expect(sheet.getCell('A2').text).toBe('M-0001');
    sheet.getCell('L2').value = 'Accepted';
    sheet.getCell('N3').value = 'Use the legal name';
    workbook.getWorksheet('Open questions')!.getCell('C10').value = 'Who owns VAT numbers?';
    await workbook.xlsx.writeFile(file);

    const preview = crosswalk(['import-xlsx', workspace, file]);
    expect(preview).toMatchObject({ status: 0, stderr: '' });
    expect(preview.stdout).toContain('F-1 Customers to contacts\n  M-0001 Status: suggested → accepted (edit)\n  M-0002 Notes: (empty) → Use the legal name (edit)\n');
    expect(preview.stdout).toContain('Open questions\n  new question (row 10): Who owns VAT numbers? (new)\n');
    expect(preview.stdout).toContain('2 edits, 0 conflicts, 1 new question.\nNothing applied: run again with --apply');

    const applied = crosswalk(['import-xlsx', workspace, file, '--apply', '--json']);
    expect(applied.status).toBe(0);
    expect(JSON.parse(applied.stdout)).toMatchObject({ applied: { applied: 3, skipped: 0 }, unreadable: [] });
    // Read back again: everything is in the app now.
    expect(crosswalk(['import-xlsx', workspace, file]).stdout).toContain('No changes.');

    expect(crosswalk(['import-xlsx', workspace, file, '--take-workbook'])).toMatchObject({ status: 2 });
    const wrong = crosswalk(['import-xlsx', workspace, path.join(dir, 'demo.crosswalk')]);
    expect(wrong).toMatchObject({ status: 1, stdout: '' });
    expect(wrong.stderr).toMatch(/^crosswalk: .* is not an Excel workbook \(\.xlsx\) or is damaged/);
  }, 90_000); // seven runs of bin/crosswalk, each starting tsx
});
