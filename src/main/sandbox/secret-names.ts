// Which rows of a request are secrets on entry (typed, pasted as cURL, imported from a collection):
// Authorization, Cookie and Proxy-Authorization headers, API-key headers, and any header, query
// parameter, form field or variable whose name the one redaction takes for a credential.
import { looksSecret } from '../platform/redact';

const SECRET_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie']);

export function isSecretHeader(name: string): boolean {
  return SECRET_HEADERS.has(name.trim().toLowerCase()) || looksSecret(name);
}

/** A query parameter, form field or variable. */
export function isSecretName(name: string): boolean {
  return looksSecret(name);
}
