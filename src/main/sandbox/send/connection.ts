// An environment's TLS and proxy settings as the http service takes them. Token calls use the same.
import type { HttpService, ProxyResolver, TlsSettings } from '../../platform/http';
import { proxyFromEnv, proxyFromPacScript, proxyFromSystem, withProxyCredentials } from '../../platform/http';
import { UserError } from '../../errors';
import type { StoredEnvironmentDefinition } from '../store/environments';

const text = (value: unknown) => (typeof value === 'string' ? value : '');

export function tlsOf(definition: StoredEnvironmentDefinition | undefined): TlsSettings | undefined {
  const settings = definition?.tls;
  if (!settings) return undefined;
  const tls: TlsSettings = { acceptSelfSigned: settings.acceptSelfSigned };
  if (settings.caPem.trim()) tls.ca = settings.caPem;
  const cert = settings.clientCert;
  if (cert.kind === 'pem') {
    tls.cert = cert.certPem;
    tls.key = text(cert.keyPem);
    if (text(cert.passphrase)) tls.passphrase = text(cert.passphrase);
  } else if (cert.kind === 'pfx') {
    tls.pfx = Buffer.from(text(cert.pfxBase64), 'base64');
    if (text(cert.passphrase)) tls.passphrase = text(cert.passphrase);
  }
  return tls;
}

export interface ProxyChoices {
  /** The app's own proxy setting; undefined: the service's (HTTPS_PROXY / NO_PROXY). */
  defaultProxy?: ProxyResolver;
  /** The operating system's proxy (Electron's session.resolveProxy), in PAC form. */
  resolveProxy?: (url: string) => Promise<string>;
  http: HttpService;
  signal?: AbortSignal;
}

/** The environment's proxy; undefined to leave the choice to the service. */
export async function proxyOf(definition: StoredEnvironmentDefinition | undefined, choices: ProxyChoices): Promise<ProxyResolver | undefined> {
  const proxy = definition?.proxy;
  if (!proxy || proxy.mode === 'default') return choices.defaultProxy;
  if (proxy.mode === 'none') return () => undefined;
  if (proxy.mode === 'url') {
    if (!proxy.url.trim()) throw new UserError('PROXY_URL', 'The environment uses a proxy but gives no address: enter it (http://host:port), or choose "no proxy".');
    const fromUrl = proxyFromEnv({ HTTPS_PROXY: proxy.url, HTTP_PROXY: proxy.url, NO_PROXY: proxy.noProxy });
    return withProxyCredentials(fromUrl, proxy.username, text(proxy.password));
  }
  if (proxy.mode === 'pac') {
    let script = proxy.pacScript;
    if (!script.trim()) {
      if (!proxy.pacUrl.trim()) throw new UserError('PROXY_PAC', 'The environment uses a PAC file but gives neither its address nor its script: enter one.');
      const response = await choices.http.request({ url: proxy.pacUrl, timeoutMs: 10_000, maxBodyBytes: 1 << 20, signal: choices.signal, proxy: () => undefined });
      if (response.status !== 200) throw new UserError('PROXY_PAC', `The PAC file at ${proxy.pacUrl} answered ${response.status}: check its address.`);
      script = response.body.toString('utf8');
    }
    return withProxyCredentials(proxyFromPacScript(script), proxy.username, text(proxy.password));
  }
  if (!choices.resolveProxy) throw new UserError('PROXY_SYSTEM', "The system's proxy is known only in the desktop app: choose a proxy address or PAC file for this environment here.");
  return withProxyCredentials(proxyFromSystem(choices.resolveProxy), proxy.username, text(proxy.password));
}
