// Pasted cURL commands (as browsers' "Copy as cURL" and API documentation write them) read into the
// sandbox's request model, requests copied as cURL with secrets redacted unless included, and round
// trips: what is copied reads back as the same request.
import { describe, expect, it } from 'vitest';
import type { RequestDraft, RequestDraftInput } from '../../../../src/shared/contract/sandbox';
import { Redactor } from '../../../../src/main/platform/redact';
import { parseCurl, toCurl, type CurlRequest } from '../../../../src/main/sandbox/curl';

const row = (name: string, value: string, secret = false) => ({ name, value, enabled: true, secret });

describe('parseCurl', () => {
  it('reads a Chrome "Copy as cURL (bash)" command: continuations, $\'…\' quoting, cookies, --compressed', () => {
    const { request, notes } = parseCurl(
      [
        "curl 'https://api.example.com/v2/orders?status=open&page=2' \\",
        "  -H 'accept: application/json' \\",
        "  -H 'authorization: Bearer eyJhbGciOi.abc.def' \\",
        "  -b 'session=s3cr3t-session; theme=dark' \\",
        "  -H 'content-type: application/json' \\",
        "  --data-raw $'{\"note\":\"it\\'s\\nfine\"}' \\",
        '  --compressed',
      ].join('\n'),
    );
    expect(request).toMatchObject({
      method: 'POST',
      url: 'https://api.example.com/v2/orders',
      name: 'POST /v2/orders',
      query: [row('status', 'open'), row('page', '2')],
      headers: [row('accept', 'application/json'), row('Cookie', 'session=s3cr3t-session; theme=dark', true), row('content-type', 'application/json')],
      body: { kind: 'json', text: '{"note":"it\'s\nfine"}' },
      auth: { kind: 'bearer', token: 'eyJhbGciOi.abc.def', prefix: 'Bearer' },
      settings: { followRedirects: false },
    });
    expect(notes).toEqual([]);
  });

  it('reads a Windows cmd command with ^ continuations and ^ escapes', () => {
    const { request } = parseCurl(
      ['curl "https://api.example.com/items?q=a^&b" ^', '  -H "X-Api-Key: k-123456" ^', '  --data-raw "^{^\\^"name^\\^":^\\^"Ann^\\^"^}" ^', '  -X PUT'].join('\r\n'),
    );
    expect(request).toMatchObject({
      method: 'PUT',
      url: 'https://api.example.com/items',
      query: [row('q', 'a'), row('b', '')],
      headers: [row('X-Api-Key', 'k-123456', true)],
      body: { kind: 'text', text: '{"name":"Ann"}', contentType: 'application/x-www-form-urlencoded' },
    });
  });

  it('reads a Stripe-style command: -u key:, -d fields as a form, -G into the query', () => {
    expect(parseCurl('curl https://api.stripe.com/v1/charges -u sk_test_4eC39HqLyjWDarjtT1zdp7dc: -d amount=2000 -d currency=usd -d "description=Two words"').request).toMatchObject({
      method: 'POST',
      auth: { kind: 'basic', username: 'sk_test_4eC39HqLyjWDarjtT1zdp7dc', password: '' },
      body: { kind: 'form-urlencoded', fields: [row('amount', '2000'), row('currency', 'usd'), row('description', 'Two words')] },
    });
    expect(parseCurl('curl -G https://api.stripe.com/v1/charges -d limit=3 --data-urlencode "email=a b@x.com" -d api_key=abcd1234').request).toMatchObject({
      method: 'GET',
      body: { kind: 'none' },
      query: [row('limit', '3'), row('email', 'a b@x.com'), row('api_key', 'abcd1234', true)],
    });
  });

  it('reads bundled short options, attached values, --url, -L, -k, --json, -I and Basic in a header', () => {
    const a = parseCurl('curl -sSLk -XPATCH -H"X-Trace: 1" --url http://localhost:8080/a --json \'{"x":1}\' --max-redirs 3 -m 5');
    expect(a.insecure).toBe(true);
    expect(a.notes).toEqual(['-k (--insecure): turn on "accept self-signed" in the environment for the same effect.']);
    expect(a.request).toMatchObject({
      method: 'PATCH',
      url: 'http://localhost:8080/a',
      headers: [row('X-Trace', '1'), row('Content-Type', 'application/json'), row('Accept', 'application/json')],
      body: { kind: 'json', text: '{"x":1}' },
      settings: { followRedirects: true, maxRedirects: 3, timeoutMs: 5000 },
    });
    expect(parseCurl('curl -I example.com').request).toMatchObject({ method: 'HEAD', url: 'http://example.com' });
    expect(parseCurl(`curl https://x.test -H 'Authorization: Basic ${Buffer.from('ann:pa ss').toString('base64')}'`).request.auth).toEqual({ kind: 'basic', username: 'ann', password: 'pa ss' });
  });

  it('reads -F as multipart, with files and types', () => {
    expect(parseCurl('curl https://x.test/upload -F title=Report -F "file=@/tmp/r.pdf;type=application/pdf" --form-string "raw=@not-a-file"').request.body).toEqual({
      kind: 'multipart',
      parts: [
        { name: 'title', value: 'Report', kind: 'text', enabled: true },
        { name: 'file', value: '/tmp/r.pdf', kind: 'file', contentType: 'application/pdf', enabled: true },
        { name: 'raw', value: '@not-a-file', kind: 'text', enabled: true },
      ],
    });
  });

  it('turns shell variables into Crosswalk variables and ignores a pipe after the command', () => {
    const { request, notes } = parseCurl('curl "$BASE_URL/customers/42" -H "Authorization: Bearer ${TOKEN}" | jq .');
    expect(request).toMatchObject({ url: '{{BASE_URL}}/customers/42', auth: { kind: 'bearer', token: '{{TOKEN}}' } });
    expect(notes).toEqual(['Shell variables became Crosswalk variables: $BASE_URL → {{BASE_URL}}, $TOKEN → {{TOKEN}}.', 'What follows "|" is another command and was ignored.']);
  });

  it('keeps an unquoted URL with several query parameters whole', () => {
    expect(parseCurl('curl https://x.test/s?a=1&b=2&c=3').request.query).toEqual([row('a', '1'), row('b', '2'), row('c', '3')]);
  });

  it('fails with one sentence saying what and how to fix', () => {
    const message = (text: string) => {
      try {
        parseCurl(text);
      } catch (error) {
        return (error as Error).message;
      }
      return 'no error';
    };
    expect(message('wget https://x.test')).toBe('The pasted text is not a curl command (it starts with "wget"): paste a command that starts with curl.');
    expect(message('  ')).toBe('Nothing was pasted: paste a curl command, such as curl https://api.example.com/items.');
    expect(message('curl -H')).toBe("The option -H at the end of the command needs a value: add it, as in -H 'Accept: application/json'.");
    expect(message('curl -s')).toBe('The curl command has no URL: add the address to call, as in curl https://api.example.com/items.');
    expect(message('curl https://x.test -H NoColon')).toBe('The header "NoColon" (-H) has no colon: write it as -H \'Name: value\'.');
    expect(message('curl https://x.test -d @body.json')).toBe(
      'The command reads "body.json" from a file (-d): Crosswalk does not read files named in a pasted command; paste the file\'s contents in its place, or set the body after pasting.',
    );
    expect(message('curl -X BREW https://x.test')).toBe('The method BREW (-X) is not one Crosswalk sends: use one of GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS, TRACE.');
  });
});

