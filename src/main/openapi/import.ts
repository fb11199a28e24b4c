// Importing an API document: from a file, a URL or pasted text to the verbatim text(s), one bundled
// document, its identity and its catalogue, with validation running in a worker thread alongside.
//
//   const result = await importApiDocument('/specs/crm.yaml');
//   if (result.status === 'needs-consent') … show result.refs, call again with { allowRefs } or { allowAll: true }
//   else show result.catalogue now; await result.validation for { valid, errors } later.
//
// Bad input (unreadable, not JSON/YAML, not OpenAPI, over a limit, a reference that cannot be read)
// throws a UserError; validation problems do not: they are in `validation` and the import stands.
import fs from 'node:fs';
import path from 'node:path';
import type { Catalogue, CatalogueEntity } from '../../shared/catalogue';
import { UserError } from '../errors';
import type { HttpService } from '../platform/http';
import type { WorkerRunner } from '../platform/workers/runner';
import { buildCatalogue, buildCatalogueOutline } from './catalogue';
import { type ImportLimits, effectiveLimits } from './load/limits';
import { type DocumentFormat, inspectValue, loadYaml, parseText } from './load/parse';
import { type Consent, type ExternalReference, type LoadedFile, type RootOrigin, bundleDocument, followReferences } from './load/references';
import { decodeText, fetchText, readFileBytes, tooLarge, type FetchOptions } from './load/source';
import { type ValidationIssue, type ValidationMode, type ValidationResult, type ValidationRun, prepareValidation } from './load/validation';
import { readDocumentJob } from './load/read-document-job';
import { standInFor } from './load/read-document';
import { defaultWorkerRunner } from '../platform/workers/runner';
import { CredentialPlaceholders, defaultRedactor } from '../platform/redact';
import { mayHoldCredentials, textWithoutCredentials, withoutCredentials } from './load/credentials';

export type { ImportLimits } from './load/limits';
export { DEFAULT_IMPORT_LIMITS } from './load/limits';
export type { DocumentFormat } from './load/parse';
export type { ExternalReference, ReferenceKind } from './load/references';
export type { ValidationIssue, ValidationMode, ValidationResult } from './load/validation';

/**
 * A file path, an http(s) URL, or pasted text. A plain string is a URL when it starts with http:// or
 * https://, a file path otherwise. Pasted text may only reference files when `baseFolder` is given.
 */
export type ApiDocSource = string | { file: string } | { url: string } | { text: string; baseFolder?: string };

export interface ImportOptions extends Consent {
  /** Lower or raise the bounds (sizes, depth, time-outs): see ImportLimits. */
  limits?: Partial<ImportLimits>;
  /** 'schema' (default): the OpenAPI schema, $refs in place, in a worker; 'full': swagger-parser's validate() in a worker; false: none. */
  validation?: ValidationMode | false;
  /** 'full' (default): every entity's fields listed; 'outline': fields flattened on demand by `entity(id)`. */
  catalogue?: 'full' | 'outline';
  /** Downloads URL documents and remote references; a default service (proxies from the environment) unless given. */
  http?: HttpService;
  /** Runs validation off the event loop; the process's runner unless given. */
  workers?: WorkerRunner;
  /** The caller's cancel: downloads stop, validation stops, and the import ends without a result. */
  signal?: AbortSignal;
  /** Documents of at least this many characters are parsed and catalogued in a worker (READ_OFF_THREAD_FROM unless given). */
  readOffThreadFrom?: number;
}

/**
 * From this size on, parsing and cataloguing run in a worker, so the event loop keeps answering other
 * calls; smaller documents are read inline (a worker's round trip would cost more than it saves).
 */
export const READ_OFF_THREAD_FROM = 2 * 1024 * 1024;

export interface ImportedFile {
  /** File path (resolved from the referencing file's location; symlinks not resolved) or URL (redacted: platform/redact). */
  location: string;
  /** Exactly as read. */
  text: string;
  format: DocumentFormat;
}

export interface ImportOrigin {
  kind: 'file' | 'url' | 'text';
  /** Real path of the file, the URL after redirects (redacted: platform/redact), or "pasted text". */
  location: string;
}

