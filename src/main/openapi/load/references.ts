// Multi-file documents: following a document's external `$ref`s under the safe-reference policy, then
// bundling everything into one document whose `$ref`s are all internal.
//
// Policy: a file document may reference files inside its own folder tree (symlinks resolved), a URL
// document other documents on the same origin, pasted text only files inside the folder it was given;
// everything else (a file outside the folder, any other host, any file from a URL document) is listed
// and not read until the caller consents (allowRefs / allowAll). json-schema-ref-parser bundles, but its
// own resolvers are switched off: it only sees the files this module already read.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { UserError } from '../../errors';
import type { ImportLimits } from './limits';
import { type DocumentFormat, type RefSite, inspectValue, parseText } from './parse';
import { localPointerExists } from './pointer';
import { fetchText, readTextFile, tooLarge, type FetchOptions } from './source';
import { defaultRedactor } from '../../platform/redact';

export type ReferenceKind = 'outside-folder' | 'remote';

/** An external `$ref` the policy does not allow without the analyst's consent. */
export interface ExternalReference {
  /** The `$ref` as written, e.g. `../outside.yaml#/Thing`. */
  ref: string;
  /** Where it is written: the file path or URL, `#`, and the JSON pointer of the object holding it. */
  from: string;
  kind: ReferenceKind;
  /** The file path or URL it resolves to (without `#fragment`): what `allowRefs` names to allow it. */
  target: string;
}

/** Where the root document came from, and so what its references may reach. */
export interface RootOrigin {
  /** Names the root in messages: a path, a URL or "The pasted text". */
  display: string;
  /** The root's own location for resolving relative references: a real file path or a URL; undefined for pasted text without a folder. */
  location?: string;
  /** File references must stay inside this real folder (file imports, pasted text with a folder). */
  folder?: string;
  /** http(s) references on this origin are allowed (URL imports). */
  origin?: string;
}

export interface Consent {
  allowAll?: boolean;
  /** Targets (resolved paths or URLs, as listed in ExternalReference.target) or `$ref`s as written. */
  allowRefs?: string[];
}

export interface LoadedFile {
  /** Real file path or URL. */
  location: string;
  text: string;
  format: DocumentFormat;
  value: unknown;
  bytes: number;
}

export interface FollowResult {
  /** The other files, in the order they were first referenced. */
  files: LoadedFile[];
  /** References outside the policy that were followed with consent. */
  followed: ExternalReference[];
  /** References outside the policy awaiting consent (nothing was read for them). */
  blocked: ExternalReference[];
  /** Internal `$ref`s (in any file) whose target does not exist. */
  brokenRefs: Array<RefSite & { file: string }>;
  /** Whether the root has external references at all (so bundling is needed). */
  external: boolean;
}

const isHttp = (value: string) => /^https?:\/\//i.test(value);

/** A location or `$ref` as shown in messages: URLs redacted (platform/redact: no credentials, no secret query values). */
const shown = (value: string) => (isHttp(value) ? defaultRedactor.url(value) : value);

function splitRef(ref: string): { file: string; fragment: string } {
  const hash = ref.indexOf('#');
  return hash === -1 ? { file: ref, fragment: '' } : { file: ref.slice(0, hash), fragment: ref.slice(hash) };
}

/** Resolves `file` (a `$ref` without fragment) against a location (file path or URL). */
function resolveTarget(file: string, from: string | undefined): { target: string; scheme: 'file' | 'http' } | { relativeWithoutBase: true } | { unsupported: string } {
  const scheme = /^([a-z][a-z0-9+.-]+):/i.exec(file)?.[1]?.toLowerCase();
  if (scheme && scheme.length > 1) {
    if (scheme === 'http' || scheme === 'https') return { target: new URL(file).href, scheme: 'http' };
    if (scheme === 'file') return { target: fileURLToPath(new URL(file)), scheme: 'file' };
    return { unsupported: scheme };
  }
  if (from === undefined) {
    if (path.isAbsolute(file)) return { target: path.resolve(file), scheme: 'file' };
    return { relativeWithoutBase: true };
  }
  if (isHttp(from)) return { target: new URL(file, from).href, scheme: 'http' };
  return { target: fileURLToPath(new URL(file.replace(/\\/g, '/'), pathToFileURL(from))), scheme: 'file' };
}

const inside = (folder: string, file: string) => {
  const relative = path.relative(folder, file);
  return relative === '' || (!relative.startsWith(`..${path.sep}`) && relative !== '..' && !path.isAbsolute(relative));
};

