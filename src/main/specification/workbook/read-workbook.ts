import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { WorkbookReport } from '../../../shared/contract';
import { UserError } from '../../errors';
import { formatBytes } from '../../openapi/load/limits';
import type { Workspace } from '../../workspace/workspace';
import type { SpecDocument } from '../spec-document';
import { comparable } from './cell-text';
import { compareWorkbook, type PlannedChange } from './change-report';
import { EDITABLE, parseChoice, parseRowId, REF_HEADER, type FieldDef, type RecordKind } from './records';
import { ID_HEADER, QUESTION_HEADER, type SheetKind } from './sheets';
import { HIDDEN_SHEET, WORKBOOK_FORMAT, WORKBOOK_FORMAT_VERSION, type WorkbookManifest } from './workbook-format';
import { readZipDirectory, readZipEntry, type ZipEntry } from './zip-directory';

/** Far above any real spec (10,000 mapping rows make about 1.5 MB); a larger file is refused unread. */
export const MAX_WORKBOOK_BYTES = 50 * 1024 * 1024;
/** What its parts may unpack to: a zip bomb is refused before anything is unpacked. */
export const MAX_UNPACKED_BYTES = 400 * 1024 * 1024;
const MAX_ENTRIES = 5_000;

export type Unreadable = WorkbookReport['unreadable'][number];

/** One row of an editable sheet, its editable cells read and checked. */
export interface WorkbookRow {
  sheet: string;
  /** The row's number in the sheet. */
  row: number;
  kind: RecordKind;
  /** The record's key from the hidden id column; null for a row added in the workbook. */
  key: string | null;
  /** What the row shows as its id (Map ID, Ref, Key, Role), trimmed; '' when empty or its column is missing. */
  shownRef: string;
  /** Field → value in stored form, and the cell it came from. */
  cells: Record<string, { value: string; cell: string }>;
}

export interface WorkbookContents {
  manifest: WorkbookManifest;
  rows: WorkbookRow[];
  unreadable: Unreadable[];
}

export type WorkbookPreview = Omit<WorkbookReport, 'previewId'> & { plan: PlannedChange[] };

/**
 * Reads a workbook a stakeholder edited and reports how it differs from the app: their edits, edits
 * that conflict with changes made in the app since the export, new rows, and what could not be read.
 * `document` is the spec as it is now (collectSpec). Nothing is written.
 */
export async function previewWorkbook(workspace: Workspace, document: SpecDocument, file: string): Promise<WorkbookPreview> {
  const contents = await readWorkbook(file);
  const stored = workspace.read(
    (db) => db.prepare('SELECT exported_at, document FROM spec_export WHERE id = ?').get(contents.manifest.exportId) as { exported_at: string; document: string } | undefined,
  );
  const base = stored ? (JSON.parse(stored.document) as SpecDocument) : null;
  const { changes, unreadable, plan } = compareWorkbook(contents, base, document);
  return {
    file: path.resolve(file),
    exportId: stored ? contents.manifest.exportId : null,
    exportedAt: stored?.exported_at ?? null,
    changes,
    unreadable: inSheetOrder([...contents.unreadable, ...unreadable], contents.manifest),
    plan,
  };
}

/** Problems in the order a reader meets them: sheet by sheet, row by row, left to right. */
function inSheetOrder(problems: Unreadable[], manifest: WorkbookManifest): Unreadable[] {
  const sheetIndex = new Map(manifest.sheets.map((sheet, index) => [sheet.name, index]));
  const position = (problem: Unreadable) => {
    const [, letters = '', digits = '0'] = /^([A-Z]+)(\d+)$/.exec(problem.cell) ?? [];
    return [sheetIndex.get(problem.sheet) ?? -1, Number(digits), letters.length, letters] as const;
  };
  return problems
    .map((problem) => ({ problem, at: position(problem) }))
    .sort((a, b) => a.at[0] - b.at[0] || a.at[1] - b.at[1] || a.at[2] - b.at[2] || a.at[3].localeCompare(b.at[3]))
    .map(({ problem }) => problem);
}

/** Opens a Crosswalk workbook and reads its editable sheets; refuses anything else with a reason. */
export async function readWorkbook(file: string): Promise<WorkbookContents> {
  const resolved = path.resolve(file);
  checkFile(resolved);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(resolved);
  } catch (error) {
    throw new UserError('WORKBOOK_UNREADABLE', `${resolved} is damaged or not an Excel workbook (${(error as Error).message}): open it in Excel or LibreOffice, save it as .xlsx and import that.`);
  }
  const manifest = readManifest(workbook, resolved);
  const rows: WorkbookRow[] = [];
  const unreadable: Unreadable[] = [];
  for (const listed of manifest.sheets) {
    const kind = RECORD_OF_SHEET[listed.kind];
    if (!kind) continue;
    const worksheet = workbook.getWorksheet(listed.name);
    if (!worksheet) {
      unreadable.push({ sheet: listed.name, cell: 'A1', message: `The sheet "${listed.name}" is missing: if it was renamed, give it back its name and import the workbook again.` });
      continue;
    }
    readSheet(worksheet, listed.kind, kind, rows, unreadable);
  }
  return { manifest, rows, unreadable };
}