export interface ImportedApiDocument {
  status: 'imported';
  source: ImportOrigin;
  /** The root document as read, credentials replaced by placeholders (see removedCredentials): the store keeps it. */
  text: string;
  format: DocumentFormat;
  /** The other files a multi-file document references, as read but for credentials (for a re-import or an offline view). */
  files: ImportedFile[];
  /** The document with every external reference bundled in: all `$ref`s are internal. */
  document: Record<string, unknown>;
  /** The `openapi` or `swagger` value: "3.1.0", "3.0.3", "2.0". */
  openapiVersion: string;
  /** info.title and info.version ('' when missing). */
  title: string;
  version: string;
  /** With `catalogue: 'outline'`, the entities' fields are deferred: ask `entity(id)` for them. */
  catalogue: Catalogue;
  /** One entity with its fields listed. */
  entity(id: string): CatalogueEntity | undefined;
  /** References outside the policy that were followed because the caller allowed them (addresses redacted). */
  followedRefs: ExternalReference[];
  /**
   * The placeholders (`server_password`, `api_key`…) that replace credentials the document had in its
   * addresses (servers, `$ref`s, examples): text, files, document and catalogue hold them, never the values.
   */
  removedCredentials: string[];
  /** Settles when the worker is done; never rejects (see ValidationResult.incomplete). */
  validation: Promise<ValidationResult>;
  /** Stops validation early (`validation` then settles with `incomplete: 'Validation was cancelled.'`): for a caller that moved on. */
  cancelValidation(): void;
}

export interface ImportNeedsConsent {
  status: 'needs-consent';
  source: ImportOrigin;
  /** Every reference outside the policy found so far; nothing was read for them. */
  refs: ExternalReference[];
  /** One sentence for the analyst. */
  message: string;
}

export type ImportResult = ImportedApiDocument | ImportNeedsConsent;

const PASTED = 'The pasted text';

