// What the reading worker does with a large document's text: parse, limits, catalogue, credentials
// replaced; only the catalogue and the kept text (as transferred bytes) go back to the main thread.
import { isUserError } from '../../errors';
import { CredentialPlaceholders } from '../../platform/redact';
import { Transferred } from '../../platform/workers/serve-jobs';
import { buildCatalogue, buildCatalogueOutline } from '../catalogue';
import { mayHoldCredentials, textWithoutCredentials, withoutCredentials } from './credentials';
import { inspectValue, parseText } from './parse';
import { decodeText } from './source';
import type { ReadDocumentRequest, ReadDocumentResponse, RootShape } from './read-document-job';

export function rootShape(value: unknown): RootShape {
  if (Array.isArray(value)) return { kind: 'array' };
  if (value === null) return { kind: 'null' };
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    return { kind: 'object', ...(record.openapi !== undefined ? { openapi: record.openapi } : {}), ...(record.swagger !== undefined ? { swagger: record.swagger } : {}) };
  }
  return { kind: typeof value as 'string' | 'number' | 'boolean' };
}

/** A stand-in for the parsed root with the same shape and version fields (for the import's checks and messages). */
export function standInFor(shape: RootShape): unknown {
  switch (shape.kind) {
    case 'object': {
      const { kind: _kind, ...fields } = shape;
      return fields;
    }
    case 'array':
      return [];
    case 'null':
      return null;
    case 'string':
      return '';
    case 'number':
      return 0;
    case 'boolean':
      return false;
  }
}

const SUPPORTED = (root: RootShape) =>
  root.kind === 'object' && (root.openapi !== undefined ? typeof root.openapi === 'string' && /^3\.[01]\.\d+$/.test(root.openapi) : root.swagger === '2.0');

export async function readDocument({ text: given, bytes: raw, display, limits, catalogue: mode }: ReadDocumentRequest): Promise<ReadDocumentResponse | Transferred<ReadDocumentResponse>> {
  let root: RootShape | undefined;
  try {
    const text = given ?? decodeText(Buffer.from(raw ?? new ArrayBuffer(0)), display);
    const parsed = await parseText(text, display, limits);
    root = rootShape(parsed.value);
    // The import refuses anything else with its own message (it checks the version first).
    if (!SUPPORTED(root)) return { status: 'refused', code: 'API_DOC_VERSION', message: '', root };
    const inspected = inspectValue(parsed.value, display, limits, parsed.format === 'yaml');
    if (inspected.externalRefs.length > 0) return { status: 'references', root, format: parsed.format };
    const placeholders = new CredentialPlaceholders();
    let kept = text;
    let document = parsed.value as Record<string, unknown>;
    if (mayHoldCredentials(text)) {
      kept = textWithoutCredentials(text, parsed.format, parsed.value, placeholders);
      document = withoutCredentials(document, placeholders);
    }
    const built = mode === 'outline' ? buildCatalogueOutline(document).catalogue : buildCatalogue(document);
    const info = (document.info ?? {}) as { title?: unknown; version?: unknown };
    const bytes = Buffer.from(kept, 'utf8');
    // A Buffer may be a slice of a shared pool: its own ArrayBuffer is what can be moved.
    const buffer = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? (bytes.buffer as ArrayBuffer) : new Uint8Array(bytes).buffer;
    return new Transferred<ReadDocumentResponse>(
      {
        status: 'read',
        root,
        format: parsed.format,
        bytes: buffer,
        catalogue: built,
        title: typeof info.title === 'string' ? info.title : info.title === undefined ? '' : String(info.title),
        version: typeof info.version === 'string' ? info.version : info.version === undefined ? '' : String(info.version),
        brokenRefs: inspected.brokenRefs.map((broken) => ({ ...broken, ref: placeholders.text(broken.ref) })),
        removedCredentials: placeholders.removed,
      },
      [buffer],
    );
  } catch (error) {
    if (isUserError(error)) return { status: 'refused', code: error.code, message: error.message, ...(root ? { root } : {}) };
    throw error;
  }
}
