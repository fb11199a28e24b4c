// Reading a document's bytes from a file or a URL, within the size and time limits, and turning
// them into text. Every failure is a UserError naming the file or address and what to do.
import fs from 'node:fs';
import type { Readable } from 'node:stream';
import { UserError } from '../../errors';
import { HttpError, type HttpResponse, type HttpService, createHttpService, readBody } from '../../platform/http';
import { defaultRedactor } from '../../platform/redact';
import { type ImportLimits, formatBytes } from './limits';

export interface FetchedText extends ReadText {
  /** The address the text came from after redirects (the base for relative references). */
  url: string;
  contentType: string;
}

export interface ReadText {
  text: string;
  bytes: number;
}

// Opening a named pipe for reading waits for a writer: non-blocking, so that one swapped in after the
// check below is still refused at once (the flag means nothing for a regular file).
const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0);

/**
 * Reads a file (symlinks resolved) of at most `limits.maxDocumentBytes`; `display` names it in messages.
 * Anything but a regular file (a folder, a named pipe, a device) is refused before it is opened.
 */
export async function readTextFile(file: string, display: string, limits: Pick<ImportLimits, 'maxDocumentBytes'>): Promise<ReadText> {
  const bytes = await readFileBytes(file, display, limits);
  return { text: decodeText(bytes, display), bytes: bytes.length };
}

/** readTextFile's bytes, not yet decoded (for a reader that decodes them elsewhere, e.g. in a worker). */
export async function readFileBytes(file: string, display: string, limits: Pick<ImportLimits, 'maxDocumentBytes'>): Promise<Buffer> {
  try {
    checkRegularFile(await fs.promises.stat(file), display);
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw fileError(error, display);
  }
  let handle: fs.promises.FileHandle;
  try {
    handle = await fs.promises.open(file, OPEN_FLAGS);
  } catch (error) {
    throw fileError(error, display);
  }
  try {
    const stat = await handle.stat();
    checkRegularFile(stat, display);
    if (stat.size > limits.maxDocumentBytes) throw tooLarge(display, limits.maxDocumentBytes);
    // Read at most one byte more than allowed, in case the file grew after stat.
    const buffer = Buffer.allocUnsafe(Math.min(stat.size, limits.maxDocumentBytes) + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length === buffer.length) break;
    }
    if (length > limits.maxDocumentBytes) throw tooLarge(display, limits.maxDocumentBytes);
    return buffer.subarray(0, length);
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw fileError(error, display);
  } finally {
    await handle.close();
  }
}

function checkRegularFile(stat: fs.Stats, display: string): void {
  if (stat.isFile()) return;
  if (stat.isDirectory()) throw new UserError('API_DOC_NOT_A_FILE', `${display} is a folder, not an API document: choose the document file itself (JSON or YAML).`);
  const kind = stat.isFIFO() ? 'a named pipe' : stat.isSocket() ? 'a socket' : stat.isCharacterDevice() || stat.isBlockDevice() ? 'a device' : 'a special file';
  throw new UserError('API_DOC_NOT_A_FILE', `${display} is not a regular file (it is ${kind}): choose the API document file itself (JSON or YAML).`);
}

function fileError(error: unknown, display: string): UserError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return new UserError('API_DOC_NOT_FOUND', `There is no file at ${display}: check the path.`);
  if (code === 'EISDIR') return new UserError('API_DOC_NOT_A_FILE', `${display} is a folder, not an API document: choose the document file itself (JSON or YAML).`);
  if (code === 'EACCES' || code === 'EPERM') return new UserError('API_DOC_UNREADABLE', `Crosswalk is not allowed to read ${display} (permission denied): check the file's permissions.`);
  return new UserError('API_DOC_UNREADABLE', `Cannot read ${display} (${(error as Error).message}): check the file.`);
}

export function tooLarge(display: string, limit: number): UserError {
  return new UserError(
    'API_DOC_TOO_LARGE',
    `${display} is larger than ${formatBytes(limit)}, the limit for an API document: check it is the right file, or raise the limit if this API really is that large.`,
  );
}

/**
 * Bytes to text: UTF-8 (with or without a byte order mark) or UTF-16 with a byte order mark.
 * Anything else (NUL bytes, invalid UTF-8) is binary, not an API document.
 */
