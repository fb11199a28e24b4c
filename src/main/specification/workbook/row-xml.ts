// The XML of one data row, written straight to a streaming sheet. exceljs builds a Row, Cell and
// style model per cell and renders each through its xforms; for the mapping sheets' thousands of
// styled rows that doubles the cost of writing them. A data row is simple — text, numbers, dates, a
// style per column — so it is rendered here, in the same markup exceljs writes for an inline string.
import type ExcelJS from 'exceljs';
import type { CellInput } from './sheets';
import { escapeCharacterCodes, shownText } from './cell-text';

export const columnLetter = (column: number): string => {
  let name = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
};

const LETTERS = Array.from({ length: 64 }, (_, index) => columnLetter(index + 1));

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const escapeXml = (text: string) => (/[&<>"]/.test(text) ? text.replace(/[&<>"]/g, (char) => ESCAPES[char]!) : text);

/** An inline string: <c t="inlineStr"><is><r><t>…</t></r></is></c>, never a formula. */
function textXml(text: string): string {
  const shown = escapeCharacterCodes(shownText(text));
  const preserve = /^\s|\s$|\n/.test(shown) ? ' xml:space="preserve"' : '';
  return ` t="inlineStr"><is><r><t${preserve}>${escapeXml(shown)}</t></r></is></c>`;
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** Style ids, by column, for exceljs' style table (a text and a number may need different ids). */
export type StyleIds = Array<{ text: number; number: number; date: number } | null>;

export function styleIds(workbook: ExcelJS.stream.xlsx.WorkbookWriter, styles: Array<Partial<ExcelJS.Style> | null>): StyleIds {
  const table = (workbook as unknown as { styles: { addStyleModel(style: Partial<ExcelJS.Style>, type: number): number } }).styles;
  // exceljs' ValueType numbers: Number 2, String 3, Date 4.
  return styles.map((style) => (style ? { number: table.addStyleModel(style, 2), text: table.addStyleModel(style, 3), date: table.addStyleModel(style, 4) } : null));
}

/** One <row>: cells in column order from A; empty cells are written only when they carry a style. */
export function rowXml(rowNumber: number, values: readonly CellInput[], ids: StyleIds, height: number | undefined): string {
  let xml = height ? `<row r="${rowNumber}" ht="${height}" customHeight="1">` : `<row r="${rowNumber}">`;
  for (let index = 0; index < values.length; index++) {
    const value = values[index];
    const id = ids[index];
    const start = `<c r="${LETTERS[index] ?? columnLetter(index + 1)}${rowNumber}"`;
    if (value === null || value === undefined || value === '') {
      if (id) xml += `${start} s="${id.text}"/>`;
    } else if (typeof value === 'string') {
      xml += start + (id ? ` s="${id.text}"` : '') + textXml(value);
    } else if (typeof value === 'number') {
      if (Number.isFinite(value)) xml += `${start}${id ? ` s="${id.number}"` : ''}><v>${value}</v></c>`;
      else if (id) xml += `${start} s="${id.text}"/>`;
    } else {
      xml += `${start}${id ? ` s="${id.date}"` : ''}><v>${(value.getTime() - EXCEL_EPOCH) / 86_400_000}</v></c>`;
    }
  }
  return `${xml}</row>`;
}
