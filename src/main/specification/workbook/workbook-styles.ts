// The workbook's look: one set of style objects shared by every cell (exceljs caches a style by its
// object, so sharing them also keeps the streaming writer fast).
import type ExcelJS from 'exceljs';

const NAVY = 'FF1F3864';
const GREEN = 'FF1E6B3A';
const GRID = 'FFC9D2E0';
const FONT = 'Calibri';

const thin = { style: 'thin' as const, color: { argb: GRID } };
const border: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };
const solid = (argb: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb } });

const headerStyle = (fill: string): Partial<ExcelJS.Style> => ({
  font: { name: FONT, size: 10, bold: true, color: { argb: 'FFFFFFFF' } },
  fill: solid(fill),
  border,
  alignment: { vertical: 'middle', horizontal: 'left', wrapText: true },
});

export const styles = {
  header: headerStyle(NAVY),
  /** Columns a stakeholder may edit and Crosswalk reads back. */
  editableHeader: headerStyle(GREEN),
  idHeader: headerStyle('FF7F7F7F'),
  body: { font: { name: FONT, size: 10 }, border, alignment: { vertical: 'top', wrapText: true } } as Partial<ExcelJS.Style>,
  bodyCentered: { font: { name: FONT, size: 10 }, border, alignment: { vertical: 'top', horizontal: 'center', wrapText: true } } as Partial<ExcelJS.Style>,
  editable: { font: { name: FONT, size: 10 }, border, fill: solid('FFF3F9F4'), alignment: { vertical: 'top', wrapText: true } } as Partial<ExcelJS.Style>,
  editableCentered: {
    font: { name: FONT, size: 10 },
    border,
    fill: solid('FFF3F9F4'),
    alignment: { vertical: 'top', horizontal: 'center', wrapText: true },
  } as Partial<ExcelJS.Style>,
  caption: { font: { name: FONT, size: 10, color: { argb: 'FF595959' } } } as Partial<ExcelJS.Style>,
  title: { font: { name: FONT, size: 20, bold: true, color: { argb: NAVY } }, alignment: { vertical: 'middle' } } as Partial<ExcelJS.Style>,
  section: {
    font: { name: FONT, size: 12, bold: true, color: { argb: NAVY } },
    border: { bottom: { style: 'medium', color: { argb: NAVY } } },
    alignment: { vertical: 'bottom' },
  } as Partial<ExcelJS.Style>,
  label: { font: { name: FONT, size: 10, bold: true, color: { argb: 'FF404040' } }, alignment: { vertical: 'top' } } as Partial<ExcelJS.Style>,
  value: { font: { name: FONT, size: 10 }, alignment: { vertical: 'top', wrapText: true } } as Partial<ExcelJS.Style>,
  link: { font: { name: FONT, size: 10, color: { argb: 'FF0563C1' }, underline: true }, alignment: { vertical: 'top' } } as Partial<ExcelJS.Style>,
  legendEditable: { font: { name: FONT, size: 10 }, fill: solid('FFF3F9F4'), border, alignment: { vertical: 'top', wrapText: true } } as Partial<ExcelJS.Style>,
};

/** Conditional formats (differential styles). */
export const highlights = {
  unmapped: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFFFC7CE' } }, font: { color: { argb: 'FF9C0006' } } } as Partial<ExcelJS.Style>,
  accepted: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFC6EFCE' } }, font: { color: { argb: 'FF006100' } } } as Partial<ExcelJS.Style>,
  pending: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFFFEB9C' } }, font: { color: { argb: 'FF9C5700' } } } as Partial<ExcelJS.Style>,
};

export const NAVY_TEXT = NAVY;
