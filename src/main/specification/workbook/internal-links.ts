import type ExcelJS from 'exceljs';

interface StreamingSheetInternals {
  _sheetRelsWriter?: { _hyperlinks?: Array<{ address: string; target?: string; rId?: string }> };
}

/**
 * Makes a cell a link to another sheet of the same workbook (<hyperlink ref="A12" location="'Sheet'!A1"/>).
 *
 * exceljs 4.4's streaming writer turns every hyperlink a cell value carries into an external
 * relationship (TargetMode="External"), even "#Sheet!A1"; only its in-memory writer emits the
 * `location` attribute of a link inside the workbook. The streaming sheet renders its hyperlink list
 * with the same HyperlinkXform, which writes `location` for an entry with a "Sheet!A1" target and no
 * relationship id — so the entry is added to that list directly. The workbook tests read the XML back
 * and fail if a newer exceljs stops honouring it.
 */
export function addInternalLink(sheet: ExcelJS.Worksheet, address: string, sheetName: string): void {
  const links = (sheet as unknown as StreamingSheetInternals)._sheetRelsWriter?._hyperlinks;
  if (!Array.isArray(links)) throw new Error('This exceljs version keeps a streaming sheet\'s hyperlinks elsewhere: update addInternalLink.');
  links.push({ address, target: `'${sheetName.replace(/'/g, "''")}'!A1` });
}
