// A curl command as a request of the sandbox's model (shared/contract/sandbox.ts), the way curl itself
// reads the options: -d/--data* joined with "&" and sent as a form unless a Content-Type says
// otherwise, -G moving them into the query, -F as multipart, -u as basic auth, -b as a Cookie header,
// -L following redirects (curl does not by default). Secret rows are marked on entry.
import { UserError } from '../../errors';
import { httpMethods, type KeyValueRowInput, type RequestBodyInput, type RequestDraftInput, type AuthInput } from '../../../shared/contract/sandbox';
import { decodeQueryPart } from '../query-text';
import { isCredentialName } from '../store/secret-slots';
import { commandWords } from './words';

type HttpMethodName = (typeof httpMethods)[number];

export type CurlRequest = Omit<RequestDraftInput, 'systemId'>;

export interface CurlImport {
  request: CurlRequest;
  /** -k / --insecure: in Crosswalk, the environment's "accept self-signed" switch does this. */
  insecure: boolean;
  /** What was read differently from curl or left out, one sentence each. */
  notes: string[];
}

// Options that take a value, by every name curl knows them by, and what each is read as.
const VALUE_OPTIONS: Record<string, string> = {
  '-X': 'request', '--request': 'request',
  '-H': 'header', '--header': 'header',
  '-d': 'data', '--data': 'data', '--data-ascii': 'data', '--data-raw': 'data-raw', '--data-binary': 'data-binary', '--data-urlencode': 'data-urlencode', '--json': 'json',
  '-F': 'form', '--form': 'form', '--form-string': 'form-string',
  '-u': 'user', '--user': 'user',
  '-b': 'cookie', '--cookie': 'cookie',
  '--url': 'url',
  '-A': 'user-agent', '--user-agent': 'user-agent',
  '-e': 'referer', '--referer': 'referer',
  '-m': 'max-time', '--max-time': 'max-time',
  '--max-redirs': 'max-redirs',
  '--oauth2-bearer': 'oauth2-bearer',
  '-x': 'proxy', '--proxy': 'proxy',
  '-E': 'cert', '--cert': 'cert', '--cacert': 'cert', '--key': 'cert', '--capath': 'cert', '--pass': 'cert',
  '-T': 'upload', '--upload-file': 'upload',
  '-o': 'ignored', '--output': 'ignored', '-w': 'ignored', '--write-out': 'ignored', '-c': 'ignored', '--cookie-jar': 'ignored',
  '--connect-timeout': 'ignored', '--retry': 'ignored', '--retry-delay': 'ignored', '--retry-max-time': 'ignored', '-U': 'proxy', '--proxy-user': 'proxy',
  '--resolve': 'ignored', '--connect-to': 'ignored', '-r': 'ignored', '--range': 'ignored', '--limit-rate': 'ignored', '-K': 'ignored', '--config': 'ignored',
  '--interface': 'ignored', '--dns-servers': 'ignored', '--tls-max': 'ignored', '--ciphers': 'ignored', '-y': 'ignored', '-Y': 'ignored', '--trace': 'ignored', '--trace-ascii': 'ignored', '--stderr': 'ignored',
};
const FLAGS: Record<string, string> = {
  '-G': 'get', '--get': 'get', '-I': 'head', '--head': 'head', '-L': 'location', '--location': 'location', '--location-trusted': 'location',
  '-k': 'insecure', '--insecure': 'insecure', '--compressed': 'compressed',
};
// Flags that change nothing about the request.
const QUIET_FLAGS = new Set([
  '-s', '--silent', '-S', '--show-error', '-v', '--verbose', '-i', '--include', '-f', '--fail', '--fail-with-body', '-g', '--globoff', '-N', '--no-buffer',
  '-#', '--progress-bar', '--http1.0', '--http1.1', '--http2', '--http2-prior-knowledge', '--http3', '-0', '-1', '-2', '-3', '-4', '-6', '--tlsv1.2', '--tlsv1.3',
  '-n', '--netrc', '-O', '--remote-name', '-J', '--remote-header-name', '-Z', '--parallel', '--no-keepalive', '--tcp-nodelay', '--path-as-is', '-q', '--disable', '--raw', '--tr-encoding', '-l', '--list-only',
]);

const bad = (message: string) => new UserError('CURL_BAD_COMMAND', message);

