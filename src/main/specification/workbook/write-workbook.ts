import fs from 'node:fs';
import { setImmediate as yieldToStreams } from 'node:timers/promises';
import ExcelJS from 'exceljs';
import { checkExportTarget, exportTargetPath, exportWriteError, temporaryPathFor } from '../export/write-file-atomically';
import type { SpecDocument } from '../spec-document';
import { textCell } from './cell-text';
import { printLayout, type PrintLayout } from './print-layout';
import { addInternalLink } from './internal-links';
import { columnLetter as letter, rowXml, styleIds } from './row-xml';
import { MAPPING_STATUS, label } from './records';
import { ID_HEADER, sheetsOf, type CellInput, type ColumnDef, type SheetDef } from './sheets';
import { HIDDEN_SHEET, WORKBOOK_FORMAT, WORKBOOK_FORMAT_VERSION } from './workbook-format';
import { highlights, styles } from './workbook-styles';

/** Rows written between two pauses that let the zip stream drain what the sheet produced. */
const ROWS_PER_SLICE = 500;
const WIDTH_SAMPLE = 1_000;

/**
 * Writes the spec as an xlsx workbook a stakeholder can read without Crosswalk, with exceljs' streaming
 * writer (rows go to the file as they are made, so memory stays flat however many there are). The
 * workbook is written beside `file` under a temporary name and renamed into place once complete: a
 * failed export leaves no half-written file and an older workbook of that name untouched.
 */
export async function writeWorkbook(document: SpecDocument, file: string, options: { exportId: string }): Promise<{ bytes: number }> {
  checkExportTarget(file);
  const target = exportTargetPath(file);
  const temporary = temporaryPathFor(target);
  try {
    await writeTo(temporary, document, options.exportId);
    fs.renameSync(temporary, target);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw exportWriteError(error, target);
  }
  return { bytes: fs.statSync(target).size };
}

async function writeTo(file: string, document: SpecDocument, exportId: string): Promise<void> {
  const stream = fs.createWriteStream(file, { flags: 'wx' });
  // A write error (disk full, no permission) would otherwise leave exceljs waiting for a 'finish' that never comes.
  const failed = new Promise<never>((_, reject) => stream.on('error', reject));
  failed.catch(() => undefined);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  const when = new Date(document.generatedAt);
  workbook.creator = document.integration.author || 'Crosswalk';
  workbook.lastModifiedBy = 'Crosswalk';
  workbook.created = workbook.modified = Number.isNaN(when.getTime()) ? new Date() : when;
  workbook.title = document.integration.name;
  workbook.subject = 'Integration specification';

  const sheets = sheetsOf(document);
  const work = (async () => {
    writeCover(workbook, document, sheets);
    for (const sheet of sheets) await writeTable(workbook, sheet, document);
    writeManifest(workbook, document, sheets, exportId);
    await workbook.commit();
  })();
  try {
    await Promise.race([work, failed]);
  } catch (error) {
    // Close the half-written file before the caller removes it.
    work.catch(() => undefined);
    await new Promise<void>((resolve) => stream.destroy().once('close', () => resolve()));
    throw error;
  }
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Header and footer text in a font size: "&" starts a code there, so a literal one is doubled. */
const sized = (size: number, text: string) => `&${size}${/^\d/.test(text) ? ' ' : ''}${text.replace(/&/g, '&&').slice(0, 120)}`;

function pageSetup(
  document: SpecDocument,
  title: string,
  titleRows: string | undefined,
  onePage = false,
  printArea?: string,
  layout: PrintLayout = { fit: true },
): Partial<ExcelJS.AddWorksheetOptions> {
  const fitting = layout.fit ? { fitToPage: true, fitToWidth: 1, fitToHeight: onePage ? 1 : 0 } : { fitToPage: false, scale: layout.scale, ...(layout.repeatColumns ? { printTitlesColumn: layout.repeatColumns } : {}) };
  return {
    pageSetup: {
      orientation: 'landscape',
      paperSize: 9,
      ...fitting,
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.7, bottom: 0.6, header: 0.3, footer: 0.3 },
      ...(titleRows ? { printTitlesRow: titleRows } : {}),
      ...(printArea ? { printArea } : {}),
    },
    headerFooter: {
      oddHeader: `&L&"Calibri,Bold"${sized(11, title)}&R${sized(9, document.integration.name)}`,
      oddFooter:
        `&L${sized(9, `Specification version ${document.integration.specVersion} (${document.integration.status.replace('_', ' ')})`)}` +
        `&C&9Page &P of &N&R${sized(9, `Exported ${document.generatedAt.slice(0, 10)}`)}`,
    },
  } as Partial<ExcelJS.AddWorksheetOptions>;
}

