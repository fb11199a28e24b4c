// The proxy the environment asks for, the way curl and undici read it: HTTPS_PROXY for https
// addresses (HTTP_PROXY when it is not set), HTTP_PROXY for http, the lower-case names first; NO_PROXY
// lists hosts (and their subdomains) reached directly, each optionally with :port, or `*` for all.
// Loopback addresses are not exempt by themselves: list them in NO_PROXY. (A ProxyResolver.)
import { isIPv6 } from 'node:net';

const DEFAULT_PORTS: Record<string, number> = { 'http:': 80, 'https:': 443 };

const read = (env: Record<string, string | undefined>, key: string) => (env[key.toLowerCase()] ?? env[key.toUpperCase()])?.trim() || undefined;

/** Read at each call, so a changed environment takes effect for the next request. */
export function proxyFromEnv(env: Record<string, string | undefined>): (url: URL) => URL | undefined {
  return (url) => {
    const proxy = url.protocol === 'https:' ? (read(env, 'https_proxy') ?? read(env, 'http_proxy')) : read(env, 'http_proxy');
    if (!proxy || bypassed(url, read(env, 'no_proxy') ?? '')) return undefined;
    return new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(proxy) ? proxy : `http://${proxy}`);
  };
}

function bypassed(url: URL, noProxy: string): boolean {
  if (noProxy === '*') return true;
  const hostname = url.hostname.toLowerCase();
  const port = Number(url.port) || DEFAULT_PORTS[url.protocol] || 0;
  return noProxy
    .split(/[,\s]+/)
    .filter(Boolean)
    .some((entry) => {
      // A bare IPv6 address ends in digits after a colon too: it has no port.
      const [, host = entry, entryPort] = isIPv6(entry) ? [entry, `[${entry}]`] : (/^(.+):(\d+)$/.exec(entry) ?? []);
      if (entryPort && Number(entryPort) !== port) return false;
      const domain = host.replace(/^\*?\./, '').toLowerCase();
      return hostname === domain || hostname.endsWith(`.${domain}`);
    });
}
