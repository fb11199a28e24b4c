// A PAC answer ("PROXY host:port; HTTPS host:port; DIRECT"), as FindProxyForURL and Electron's
// session.resolveProxy give it, read into the proxy to use. Entries are tried in order; SOCKS ones are
// skipped (Crosswalk speaks only to HTTP and HTTPS proxies), and an answer naming nothing else is refused.
import { defaultRedactor } from '../redact';
import { HttpError } from './errors';

const SOCKS = new Set(['SOCKS', 'SOCKS4', 'SOCKS5']);

/** The proxy for `url` this answer chooses; undefined for DIRECT (and for an empty answer, as browsers read it). */
export function proxyFromPacAnswer(answer: string, url: URL): URL | undefined {
  const entries = answer
    .split(';')
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.length === 0) return undefined;
  for (const entry of entries) {
    const [kind = '', where] = entry.split(/\s+/);
    const upper = kind.toUpperCase();
    if (upper === 'DIRECT') return undefined;
    if ((upper === 'PROXY' || upper === 'HTTP') && where) return new URL(`http://${where}`);
    if (upper === 'HTTPS' && where) return new URL(`https://${where}`);
  }
  const target = defaultRedactor.url(url);
  const details = { url: target, proxy: true };
  if (entries.every((entry) => SOCKS.has(entry.split(/\s+/)[0]!.toUpperCase()))) {
    throw new HttpError('PROXY', `The proxy configuration sends ${target} through a SOCKS proxy (${entries.join('; ')}), which Crosswalk cannot use: give this environment an HTTP proxy address, or ask for one that allows HTTP.`, details);
  }
  throw new HttpError('PROXY', `The proxy configuration answered "${answer.trim()}" for ${target}, which names no proxy Crosswalk can use (PROXY host:port, HTTPS host:port or DIRECT): correct the PAC file or choose a proxy address.`, details);
}
