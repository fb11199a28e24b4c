// How text travels into a workbook cell and back. Every text — whether it came from an API document,
// a payload or the analyst — is written as an inline string (<c t="inlineStr">), never as a formula,
// so "=HYPERLINK(...)" or "@SUM(A1)" stays the characters it is in every spreadsheet program.

/** Excel's limit on the characters one cell holds. */
export const MAX_CELL_CHARACTERS = 32_767;
const TRUNCATED = ' … [truncated: the full text is in Crosswalk]';

/**
 * The text a reader sees in the cell once it is written: characters XML cannot carry removed, line
 * breaks as \n, cut to Excel's limit. Comparing a cell read back with `shownText(exported value)`
 * tells whether anyone edited it.
 */
const NEEDS_WORK = /[\r\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

export function shownText(value: string | null | undefined): string {
  if (!value) return '';
  if (value.length <= MAX_CELL_CHARACTERS && !NEEDS_WORK.test(value)) return value;
  let text = value.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
  text = text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
  if (text.length > MAX_CELL_CHARACTERS) text = text.slice(0, MAX_CELL_CHARACTERS - TRUNCATED.length) + TRUNCATED;
  return text;
}

/** Text as compared between workbook, export and app: line breaks unified, outer white space ignored. */
export const comparable = (value: string | null | undefined): string => shownText(value).trim();

/** An inline rich-text run: exceljs writes it as <c t="inlineStr"><is><r><t>…</t></r></is></c>. */
export interface InlineText {
  richText: Array<{ text: string }>;
}

/**
 * Spreadsheet readers decode "_x0041_" in a cell's text as an escaped character, so a literal
 * "_xHHHH_" is itself escaped ("_x005F_") to come back unchanged.
 */
export const escapeCharacterCodes = (text: string) => (text.includes('_x') ? text.replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1') : text);

/** The cell value for a text, or null for an empty one. */
export function textCell(value: string | null | undefined): InlineText | null {
  const text = shownText(value);
  return text === '' ? null : { richText: [{ text: escapeCharacterCodes(text) }] };
}