/**
 * Reads every file the root references (directly or through other files) that the policy or the consent
 * allows, breadth first; lists the rest.
 */
export async function followReferences(
  root: LoadedFile & { refs: RefSite[] },
  origin: RootOrigin,
  consent: Consent,
  limits: ImportLimits,
  fetching: Omit<FetchOptions, 'mayFollow'> = {},
): Promise<FollowResult> {
  const allowed = new Set(consent.allowRefs ?? []);
  const loaded = new Map<string, LoadedFile & { refs: RefSite[] }>();
  const files: Array<LoadedFile & { refs: RefSite[] }> = [];
  const followed: ExternalReference[] = [];
  const blocked: ExternalReference[] = [];
  const brokenRefs: FollowResult['brokenRefs'] = [];
  const fragments: Array<{ site: ExternalReference; fragment: string }> = [];
  let totalBytes = root.bytes;
  const queue: Array<LoadedFile & { refs: RefSite[]; display: string; base: string | undefined }> = [
    { ...root, display: origin.display, base: origin.location },
  ];
  if (origin.location) loaded.set(origin.location, root);

  for (let current = queue.shift(); current; current = queue.shift()) {
    for (const site of current.refs) {
      const { file, fragment } = splitRef(site.ref);
      const from = `${current.base === undefined ? current.display : shown(current.base)}#${site.pointer}`;
      let resolved: ReturnType<typeof resolveTarget>;
      try {
        resolved = resolveTarget(file, current.base);
      } catch (error) {
        throw invalidRef(current.display, site, error);
      }
      if ('unsupported' in resolved) {
        throw new UserError(
          'API_DOC_REF_UNSUPPORTED',
          `${current.display} has a reference "${shown(site.ref)}" (at #${site.pointer}) using "${resolved.unsupported}:", which Crosswalk cannot follow: refer to a file beside the document or an http(s) address instead.`,
        );
      }
      if ('relativeWithoutBase' in resolved) {
        const reference: ExternalReference = { ref: site.ref, from, kind: 'outside-folder', target: file };
        if (consent.allowAll || allowed.has(site.ref)) {
          throw new UserError(
            'API_DOC_REF_NO_FOLDER',
            `${current.display} refers to "${shown(site.ref)}" (at #${site.pointer}), which cannot be found without knowing the document's folder: import the file itself, or give the folder it belongs in.`,
          );
        }
        pushOnce(blocked, reference);
        continue;
      }
      const { target, scheme } = resolved;
      let kind: ReferenceKind | undefined;
      let realTarget = target;
      if (scheme === 'http') {
        if (!origin.origin || new URL(target).origin !== origin.origin) kind = 'remote';
      } else if (!origin.folder || !inside(origin.folder, target)) {
        kind = 'outside-folder';
      } else {
        try {
          realTarget = await fs.promises.realpath(target);
        } catch {
          throw missingFile(current.display, site, target);
        }
        if (!inside(origin.folder, realTarget)) kind = 'outside-folder'; // a symlink leading out of the folder
      }
      const reference: ExternalReference = { ref: site.ref, from, kind: kind ?? 'outside-folder', target };
      if (kind) {
        // Consent may name the reference as it was shown (addresses redacted).
        if (!(consent.allowAll || allowed.has(target) || allowed.has(site.ref) || allowed.has(shown(target)) || allowed.has(shown(site.ref)))) {
          pushOnce(blocked, reference);
          continue;
        }
        pushOnce(followed, reference);
      }
      fragments.push({ site: reference, fragment });
      if (loaded.has(target)) continue;
      if (loaded.size + 1 > limits.maxFiles) {
        throw new UserError(
          'API_DOC_TOO_MANY_FILES',
          `${origin.display} references more than ${limits.maxFiles} files, the limit for one API document: check for references that should not be there.`,
        );
      }
      const display = shown(target);
      let text: string;
      let bytes: number;
      if (scheme === 'http') {
        // A redirect may stay on the origin the reference was allowed for (the root's, or the consented
        // target's); one leaving it is checked before anything is requested from it: without consent
        // for the new address, the reference is listed as remote with that address as its target.
        const scope = kind ? new URL(target).origin : origin.origin;
        const fetched = await fetchText(target, limits, {
          ...fetching,
          mayFollow: (next) => consent.allowAll === true || allowed.has(next) || new URL(next).origin === scope,
        });
        if ('blockedRedirect' in fetched) {
          pushOnce(blocked, { ...reference, kind: 'remote', target: fetched.blockedRedirect });
          loaded.set(target, { location: target, text: '', format: 'json', value: undefined, bytes: 0, refs: [] });
          continue;
        }
        if (new URL(fetched.url).origin !== scope) pushOnce(followed, { ...reference, kind: 'remote', target: fetched.url });
        ({ text, bytes } = fetched);
      } else {
        try {
          ({ text, bytes } = await readTextFile(realTarget, display, limits));
        } catch (error) {
          if (error instanceof UserError && error.code === 'API_DOC_NOT_FOUND') throw missingFile(current.display, site, target);
          throw unreadableTarget(current.display, site, display, error);
        }
      }
      totalBytes += bytes;
      if (totalBytes > limits.maxDocumentBytes) throw tooLarge(`${origin.display} with the files it references`, limits.maxDocumentBytes);
      if (text.trim() === '') throw unreadableTarget(current.display, site, display, undefined);
      let parsed: Awaited<ReturnType<typeof parseText>>;
      try {
        parsed = await parseText(text, display, limits);
      } catch (error) {
        throw unreadableTarget(current.display, site, display, error);
      }
      const inspected = inspectValue(parsed.value, display, limits, parsed.format === 'yaml');
      for (const broken of inspected.brokenRefs) brokenRefs.push({ ...broken, file: target });
      const entry = { location: target, text, format: parsed.format, value: parsed.value, bytes, refs: inspected.externalRefs };
      loaded.set(target, entry);
      files.push(entry);
      queue.push({ ...entry, display, base: target });
    }
  }

  // Every followed reference's fragment must exist in the file it names.
  for (const { site, fragment } of fragments) {
    const file = loaded.get(site.target);
    if (!file || file.value === undefined) continue;
    if (fragment && fragment !== '#' && !localPointerExists(file.value, fragment)) {
      throw new UserError(
        'API_DOC_REF_UNRESOLVED',
        `The reference "${shown(site.ref)}" (at ${site.from}) points to ${fragment}, which ${shown(site.target)} does not have: fix the reference or the file.`,
      );
    }
  }
  return { files, followed, blocked, brokenRefs, external: root.refs.length > 0 };
}

