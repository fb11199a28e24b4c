// Proxies chosen by a PAC file (pac-resolver, its script run in QuickJS, not in Node) or by the
// system (Electron's session.resolveProxy, injected): both answer in PAC's form, "PROXY host:port; DIRECT".
import fs from 'node:fs';
import type { ProxyResolver } from './types';

/** The first usable proxy of a PAC answer; undefined for DIRECT. SOCKS entries are skipped (not supported). */
export function proxyFromPacAnswer(answer: string): URL | undefined {
  for (const entry of answer.split(';')) {
    const [kind = '', where] = entry.trim().split(/\s+/);
    const upper = kind.toUpperCase();
    if (upper === 'DIRECT') return undefined;
    if ((upper === 'PROXY' || upper === 'HTTP') && where) return new URL(`http://${where}`);
    if (upper === 'HTTPS' && where) return new URL(`https://${where}`);
  }
  return undefined;
}

/** A resolver running a PAC script's FindProxyForURL for each address (compiled once, on first use). */
export function proxyFromPacScript(script: string): ProxyResolver {
  let find: Promise<(url: string) => Promise<string>> | undefined;
  return async (url) => {
    find ??= compile(script);
    return proxyFromPacAnswer(await (await find)(url.href));
  };
}

async function compile(script: string): Promise<(url: string) => Promise<string>> {
  const [{ QuickJS }, { createPacResolver }] = await Promise.all([import('quickjs-wasi'), import('pac-resolver')]);
  const wasm = fs.readFileSync(require.resolve('quickjs-wasi/quickjs.wasm'));
  const qjs = await QuickJS.create({ wasm });
  const find = createPacResolver(qjs, script, { filename: 'proxy.pac' });
  return (url) => find(url);
}

/** The system's proxy for each address, from the app's `resolveProxy` (Electron's session), in PAC form. */
export function proxyFromSystem(resolveProxy: (url: string) => Promise<string>): ProxyResolver {
  return async (url) => proxyFromPacAnswer(await resolveProxy(url.href));
}

/** The chosen proxy with these credentials (Proxy-Authorization), unless its address carries its own. */
export function withProxyCredentials(resolver: ProxyResolver, username: string, password: string): ProxyResolver {
  if (!username && !password) return resolver;
  return async (url) => {
    const proxy = await resolver(url);
    if (!proxy || proxy.username || proxy.password) return proxy;
    const withCredentials = new URL(proxy.href);
    withCredentials.username = encodeURIComponent(username);
    withCredentials.password = encodeURIComponent(password);
    return withCredentials;
  };
}
