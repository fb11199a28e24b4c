// What every command receives: where to print, and the parsed options.
export interface Io {
  out(line: string): void;
  err(line: string): void;
}

export interface Flags {
  json: boolean;
  port?: number;
  /** import: follow references outside the document's folder or server. */
  allowRefs?: boolean;
  /** add-flow: accept every suggestion scoring at least this (0..1). */
  acceptAbove?: number;
  /** export: the file to write per format (`--xlsx <file>`, `--json <file>`, `--md <file>`). */
  outputs?: { xlsx?: string; json?: string; md?: string };
  /** import-xlsx: apply the edits and new rows (conflicts too with takeWorkbook). */
  apply?: boolean;
  takeWorkbook?: boolean;
}

