// From a request with its secrets opened and variables resolved to what goes on the wire: the
// address with its query, the headers, the body's bytes and the auth applied.
import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import type { AuthInput, KeyValueRowInput, RequestBodyInput } from '../../../shared/contract';
import { UserError } from '../../errors';

/** A request ready to send: strings only (secrets opened, variables resolved). */
export interface ResolvedRequest {
  method: string;
  url: string;
  query: KeyValueRowInput[];
  headers: KeyValueRowInput[];
  body: RequestBodyInput;
}

export interface WireRequest {
  method: string;
  url: URL;
  /** Lower-case names. */
  headers: Record<string, string>;
  body?: Buffer;
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');
const enabled = (rows: KeyValueRowInput[]) => rows.filter((row) => row.enabled && row.name.trim() !== '');

export function wireRequest(request: ResolvedRequest): WireRequest {
  let url: URL;
  try {
    url = new URL(request.url.trim());
  } catch {
    throw new UserError('REQUEST_URL', `"${request.url.slice(0, 200)}" is not a complete address: start it with https:// or {{baseUrl}}, and give the environment a base URL.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UserError('REQUEST_URL', `${url.protocol} addresses cannot be sent: use http:// or https://.`);
  for (const row of enabled(request.query)) url.searchParams.append(row.name, text(row.value));
  const headers: Record<string, string> = {};
  for (const row of enabled(request.headers)) {
    const name = row.name.trim().toLowerCase();
    headers[name] = headers[name] === undefined ? text(row.value) : `${headers[name]}${name === 'cookie' ? '; ' : ', '}${text(row.value)}`;
  }
  const body = bodyBytes(request.body, headers);
  return { method: request.method, url, headers, body };
}

/** The body's type, unless a header gave one. */
function contentType(headers: Record<string, string>, type: string): void {
  headers['content-type'] ??= type;
}

function bodyBytes(body: RequestBodyInput, headers: Record<string, string>): Buffer | undefined {
  switch (body.kind) {
    case 'none':
      return undefined;
    case 'json':
      contentType(headers, 'application/json');
      return Buffer.from(body.text, 'utf8');
    case 'text':
      contentType(headers, body.contentType || 'text/plain; charset=utf-8');
      return Buffer.from(body.text, 'utf8');
    case 'form-urlencoded': {
      contentType(headers, 'application/x-www-form-urlencoded');
      const form = new URLSearchParams();
      for (const row of enabled(body.fields)) form.append(row.name, text(row.value));
      return Buffer.from(form.toString(), 'utf8');
    }
    case 'multipart': {
      const boundary = `crosswalk-${randomBytes(12).toString('hex')}`;
      headers['content-type'] = `multipart/form-data; boundary=${boundary}`;
      const parts: Buffer[] = [];
      for (const part of body.parts.filter((each) => each.enabled && each.name)) {
        const quoted = part.name.replace(/"/g, '%22');
        let content: Buffer;
        let disposition = `form-data; name="${quoted}"`;
        if (part.kind === 'file') {
          try {
            content = fs.readFileSync(part.value);
          } catch {
            throw new UserError('MULTIPART_FILE', `The file ${part.value} of the part "${part.name}" cannot be read: check the path.`);
          }
          disposition += `; filename="${(part.value.split(/[\\/]/).pop() ?? 'file').replace(/"/g, '%22')}"`;
        } else {
          content = Buffer.from(part.value, 'utf8');
        }
        const type = part.contentType ? `\r\nContent-Type: ${part.contentType}` : part.kind === 'file' ? '\r\nContent-Type: application/octet-stream' : '';
        parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}${type}\r\n\r\n`, 'utf8'), content, Buffer.from('\r\n'));
      }
      parts.push(Buffer.from(`--${boundary}--\r\n`));
      return Buffer.concat(parts);
    }
  }
}

type OAuth2 = Extract<AuthInput, { kind: 'oauth2' }>;

/** The access token for an OAuth 2.0 auth: provided by sandbox/oauth (injected), which caches and refreshes. */
export type TokenFor = (auth: OAuth2, renew: boolean) => Promise<{ accessToken: string; tokenType?: string }>;

/** Applies basic, API-key and bearer auth, and OAuth 2.0 through `tokenFor`; 'inherit' is resolved before. */
export async function applyAuth(wire: WireRequest, auth: AuthInput, tokenFor: TokenFor | undefined, renew = false): Promise<void> {
  switch (auth.kind) {
    case 'none':
    case 'inherit':
      return;
    case 'basic':
      wire.headers.authorization = `Basic ${Buffer.from(`${auth.username}:${text(auth.password)}`, 'utf8').toString('base64')}`;
      return;
    case 'bearer':
      wire.headers.authorization = `${auth.prefix ? `${auth.prefix} ` : ''}${text(auth.token)}`;
      return;
    case 'apiKey': {
      if (!auth.name) throw new UserError('AUTH_API_KEY', 'The API key has no name: give the header, query parameter or cookie name it goes in.');
      const value = text(auth.value);
      if (auth.in === 'header') wire.headers[auth.name.toLowerCase()] = value;
      else if (auth.in === 'query') wire.url.searchParams.set(auth.name, value);
      else wire.headers.cookie = [wire.headers.cookie, `${auth.name}=${value}`].filter(Boolean).join('; ');
      return;
    }
    case 'oauth2': {
      if (!tokenFor) throw new UserError('OAUTH_UNAVAILABLE', 'OAuth 2.0 tokens cannot be obtained in this version: use a bearer token for now.');
      const token = await tokenFor(auth, renew);
      wire.headers.authorization = `${token.tokenType && token.tokenType.toLowerCase() !== 'bearer' ? token.tokenType : 'Bearer'} ${token.accessToken}`;
      return;
    }
  }
}