function checkFile(file: string) {
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  if (!stat) throw new UserError('WORKBOOK_NOT_FOUND', `There is no file at ${file}: check the path.`);
  if (!stat.isFile()) throw new UserError('WORKBOOK_NOT_A_FILE', `${file} is a folder: give the path of the .xlsx workbook.`);
  if (stat.size > MAX_WORKBOOK_BYTES) {
    throw new UserError('WORKBOOK_TOO_LARGE', `${file} is ${(stat.size / 1024 / 1024).toFixed(0)} MB, more than the ${MAX_WORKBOOK_BYTES / 1024 / 1024} MB a Crosswalk workbook can be: import the workbook Crosswalk exported, not another file.`);
  }
  const entries = readZipDirectory(file);
  if (!entries || !entries.some((entry) => entry.name.replace(/^\//, '') === 'xl/workbook.xml')) {
    throw new UserError('WORKBOOK_NOT_XLSX', `${file} is not an Excel workbook (.xlsx) or is damaged: open it in Excel or LibreOffice, save it as .xlsx and import that.`);
  }
  const unpacked = entries.reduce((sum, entry) => sum + entry.size, 0);
  if (entries.length > MAX_ENTRIES || unpacked > MAX_UNPACKED_BYTES || entries.some((entry) => entry.size === 0xffffffff)) {
    throw new UserError('WORKBOOK_TOO_LARGE', `${file} unpacks to more than ${MAX_UNPACKED_BYTES / 1024 / 1024} MB (or ${MAX_ENTRIES} parts), far more than a Crosswalk workbook: import the workbook Crosswalk exported.`);
  }
  // The directory's sizes are only claims: each part is unpacked with its claim as the cap on the real
  // output (so all of them within MAX_UNPACKED_BYTES) before exceljs, which believes them, reads any.
  for (const entry of entries) checkUnpackedSize(file, entry);
}

function checkUnpackedSize(file: string, entry: ZipEntry) {
  let size: number;
  try {
    size = readZipEntry(file, entry).length;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ERR_BUFFER_TOO_LARGE') {
      throw new UserError('WORKBOOK_NOT_XLSX', `${file} is damaged: its part "${entry.name}" cannot be unpacked (${(error as Error).message}): open it in Excel or LibreOffice, save it as .xlsx and import that.`);
    }
    size = Infinity;
  }
  if (size > entry.size) {
    throw new UserError(
      'WORKBOOK_TOO_LARGE',
      `${file} is damaged or not a workbook Crosswalk exported: its part "${entry.name}" unpacks to more than the ${formatBytes(entry.size)} its zip directory declares (as a zip bomb does): import the workbook Crosswalk exported.`,
    );
  }
}

const RECORD_OF_SHEET: Partial<Record<SheetKind, RecordKind>> = {
  requirements: 'requirement',
  useCases: 'useCase',
  mapping: 'mapping',
  testCases: 'testCase',
  questions: 'question',
  signOff: 'signOff',
  pairings: 'pairing',
};

function readManifest(workbook: ExcelJS.Workbook, file: string): WorkbookManifest {
  const hidden = workbook.getWorksheet(HIDDEN_SHEET);
  const values = new Map<string, string>();
  const sheets: WorkbookManifest['sheets'] = [];
  hidden?.eachRow((row) => {
    const [key, value, name, flow] = [1, 2, 3, 4].map((column) => textOf(row.getCell(column).value) ?? '');
    if (key === 'sheet') sheets.push({ kind: value as SheetKind, name: name!, flow: flow || null });
    else values.set(key!, value!);
  });
  if (!hidden || values.get('format') !== WORKBOOK_FORMAT) {
    throw new UserError('WORKBOOK_NOT_CROSSWALK', `${file} was not exported by Crosswalk (its hidden "${HIDDEN_SHEET}" sheet is missing): only a workbook Crosswalk exported, edited and saved as .xlsx, can be read back.`);
  }
  const formatVersion = Number(values.get('formatVersion'));
  if (!(formatVersion >= 1)) {
    throw new UserError('WORKBOOK_NOT_CROSSWALK', `${file} has a damaged "${HIDDEN_SHEET}" sheet (no format version): export the workbook again.`);
  }
  if (formatVersion > WORKBOOK_FORMAT_VERSION) {
    throw new UserError('WORKBOOK_TOO_NEW', `${file} was exported by a newer Crosswalk (workbook format ${formatVersion}; this version reads up to ${WORKBOOK_FORMAT_VERSION}): update Crosswalk to read it.`);
  }
  return {
    formatVersion,
    exportId: values.get('exportId') ?? '',
    integration: values.get('integration') ?? '',
    exportedAt: values.get('exportedAt') ?? '',
    sheets,
  };
}

/** A cell's value as text; undefined for an error or a formula without a result. */
export function textOf(value: ExcelJS.CellValue): string | undefined {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('error' in value) return undefined;
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as ExcelJS.CellFormulaValue).result;
    return result === undefined || result === null || typeof result === 'object' ? (result instanceof Date ? result.toISOString().slice(0, 10) : undefined) : String(result);
  }
  if ('text' in value) return textOf((value as ExcelJS.CellHyperlinkValue).text);
  return undefined;
}

