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
    if (stat.isDirectory()) throw new UserError('SPEC_NOT_A_FILE', `${display} is a folder, not an API document: choose the document file itself (JSON or YAML).`);
    if (!stat.isFile()) throw new UserError('SPEC_NOT_A_FILE', `${display} is not a regular file: choose the API document file itself (JSON or YAML).`);
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
  if (code === 'ENOENT' || code === 'ENOTDIR') return new UserError('SPEC_NOT_FOUND', `There is no file at ${display}: check the path.`);
  if (code === 'EISDIR') return new UserError('SPEC_NOT_A_FILE', `${display} is a folder, not an API document: choose the document file itself (JSON or YAML).`);
  if (code === 'EACCES' || code === 'EPERM') return new UserError('SPEC_UNREADABLE', `Crosswalk is not allowed to read ${display} (permission denied): check the file's permissions.`);
  return new UserError('SPEC_UNREADABLE', `Cannot read ${display} (${(error as Error).message}): check the file.`);
}

export function tooLarge(display: string, limit: number): UserError {
  return new UserError(
    'SPEC_TOO_LARGE',
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
    'SPEC_NOT_TEXT',
    `${display} is not a text file (it holds binary data, or text that is not UTF-8): choose the API document itself, a JSON or YAML file.`,
  );
}

/**
 * Downloads a document over http(s): the whole exchange (connection, headers, body) must end within
 * `limits.fetchTimeoutMs`, and the body may not exceed `limits.maxDocumentBytes` (checked while it arrives).
 */
export async function fetchText(url: string, limits: Pick<ImportLimits, 'maxDocumentBytes' | 'fetchTimeoutMs'>): Promise<FetchedText> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, limits.fetchTimeoutMs);
  try {
    let response: Response;
    try {
      response = await fetch(url, {
        signal: controller.signal,
        redirect: 'follow',
        headers: { accept: 'application/json, application/yaml, text/yaml, application/x-yaml, text/plain;q=0.9, */*;q=0.5' },
      });
    } catch (error) {
      throw fetchError(url, error, timedOut, limits.fetchTimeoutMs);
    }
    const finalUrl = response.url || url;
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
      throw new UserError('SPEC_HTTP_STATUS', `${url} answered HTTP ${status} instead of the API document: ${hint}.`);
    }
    const declared = Number(response.headers.get('content-length') ?? NaN);
    if (declared > limits.maxDocumentBytes) {
      controller.abort();
      throw tooLarge(url, limits.maxDocumentBytes);
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
            throw tooLarge(url, limits.maxDocumentBytes);
          }
          chunks.push(value);
        }
      }
    } catch (error) {
      if (error instanceof UserError) throw error;
      throw fetchError(url, error, timedOut, limits.fetchTimeoutMs);
    }
    const buffer = Buffer.concat(chunks, bytes);
    if (/^text\/html\b/i.test(contentType) || /^\s*<(!doctype|html)/i.test(buffer.subarray(0, 256).toString('latin1'))) {
      throw new UserError(
        'SPEC_NOT_API',
        `${url} returned a web page (HTML), not an API document: use the address of the raw JSON or YAML file (often behind a "Download" or "Raw" link).`,
      );
    }
    return { url: finalUrl, text: decodeText(buffer, url), bytes, contentType };
  } finally {
    clearTimeout(timer);
  }
}

function fetchError(url: string, error: unknown, timedOut: boolean, timeoutMs: number): UserError {
  if (timedOut) {
    return new UserError(
      'SPEC_FETCH_TIMEOUT',
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
    return new UserError('SPEC_FETCH_DNS', `Cannot download ${url}: the host name ${host} was not found (DNS): check the address and the network connection.`);
  }
  if (code === 'ECONNREFUSED') {
    return new UserError('SPEC_FETCH_REFUSED', `Cannot download ${url}: ${host} refused the connection: check the address and port, and that the server is running.`);
  }
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET' || code === 'EPIPE') {
    return new UserError('SPEC_FETCH_RESET', `Cannot download ${url}: ${host} closed the connection before the document arrived: try again, or download it and import the file.`);
  }
  if (code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'ETIMEDOUT' || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') {
    return new UserError('SPEC_FETCH_TIMEOUT', `${url} did not answer in time: try again later, or download the document and import the file.`);
  }
  if (/CERT|SSL|TLS/i.test(code)) {
    return new UserError('SPEC_FETCH_TLS', `Cannot download ${url}: its TLS certificate is not trusted (${code}): check the address, or download the document and import the file.`);
  }
  const detail = cause?.message ?? (error as Error)?.message ?? String(error);
  return new UserError('SPEC_FETCH_FAILED', `Cannot download ${url} (${detail}): check the address, or download the document and import the file.`);
}

export function formatSeconds(ms: number): string {
  const seconds = ms / 1000;
  return seconds === 1 ? '1 second' : `${+seconds.toFixed(seconds < 1 ? 3 : seconds < 10 ? 1 : 0)} seconds`;
}
