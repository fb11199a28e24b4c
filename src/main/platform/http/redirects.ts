// Following a redirect: where it leads (checked before anything is requested from there), and what
// the next request keeps of the last one.
import { defaultRedactor } from '../redact';
import { HttpError } from './errors';

export interface Outgoing {
  /** As given, credentials included (they go as Basic authorization). */
  url: URL;
  method: string;
  /** Lower-case names. */
  headers: Record<string, string | string[]>;
  body?: string | Buffer | Uint8Array;
}

/** Headers that speak for the caller: not handed to another origin. */
const CREDENTIAL_HEADERS = ['authorization', 'cookie', 'proxy-authorization'];
/** Headers describing a request body: dropped with the body. */
const BODY_HEADERS = ['content-type', 'content-length', 'content-encoding', 'content-language', 'content-location'];

/**
 * Where a 3xx answer (not 304) with a Location leads: an http(s) address without its fragment, and
 * without credentials when it leaves the origin. Undefined when the answer is no redirect; a
 * BAD_REDIRECT error when the Location is not a valid http(s) address.
 */
export function redirectTarget(status: number, location: string | undefined, from: URL): URL | undefined {
  if (status < 300 || status > 399 || status === 304 || location === undefined) return undefined;
  const details = { url: defaultRedactor.url(from) };
  let next: URL;
  try {
    next = new URL(location, from);
  } catch {
    throw new HttpError('BAD_REDIRECT', `${defaultRedactor.url(from)} redirected to "${defaultRedactor.url(location)}", which is not a valid address.`, { ...details, location: defaultRedactor.url(location) });
  }
  if (next.protocol !== 'http:' && next.protocol !== 'https:') {
    throw new HttpError('BAD_REDIRECT', `${defaultRedactor.url(from)} redirected to ${defaultRedactor.url(next)}, which is not an http(s) address.`, { ...details, location: defaultRedactor.url(next) });
  }
  if (next.origin !== from.origin) {
    next.username = '';
    next.password = '';
  }
  next.hash = '';
  return next;
}

/** The request a redirect leads to: 303, and 301/302 after a POST, become a GET without body (as browsers and curl do). */
export function redirected(previous: Outgoing, status: number, next: URL): Outgoing {
  const headers = { ...previous.headers };
  if (next.origin !== previous.url.origin) for (const name of CREDENTIAL_HEADERS) delete headers[name];
  const toGet = (status === 303 && previous.method !== 'HEAD') || ((status === 301 || status === 302) && previous.method === 'POST');
  if (!toGet) return { ...previous, url: next, headers };
  for (const name of BODY_HEADERS) delete headers[name];
  return { url: next, method: 'GET', headers };
}