export function decodeText(buffer: Buffer, display: string): string {
  if (buffer.length >= 2 && ((buffer[0] === 0xff && buffer[1] === 0xfe) || (buffer[0] === 0xfe && buffer[1] === 0xff))) {
    try {
      return new TextDecoder(buffer[0] === 0xff ? 'utf-16le' : 'utf-16be', { fatal: true }).decode(buffer.subarray(2));
    } catch {
      throw notText(display);
    }
  }
  const start = buffer.length >= 3 && buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf ? 3 : 0;
  const body = buffer.subarray(start);
  if (body.includes(0)) throw notText(display);
  // Checks and decodes in one pass (isUtf8, then toString, reads a large document twice).
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    throw notText(display);
  }
}

function notText(display: string): UserError {
  return new UserError(
    'API_DOC_NOT_TEXT',
    `${display} is not a text file (it holds binary data, or text that is not UTF-8): choose the API document itself, a JSON or YAML file.`,
  );
}

/** A redirect the caller's policy did not allow: nothing was requested from `location`. */
export interface BlockedRedirect {
  blockedRedirect: string;
}

/** Redirects followed for one download before giving up. */
export const MAX_REDIRECTS = 5;

/** The service URL imports use when the caller gives none: proxies from the environment. */
const defaultHttp = createHttpService();

export interface FetchOptions {
  /** Downloads with this service; the module's default one unless given. */
  http?: HttpService;
  /** The caller's cancel: stops the download. */
  signal?: AbortSignal;
  /**
   * Asked before each redirect is followed, with the absolute address it leads to; one it refuses ends
   * the download as a BlockedRedirect (nothing was requested from it).
   */
  mayFollow?: (location: string) => boolean;
}

const ACCEPT = 'application/json, application/yaml, text/yaml, application/x-yaml, text/plain;q=0.9, */*;q=0.5';

/**
 * Downloads a document over http(s) through the http service: the whole exchange (connection, redirects,
 * headers, body) must end within `limits.fetchTimeoutMs`, and the body may not exceed
 * `limits.maxDocumentBytes` (checked while it arrives). At most MAX_REDIRECTS redirects are followed,
 * only to http(s), each checked by `mayFollow` (when given) first. Credentials in the URL go as Basic
 * authorization, and only to the origin they were given for. Messages show addresses redacted (platform/redact).
 */
export function fetchText(url: string, limits: Pick<ImportLimits, 'maxDocumentBytes' | 'fetchTimeoutMs'>, options?: FetchOptions & { mayFollow?: undefined }): Promise<FetchedText>;
export function fetchText(
  url: string,
  limits: Pick<ImportLimits, 'maxDocumentBytes' | 'fetchTimeoutMs'>,
  options: FetchOptions & { mayFollow: (location: string) => boolean },
): Promise<FetchedText | BlockedRedirect>;
export async function fetchText(
  url: string,
  limits: Pick<ImportLimits, 'maxDocumentBytes' | 'fetchTimeoutMs'>,
  options: FetchOptions = {},
): Promise<FetchedText | BlockedRedirect> {
  const { mayFollow } = options;
  // The service's time-outs are per phase; a download also has one deadline for all of it.
  const deadline = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    deadline.abort();
  }, limits.fetchTimeoutMs);
  let blockedRedirect: string | undefined;
  try {
    let response: HttpResponse<Readable>;
    try {
      response = await (options.http ?? defaultHttp).request({
        url,
        headers: { accept: ACCEPT },
        timeoutMs: limits.fetchTimeoutMs,
        signal: options.signal ? AbortSignal.any([deadline.signal, options.signal]) : deadline.signal,
        maxRedirects: MAX_REDIRECTS,
        mayFollow: mayFollow && ((next) => mayFollow(next) || ((blockedRedirect = next), false)),
        maxBodyBytes: limits.maxDocumentBytes,
        responseBody: 'stream',
      });
    } catch (error) {
      throw fetchError(url, error, timedOut, limits);
    }
    if (blockedRedirect !== undefined) {
      response.body.destroy();
      return { blockedRedirect };
    }
    const shown = defaultRedactor.url(response.url);
    if (response.status < 200 || response.status > 299) {
      response.body.destroy();
      throw statusError(shown, response.status, response.statusText);
    }
    let buffer: Buffer;
    try {
      buffer = await readBody(response.body);
    } catch (error) {
      throw fetchError(url, error, timedOut, limits);
    }
    const contentType = response.headers.get('content-type') ?? '';
    if (/^text\/html\b/i.test(contentType) || /^\s*<(!doctype|html)/i.test(buffer.subarray(0, 256).toString('latin1'))) {
      throw new UserError(
        'API_DOC_NOT_API',
        `${shown} returned a web page (HTML), not an API document: use the address of the raw JSON or YAML file (often behind a "Download" or "Raw" link).`,
      );
    }
    return { url: response.url, text: decodeText(buffer, shown), bytes: buffer.length, contentType };
  } finally {
    clearTimeout(timer);
  }
}