const request = (overrides: Partial<CurlRequest> = {}): CurlRequest => ({
  folder: '',
  name: 'POST /v1/customers',
  method: 'POST',
  url: 'https://api.example.com/v1/customers',
  origin: null,
  settings: { followRedirects: false, maxRedirects: 10, timeoutMs: 30_000 },
  query: [row('expand', 'orders'), row('api_key', 'query-key-123456', true)],
  headers: [row('Accept', 'application/json'), row('X-Api-Key', 'header-key-abcdef', true)],
  body: { kind: 'json', text: '{"name":"O\'Brien & Sons","tags":["a b"]}' },
  auth: { kind: 'basic', username: 'ann', password: 'basic-password-789' },
  ...overrides,
});

const SECRETS = ['query-key-123456', 'header-key-abcdef', 'basic-password-789', 'bearer-token-xyz123', 'form-password-000'];

describe('toCurl', () => {
  it('redacts every secret unless asked to include them', () => {
    const copied = toCurl(request());
    expect(copied).toBe(
      [
        "curl 'https://api.example.com/v1/customers?expand=orders&api_key=***'",
        "  -H 'Accept: application/json'",
        "  -H 'X-Api-Key: ***'",
        "  -u 'ann:***'",
        "  -H 'Content-Type: application/json'",
        `  --data-raw '{"name":"O'\\''Brien & Sons","tags":["a b"]}'`,
      ].join(' \\\n'),
    );
    for (const secret of SECRETS) expect(copied).not.toContain(secret);
    const included = toCurl(request(), { includeSecrets: true });
    for (const secret of SECRETS.slice(0, 3)) expect(included).toContain(secret);
  });

  it('redacts values the redactor knows even where the request does not mark them', () => {
    const redactor = new Redactor();
    redactor.add('known-secret-value');
    const copied = toCurl(request({ headers: [row('X-Note', 'known-secret-value')], query: [], auth: { kind: 'none' } }), { redactor });
    expect(copied).toContain("-H 'X-Note: ***'");
  });

  it("copies a request as the contract shows it to the renderer (secrets sealed)", () => {
    const shown: RequestDraft = {
      systemId: 1,
      folder: '',
      name: 'Get',
      method: 'GET',
      url: 'https://api.example.com/a',
      origin: null,
      settings: { followRedirects: false, maxRedirects: 10, timeoutMs: 30_000 },
      query: [{ name: 'key', value: { secret: true, set: true }, enabled: true, secret: true }],
      headers: [{ name: 'Accept', value: 'text/plain', enabled: true, secret: false }],
      body: { kind: 'none' },
      auth: { kind: 'oauth2', grant: 'clientCredentials', tokenUrl: 'https://auth.example.com/token', authUrl: '', clientId: 'app', clientSecret: { secret: true, set: true }, scope: '', audience: '', username: '', password: { secret: true, set: false }, clientAuth: 'basic' },
    };
    expect(toCurl(shown, { includeSecrets: true, separator: ' ' })).toBe("curl 'https://api.example.com/a?key=***' -H 'Accept: text/plain' -H 'Authorization: Bearer ***'");
  });

  it('writes a sealed value as *** even when secrets are included', () => {
    const copied = toCurl({ ...request(), auth: { kind: 'bearer', token: { secret: true, set: true }, prefix: 'Bearer' } }, { includeSecrets: true });
    expect(copied).toContain("-H 'Authorization: Bearer ***'");
  });
});