/** URLs as stored and shown: without credentials or query values. */
const shownRef = (value: string) => (/^https?:\/\//i.test(value) ? defaultRedactor.url(value) : value);

/** A reference as shown and returned: its addresses redacted (consent accepts them in this form too). */
const shownReference = (ref: ExternalReference): ExternalReference => ({ ...ref, ref: shownRef(ref.ref), from: defaultRedactor.text(ref.from), target: shownRef(ref.target) });

interface Root extends LoadedFile {
  origin: RootOrigin;
  source: ImportOrigin;
  /** A file's bytes as read, before decoding. */
  raw?: Buffer;
}

/** Imports one API document (see the top of this file). */
export async function importApiDocument(source: ApiDocSource, options: ImportOptions = {}): Promise<ImportResult> {
  const limits = effectiveLimits(options.limits);
  const mode = options.validation === undefined ? 'schema' : options.validation;
  // Started first: the worker's start-up overlaps reading and parsing.
  const validation = mode ? prepareValidation(mode, limits, options.workers) : undefined;
  try {
    const fetching = { http: options.http, signal: options.signal };
    const root = await loadRoot(source, limits, fetching);
    const { display } = root.origin;
    if (root.bytes >= (options.readOffThreadFrom ?? READ_OFF_THREAD_FROM)) {
      const read = await readOffThread(root, options, limits, validation);
      if (read) return read;
    }
    const parsed = await parseText(root.text, display, limits);
    const openapiVersion = checkApiDocument(parsed.value, display);
    const inspected = inspectValue(parsed.value, display, limits, parsed.format === 'yaml');
    const rootFile = { location: root.location, text: root.text, format: parsed.format, value: parsed.value, bytes: root.bytes };
    const follow = await followReferences({ ...rootFile, refs: inspected.externalRefs }, root.origin, options, limits, fetching);
    options.signal?.throwIfAborted();
    if (follow.blocked.length > 0) {
      validation?.cancel();
      const refs = follow.blocked.map(shownReference);
      return {
        status: 'needs-consent',
        source: root.source,
        refs,
        message: `${display} refers to ${refs.length === 1 ? 'a document' : `${refs.length} documents`} outside its folder or on another server (${refs
          .slice(0, 3)
          .map((ref) => shownRef(ref.ref))
          .join(', ')}${refs.length > 3 ? ', …' : ''}): allow ${refs.length === 1 ? 'it' : 'them'} to import the document, or remove the references.`,
      };
    }
    const bundled = follow.files.length > 0;
    let document = bundled
      ? await bundleDocument(rootFile, root.origin.location ?? path.resolve('/crosswalk-pasted-document'), follow.files)
      : (parsed.value as Record<string, unknown>);
    if (bundled) {
      const leftover = inspectValue(document, display, { ...limits, maxNestingDepth: Number.MAX_SAFE_INTEGER }).externalRefs;
      if (leftover.length > 0) {
        throw new UserError('API_DOC_REF_UNRESOLVED', `${display} still has the reference "${shownRef(leftover[0]!.ref)}" after bundling (at #${leftover[0]!.pointer}): check it.`);
      }
    }

    // From here on, only the document without its credentials: it is what is validated, catalogued and kept.
    const placeholders = new CredentialPlaceholders();
    let text = root.text;
    let files = follow.files.map(({ location, text: fileText, format }) => ({ location: shownRef(location), text: fileText, format }));
    if (mayHoldCredentials(root.text) || follow.files.some((file) => mayHoldCredentials(file.text))) {
      // Bundling changed the parsed values in place: the texts are read again.
      const valueOf = async (fileText: string, shownAs: string) => (bundled ? (await parseText(fileText, shownAs, limits)).value : parsed.value);
      text = textWithoutCredentials(root.text, parsed.format, await valueOf(root.text, display), placeholders);
      files = await Promise.all(
        files.map(async (file) => ({ ...file, text: textWithoutCredentials(file.text, file.format, (await parseText(file.text, file.location, limits)).value, placeholders) })),
      );
      document = withoutCredentials(document, placeholders);
    }

    const brokenRefIssues: ValidationIssue[] = follow.brokenRefs
      .map((broken) => ({ message: `$ref "${shownRef(broken.ref)}" in ${shownRef(broken.file)} points to nothing`, path: '' }))
      .concat(inspected.brokenRefs.map((broken) => ({ message: `$ref "${placeholders.text(broken.ref)}" points to nothing in the document`, path: broken.pointer })));
    // Hand the document to the worker before cataloguing, so the two run side by side. A single JSON
    // file goes as its text, parsed again there (cheaper than cloning the object; measured: handing
    // over the UTF-8 bytes instead took more memory, not less); anything else is cloned.
    const pending = validation
      ? validation.start(
          !bundled && parsed.format === 'json' ? { text } : { document },
          bundled ? undefined : { text, format: parsed.format },
          brokenRefIssues,
        )
      : Promise.resolve<ValidationResult>({ valid: false, errors: brokenRefIssues, errorCount: brokenRefIssues.length, mode: 'schema', durationMs: 0, incomplete: 'Validation was not requested.' });
    // A caller that never looks at validation must not see an unhandled rejection (it never rejects, but be sure).
    pending.catch(() => undefined);

    let catalogue: Catalogue;
    let entity: (id: string) => CatalogueEntity | undefined;
    if (options.catalogue === 'outline') {
      ({ catalogue, entity } = buildCatalogueOutline(document));
    } else {
      catalogue = buildCatalogue(document);
      entity = (id) => catalogue.entities.find((candidate) => candidate.id === id);
    }
    const info = (document.info ?? {}) as { title?: unknown; version?: unknown };
    return {
      status: 'imported',
      source: root.source,
      text,
      format: parsed.format,
      files,
      document,
      openapiVersion,
      title: typeof info.title === 'string' ? info.title : info.title === undefined ? '' : String(info.title),
      version: typeof info.version === 'string' ? info.version : info.version === undefined ? '' : String(info.version),
      catalogue,
      entity,
      followedRefs: follow.followed.map(shownReference),
      removedCredentials: placeholders.removed,
      validation: pending,
      cancelValidation: () => validation?.cancel(),
    };
  } catch (error) {
    validation?.cancel();
    throw error;
  }
}

/**
 * A single-file document parsed and catalogued by the reading worker: only the catalogue and the kept
 * text (transferred bytes) come back; the parsed document is made again here only if asked for.
 * Undefined when the document references other files (the main path follows them).
 */
async function readOffThread(root: Root, options: ImportOptions, limits: ImportLimits, validation: ValidationRun | undefined): Promise<ImportedApiDocument | undefined> {
  const { display } = root.origin;
  const catalogueMode = options.catalogue ?? 'full';
  // A file's bytes go undecoded (a copy, moved: the main path may still need them); other text as it is.
  const bytes = root.raw ? new Uint8Array(root.raw).buffer : undefined;
  const read = await (options.workers ?? defaultWorkerRunner).run(
    readDocumentJob,
    {
      ...(bytes ? { bytes } : { text: root.text }),
      display,
      limits: { maxAliasCount: limits.maxAliasCount, maxNestingDepth: limits.maxNestingDepth, maxStringLength: limits.maxStringLength },
      catalogue: catalogueMode,
    },
    { signal: options.signal, transfer: bytes ? [bytes] : [] },
  );
  if (read.status === 'references') return undefined;
  if (read.root) checkApiDocument(standInFor(read.root), display);
  if (read.status === 'refused') {
    // The worker's version rule was stricter than checkApiDocument's: read it here.
    if (read.message === '') return undefined;
    throw new UserError(read.code, read.message);
  }
  const openapiVersion = checkApiDocument(standInFor(read.root), display);
  const text = new TextDecoder().decode(read.bytes);
  let document: Record<string, unknown> | undefined;
  const parseKept = () =>
    (document ??= (read.format === 'json' ? JSON.parse(text) : loadYaml().parse(text, { merge: false, version: '1.2', maxAliasCount: limits.maxAliasCount })) as Record<
      string,
      unknown
    >);
  let outline: ((id: string) => CatalogueEntity | undefined) | undefined;
  const { catalogue } = read;
  const entity =
    catalogueMode === 'outline'
      ? (id: string) => (outline ??= buildCatalogueOutline(parseKept()).entity)(id)
      : (id: string) => catalogue.entities.find((candidate) => candidate.id === id);
  const brokenRefIssues: ValidationIssue[] = read.brokenRefs.map((broken) => ({ message: `$ref "${broken.ref}" points to nothing in the document`, path: broken.pointer }));
  const pending = validation
    ? validation.start({ bytes: read.bytes, format: read.format }, { text, format: read.format }, brokenRefIssues)
    : Promise.resolve<ValidationResult>({ valid: false, errors: brokenRefIssues, errorCount: brokenRefIssues.length, mode: 'schema', durationMs: 0, incomplete: 'Validation was not requested.' });
  pending.catch(() => undefined);
  return {
    status: 'imported',
    source: root.source,
    text,
    format: read.format,
    files: [],
    get document() {
      return parseKept();
    },
    openapiVersion,
    title: read.title,
    version: read.version,
    catalogue,
    entity,
    followedRefs: [],
    removedCredentials: read.removedCredentials,
    validation: pending,
    cancelValidation: () => validation?.cancel(),
  };
}

async function loadRoot(source: ApiDocSource, limits: ImportLimits, fetching: Omit<FetchOptions, 'mayFollow'>): Promise<Root> {
  if (typeof source === 'string') {
    if (/^https?:\/\//i.test(source)) return loadUrl(source, limits, fetching);
    if (/^[a-z][a-z0-9+.-]+:\/\//i.test(source)) {
      throw new UserError('API_DOC_SOURCE', `Crosswalk cannot import from ${defaultRedactor.url(source)}: give a file path or an http(s) address.`);
    }
    return loadFile(source, limits);
  }
  if ('file' in source) return loadFile(source.file, limits);
  if ('url' in source) return loadUrl(source.url, limits, fetching);
  return loadPasted(source.text, source.baseFolder, limits);
}

async function loadFile(file: string, limits: ImportLimits): Promise<Root> {
  const given = path.resolve(file);
  let real: string;
  try {
    real = await fs.promises.realpath(given);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new UserError('API_DOC_NOT_FOUND', `There is no file at ${given}: check the path.`);
    throw new UserError('API_DOC_UNREADABLE', `Cannot read ${given} (${(error as Error).message}): check the path and its permissions.`);
  }
  // Decoded when first needed: a large document is decoded by the reading worker instead.
  const raw = await readFileBytes(real, given, limits);
  let text: string | undefined;
  return {
    location: real,
    get text() {
      return (text ??= decodeText(raw, given));
    },
    raw,
    bytes: raw.length,
    format: 'json',
    value: undefined,
    origin: { display: given, location: real, folder: path.dirname(real) },
    source: { kind: 'file', location: real },
  };
}

async function loadUrl(url: string, limits: ImportLimits, fetching: Omit<FetchOptions, 'mayFollow'>): Promise<Root> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new UserError('API_DOC_SOURCE', `${defaultRedactor.url(url)} is not a valid address: check it (it should look like https://example.com/openapi.json).`);
  }
  // Redirects are followed wherever they lead (the analyst asked for this address); the final address
  // becomes the root's location and origin, and so what its references may reach.
  const fetched = await fetchText(parsed.href, limits, fetching);
  return {
    location: fetched.url,
    text: fetched.text,
    bytes: fetched.bytes,
    format: 'json',
    value: undefined,
    origin: { display: defaultRedactor.url(parsed.href), location: fetched.url, origin: new URL(fetched.url).origin },
    source: { kind: 'url', location: defaultRedactor.url(fetched.url) },
  };
}