function statusError(shown: string, status: number, statusText: string): UserError {
  const hint =
    status === 401 || status === 403
      ? 'the document must be downloadable without signing in: download it in a browser and import the file'
      : status === 404 || status === 410
        ? 'check the address'
        : status >= 500
          ? 'the server failed: try again later, or download the document and import the file'
          : 'check the address';
  return new UserError('API_DOC_HTTP_STATUS', `${shown} answered HTTP ${status}${statusText ? ` ${statusText}` : ''} instead of the API document: ${hint}.`);
}

/** The service's HttpError as the loader's UserError: messages name the address (redacted) the failure happened at. */
function fetchError(requested: string, error: unknown, timedOut: boolean, limits: Pick<ImportLimits, 'maxDocumentBytes' | 'fetchTimeoutMs'>): Error {
  // The service fails only with HttpError: anything else is a bug, passed on as it is.
  if (!(error instanceof HttpError)) return error as Error;
  const url = defaultRedactor.url(error.url ?? requested);
  if (timedOut || error.code === 'TIMEOUT') {
    return new UserError(
      'API_DOC_FETCH_TIMEOUT',
      `${url} did not deliver the document within ${formatSeconds(limits.fetchTimeoutMs)}: try again later, or download it and import the file.`,
    );
  }
  const download = `Cannot download ${url}`;
  const fix = 'check the address, or download the document and import the file';
  // A proxy is new to the loader: the service's sentence says what to check.
  if (error.proxy) return new UserError('API_DOC_FETCH_PROXY', `${download}: ${lowerFirst(error.message)}`);
  const host = new URL(url).host;
  switch (error.code) {
    case 'TOO_LARGE':
      return tooLarge(url, limits.maxDocumentBytes);
    case 'DNS':
      return new UserError('API_DOC_FETCH_DNS', `${download}: the host name ${host} was not found (DNS): check the address and the network connection.`);
    case 'REFUSED':
      return new UserError('API_DOC_FETCH_REFUSED', `${download}: ${host} refused the connection: check the address and port, and that the server is running.`);
    case 'RESET':
      return new UserError('API_DOC_FETCH_RESET', `${download}: ${host} closed the connection before the document arrived: try again, or download it and import the file.`);
    case 'TLS':
      // The http service's sentence names the certificate and why (self-signed, expired, host name, issuer).
      // (its own advice, written for the sandbox's environments, is left out).
      return new UserError('API_DOC_FETCH_TLS', `${download}: ${lowerFirst(error.message.split(': ')[0]!.replace(/\.$/, ''))}: ${fix}.`);
    case 'TOO_MANY_REDIRECTS':
      return new UserError('API_DOC_FETCH_REDIRECT', `${defaultRedactor.url(requested)} redirected more than ${MAX_REDIRECTS} times: ${fix}.`);
    case 'BAD_REDIRECT':
      // The location is absolute when it could be resolved (and so was not http(s)), as sent when not.
      return new UserError(
        'API_DOC_FETCH_REDIRECT',
        URL.canParse(error.location ?? '')
          ? `${url} redirected to ${defaultRedactor.url(error.location!)}, which is not an http(s) address: ${fix}.`
          : `${url} redirected to "${defaultRedactor.url(error.location ?? '')}", which is not a valid address: ${fix}.`,
      );
    default: {
      // The underlying error's own words, as before the service (addresses in them redacted).
      const cause = error.cause instanceof Error ? error.cause.message : error.message.replace(/\.$/, '');
      return new UserError('API_DOC_FETCH_FAILED', `${download} (${defaultRedactor.text(cause)}): ${fix}.`);
    }
  }
}

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

export function formatSeconds(ms: number): string {
  const seconds = ms / 1000;
  return seconds === 1 ? '1 second' : `${+seconds.toFixed(seconds < 1 ? 3 : seconds < 10 ? 1 : 0)} seconds`;
}