describe('round trips', () => {
  const cases: Array<[string, CurlRequest]> = [
    ['json with basic auth and secret rows', request()],
    ['a GET with redirects, a time limit and a bearer token', request({ method: 'GET', name: 'GET /v1/customers', body: { kind: 'none' }, auth: { kind: 'bearer', token: 'bearer-token-xyz123', prefix: 'Bearer' }, settings: { followRedirects: true, maxRedirects: 5, timeoutMs: 2500 } })],
    ['a form with a secret field and odd characters', request({ method: 'PUT', name: 'PUT /v1/customers', headers: [], auth: { kind: 'none' }, body: { kind: 'form-urlencoded', fields: [row('name', 'A&B = "c"'), row('password', 'form-password-000', true)] } })],
    ['multipart', request({ query: [], headers: [], auth: { kind: 'none' }, body: { kind: 'multipart', parts: [{ name: 'doc', value: '/tmp/a b.pdf', kind: 'file', contentType: 'application/pdf', enabled: true }, { name: 'note', value: '<not a file>', kind: 'text', enabled: true }] } })],
    ['text with its type, HEAD-less DELETE', request({ method: 'DELETE', name: 'DELETE /v1/customers', query: [], headers: [], auth: { kind: 'none' }, body: { kind: 'text', text: '<a>1</a>', contentType: 'application/xml' } })],
    ['HEAD', request({ method: 'HEAD', name: 'HEAD /v1/customers', query: [], headers: [], auth: { kind: 'none' }, body: { kind: 'none' } })],
  ];
  it.each(cases)('%s reads back as the same request when copied with secrets', (_, original) => {
    const back = parseCurl(toCurl(original, { includeSecrets: true })).request;
    expect(normalise(back)).toEqual(normalise(original));
  });
  it('reads back from one line too', () => {
    expect(normalise(parseCurl(toCurl(request(), { includeSecrets: true, separator: ' ' })).request)).toEqual(normalise(request()));
  });
});

/** A text body's Content-Type travels as a header in cURL: compare the request as sent. */
function normalise(value: Omit<RequestDraftInput, 'systemId'>) {
  const { body, headers } = value;
  if (body.kind === 'text') {
    return { ...value, headers: headers.filter((header) => header.name.toLowerCase() !== 'content-type'), body: { ...body, contentType: body.contentType ?? headers.find((header) => header.name.toLowerCase() === 'content-type')?.value } };
  }
  if (body.kind === 'json') return { ...value, headers: headers.filter((header) => !(header.name === 'Content-Type' && header.value === 'application/json')) };
  return value;
}
