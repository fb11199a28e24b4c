import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDemoWorkspace } from '../../../src/main/demo/demo-workspace';
import { SystemImports } from '../../../src/main/openapi/system-import';
import { collectSpec } from '../../../src/main/specification/collect';
import { addQuestion } from '../../../src/main/specification/questions';
import { updateRequirement } from '../../../src/main/specification/requirements';
import type { SpecDocument } from '../../../src/main/specification/spec-document';
import { applyWorkbookChanges } from '../../../src/main/specification/workbook/apply-workbook';
import { exportWorkbook } from '../../../src/main/specification/workbook/export-workbook';
import { previewWorkbook } from '../../../src/main/specification/workbook/read-workbook';
import { createWorkspace, openWorkspace, type Workspace } from '../../../src/main/workspace/workspace';
import { tempDir } from '../../helpers/temp';

const imports = new SystemImports();
let demo: string;

beforeAll(async () => {
  // One demo workspace, copied for each test: importing its two API documents is the slow part.
  demo = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'crosswalk-test-demo-')), 'demo.crosswalk');
  const workspace = await createDemoWorkspace(demo);
  workspace.read((db) => db.pragma('wal_checkpoint(TRUNCATE)'));
  workspace.close();
  return () => fs.rmSync(path.dirname(demo), { recursive: true, force: true });
});

async function demoCopy(): Promise<Workspace> {
  const file = path.join(tempDir(), 'w.crosswalk');
  fs.copyFileSync(demo, file);
  return openWorkspace(file);
}

/** Exports the workspace's spec as the workbook a stakeholder edits. */
async function exportForReview(workspace: Workspace) {
  const exported = await collectSpec(workspace, imports);
  const file = path.join(tempDir(), 'review.xlsx');
  const { exportId } = await exportWorkbook(workspace, exported, file);
  return { exported, file, exportId };
}

/** Opens a workbook, lets `edit` change it as a stakeholder would in Excel, and saves it. */
async function editWorkbook(file: string, edit: (workbook: ExcelJS.Workbook, at: (rowId: string, header: string) => ExcelJS.Cell) => void) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const at = (rowId: string, header: string): ExcelJS.Cell => {
    for (const sheet of workbook.worksheets) {
      const headers = (sheet.getRow(1).values as ExcelJS.CellValue[]).map((value) => (value && typeof value === 'object' && 'richText' in value ? value.richText.map((run) => run.text).join('') : value));
      const idColumn = headers.indexOf('Row id (do not edit)');
      const column = headers.indexOf(header);
      if (idColumn < 0 || column < 0) continue;
      for (let row = 2; row <= sheet.rowCount; row++) if (sheet.getRow(row).getCell(idColumn).text === rowId) return sheet.getRow(row).getCell(column);
    }
    throw new Error(`No cell ${header} for ${rowId}`);
  };
  edit(workbook, at);
  await workbook.xlsx.writeFile(file);
}

const mappingRows = (document: SpecDocument) => document.flows.flatMap((flow) => flow.mappings);

