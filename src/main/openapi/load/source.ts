// Reading a document's bytes from a file or a URL, within the size and time limits, and turning
// them into text. Every failure is a UserError naming the file or address and what to do.
import { isUtf8 } from 'node:buffer';
import fs from 'node:fs';
import { UserError } from '../../errors';
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

/** Reads a file (symlinks resolved) of at most `limits.maxDocumentBytes`; `display` names it in messages. */
export async function readTextFile(file: string, display: string, limits: Pick<ImportLimits, 'maxDocumentBytes'>): Promise<ReadText> {
  let handle: fs.promises.FileHandle;
  try {
    handle = await fs.promises.open(file, 'r');
  } catch (error) {
    throw fileError(error, display);
  }
  try {
    const stat = await handle.stat();
    if (stat.isDirectory()) throw new UserError('API_DOC_NOT_A_FILE', `${display} is a folder, not an API document: choose the document file itself (JSON or YAML).`);
    if (!stat.isFile()) throw new UserError('API_DOC_NOT_A_FILE', `${display} is not a regular file: choose the API document file itself (JSON or YAML).`);
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
    return { text: decodeText(buffer.subarray(0, length), display), bytes: length };
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw fileError(error, display);
  } finally {
    await handle.close();
  }
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
  if (body.includes(0) || !isUtf8(body)) throw notText(display);
  return body.toString('utf8');
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

/**
 * A URL fit to store or show: without `user:password@`, and with every query parameter's value replaced
 * by `***` (names kept; a parameter without `=` becomes `***` too, as it may be a bare token).
 */
export function redactUrl(url: string): string {
  const redactQuery = (query: string) =>
    query
      .split('&')
      .map((part) => (part === '' ? part : part.includes('=') ? `${part.slice(0, part.indexOf('='))}=***` : '***'))
      .join('&');
  try {
    const parsed = new URL(url);
    parsed.username = '';
    parsed.password = '';
    if (parsed.search.length > 1) parsed.search = `?${redactQuery(parsed.search.slice(1))}`;
    return parsed.href;
  } catch {
    // Not a well-formed URL: redact by pattern.
    return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/?#]*@/i, '$1').replace(/\?([^#]*)/, (_, query: string) => `?${redactQuery(query)}`);
  }
}

/** The request address without credentials, and the credentials as a Basic Authorization header (fetch refuses them in the URL). */
function splitCredentials(url: URL): { href: string; authorization?: string } {
  const bare = new URL(url.href);
  bare.hash = '';
  if (!url.username && !url.password) return { href: bare.href };
  bare.username = '';
  bare.password = '';
  const decode = (value: string) => {
    try {
      return decodeURIComponent(value);
    } catch {
      return value;
    }
  };
  const credentials = `${decode(url.username)}:${decode(url.password)}`;
  return { href: bare.href, authorization: `Basic ${Buffer.from(credentials, 'utf8').toString('base64')}` };
}

/**
 * Downloads a document over http(s): the whole exchange (connection, redirects, headers, body) must end
 * within `limits.fetchTimeoutMs`, and the body may not exceed `limits.maxDocumentBytes` (checked while it
 * arrives). Redirects are followed here, at most MAX_REDIRECTS of them, and only to http(s): each
 * `Location` is checked by `mayFollow` (when given) before anything is requested from it; one it refuses
 * ends the download as a BlockedRedirect. Credentials in the URL go as a Basic Authorization header, and
 * only to the origin they were given for. Messages show addresses through redactUrl().
 */
export function fetchText(url: string, limits: Pick<ImportLimits, 'maxDocumentBytes' | 'fetchTimeoutMs'>): Promise<FetchedText>;
export function fetchText(
  url: string,
  limits: Pick<ImportLimits, 'maxDocumentBytes' | 'fetchTimeoutMs'>,
  mayFollow: (location: string) => boolean,
): Promise<FetchedText | BlockedRedirect>;
export async function fetchText(
  url: string,
  limits: Pick<ImportLimits, 'maxDocumentBytes' | 'fetchTimeoutMs'>,
  mayFollow?: (location: string) => boolean,
): Promise<FetchedText | BlockedRedirect> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, limits.fetchTimeoutMs);
  const first = new URL(url);
  let current = first;
  let shown = redactUrl(current.href);
  try {
    let response: Response;
    for (let hops = 0; ; hops++) {
      const { href, authorization } = splitCredentials(current);
      try {
        response = await fetch(href, {
          signal: controller.signal,
          redirect: 'manual',
          headers: {
            accept: 'application/json, application/yaml, text/yaml, application/x-yaml, text/plain;q=0.9, */*;q=0.5',
            ...(authorization ? { authorization } : {}),
          },
        });
      } catch (error) {
        throw fetchError(shown, error, timedOut, limits.fetchTimeoutMs);
      }
      const location = response.headers.get('location');
      if (response.status < 300 || response.status > 399 || response.status === 304 || location === null) break;
      await response.body?.cancel().catch(() => undefined);
      let next: URL;
      try {
        next = new URL(location, current);
      } catch {
        throw new UserError('API_DOC_FETCH_REDIRECT', `${shown} redirected to "${redactUrl(location)}", which is not a valid address: check the address, or download the document and import the file.`);
      }
      if (next.protocol !== 'http:' && next.protocol !== 'https:') {
        throw new UserError('API_DOC_FETCH_REDIRECT', `${shown} redirected to ${redactUrl(next.href)}, which is not an http(s) address: check the address, or download the document and import the file.`);
      }
      if (hops + 1 > MAX_REDIRECTS) {
        throw new UserError('API_DOC_FETCH_REDIRECT', `${redactUrl(url)} redirected more than ${MAX_REDIRECTS} times: check the address, or download the document and import the file.`);
      }
      // Credentials given for one origin are not handed to another.
      if (next.origin !== first.origin) {
        next.username = '';
        next.password = '';
      }
      next.hash = '';
      if (mayFollow && !mayFollow(next.href)) {
        controller.abort();
        return { blockedRedirect: next.href };
      }
      current = next;
      shown = redactUrl(current.href);
    }
    const finalUrl = current.href;
    const contentType = response.headers.get('content-type') ?? '';
    if (!response.ok) {
      controller.abort();
      const status = `${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
      const hint =
        response.status === 401 || response.status === 403
          ? 'the document must be downloadable without signing in: download it in a browser and import the file'
          : response.status === 404 || response.status === 410
            ? 'check the address'
            : response.status >= 500
              ? 'the server failed: try again later, or download the document and import the file'
              : 'check the address';
      throw new UserError('API_DOC_HTTP_STATUS', `${shown} answered HTTP ${status} instead of the API document: ${hint}.`);
    }
    const declared = Number(response.headers.get('content-length') ?? NaN);
    if (declared > limits.maxDocumentBytes) {
      controller.abort();
      throw tooLarge(shown, limits.maxDocumentBytes);
    }
    const chunks: Uint8Array[] = [];
    let bytes = 0;
    try {
      if (response.body) {
        const reader = response.body.getReader();
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          bytes += value.byteLength;
          if (bytes > limits.maxDocumentBytes) {
            controller.abort();
            throw tooLarge(shown, limits.maxDocumentBytes);
          }
          chunks.push(value);
        }
      }
    } catch (error) {
      if (error instanceof UserError) throw error;
      throw fetchError(shown, error, timedOut, limits.fetchTimeoutMs);
    }
    const buffer = Buffer.concat(chunks, bytes);
    if (/^text\/html\b/i.test(contentType) || /^\s*<(!doctype|html)/i.test(buffer.subarray(0, 256).toString('latin1'))) {
      throw new UserError(
        'API_DOC_NOT_API',
        `${shown} returned a web page (HTML), not an API document: use the address of the raw JSON or YAML file (often behind a "Download" or "Raw" link).`,
      );
    }
    return { url: finalUrl, text: decodeText(buffer, shown), bytes, contentType };
  } finally {
    clearTimeout(timer);
  }
}

/** `url` is already redacted; the cause's own text is not shown when it names an address. */
function fetchError(url: string, error: unknown, timedOut: boolean, timeoutMs: number): UserError {
  if (timedOut) {
    return new UserError(
      'API_DOC_FETCH_TIMEOUT',
      `${url} did not deliver the document within ${formatSeconds(timeoutMs)}: try again later, or download it and import the file.`,
    );
  }
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const code = cause?.code ?? (error as NodeJS.ErrnoException).code ?? '';
  let host = url;
  try {
    host = new URL(url).host;
  } catch {
    // keep the whole address
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME' || code === 'EAI_FAIL') {
    return new UserError('API_DOC_FETCH_DNS', `Cannot download ${url}: the host name ${host} was not found (DNS): check the address and the network connection.`);
  }
  if (code === 'ECONNREFUSED') {
    return new UserError('API_DOC_FETCH_REFUSED', `Cannot download ${url}: ${host} refused the connection: check the address and port, and that the server is running.`);
  }
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET' || code === 'EPIPE') {
    return new UserError('API_DOC_FETCH_RESET', `Cannot download ${url}: ${host} closed the connection before the document arrived: try again, or download it and import the file.`);
  }
  if (code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'ETIMEDOUT' || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') {
    return new UserError('API_DOC_FETCH_TIMEOUT', `${url} did not answer in time: try again later, or download the document and import the file.`);
  }
  if (/CERT|SSL|TLS/i.test(code)) {
    return new UserError('API_DOC_FETCH_TLS', `Cannot download ${url}: its TLS certificate is not trusted (${code}): check the address, or download the document and import the file.`);
  }
  const raw = cause?.message ?? (error as Error)?.message ?? String(error);
  const detail = raw.replace(/[a-z][a-z0-9+.-]*:\/\/[^\s"'<>]+/gi, (address) => redactUrl(address));
  return new UserError('API_DOC_FETCH_FAILED', `Cannot download ${url} (${detail}): check the address, or download the document and import the file.`);
}

export function formatSeconds(ms: number): string {
  const seconds = ms / 1000;
  return seconds === 1 ? '1 second' : `${+seconds.toFixed(seconds < 1 ? 3 : seconds < 10 ? 1 : 0)} seconds`;
}
