// What every command receives: where to print, the parsed options, and the services (platform/services.ts).
import type { Services } from '../platform/services';

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
  /** mock: the workspace system to serve, the generator's seed, the faults (`--chaos`). */
  system?: string;
  seed?: string;
  chaos?: string;
  /** send, secret set: the environment's name. */
  env?: string;
  /** send: one-off variables, each name=value. */
  vars?: string[];
  /** send: allow a method other than GET/HEAD/OPTIONS against a production environment. */
  confirmProduction?: boolean;
  /** sample: the catalogue entity the response is a sample of, and how many pages to follow. */
  entity?: string;
  pages?: string;
  /** export-collection: write secret values into the collection. */
  includeSecrets?: boolean;
  /** test: only this flow's test cases. */
  flow?: string;
  /** test: write the results (status, last run, diff summary) into the workspace. */
  record?: boolean;
}


export type Command = (positionals: string[], flags: Flags, io: Io, services: Services) => Promise<number>;