function readSheet(worksheet: ExcelJS.Worksheet, sheetKind: SheetKind, kind: RecordKind, rows: WorkbookRow[], unreadable: Unreadable[]) {
  const sheet = worksheet.name;
  const headers = new Map<string, number>();
  worksheet.getRow(1).eachCell((cell, column) => {
    const header = textOf(cell.value)?.trim();
    if (header) headers.set(header, column);
  });
  const idColumn = headers.get(ID_HEADER);
  const refColumn = headers.get(REF_HEADER[kind]);
  if (!idColumn) {
    unreadable.push({ sheet, cell: 'A1', message: `The hidden column "${ID_HEADER}" is missing from "${sheet}", so its rows cannot be matched: export the workbook again.` });
    return;
  }
  const fields: FieldDef[] = [...EDITABLE[kind]];
  if (sheetKind === 'mapping') fields.push({ field: 'newQuestion', header: QUESTION_HEADER, type: 'text' });
  if (sheetKind === 'questions') fields.push({ field: 'flow', header: 'Flow', type: 'text' }, { field: 'mapId', header: 'Map ID', type: 'text' });
  const located = fields.flatMap((field) => {
    const column = headers.get(field.header);
    if (column) return [{ field, column }];
    unreadable.push({ sheet, cell: 'A1', message: `The column "${field.header}" is missing from "${sheet}": give the column back its heading, or its edits are not read.` });
    return [];
  });

  worksheet.eachRow((row, number) => {
    if (number === 1) return;
    const idCell = row.getCell(idColumn);
    const id = textOf(idCell.value)?.trim() ?? '';
    const cells: WorkbookRow['cells'] = {};
    let filled = false;
    for (const { field, column } of located) {
      const cell = row.getCell(column);
      const text = textOf(cell.value);
      if (text === undefined) {
        unreadable.push({ sheet, cell: cell.address, message: `${field.header} in ${sheet}!${cell.address} holds an error or a formula without a value: type the value itself.` });
        continue;
      }
      const value = readValue(field, text);
      if (value === undefined) {
        unreadable.push({ sheet, cell: cell.address, message: invalidMessage(field, text, sheet, cell.address) });
        continue;
      }
      if (value !== '') filled = true;
      cells[field.field] = { value, cell: cell.address };
    }
    if (id === '') {
      if (!filled) return;
      if (sheetKind === 'questions') rows.push({ sheet, row: number, kind, key: null, shownRef: '', cells });
      else unreadable.push({ sheet, cell: `A${number}`, message: `Row ${number} of "${sheet}" was added in the workbook; new rows are read only on "Open questions": raise it there as a question.` });
      return;
    }
    const parsed = parseRowId(id);
    if (!parsed || parsed.kind !== kind) {
      unreadable.push({ sheet, cell: idCell.address, message: `Row ${number} of "${sheet}" has a row id Crosswalk does not know ("${id.slice(0, 40)}"): restore the hidden id or copy the edits into the original row.` });
      return;
    }
    const shownRef = refColumn ? (textOf(row.getCell(refColumn).value) ?? '').trim() : '';
    rows.push({ sheet, row: number, kind, key: parsed.key, shownRef, cells });
  });
}

function readValue(field: FieldDef, text: string): string | undefined {
  if (field.type === 'choice') return text.trim() === '' ? '' : parseChoice(field.choices!, text);
  if (field.type === 'date') {
    const value = text.trim();
    if (value === '') return '';
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    if (!match) return undefined;
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value) ? value : undefined;
  }
  return comparable(text);
}

function invalidMessage(field: FieldDef, text: string, sheet: string, cell: string): string {
  const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  if (field.type === 'date') return `${field.header} "${shown}" in ${sheet}!${cell} is not a date: type it as YYYY-MM-DD (e.g. 2025-03-31).`;
  return `${field.header} "${shown}" in ${sheet}!${cell} is not one of ${field.choices!.map((choice) => choice.label).join(', ')}: pick one from the cell's drop-down.`;
}
