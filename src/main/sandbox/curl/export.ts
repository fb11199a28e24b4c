// A request as a curl command to copy, one option a line. Secrets — secret rows, auth passwords and
// tokens, values the redactor knows, secret-looking query names — are `***` unless the analyst asks
// to include them; a value that was never given to this function (a sealed one, still a SecretValue)
// is `***` either way.
import type { AuthInput, KeyValueRowInput, RequestBodyInput, SecretValue } from '../../../shared/contract/sandbox';
import { REDACTED, defaultRedactor, type Redactor } from '../../platform/redact';
import { encodeQueryPart } from '../query-text';
import { isCredentialName } from '../store/secret-slots';

type Value = string | SecretValue;
type Row = Omit<KeyValueRowInput, 'value'> & { value: Value };

/** What is copied: the request's fields, secret values plain (resolved) or still sealed. */
export interface CurlSource {
  method: string;
  url: string;
  query: Row[];
  headers: Row[];
  body: RequestBodyInput | { kind: 'form-urlencoded'; fields: Row[] };
  auth: AuthInput | { kind: 'basic'; username: string; password: Value } | { kind: 'bearer'; token: Value; prefix: string } | { kind: 'apiKey'; in: 'header' | 'query' | 'cookie'; name: string; value: Value } | { kind: 'oauth2' };
  settings?: { followRedirects: boolean; maxRedirects: number; timeoutMs: number };
}

export interface CurlOptions {
  includeSecrets?: boolean;
  /** For an oauth2 auth: the access token to put in the Authorization header (`***` unless secrets are included). */
  accessToken?: string;
  /** Redacts what is not marked secret but known to be (defaultRedactor's rules unless given). */
  redactor?: Pick<Redactor, 'text' | 'url'>;
  /** Between options: ' \\\n  ' (default, POSIX shells) or ' ' for one line. */
  separator?: string;
}

const SAFE = /^[A-Za-z0-9_\-./:=@%+,]+$/;

/** POSIX single quotes: everything literal, a quote written as '\''. */
export function shellQuote(word: string): string {
  return SAFE.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

export function toCurl(request: CurlSource, options: CurlOptions = {}): string {
  const include = options.includeSecrets === true;
  const redactor = options.redactor ?? defaultRedactor;
  const plain = (value: Value, secret: boolean) => (typeof value !== 'string' ? REDACTED : secret && !include ? REDACTED : include ? value : redactor.text(value));
  const args: string[][] = [];
  const headers = request.headers.filter((row) => row.enabled).map((row) => [row.name, plain(row.value, row.secret || isCredentialName(row.name))] as [string, string]);
  const query = request.query.filter((row) => row.enabled).map((row) => [row.name, plain(row.value, row.secret || isCredentialName(row.name))] as [string, string]);
  let user: string | undefined;
  const cookies: string[] = [];

  const auth = request.auth;
  if (auth.kind === 'basic') user = `${auth.username}:${plain(auth.password as Value, true)}`;
  else if (auth.kind === 'bearer') headers.push(['Authorization', `${auth.prefix} ${plain(auth.token as Value, true)}`]);
  else if (auth.kind === 'oauth2') headers.push(['Authorization', `Bearer ${options.accessToken !== undefined ? plain(options.accessToken, true) : REDACTED}`]);
  else if (auth.kind === 'apiKey') {
    const value = plain(auth.value as Value, true);
    if (auth.in === 'header') headers.push([auth.name, value]);
    else if (auth.in === 'query') query.push([auth.name, value]);
    else cookies.push(`${auth.name}=${value}`);
  }

  const url = query.length > 0 ? `${request.url}${request.url.includes('?') ? '&' : '?'}${query.map(([name, value]) => `${encodeQueryPart(name)}=${encodeQueryPart(value)}`).join('&')}` : request.url;
  const method = request.method.toUpperCase();
  const body = request.body;
  const hasBody = body.kind !== 'none';
  if (method === 'HEAD') args.push(['-I']);
  else if (!(method === 'GET' && !hasBody) && !(method === 'POST' && hasBody)) args.push(['-X', method]);
  args.push([include ? url : redactor.url(url)]);

  const named = (name: string) => headers.some(([header]) => header.toLowerCase() === name);
  for (const [name, value] of headers) args.push(['-H', `${name}: ${value}`]);
  if (cookies.length > 0) args.push(['-b', cookies.join('; ')]);
  if (user !== undefined) args.push(['-u', user]);

  if (body.kind === 'json') {
    if (!named('content-type')) args.push(['-H', 'Content-Type: application/json']);
    args.push(['--data-raw', include ? body.text : redactor.text(body.text)]);
  } else if (body.kind === 'text') {
    if (!named('content-type')) args.push(['-H', `Content-Type: ${body.contentType ?? 'text/plain'}`]);
    args.push(['--data-raw', include ? body.text : redactor.text(body.text)]);
  } else if (body.kind === 'form-urlencoded') {
    for (const field of (body.fields as Row[]).filter((row) => row.enabled)) args.push(['--data-urlencode', `${field.name}=${plain(field.value, field.secret || isCredentialName(field.name))}`]);
  } else if (body.kind === 'multipart') {
    for (const part of body.parts.filter((row) => row.enabled)) {
      if (part.kind === 'file') args.push(['-F', `${part.name}=@${part.value}${part.contentType ? `;type=${part.contentType}` : ''}`]);
      else args.push([/^[@<]/.test(part.value) ? '--form-string' : '-F', `${part.name}=${plain(part.value, isCredentialName(part.name))}`]);
    }
  }

  const settings = request.settings;
  if (settings?.followRedirects) args.push(['-L'], ['--max-redirs', String(settings.maxRedirects)]);
  if (settings && settings.timeoutMs !== 30_000) args.push(['--max-time', String(settings.timeoutMs / 1000)]);
  const [first = [], ...rest] = args.map((words) => words.map(shellQuote).join(' '));
  return [`curl ${first}`, ...rest].join(options.separator ?? ' \\\n  ');
}
