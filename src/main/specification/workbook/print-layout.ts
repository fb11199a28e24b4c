// How a sheet prints: fitted to the page width when that keeps its 10 pt text at 7 pt or more, otherwise
// at a fixed scale across as many pages as it needs, the frozen columns (Map ID, target field) repeated on
// each, so that a wide mapping sheet stays readable on paper instead of shrinking to a blur.

/** The body text's size in the workbook's styles, and the smallest it may print at. */
export const BODY_POINTS = 10;
export const MIN_PRINTED_POINTS = 7;
/** The scale of a sheet too wide to fit: its text prints at 8 pt. */
export const SPLIT_SCALE = 80;

// A4 landscape less the 0.4" side margins, in pixels at 96 dpi; a column of width w (characters of
// Calibri 11's "0", 7 px) takes w × 7 + 5 px.
const PRINTABLE_PX = (11.69 - 0.8) * 96;
export const columnPixels = (width: number) => Math.round(width * 7 + 5);

export type PrintLayout = { fit: true } | { fit: false; scale: number; repeatColumns?: string };

export function printLayout(widths: readonly number[], repeatColumns: number): PrintLayout {
  const total = widths.reduce((sum, width) => sum + columnPixels(width), 0);
  if (total * (MIN_PRINTED_POINTS / BODY_POINTS) <= PRINTABLE_PX) return { fit: true };
  const letters = (n: number) => String.fromCharCode(64 + n);
  return { fit: false, scale: SPLIT_SCALE, ...(repeatColumns > 0 && repeatColumns < 26 ? { repeatColumns: `A:${letters(repeatColumns)}` } : {}) };
}