/** Characters of the longest line a value shows. */
function shownWidth(value: CellInput): number {
  if (value === null || value === undefined) return 0;
  if (typeof value === 'number') return 6;
  if (value instanceof Date) return 10;
  if (!value.includes('\n')) return value.length;
  let longest = 0;
  for (const line of value.split('\n')) longest = Math.max(longest, line.length);
  return longest;
}

/**
 * The height a row needs for its wrapped text. Spreadsheet programs size rows to their text when
 * they edit them but not always when they open a file (LibreOffice does not), so it is set here.
 */
function rowHeight(values: readonly CellInput[], widths: readonly number[]): number | undefined {
  let lines = 1;
  values.forEach((value, index) => {
    if (typeof value !== 'string' || value.length === 0) return;
    // Calibri 10 fits about 1.3 characters of running text per unit of column width ("0" at 11 pt).
    const perLine = Math.max(1, Math.floor((widths[index] ?? 10) * 1.3) - 1);
    if (value.length <= perLine && !value.includes('\n')) return;
    let count = 0;
    for (const line of value.split('\n')) count += Math.max(1, Math.ceil(line.length / perLine));
    lines = Math.max(lines, count);
  });
  return lines > 1 ? Math.min(409, lines * 13 + 3) : undefined;
}

function columnWidth<R>(column: ColumnDef<R>, rows: readonly R[]): number {
  const [min, max] = column.width;
  let widest = 0;
  // Up to WIDTH_SAMPLE rows, evenly spread, decide: enough to fit the content, cheap for 10,000 rows.
  const step = Math.max(1, Math.ceil(rows.length / WIDTH_SAMPLE));
  for (let index = 0; index < rows.length && widest < max; index += step) widest = Math.max(widest, shownWidth(column.value(rows[index]!)));
  // Room for the header's filter button; a long header may widen its column past the content's maximum.
  return Math.max(min, Math.min(widest + 2, max), Math.min(column.header.length + 4, 24));
}

