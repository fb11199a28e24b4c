// Proxies chosen by a PAC file (pac-resolver, its script run in QuickJS, not in Node) or by the
// system (Electron's session.resolveProxy, injected): both answer in PAC's form, "PROXY host:port; DIRECT".
import fs from 'node:fs';
import { proxyFromPacAnswer } from './pac-answer';
import { proxyFromEnv } from './proxy-env';
import type { ProxyResolver } from './types';

/** A resolver running a PAC script's FindProxyForURL for each address (compiled once, on first use). */
export function proxyFromPacScript(script: string): ProxyResolver {
  let find: Promise<(url: string) => Promise<string>> | undefined;
  return async (url) => {
    find ??= compile(script);
    return proxyFromPacAnswer(await (await find)(url.href), url);
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
  return async (url) => proxyFromPacAnswer(await resolveProxy(url.href), url);
}

/**
 * The desktop app's default: HTTPS_PROXY / HTTP_PROXY (with NO_PROXY) when the process' environment sets
 * one, as for the command line, else the system's proxy (Electron's session, which also reads the OS's PAC).
 */
export function proxyFromEnvOrSystem(env: Record<string, string | undefined>, resolveProxy: (url: string) => Promise<string>): ProxyResolver {
  const fromEnv = proxyFromEnv(env);
  const fromSystem = proxyFromSystem(resolveProxy);
  const envSetsOne = () => ['https_proxy', 'http_proxy'].some((key) => (env[key] ?? env[key.toUpperCase()])?.trim());
  return (url) => (envSetsOne() ? fromEnv(url) : fromSystem(url));
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