function pushOnce(list: ExternalReference[], reference: ExternalReference): void {
  if (!list.some((other) => other.ref === reference.ref && other.from === reference.from)) list.push(reference);
}

/** A `$ref` whose target cannot even be worked out (a malformed address, a file: URL naming a host, an encoded slash). */
function invalidRef(display: string, site: RefSite, error: unknown): UserError {
  const code = (error as NodeJS.ErrnoException).code;
  const reason =
    code === 'ERR_INVALID_FILE_URL_HOST'
      ? 'a file: address may not name a host'
      : code === 'ERR_INVALID_FILE_URL_PATH'
        ? 'its path contains an encoded slash (%2F or %5C) or is not a file path'
        : 'it is not a well-formed address';
  return new UserError(
    'API_DOC_REF_INVALID',
    `${display}: the $ref "${shown(site.ref)}" at #${site.pointer} is not a valid reference (${reason}): write it as a path relative to this document (e.g. ./schemas/pet.yaml#/Pet) or a full http(s) address.`,
  );
}

/**
 * A referenced file that is empty, not text, or not JSON/YAML: blamed as the target of the reference, not
 * as if it were the document the analyst chose. `error` undefined: the file is empty.
 */
function unreadableTarget(display: string, site: RefSite, targetDisplay: string, error: unknown): unknown {
  const where = `${display} refers to "${shown(site.ref)}" (at #${site.pointer})`;
  if (error === undefined) {
    return new UserError('API_DOC_REF_EMPTY', `${where}, but ${targetDisplay} is empty: a $ref must point at a JSON or YAML file (an empty schema is written {}); fill the file or remove the reference.`);
  }
  if (!(error instanceof UserError)) return error;
  if (error.code === 'API_DOC_NOT_TEXT' || error.code === 'API_DOC_NOT_A_FILE') {
    return new UserError(error.code, `${where}, but ${targetDisplay} is ${error.code === 'API_DOC_NOT_TEXT' ? 'not a text file' : 'not a regular file'}: a $ref must point at a JSON or YAML file; fix the reference.`);
  }
  if (error.code === 'API_DOC_SYNTAX' || error.code === 'API_DOC_EMPTY') {
    return new UserError(error.code, `${error.message.replace(/: (fix|choose)[^:]*$/, '')} — it is referenced by ${display} as "${shown(site.ref)}" (at #${site.pointer}): a $ref must point at a JSON or YAML file; fix the file or the reference.`);
  }
  return error;
}

