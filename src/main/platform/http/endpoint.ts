// Where a connection goes: from a request's or a proxy's address.

export interface Endpoint {
  /** For net.connect and certificate checks: an IPv6 address without its brackets. */
  hostname: string;
  port: number;
  tls: boolean;
  /** host:port as written in messages and in CONNECT (an IPv6 address in brackets). */
  authority: string;
}

export function endpointOf(url: URL): Endpoint {
  const tls = url.protocol === 'https:';
  const port = Number(url.port) || (tls ? 443 : 80);
  return { hostname: url.hostname.replace(/^\[(.*)\]$/, '$1'), port, tls, authority: `${url.hostname}:${port}` };
}

/** `user:password@` of an address as a Basic authorization value (percent-decoded, as browsers and curl send it). */
export function basicCredentials(url: URL): string | undefined {
  if (!url.username && !url.password) return undefined;
  const decode = (value: string) => {
    try {
      return decodeURIComponent(value);
    } catch {
      return value;
    }
  };
  return `Basic ${Buffer.from(`${decode(url.username)}:${decode(url.password)}`, 'utf8').toString('base64')}`;
}
