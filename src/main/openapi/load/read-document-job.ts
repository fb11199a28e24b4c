import type { Catalogue } from '../../../shared/catalogue';
import { defineWorkerKind } from '../../platform/workers/worker-kind';
import { DEFAULT_IMPORT_LIMITS, type ImportLimits } from './limits';
import type { DocumentFormat, RefSite } from './parse';

export interface ReadDocumentRequest {
  /** The document's text, or its bytes as read from the file (decoded in the worker). */
  text?: string;
  bytes?: ArrayBuffer;
  /** Names the document in messages. */
  display: string;
  limits: Pick<ImportLimits, 'maxAliasCount' | 'maxNestingDepth' | 'maxStringLength'>;
  catalogue: 'full' | 'outline';
}

/** What checkApiDocument needs of the parsed root: its shape, and its version fields when it is an object. */
export type RootShape = { kind: 'object'; openapi?: unknown; swagger?: unknown } | { kind: 'array' | 'null' | 'string' | 'number' | 'boolean' };

export type ReadDocumentResponse =
  /** The text could not be read as JSON or YAML, or broke a limit: the import's message. */
  | { status: 'refused'; code: string; message: string; root?: RootShape }
  /** It references other files: the import follows them on the main thread (they need its network and consent). */
  | { status: 'references'; root: RootShape; format: DocumentFormat }
  | {
      status: 'read';
      root: RootShape;
      format: DocumentFormat;
      /** The text as kept (credentials replaced), UTF-8, transferred. */
      bytes: ArrayBuffer;
      catalogue: Catalogue;
      title: string;
      version: string;
      brokenRefs: RefSite[];
      removedCredentials: string[];
    };

/** Parsing and cataloguing of a large single-file document in a worker thread (read-document.worker.ts). */
export const readDocumentJob = defineWorkerKind<ReadDocumentRequest, ReadDocumentResponse>({
  entry: 'openapi/load/read-document.worker',
  label: 'Reading the document',
  resourceLimits: { maxOldGenerationSizeMb: DEFAULT_IMPORT_LIMITS.validationMemoryMb },
});