function missingFile(display: string, site: RefSite, target: string): UserError {
  return new UserError(
    'API_DOC_REF_MISSING',
    `${display} refers to "${shown(site.ref)}" (at #${site.pointer}), but there is no file ${target}: add the file or fix the reference.`,
  );
}

/** Keywords that make a `$ref`'s siblings a schema of their own, merged with the target (3.1: both apply). */
const SCHEMA_SIBLINGS = ['properties', 'type', 'items', 'allOf', 'oneOf', 'anyOf', 'required', 'additionalProperties'];

/**
 * The bundler replaces an object holding a `$ref` to another file with the target merged into it, and where
 * that object has schema keywords beside the `$ref` (`$ref: ./Base.yaml` with `properties`), the target's
 * own properties are lost. Written as `allOf: [{ $ref }]` with the same siblings, both are kept, as they are
 * for such a `$ref` within one file.
 */
function keepRefsWithSiblings(value: unknown, seen = new Set<object>()): void {
  if (value === null || typeof value !== 'object' || seen.has(value)) return;
  seen.add(value);
  if (Array.isArray(value)) {
    for (const item of value) keepRefsWithSiblings(item, seen);
    return;
  }
  const record = value as Record<string, unknown>;
  if (typeof record.$ref === 'string' && !record.$ref.startsWith('#') && SCHEMA_SIBLINGS.some((key) => key in record)) {
    const ref = record.$ref;
    delete record.$ref;
    record.allOf = [{ $ref: ref }, ...(Array.isArray(record.allOf) ? record.allOf : [])];
  }
  for (const child of Object.values(record)) keepRefsWithSiblings(child, seen);
}

/**
 * One document with only internal `$ref`s: json-schema-ref-parser's bundle() over the files already
 * read (its own file and http resolvers are off). Mutates the parsed values.
 */
export async function bundleDocument(root: LoadedFile, rootLocation: string, files: LoadedFile[]): Promise<Record<string, unknown>> {
  const byKey = new Map<string, LoadedFile>();
  const key = (location: string) => {
    const withoutHash = location.split('#')[0] ?? location;
    if (isHttp(withoutHash)) return new URL(withoutHash).href;
    let decoded = withoutHash;
    try {
      decoded = withoutHash.startsWith('file:') ? fileURLToPath(withoutHash) : decodeURIComponent(withoutHash);
    } catch {
      // keep as written
    }
    return path.resolve(decoded);
  };
  keepRefsWithSiblings(root.value);
  for (const file of files) {
    byKey.set(key(file.location), file);
    keepRefsWithSiblings(file.value);
  }
  const lookup = (location: string) => {
    const file = byKey.get(key(location));
    if (!file) throw new UserError('API_DOC_REF_MISSING', `The reference to ${location} could not be bundled: it was not read (this is a bug in Crosswalk's import).`);
    return file;
  };
  // Loaded on first use (single-file documents never need it); require(), as in loadYaml().
  const { $RefParser } = createRequire(__filename)('@apidevtools/json-schema-ref-parser') as typeof import('@apidevtools/json-schema-ref-parser');
  const parser = new $RefParser();
  try {
    await parser.bundle(rootLocation, root.value as object, {
      resolve: {
        external: true,
        file: false,
        http: false,
        crosswalk: { order: 1, canRead: true, read: (file: { url: string }) => lookup(file.url).text },
      },
      parse: {
        json: false,
        yaml: false,
        text: false,
        binary: false,
        // allowEmpty: a referenced file holding {} is an empty schema, which is valid.
        crosswalk: { order: 1, canParse: true, allowEmpty: true, parse: (file: { url: string }) => lookup(file.url).value },
      },
    } as never);
  } catch (error) {
    if (error instanceof UserError) throw error;
    // The parser names its plugin ("… as crosswalk"): an internal name the analyst has no use for.
    const reason = (error as Error).message.replace(/ as crosswalk\.?\s*/g, ': ').replace(/\s*\n\s*/g, ' ');
    throw new UserError('API_DOC_REF_UNRESOLVED', `The references between the document's files could not be bundled (${reason}): check them.`);
  }
  return parser.schema as Record<string, unknown>;
}