async function writeTable(workbook: ExcelJS.stream.xlsx.WorkbookWriter, sheet: SheetDef, document: SpecDocument): Promise<void> {
  const { columns, rows, record } = sheet;
  const count = columns.length + (record ? 1 : 0);
  const lastRow = 1 + rows.length + (sheet.blankRows ?? 0);
  const lastColumn = letter(count);
  const widths = columns.map((column) => columnWidth(column, rows));
  const worksheet = workbook.addWorksheet(sheet.name, {
    views: [{ state: 'frozen', xSplit: sheet.freezeColumns, ySplit: 1, zoomScale: 100 }],
    autoFilter: `A1:${lastColumn}${Math.max(lastRow, 2)}`,
    // Rows left empty for new entries are not printed.
    ...pageSetup(document, sheet.title, '1:1', false, sheet.blankRows ? `A$1:${letter(columns.length)}$${1 + rows.length}` : undefined, printLayout(widths, sheet.freezeColumns)),
  } as Partial<ExcelJS.AddWorksheetOptions>);
  worksheet.columns = [...widths.map((width) => ({ width })), ...(record ? [{ width: 22, hidden: true }] : [])];

  const header = worksheet.addRow([...columns.map((column) => column.header), ...(record ? [ID_HEADER] : [])].map(textCell) as ExcelJS.CellValue[]);
  // Two lines where a heading is wider than its column (the filter button takes about three characters).
  header.height = columns.some((column, index) => column.header.length + 3 > widths[index]!) ? 30 : 20;
  columns.forEach((column, index) => {
    header.getCell(index + 1).style = column.field ? styles.editableHeader : styles.header;
  });
  if (record) header.getCell(count).style = styles.idHeader;
  header.commit();

  const cellStyles = columns.map((column) => {
    const base = column.field ? (column.center ? styles.editableCentered : styles.editable) : column.center ? styles.bodyCentered : styles.body;
    // An editable text cell is formatted as text, so that what a stakeholder types there ("10:30", "1/2", "00123") stays what they typed.
    const numFmt = column.numFmt ?? (column.field?.type === 'text' ? '@' : undefined);
    return numFmt ? { ...base, numFmt } : base;
  });
  const ids = styleIds(workbook, [...cellStyles, ...(record ? [null] : [])]);
  // Data rows go straight to the sheet's stream (see row-xml.ts); the header above opened <sheetData>.
  const stream = (worksheet as unknown as { stream: { write(xml: string): void } }).stream;
  let chunk = '';
  const write = (rowNumber: number, values: CellInput[], height: number | undefined) => {
    chunk += rowXml(rowNumber, values, ids, height);
    if (chunk.length > 65_536) {
      stream.write(chunk);
      chunk = '';
    }
  };
  for (let index = 0; index < rows.length; index++) {
    const row = rows[index];
    const values = columns.map((column) => column.value(row));
    const height = rowHeight(values, widths);
    if (record) values.push(`${record.kind}:${record.key(row)}`);
    write(index + 2, values, sheet.rowHeight && (!height || height < sheet.rowHeight) ? sheet.rowHeight : height);
    if (index % ROWS_PER_SLICE === ROWS_PER_SLICE - 1) {
      stream.write(chunk);
      chunk = '';
      await yieldToStreams();
    }
  }
  for (let blank = 0; blank < (sheet.blankRows ?? 0); blank++) write(rows.length + 2 + blank, columns.map(() => null), undefined);
  if (chunk) stream.write(chunk);

  // The streaming sheet has data validations; exceljs' typings list them only on the in-memory one.
  const validations = (worksheet as unknown as { dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void } }).dataValidations;
  if (lastRow >= 2) {
    columns.forEach((column, index) => {
      const range = `${letter(index + 1)}2:${letter(index + 1)}${lastRow}`;
      const field = column.field;
      if (field?.type === 'choice') {
        const labels = field.choices!.map((choice) => choice.label);
        validations.add(range, {
          type: 'list',
          allowBlank: true,
          formulae: [`"${labels.join(',')}"`],
          showErrorMessage: true,
          errorStyle: 'stop',
          errorTitle: `${field.header}: not in the list`,
          error: `Choose one of: ${labels.join(', ')}.`,
        });
      } else if (field?.type === 'date') {
        validations.add(range, {
          type: 'date',
          operator: 'greaterThan',
          allowBlank: true,
          formulae: [new Date(Date.UTC(2000, 0, 1))],
          showErrorMessage: true,
          errorStyle: 'stop',
          errorTitle: 'Date',
          error: 'Type a date, e.g. 2025-03-31.',
        });
      }
    });
  }
  if (sheet.kind === 'mapping' && rows.length > 0) highlightMappingRows(worksheet, columns, 1 + rows.length, lastColumn);
  worksheet.commit();
}

/** Red rows: a required target with no source and no default that is not marked "Not needed". Status cells coloured. */
function highlightMappingRows(worksheet: ExcelJS.Worksheet, columns: ColumnDef<unknown>[], lastRow: number, lastColumn: string) {
  const at = (header: string) => letter(columns.findIndex((column) => column.header === header) + 1);
  const [required, source, fallback, status] = [at('Required'), at('Source field(s)'), at('Default'), at('Status')];
  worksheet.addConditionalFormatting({
    ref: `A2:${lastColumn}${lastRow}`,
    rules: [
      {
        type: 'expression',
        priority: 1,
        formulae: [`AND($${required}2="Yes",LEN(TRIM($${source}2))=0,LEN(TRIM($${fallback}2))=0,$${status}2<>"${label(MAPPING_STATUS, 'not_needed')}")`],
        style: highlights.unmapped,
      },
    ],
  });
  worksheet.addConditionalFormatting({
    ref: `${status}2:${status}${lastRow}`,
    rules: [
      { type: 'expression', priority: 2, formulae: [`$${status}2="${label(MAPPING_STATUS, 'accepted')}"`], style: highlights.accepted },
      { type: 'expression', priority: 3, formulae: [`$${status}2="${label(MAPPING_STATUS, 'needs_decision')}"`], style: highlights.pending },
    ],
  });
}