async function loadPasted(text: string, baseFolder: string | undefined, limits: ImportLimits): Promise<Root> {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > limits.maxDocumentBytes) throw tooLarge(PASTED, limits.maxDocumentBytes);
  if (text.includes('\0')) decodeText(Buffer.from([0]), PASTED); // throws the "not a text" error
  let folder: string | undefined;
  if (baseFolder !== undefined) {
    try {
      folder = await fs.promises.realpath(path.resolve(baseFolder));
      if (!(await fs.promises.stat(folder)).isDirectory()) throw new Error('not a folder');
    } catch {
      throw new UserError('API_DOC_SOURCE', `The folder ${path.resolve(baseFolder)} given for the pasted text does not exist or is not a folder: choose the folder the document's files are in.`);
    }
  }
  return {
    location: folder ? path.join(folder, 'pasted-document') : '',
    text,
    bytes,
    format: 'json',
    value: undefined,
    origin: folder ? { display: PASTED, location: path.join(folder, 'pasted-document'), folder } : { display: PASTED },
    source: { kind: 'text', location: 'pasted text' },
  };
}

/** The `openapi`/`swagger` value of a Swagger 2.0 / OpenAPI 3.0 / 3.1 document; a UserError for anything else. */
function checkApiDocument(value: unknown, display: string): string {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    const what = Array.isArray(value) ? 'a list' : value === null ? 'null' : `a single ${typeof value === 'string' ? 'text' : typeof value} value`;
    throw new UserError(
      'API_DOC_NOT_API',
      `${display} is neither Swagger 2.0 nor OpenAPI 3.x: it is ${what}, not an object with an \`openapi\` or \`swagger\` field; choose the API document itself.`,
    );
  }
  const record = value as Record<string, unknown>;
  const field = record.openapi !== undefined ? 'openapi' : record.swagger !== undefined ? 'swagger' : undefined;
  if (!field) {
    throw new UserError(
      'API_DOC_NOT_API',
      `${display} is neither Swagger 2.0 nor OpenAPI 3.x: it has no \`openapi\` or \`swagger\` field; choose the API document itself (a JSON Schema or an example payload is not one).`,
    );
  }
  const version = record[field];
  if (typeof version !== 'string') {
    throw new UserError(
      'API_DOC_VERSION',
      `${display} gives its ${field} version as ${JSON.stringify(version)}, not as text: write it in quotes, e.g. ${field}: "${field === 'swagger' ? '2.0' : '3.0.3'}".`,
    );
  }
  const supported = field === 'swagger' ? version === '2.0' : /^3\.[01]\.\d+$/.test(version);
  if (field === 'openapi' && /^3\.[01]$/.test(version)) {
    throw new UserError(
      'API_DOC_VERSION',
      `${display} gives its openapi version as "${version}", without the patch number OpenAPI requires: write openapi: "${version}.0" (or the exact ${version}.x release it follows).`,
    );
  }
  if (!supported) {
    throw new UserError(
      'API_DOC_VERSION',
      `${display} is ${field === 'swagger' ? 'Swagger' : 'OpenAPI'} ${version}, which Crosswalk cannot read: it reads Swagger 2.0 and OpenAPI 3.0 and 3.1 (convert the document, e.g. with swagger2openapi or your API tool's export).`,
    );
  }
  return version;
}

