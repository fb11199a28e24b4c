import { describe, expect, it } from 'vitest';
import { defaultRedactor, looksSecret, Redactor } from '../../../src/main/platform/redact';

describe('the redactor', () => {
  it('redacts the user-info and secret query values of a URL inside a longer message, and nothing else', () => {
    const message =
      'GET https://svc:hunter2pass@api.billing.example/v1/bills?page=2&api_key=sk_live_51HhSECRET&sort=desc#top failed (502); retrying';
    expect(defaultRedactor.text(message)).toBe(
      'GET https://***@api.billing.example/v1/bills?page=2&api_key=***&sort=desc#top failed (502); retrying',
    );
  });

  it('redacts every secret-looking query parameter, also in paths, fragments and form bodies', () => {
    const names = ['api_key', 'apikey', 'apiKey', 'key', 'token', 'access_token', 'secret', 'client_secret', 'password', 'pwd', 'signature', 'sig', 'auth', 'X-Amz-Signature'];
    for (const name of names) expect(defaultRedactor.url(`https://h.example/x?a=1&${name}=s3cr3t&b=2`), name).toBe(`https://h.example/x?a=1&${name}=***&b=2`);
    expect(defaultRedactor.text('callback /cb#state=xyz&access_token=abc.def')).toBe('callback /cb#state=xyz&access_token=***');
    expect(defaultRedactor.text('body grant_type=password&password=hunter2pass')).toBe('body grant_type=password&password=***');
    // Parameters that merely resemble a credential's name are kept.
    expect(defaultRedactor.url('https://h.example/books?author=Le+Guin&keyword=sea&monkey=1')).toBe('https://h.example/books?author=Le+Guin&keyword=sea&monkey=1');
  });

  it('redacts user-info whatever it holds and keeps addresses without it as written', () => {
    expect(defaultRedactor.url('https://sk_live_123@api.stripe.example/v1')).toBe('https://***@api.stripe.example/v1');
    expect(defaultRedactor.url('https://u:p@ss@host.example/')).toBe('https://***@host.example/');
    expect(defaultRedactor.url('HTTP://API.Example:8080/a/@scope/pkg')).toBe('HTTP://API.Example:8080/a/@scope/pkg');
    expect(defaultRedactor.text('write to analyst@example.com')).toBe('write to analyst@example.com');
  });

  it('redacts known values anywhere, longest first, also inside JSON text and URL-encoded', () => {
    const redactor = new Redactor();
    const secret = 'pa"ss/wörd 9';
    redactor.add(secret);
    redactor.add('tok_1234');
    redactor.add('tok_12345678');
    const json = JSON.stringify({ user: 'ana', password: secret, nested: { tokens: ['tok_12345678', 'tok_1234'] } });
    expect(redactor.text(json)).toBe('{"user":"ana","password":"***","nested":{"tokens":["***","***"]}}');
    expect(redactor.text(`https://h.example/login?u=ana&p=${encodeURIComponent(secret)}`)).toBe('https://h.example/login?u=ana&p=***');
  });

  it('ignores known values too short to mean anything', () => {
    const redactor = new Redactor();
    redactor.add('abc');
    redactor.add('');
    expect(redactor.text('abc abcd')).toBe('abc abcd');
  });

  it('redacts credential headers and known values in the others, keeping the map\'s shape', () => {
    const redactor = new Redactor();
    redactor.add('sk_live_51Hh');
    const headers = {
      Authorization: 'Bearer eyJhbGciOi',
      'proxy-authorization': 'Basic dTpw',
      Cookie: 'sid=abc',
      'set-cookie': ['a=1', 'b=2'],
      'X-API-Key': 'k-123456',
      'X-Auth-Token': 't',
      'x-client-secret': 's',
      'X-Password': 'p',
      'X-Apikey': 'k',
      'Content-Type': 'application/json',
      'X-Echo': 'sk_live_51Hh',
      Location: 'https://u:p@next.example/?token=abc',
      Accept: undefined,
    };
    expect(redactor.headers(headers)).toEqual({
      Authorization: '***',
      'proxy-authorization': '***',
      Cookie: '***',
      'set-cookie': ['***', '***'],
      'X-API-Key': '***',
      'X-Auth-Token': '***',
      'x-client-secret': '***',
      'X-Password': '***',
      'X-Apikey': '***',
      'Content-Type': 'application/json',
      'X-Echo': '***',
      Location: 'https://***@next.example/?token=***',
      Accept: undefined,
    });
  });

  it('tells secret-looking names from ordinary ones', () => {
    for (const name of ['apiKey', 'X-API-Key', 'refreshToken', 'JSESSIONID', 'passphrase', 'Authorization', 'oauth_signature']) expect(looksSecret(name), name).toBe(true);
    for (const name of ['author', 'keyword', 'passport', 'design', 'Content-Type', 'page']) expect(looksSecret(name), name).toBe(false);
  });
});