interface Collected {
  method?: string;
  urls: string[];
  headers: Array<[string, string]>;
  data: string[];
  form: Array<{ name: string; value: string; kind: 'text' | 'file'; contentType?: string }>;
  json: boolean;
  user?: string;
  get: boolean;
  head: boolean;
  location: boolean;
  insecure: boolean;
  maxRedirects?: number;
  timeoutMs?: number;
  notes: string[];
}

/** Reads a pasted curl command (bash, zsh, Windows cmd or PowerShell continuations). Fails with one sentence saying what and where. */
export function parseCurl(text: string): CurlImport {
  const { words, notes } = commandWords(text);
  const collected: Collected = { urls: [], headers: [], data: [], form: [], json: false, get: false, head: false, location: false, insecure: false, notes };
  for (let index = 0; index < words.length; index++) {
    const word = words[index]!;
    const next = (option: string) => {
      if (index + 1 >= words.length) throw bad(`The option ${option} at the end of the command needs a value: add it, as in ${option} ${example(option)}.`);
      return words[++index]!;
    };
    if (word.startsWith('--')) {
      if (word in VALUE_OPTIONS) apply(VALUE_OPTIONS[word]!, word, next(word), collected);
      else if (word in FLAGS) flag(FLAGS[word]!, collected);
      else if (!QUIET_FLAGS.has(word)) collected.notes.push(`The option ${word} is not one Crosswalk reads and was ignored.`);
    } else if (word.startsWith('-') && word.length > 1) {
      // Short options may be bundled (-sSL) and may carry their value (-XPOST, -H'…').
      for (let at = 1; at < word.length; at++) {
        const option = `-${word[at]!}`;
        if (option in VALUE_OPTIONS) {
          const value = at + 1 < word.length ? word.slice(at + 1) : next(option);
          apply(VALUE_OPTIONS[option]!, option, value, collected);
          break;
        }
        if (option in FLAGS) flag(FLAGS[option]!, collected);
        else if (!QUIET_FLAGS.has(option)) collected.notes.push(`The option ${option} is not one Crosswalk reads and was ignored.`);
      }
    } else {
      collected.urls.push(word);
    }
  }
  return { request: toRequest(collected), insecure: collected.insecure, notes: collected.notes };
}

function example(option: string): string {
  if (/^-H$|header/.test(option)) return "'Accept: application/json'";
  if (/^-X$|request/.test(option)) return 'POST';
  if (/^-u$|user/.test(option)) return 'name:password';
  return "'value'";
}

function flag(kind: string, collected: Collected): void {
  if (kind === 'get') collected.get = true;
  else if (kind === 'head') collected.head = true;
  else if (kind === 'location') collected.location = true;
  else if (kind === 'insecure') {
    collected.insecure = true;
    collected.notes.push('-k (--insecure): turn on "accept self-signed" in the environment for the same effect.');
  } else if (kind === 'compressed') {
    // Crosswalk asks for and decodes compressed answers itself.
  }
}

function apply(kind: string, option: string, value: string, collected: Collected): void {
  switch (kind) {
    case 'request':
      collected.method = value.toUpperCase();
      return;
    case 'header': {
      const colon = value.indexOf(':');
      const semicolon = value.indexOf(';');
      if (colon > 0) {
        const headerValue = value.slice(colon + 1).trim();
        // "Name:" with nothing after it removes a header curl would send: nothing to keep.
        if (headerValue !== '') collected.headers.push([value.slice(0, colon).trim(), headerValue]);
      } else if (semicolon > 0 && semicolon === value.length - 1) {
        collected.headers.push([value.slice(0, -1).trim(), '']);
      } else {
        throw bad(`The header "${value.slice(0, 60)}" (${option}) has no colon: write it as ${option} 'Name: value'.`);
      }
      return;
    }
    case 'data':
    case 'data-binary':
      if (value.startsWith('@')) throw fileRefused(option, value.slice(1));
      collected.data.push(value);
      return;
    case 'data-raw':
      collected.data.push(value);
      return;
    case 'json':
      if (value.startsWith('@')) throw fileRefused(option, value.slice(1));
      collected.data.push(value);
      collected.json = true;
      return;
    case 'data-urlencode':
      collected.data.push(urlencoded(option, value));
      return;
    case 'form':
    case 'form-string':
      collected.form.push(formPart(option, value, kind === 'form-string'));
      return;
    case 'user':
      collected.user = value;
      return;
    case 'cookie':
      if (!value.includes('=')) throw fileRefused(option, value);
      collected.headers.push(['Cookie', value]);
      return;
    case 'url':
      collected.urls.push(value);
      return;
    case 'user-agent':
      collected.headers.push(['User-Agent', value]);
      return;
    case 'referer':
      collected.headers.push(['Referer', value.replace(/;auto$/, '')]);
      return;
    case 'oauth2-bearer':
      collected.headers.push(['Authorization', `Bearer ${value}`]);
      return;
    case 'max-time': {
      const seconds = Number(value);
      if (!Number.isFinite(seconds) || seconds <= 0) throw bad(`The time limit "${value}" (${option}) is not a number of seconds: write it as ${option} 30.`);
      collected.timeoutMs = Math.min(3_600_000, Math.max(100, Math.round(seconds * 1000)));
      return;
    }
    case 'max-redirs': {
      const count = Number(value);
      if (!Number.isInteger(count)) throw bad(`The redirect limit "${value}" (${option}) is not a whole number: write it as ${option} 10.`);
      collected.maxRedirects = Math.min(50, Math.max(0, count));
      return;
    }
    case 'proxy':
      collected.notes.push(`${option}: proxies are set per environment in Crosswalk (Proxy), not per request; it was ignored.`);
      return;
    case 'cert':
      collected.notes.push(`${option}: certificates are set per environment in Crosswalk (TLS), not per request; it was ignored.`);
      return;
    case 'upload':
      throw fileRefused(option, value);
    default:
      collected.notes.push(`The option ${option} changes nothing Crosswalk sends and was ignored.`);
  }
}