describe('a workbook read back', () => {
  it('reports exactly the stakeholder\'s edits, conflicts with the app and new questions, and applies only those chosen', async () => {
    const workspace = await demoCopy();
    const { exported, file, exportId } = await exportForReview(workspace);
    const [first, second, third] = mappingRows(exported);
    const question = exported.questions[0]!;

    await editWorkbook(file, (workbook, at) => {
      at(`mapping:${first!.id}`, 'Status').value = 'Accepted';
      at(`mapping:${second!.id}`, 'Notes').value = '=1+1 is what finance types';
      at(`mapping:${third!.id}`, 'Transformation').value = 'lower-case';
      at(`question:${question.id}`, 'Answer').value = 'DRAFT, reviewed by finance';
      at(`question:${question.id}`, 'Status').value = 'Answered';
      at('signOff:reviewed', 'Name').value = 'Rita Reviewer';
      at('signOff:reviewed', 'Date').value = new Date(Date.UTC(2025, 2, 31));
      at(`mapping:${first!.id}`, 'Open question').value = 'Is this id ever reused?';
      const questions = workbook.getWorksheet('Open questions')!;
      const blank = exported.questions.length + 2;
      questions.getCell(`B${blank}`).value = 'Corner case';
      questions.getCell(`C${blank}`).value = 'What if the order has no lines?';
      questions.getCell(`E${blank}`).value = second!.mapId;
    });
    // Meanwhile, in the app: the same transformation is edited differently (a conflict) ...
    workspace.write((db) => db.prepare("UPDATE field_mapping SET transformation = 'trim' WHERE id = ?").run(third!.id));

    const report = await previewWorkbook(workspace, await collectSpec(workspace, imports), file);
    expect(report.exportId).toBe(exportId);
    expect(report.unreadable).toEqual([]);
    const summary = report.changes.map(({ record, field, kind, exported: before, workbook, current }) => ({ record, field, kind, before, workbook, current }));
    expect(summary).toEqual(
      expect.arrayContaining([
        { record: first!.mapId, field: 'Status', kind: 'edit', before: first!.status, workbook: 'accepted', current: first!.status },
        { record: second!.mapId, field: 'Notes', kind: 'edit', before: '', workbook: '=1+1 is what finance types', current: '' },
        { record: third!.mapId, field: 'Transformation', kind: 'conflict', before: '', workbook: 'lower-case', current: 'trim' },
        { record: question.ref, field: 'Answer', kind: 'edit', before: '', workbook: 'DRAFT, reviewed by finance', current: '' },
        { record: question.ref, field: 'Status', kind: 'edit', before: 'open', workbook: 'answered', current: 'open' },
        { record: 'Sign-off: reviewed', field: 'Name', kind: 'edit', before: '', workbook: 'Rita Reviewer', current: '' },
        { record: 'Sign-off: reviewed', field: 'Date', kind: 'edit', before: '', workbook: '2025-03-31', current: '' },
        { record: `${first!.mapId} new question`, field: 'Question', kind: 'new', before: null, workbook: 'Is this id ever reused?', current: null },
        expect.objectContaining({ field: 'Question', kind: 'new', workbook: 'What if the order has no lines?' }),
      ]),
    );
    expect(report.changes).toHaveLength(9);

    // Apply everything but the conflict: the app's "trim" stays.
    const chosen = report.changes.filter((change) => change.kind !== 'conflict').map((change) => change.id);
    expect(applyWorkbookChanges(workspace, report, chosen)).toEqual({ applied: 8, skipped: 0 });
    const after = await collectSpec(workspace, imports);
    const row = (id: number) => mappingRows(after).find((candidate) => candidate.id === id)!;
    expect(row(first!.id).status).toBe('accepted');
    expect(row(second!.id).notes).toBe('=1+1 is what finance types');
    expect(row(third!.id).transformation).toBe('trim');
    expect(after.questions.find((entry) => entry.id === question.id)).toMatchObject({ answer: 'DRAFT, reviewed by finance', status: 'answered' });
    expect(after.signOff.find((entry) => entry.role === 'reviewed')).toMatchObject({ name: 'Rita Reviewer', date: '2025-03-31' });
    expect(after.questions.slice(exported.questions.length)).toEqual([
      expect.objectContaining({ question: 'Is this id ever reused?', kind: 'question', status: 'open', mapId: first!.mapId }),
      expect.objectContaining({ question: 'What if the order has no lines?', kind: 'corner_case', mapId: second!.mapId }),
    ]);
    expect(after.changeLog.at(-1)!.summary).toBe('Workbook review.xlsx: 6 edits, 2 new questions applied');
    // Untouched rows are exactly as they were.
    const untouched = (document: SpecDocument) => mappingRows(document).slice(3).map(({ updatedAt: _, ...rest }) => rest);
    expect(untouched(after)).toEqual(untouched(exported));

    // The conflict is applied only when listed.
    expect(applyWorkbookChanges(workspace, report, [report.changes.find((change) => change.kind === 'conflict')!.id])).toEqual({ applied: 1, skipped: 0 });
    expect(mappingRows(await collectSpec(workspace, imports)).find((candidate) => candidate.id === third!.id)!.transformation).toBe('lower-case');
    workspace.close();
  });

  it('learns from statuses set in the workbook and marks a question answered when only its answer was given', async () => {
    const workspace = await demoCopy();
    const { exported, file } = await exportForReview(workspace);
    const [accepted, rejected] = mappingRows(exported).filter((row) => row.sourcePaths.length === 1 && row.status === 'suggested');
    const question = exported.questions.find((entry) => entry.status === 'open')!;
    await editWorkbook(file, (_workbook, at) => {
      at(`mapping:${accepted!.id}`, 'Status').value = 'Accepted';
      at(`mapping:${rejected!.id}`, 'Status').value = 'Rejected';
      at(`question:${question.id}`, 'Answer').value = 'Create them as DRAFT';
    });
    const report = await previewWorkbook(workspace, await collectSpec(workspace, imports), file);
    expect(applyWorkbookChanges(workspace, report, report.changes.map((change) => change.id))).toEqual({ applied: 3, skipped: 0 });

    const decisions = workspace.read((db) => db.prepare('SELECT source_path, target_path, decision FROM mapping_decision ORDER BY decision').all());
    expect(decisions).toEqual([
      { source_path: accepted!.sourcePaths[0], target_path: accepted!.targetPath, decision: 'accepted' },
      { source_path: rejected!.sourcePaths[0], target_path: rejected!.targetPath, decision: 'rejected' },
    ]);
    expect((await collectSpec(workspace, imports)).questions.find((entry) => entry.id === question.id)).toMatchObject({ answer: 'Create them as DRAFT', status: 'answered' });
    workspace.close();
  });

  it('refuses to accept a row nothing fills, as the app does, unless the workbook gives it a default', async () => {
    const workspace = await demoCopy();
    const { exported, file } = await exportForReview(workspace);
    const [empty, defaulted] = mappingRows(exported).filter((row) => row.sourcePaths.length === 0 && row.defaultValue === null);
    await editWorkbook(file, (_workbook, at) => {
      at(`mapping:${empty!.id}`, 'Status').value = 'Accepted';
      at(`mapping:${defaulted!.id}`, 'Status').value = 'Accepted';
      at(`mapping:${defaulted!.id}`, 'Default').value = 'EUR';
    });
    const report = await previewWorkbook(workspace, await collectSpec(workspace, imports), file);
    expect(report.unreadable).toEqual([expect.objectContaining({ message: expect.stringMatching(new RegExp(`^${empty!.mapId} \\(${empty!.targetPath.replace(/[[\]]/g, '\\$&')}\\) is marked Accepted .* nothing fills it`)) })]);
    expect(report.changes.map((change) => [change.record, change.field, change.workbook])).toEqual([
      [defaulted!.mapId, 'Default', 'EUR'],
      [defaulted!.mapId, 'Status', 'accepted'],
    ].sort((a, b) => (a[1]! < b[1]! ? -1 : 1)));
    workspace.close();
  });

  it('skips a change whose record was deleted, or whose field was changed in the app, after the preview', async () => {
    const workspace = await demoCopy();
    const { exported, file } = await exportForReview(workspace);
    const [first, second] = mappingRows(exported);
    const question = exported.questions[0]!;
    await editWorkbook(file, (_, at) => {
      at(`mapping:${first!.id}`, 'Notes').value = 'from the workbook';
      at(`mapping:${second!.id}`, 'Notes').value = 'also from the workbook';
      at(`question:${question.id}`, 'Answer').value = 'yes';
    });
    const report = await previewWorkbook(workspace, await collectSpec(workspace, imports), file);
    expect(report.changes.map((change) => change.kind)).toEqual(['edit', 'edit', 'edit']);
    workspace.write((db) => {
      db.prepare('DELETE FROM open_question WHERE id = ?').run(question.id);
      db.prepare("UPDATE field_mapping SET notes = 'typed in the app' WHERE id = ?").run(second!.id);
    });
    expect(applyWorkbookChanges(workspace, report, report.changes.map((change) => change.id))).toEqual({ applied: 1, skipped: 2 });
    const notes = workspace.read((db) => db.prepare('SELECT id, notes FROM field_mapping WHERE id IN (?, ?) ORDER BY id').all(first!.id, second!.id));
    expect(notes).toEqual([
      { id: first!.id, notes: 'from the workbook' },
      { id: second!.id, notes: 'typed in the app' },
    ]);
    expect(() => applyWorkbookChanges(workspace, report, ['mapping:999999:notes'])).toThrow(/not in this workbook's report/);
    workspace.close();
  });

  it('lists unknown row ids and unreadable values with their cell and how to fix them', async () => {
    const workspace = await demoCopy();
    const { exported, file } = await exportForReview(workspace);
    const [first, second] = mappingRows(exported);
    let statusCell = '';
    await editWorkbook(file, (_, at) => {
      const status = at(`mapping:${first!.id}`, 'Status');
      status.value = 'Maybe later';
      statusCell = status.address;
      at(`mapping:${second!.id}`, 'Row id (do not edit)').value = 'mapping:999999';
      at('signOff:approved', 'Date').value = 'next Tuesday';
    });
    const report = await previewWorkbook(workspace, await collectSpec(workspace, imports), file);
    expect(report.changes).toEqual([]);
    expect(report.unreadable).toEqual([
      { sheet: 'F-1 Customers to contacts', cell: statusCell, message: expect.stringMatching(/^Status "Maybe later" in F-1 Customers to contacts!\w+\d+ is not one of Suggested, Accepted, Rejected, Needs decision, Not needed: pick one/) },
      { sheet: 'F-1 Customers to contacts', cell: expect.any(String), message: expect.stringMatching(/names a record this workspace does not have \(mapping:999999\)/) },
      { sheet: 'Sign-off', cell: 'C4', message: expect.stringMatching(/^Date "next Tuesday" in Sign-off!C4 is not a date: type it as YYYY-MM-DD/) },
    ]);
    workspace.close();
  });


  it('does not carry a row\'s values to another record when its hidden id was edited or the row was copied', async () => {
    const workspace = await demoCopy();
    const { exported, file } = await exportForReview(workspace);
    const [first, second, third] = mappingRows(exported);
    const other = exported.flows[1]!.mappings[0]!;
    await editWorkbook(file, (_, at) => {
      // Row M-0002 now claims to be a row of the other flow; its note is for M-0002.
      at(`mapping:${second!.id}`, 'Notes').value = `a note for ${second!.mapId}`;
      at(`mapping:${second!.id}`, 'Row id (do not edit)').value = `mapping:${other.id}`;
      // Row M-0001 copied over M-0003's row, hidden id and all; and the sign-off rows' ids swapped.
      const sheet = at(`mapping:${first!.id}`, 'Notes').worksheet;
      const [copy, target] = [Number(at(`mapping:${first!.id}`, 'Map ID').row), Number(at(`mapping:${third!.id}`, 'Map ID').row)];
      sheet.getRow(copy).eachCell((cell, column) => (sheet.getRow(target).getCell(column).value = cell.value));
      sheet.getRow(target).getCell(Number(at(`mapping:${first!.id}`, 'Status').col)).value = 'Not needed';
      at('signOff:prepared', 'Name').value = 'Paula Preparer';
      at('signOff:prepared', 'Row id (do not edit)').value = 'signOff:approved';
    });
    const report = await previewWorkbook(workspace, await collectSpec(workspace, imports), file);
    expect(report.changes).toEqual([]);
    expect(report.unreadable.map(({ message }) => message)).toEqual([
      expect.stringMatching(new RegExp(`shows "${second!.mapId}" but its hidden row id is ${other.mapId}'s \\(mapping:${other.id}\\)`)),
      expect.stringMatching(new RegExp(`^${first!.mapId} appears twice in "F-1 Customers to contacts"`)),
      expect.stringMatching(/shows "Prepared by" but its hidden row id is Sign-off: approved's/),
    ]);
    expect(applyWorkbookChanges(workspace, report, [])).toEqual({ applied: 0, skipped: 0 });
    const after = await collectSpec(workspace, imports);
    expect(mappingRows(after).find((row) => row.id === other.id)).toMatchObject({ notes: other.notes, status: other.status });
    expect(after.signOff.find((entry) => entry.role === 'approved')!.name).toBe('');
    workspace.close();
  });
  it('adds a question raised on one row even when another row already has a question in the same words; not twice', async () => {
    const workspace = await demoCopy();
    const [first, second] = mappingRows(await collectSpec(workspace, imports));
    addQuestion(workspace, { kind: 'question', question: 'Who owns this field?', owner: '', mapId: first!.mapId });
    const { file } = await exportForReview(workspace);
    await editWorkbook(file, (_, at) => {
      at(`mapping:${second!.id}`, 'Open question').value = 'Who owns this field?';
    });
    const report = await previewWorkbook(workspace, await collectSpec(workspace, imports), file);
    expect(report.changes).toEqual([expect.objectContaining({ record: `${second!.mapId} new question`, kind: 'new', workbook: 'Who owns this field?' })]);
    expect(applyWorkbookChanges(workspace, report, report.changes.map((change) => change.id))).toEqual({ applied: 1, skipped: 0 });
    const after = await collectSpec(workspace, imports);
    expect(after.questions.filter((question) => question.question === 'Who owns this field?').map((question) => question.mapId)).toEqual([first!.mapId, second!.mapId]);

    // The same workbook read back again: nothing new.
    expect((await previewWorkbook(workspace, after, file)).changes).toEqual([]);
    workspace.close();
  });

  it('makes a requirement answered in the workbook the stakeholder\'s: confirmed, without the evidence of the inferred answer it replaced', async () => {
    const workspace = await demoCopy();
    const confirmed = await updateRequirement(workspace, imports, 'protocol', { confirmed: true });
    expect(confirmed).toMatchObject({ confirmed: true, inferred: false });
    expect(confirmed.evidence.length).toBeGreaterThan(0);
    const { file } = await exportForReview(workspace);
    await editWorkbook(file, (_, at) => {
      at('requirement:protocol', 'Answer').value = 'HTTPS only, through the customer proxy';
    });
    const report = await previewWorkbook(workspace, await collectSpec(workspace, imports), file);
    expect(applyWorkbookChanges(workspace, report, report.changes.map((change) => change.id))).toEqual({ applied: 1, skipped: 0 });
    const after = (await collectSpec(workspace, imports)).requirements.find((requirement) => requirement.key === 'protocol');
    expect(after).toMatchObject({ answer: 'HTTPS only, through the customer proxy', inferred: false, confirmed: true, evidence: [] });
    workspace.close();
  });

  it('compares against the app alone when the workbook came from an export this workspace does not know', async () => {
    const workspace = await demoCopy();
    const { exported, file } = await exportForReview(workspace);
    workspace.write((db) => db.prepare('DELETE FROM spec_export').run());
    const [first] = mappingRows(exported);
    await editWorkbook(file, (_, at) => {
      at(`mapping:${first!.id}`, 'Owner').value = 'Finance';
    });
    const report = await previewWorkbook(workspace, await collectSpec(workspace, imports), file);
    expect(report).toMatchObject({ exportId: null, exportedAt: null, unreadable: [] });
    expect(report.changes).toEqual([{ id: `mapping:${first!.id}:owner`, sheet: 'F-1 Customers to contacts', record: first!.mapId, field: 'Owner', kind: 'edit', exported: null, workbook: 'Finance', current: '' }]);
    workspace.close();
  });

  it('refuses a file that is not a Crosswalk workbook, with a reason, and writes nothing', async () => {
    const workspace = createWorkspace(path.join(tempDir(), 'w.crosswalk'), 'Empty');
    const document = await collectSpec(workspace, imports);
    const counts = () => workspace.read((db) => db.prepare('SELECT (SELECT count(*) FROM change_log) AS log, (SELECT count(*) FROM open_question) AS questions').get());
    const before = counts();
    const dir = tempDir();
    const text = path.join(dir, 'notes.xlsx');
    fs.writeFileSync(text, 'just text');
    await expect(previewWorkbook(workspace, document, text)).rejects.toThrow(/is not an Excel workbook \(\.xlsx\) or is damaged/);

    const plain = path.join(dir, 'plain.xlsx');
    const other = new ExcelJS.Workbook();
    other.addWorksheet('Sheet1').getCell('A1').value = 'hello';
    await other.xlsx.writeFile(plain);
    await expect(previewWorkbook(workspace, document, plain)).rejects.toThrow(/was not exported by Crosswalk/);

    const truncated = path.join(dir, 'truncated.xlsx');
    await exportWorkbook(workspace, document, truncated);
    const bytes = fs.readFileSync(truncated);
    fs.writeFileSync(truncated, bytes.subarray(0, bytes.length - 200));
    await expect(previewWorkbook(workspace, document, truncated)).rejects.toThrow(/not an Excel workbook|damaged/);

    const newer = path.join(dir, 'newer.xlsx');
    await exportWorkbook(workspace, document, newer);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(newer);
    book.getWorksheet('_crosswalk')!.getCell('B2').value = '99';
    await book.xlsx.writeFile(newer);
    await expect(previewWorkbook(workspace, document, newer)).rejects.toThrow(/exported by a newer Crosswalk \(workbook format 99/);

    const huge = path.join(dir, 'huge.xlsx');
    fs.writeFileSync(huge, '');
    fs.truncateSync(huge, 60 * 1024 * 1024);
    await expect(previewWorkbook(workspace, document, huge)).rejects.toThrow(/more than the 50 MB/);

    expect(counts()).toEqual(before);
    workspace.close();
  });
});
