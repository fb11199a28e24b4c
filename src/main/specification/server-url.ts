import { redactUrl } from '../openapi/load/source';

/**
 * A server address from an API document as the spec shows it: `user:password@` and query values (an
 * api_key=… some documents carry) removed, like an imported document's source; any other address as written.
 */
export function serverUrlForSpec(url: string): string {
  return /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*@|\?/i.test(url) ? redactUrl(url) : url;
}