function fileRefused(option: string, file: string): UserError {
  return new UserError('CURL_READS_FILE', `The command reads "${file}" from a file (${option}): Crosswalk does not read files named in a pasted command; paste the file's contents in its place, or set the body after pasting.`);
}

/** --data-urlencode's forms: content, =content, name=content (content encoded); name@file and @file read a file. */
function urlencoded(option: string, value: string): string {
  const equals = value.indexOf('=');
  const at = value.indexOf('@');
  if (at >= 0 && (equals < 0 || at < equals)) throw fileRefused(option, value.slice(at + 1));
  if (equals < 0) return encodeURIComponent(value);
  const name = value.slice(0, equals);
  return `${name ? `${name}=` : ''}${encodeURIComponent(value.slice(equals + 1))}`;
}

function formPart(option: string, value: string, literal: boolean): Collected['form'][number] {
  const equals = value.indexOf('=');
  if (equals <= 0) throw bad(`The form field "${value.slice(0, 60)}" (${option}) has no name: write it as ${option} 'name=value' or ${option} 'name=@file'.`);
  const name = value.slice(0, equals);
  let content = value.slice(equals + 1);
  if (literal) return { name, value: content, kind: 'text' };
  let contentType: string | undefined;
  const type = /;type=([^;]+)/.exec(content);
  if (type && /^[@<]/.test(content)) {
    contentType = type[1];
    content = content.replace(type[0], '');
  }
  if (content.startsWith('@')) return { name, value: content.slice(1).replace(/;filename=[^;]*/, ''), kind: 'file', ...(contentType ? { contentType } : {}) };
  if (content.startsWith('<')) throw fileRefused(option, content.slice(1));
  return { name, value: content, kind: 'text' };
}

function toRequest(collected: Collected): CurlRequest {
  if (collected.urls.length === 0) throw bad('The curl command has no URL: add the address to call, as in curl https://api.example.com/items.');
  if (collected.urls.length > 1) collected.notes.push(`The command names ${collected.urls.length} URLs; the first, ${collected.urls[0]}, was kept.`);
  let address = collected.urls[0]!;
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(address) && !address.startsWith('{{')) address = `http://${address}`;

  const [base, given = ''] = splitQuery(address);
  let query = given;
  const headers = [...collected.headers];
  if (collected.json) {
    if (!headers.some(([name]) => name.toLowerCase() === 'content-type')) headers.push(['Content-Type', 'application/json']);
    if (!headers.some(([name]) => name.toLowerCase() === 'accept')) headers.push(['Accept', 'application/json']);
  }
  const contentType = headers.find(([name]) => name.toLowerCase() === 'content-type')?.[1];
  const data = collected.data.join(collected.json ? '' : '&');

  let body: RequestBodyInput = { kind: 'none' };
  if (collected.data.length > 0 && collected.get) {
    query = [query, data].filter(Boolean).join('&');
  } else if (collected.data.length > 0) {
    body = dataBody(data, contentType);
  } else if (collected.form.length > 0) {
    body = { kind: 'multipart', parts: collected.form.map((part) => ({ enabled: true, ...part })) };
  }
  if (collected.data.length > 0 && collected.form.length > 0) throw bad('The command has both -d and -F, which curl refuses too: keep one of them.');

  const method = methodOf(collected, body);
  const { auth, rest } = authOf(collected.user, headers);
  const request: CurlRequest = {
    folder: '',
    name: nameOf(method, base),
    method,
    url: base,
    origin: null,
    settings: { followRedirects: collected.location, maxRedirects: collected.maxRedirects ?? 10, timeoutMs: collected.timeoutMs ?? 30_000 },
    query: queryRows(query),
    headers: rest.map(([name, value]): KeyValueRowInput => ({ name, value, enabled: true, secret: isCredentialName(name) })),
    body,
    auth,
  };
  return request;
}

