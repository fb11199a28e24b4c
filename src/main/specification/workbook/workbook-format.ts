// The hidden sheet that makes a workbook Crosswalk's: which export it is and what each sheet holds.
import type { SheetKind } from './sheets';

/** A veryHidden sheet (Excel shows it only to macros), so it survives a stakeholder's edits untouched. */
export const HIDDEN_SHEET = '_crosswalk';
export const WORKBOOK_FORMAT = 'crosswalk-workbook';
/** Bump when a reader of the previous version would misread a workbook; older readers then refuse it. */
export const WORKBOOK_FORMAT_VERSION = 1;

export interface WorkbookManifest {
  formatVersion: number;
  exportId: string;
  integration: string;
  exportedAt: string;
  /** Each sheet's name and what it holds (flow: the flow's ref on a mapping sheet). */
  sheets: Array<{ kind: SheetKind; name: string; flow: string | null }>;
}