function writeCover(workbook: ExcelJS.stream.xlsx.WorkbookWriter, document: SpecDocument, sheets: SheetDef[]): void {
  const { integration } = document;
  const worksheet = workbook.addWorksheet('Cover', {
    views: [{ showGridLines: false }],
    ...pageSetup(document, 'Integration specification', undefined, true),
  } as Partial<ExcelJS.AddWorksheetOptions>);
  const widths = [26, 92, 12];
  worksheet.columns = widths.map((width) => ({ width }));
  const line = (values: ExcelJS.CellValue[], style: Partial<ExcelJS.Style>[], height?: number) => {
    const row = worksheet.addRow(values);
    const texts = values.map((value) => (value && typeof value === 'object' && 'richText' in value ? value.richText.map((run) => run.text).join('') : null));
    height ??= rowHeight(texts, widths);
    style.forEach((cellStyle, index) => {
      row.getCell(index + 1).style = cellStyle;
    });
    if (height) row.height = height;
    return row;
  };
  const pair = (name: string, value: string) => line([textCell(name), textCell(value)] as ExcelJS.CellValue[], [styles.label, styles.value]).commit();
  const statusLabel = { draft: 'Draft', in_review: 'In review', approved: 'Approved' }[integration.status];

  line([textCell('INTEGRATION SPECIFICATION')] as ExcelJS.CellValue[], [styles.caption], 18).commit();
  line([textCell(integration.name)] as ExcelJS.CellValue[], [styles.title], 34).commit();
  line([], [], 8).commit();
  pair('Status', statusLabel);
  pair('Specification version', integration.specVersion);
  pair('Author', integration.author || '—');
  pair('Date', document.generatedAt.slice(0, 10));
  pair(
    'Systems',
    document.systems
      .map((system) => `${system.name}: ${system.title || system.name}, API version ${system.apiVersion || '?'} (${system.openapiVersion.startsWith('2') ? 'Swagger' : 'OpenAPI'} ${system.openapiVersion})`)
      .join('\n') || '—',
  );
  pair('Data flows', document.flows.map((flow) => `${flow.ref} ${flow.name}: ${flow.mappings.length} mapping rows, ${flow.completeness}% complete`).join('\n') || '—');
  const open = document.questions.filter((question) => question.status === 'open').length;
  pair('Open questions', `${open} open of ${document.questions.length}`);
  pair('Business case', integration.businessCase || '—');
  line([], [], 12).commit();

  line([textCell('Contents')] as ExcelJS.CellValue[], [styles.section, styles.section, styles.section], 22).commit();
  line([textCell('Sheet'), textCell('What it holds'), textCell('Rows')] as ExcelJS.CellValue[], [styles.header, styles.header, styles.header], 20).commit();
  for (const sheet of sheets) {
    const row = line(
      [textCell(sheet.name), textCell(sheet.description), sheet.rows.length] as ExcelJS.CellValue[],
      [styles.link, styles.body, styles.bodyCentered],
    );
    addInternalLink(worksheet, `A${row.number}`, sheet.name);
    row.commit();
  }
  line([], [], 12).commit();
  line([textCell('How to review this workbook')] as ExcelJS.CellValue[], [styles.section, styles.section, styles.section], 22).commit();
  const notes = [
    'Columns with a green heading (cells shaded green) may be edited: statuses, transformations, defaults, notes, answers, sign-off.',
    'Add a question in the empty rows of "Open questions", or in a mapping row\'s "Open question" column.',
    'Red rows on a mapping sheet are required target fields that nothing fills yet.',
    'A mapping sheet\'s last columns (descriptions, allowed values, max length, nullable, format, example) say what the API documents say: edits there are not read back.',
    'Send the workbook back to the analyst: Crosswalk reads the edits, shows every change and applies only those the analyst confirms.',
    'Please do not rename sheets or edit the hidden "Row id" column: they tie each row to its record.',
  ];
  for (const note of notes) line([null, textCell(`• ${note}`)] as ExcelJS.CellValue[], [styles.value, styles.value]).commit();
  worksheet.commit();
}

function writeManifest(workbook: ExcelJS.stream.xlsx.WorkbookWriter, document: SpecDocument, sheets: SheetDef[], exportId: string): void {
  const worksheet = workbook.addWorksheet(HIDDEN_SHEET, { state: 'veryHidden' });
  const rows: Array<[string, string, string?, string?]> = [
    ['format', WORKBOOK_FORMAT],
    ['formatVersion', String(WORKBOOK_FORMAT_VERSION)],
    ['exportId', exportId],
    ['integration', document.integration.name],
    ['exportedAt', document.generatedAt],
    ...sheets.map((sheet) => ['sheet', sheet.kind, sheet.name, sheet.flow?.ref ?? ''] as [string, string, string, string]),
  ];
  for (const values of rows) worksheet.addRow(values.map((value) => textCell(value ?? ''))).commit();
  worksheet.commit();
}