function splitQuery(address: string): [string, string?] {
  const hash = address.indexOf('#');
  const withoutFragment = hash >= 0 ? address.slice(0, hash) : address;
  const question = withoutFragment.indexOf('?');
  return question >= 0 ? [withoutFragment.slice(0, question), withoutFragment.slice(question + 1)] : [withoutFragment];
}

/** Query text as rows of decoded values (the send path encodes them again). */
function queryRows(query: string): KeyValueRowInput[] {
  return formPairs(query).map(([name, value]) => ({ name, value, enabled: true, secret: isCredentialName(name) }));
}

function formPairs(text: string): Array<[string, string]> {
  return text
    .split('&')
    .filter(Boolean)
    .map((pair) => {
      const equals = pair.indexOf('=');
      const [name, value] = equals >= 0 ? [pair.slice(0, equals), pair.slice(equals + 1)] : [pair, ''];
      return [decodeQueryPart(name), decodeQueryPart(value)];
    });
}

function dataBody(data: string, contentType: string | undefined): RequestBodyInput {
  const type = contentType?.split(';')[0]?.trim().toLowerCase();
  if (type === 'application/json' || type?.endsWith('+json')) return { kind: 'json', text: data };
  // What curl sends without a Content-Type: a form; as fields when it reads as one.
  if ((type === undefined || type === 'application/x-www-form-urlencoded') && /^[^=&\s{["]+=[^&]*(&[^=&\s]+=[^&]*)*$/.test(data)) {
    return { kind: 'form-urlencoded', fields: formPairs(data).map(([name, value]) => ({ name, value, enabled: true, secret: isCredentialName(name) })) };
  }
  return { kind: 'text', text: data, contentType: contentType ?? 'application/x-www-form-urlencoded' };
}

function methodOf(collected: Collected, body: RequestBodyInput): HttpMethodName {
  const method = collected.method ?? (collected.head ? 'HEAD' : body.kind !== 'none' ? 'POST' : 'GET');
  if (!(httpMethods as readonly string[]).includes(method)) {
    throw bad(`The method ${method} (-X) is not one Crosswalk sends: use one of ${httpMethods.join(', ')}.`);
  }
  return method as HttpMethodName;
}

/** -u, or an Authorization header of the Basic or Bearer scheme, as the request's auth; other headers stay. */
function authOf(user: string | undefined, headers: Array<[string, string]>): { auth: AuthInput; rest: Array<[string, string]> } {
  if (user !== undefined) {
    const colon = user.indexOf(':');
    return { auth: { kind: 'basic', username: colon >= 0 ? user.slice(0, colon) : user, password: colon >= 0 ? user.slice(colon + 1) : '' }, rest: headers };
  }
  const index = headers.findIndex(([name]) => name.toLowerCase() === 'authorization');
  if (index < 0) return { auth: { kind: 'none' }, rest: headers };
  const value = headers[index]![1];
  const rest = headers.filter((_, at) => at !== index);
  const bearer = /^Bearer\s+(\S+)$/i.exec(value);
  if (bearer) return { auth: { kind: 'bearer', token: bearer[1]!, prefix: 'Bearer' }, rest };
  const basic = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(value);
  const decoded = basic ? Buffer.from(basic[1]!, 'base64').toString('utf8') : '';
  if (basic && decoded.includes(':') && !decoded.includes('\uFFFD')) {
    const colon = decoded.indexOf(':');
    return { auth: { kind: 'basic', username: decoded.slice(0, colon), password: decoded.slice(colon + 1) }, rest };
  }
  return { auth: { kind: 'none' }, rest: headers };
}

function nameOf(method: string, url: string): string {
  const path = url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '').replace(/^\{\{[^}]*\}\}/, '') || '/';
  return `${method} ${path}`.slice(0, 200);
}
