// The operating system's proxy as the desktop app gets it: Electron's session.resolveProxy, injected as
// the host's resolveProxy and played here by a fake that answers in PAC form, "PROXY 127.0.0.1:<port>"
// for a real forward proxy started here and "DIRECT" for the server a NO_PROXY rule would exempt.
import http from 'node:http';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SendOutcome } from '../../../../src/shared/contract';
import { Session, type Host } from '../../../../src/main/api/session';
import { HttpError, proxyFromPacAnswer } from '../../../../src/main/platform/http';
import { Settings } from '../../../../src/main/settings/settings';
import { sessionCalls } from '../../../helpers/calls';
import { testServices } from '../../../helpers/services';
import { tempDir } from '../../../helpers/temp';
import { sandboxWorkspace } from './fixtures';
import { forwardProxy, listen } from './servers';

const passed: Array<{ line: string; authorization?: string }> = [];
let proxyAddress = '';
let proxiedOrigin = '';
let directOrigin = '';
let tokenCalls = 0;

/** /token answers a client-credentials grant; /echo answers with the Authorization it was sent. */
const api: http.RequestListener = (request, response) => {
  request.resume();
  request.on('end', () => {
    if (request.url === '/token') {
      tokenCalls++;
      response.writeHead(200, { 'content-type': 'application/json' });
      return response.end(JSON.stringify({ access_token: `token-${tokenCalls}-abcdef`, token_type: 'Bearer', expires_in: 3600 }));
    }
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ authorization: request.headers.authorization ?? null }));
  });
};

beforeAll(async () => {
  proxyAddress = `127.0.0.1:${await listen(forwardProxy(passed))}`;
  proxiedOrigin = `http://127.0.0.1:${await listen(http.createServer(api))}`;
  directOrigin = `http://127.0.0.1:${await listen(http.createServer(api))}`;
});

afterEach(() => {
  vi.unstubAllEnvs();
});

/** The demo-free sandbox workspace open in a desktop session whose system proxy is `resolveProxy`. */
async function desktopSession(resolveProxy: Host['resolveProxy']) {
  const dir = tempDir();
  const { store, systemId } = sandboxWorkspace(dir);
  store.workspace.close();
  const session = new Session(new Settings(path.join(dir, 'settings')), { kind: 'desktop', resolveProxy }, testServices(dir));
  await session.open(path.join(dir, 'shared.crosswalk'));
  return { systemId, ...sessionCalls(session) };
}

const response = (outcome: SendOutcome) => {
  if (outcome.outcome !== 'response') throw new Error(`expected a response, got ${JSON.stringify(outcome)}`);
  return outcome.result;
};

describe("the desktop app's system proxy", () => {
  it('sends requests and their OAuth token calls through the proxy the system names, and directly where it says DIRECT', async () => {
    vi.stubEnv('HTTPS_PROXY', '');
    vi.stubEnv('HTTP_PROXY', '');
    vi.stubEnv('https_proxy', '');
    vi.stubEnv('http_proxy', '');
    const asked: string[] = [];
    const { call, systemId } = await desktopSession(async (url) => {
      asked.push(url);
      return url.startsWith(directOrigin) ? 'DIRECT' : `PROXY ${proxyAddress}; DIRECT`;
    });
    // An environment left on the default proxy: in the app, the system's.
    const environment = await call('sandbox.saveEnvironment', { systemId, name: 'Staging', kind: 'staging', baseUrl: proxiedOrigin, variables: [], proxy: { mode: 'default' } });
    const auth = { kind: 'oauth2' as const, grant: 'clientCredentials' as const, tokenUrl: `${proxiedOrigin}/token`, clientId: 'crosswalk', clientSecret: 'client-secret-value-123' };
    passed.length = 0;
    const sent = response(await call('sandbox.send', { request: { draft: { systemId, method: 'GET', url: '{{baseUrl}}/orders', auth } }, environmentId: environment.id }));
    expect(sent.status).toBe(200);
    expect(passed.map((entry) => entry.line)).toEqual([`POST ${proxiedOrigin}/token`, `GET ${proxiedOrigin}/orders`]);
    expect(asked).toEqual([`${proxiedOrigin}/token`, `${proxiedOrigin}/orders`]);

    passed.length = 0;
    const direct = response(await call('sandbox.send', { request: { draft: { systemId, method: 'GET', url: `${directOrigin}/orders` } }, environmentId: environment.id }));
    expect(direct.status).toBe(200);
    expect(passed).toEqual([]);
  });

  it('prefers HTTPS_PROXY when the environment of the process sets one, as the command line does', async () => {
    vi.stubEnv('HTTP_PROXY', `http://${proxyAddress}`);
    const asked: string[] = [];
    const { call, systemId } = await desktopSession(async (url) => {
      asked.push(url);
      return 'DIRECT';
    });
    passed.length = 0;
    expect(response(await call('sandbox.send', { request: { draft: { systemId, method: 'GET', url: `${directOrigin}/via-env` } } })).status).toBe(200);
    expect(passed.map((entry) => entry.line)).toEqual([`GET ${directOrigin}/via-env`]);
    expect(asked).toEqual([]);
  });

  it('says in one sentence that a SOCKS proxy cannot be used, and sends nothing', async () => {
    vi.stubEnv('HTTPS_PROXY', '');
    vi.stubEnv('HTTP_PROXY', '');
    const { call, systemId } = await desktopSession(async () => 'SOCKS5 127.0.0.1:1080');
    passed.length = 0;
    const outcome = await call('sandbox.send', { request: { draft: { systemId, method: 'GET', url: `${proxiedOrigin}/orders` } } });
    expect(outcome).toMatchObject({
      outcome: 'failed',
      failure: {
        message: `The proxy configuration sends ${proxiedOrigin}/orders through a SOCKS proxy (SOCKS5 127.0.0.1:1080), which Crosswalk cannot use: give this environment an HTTP proxy address, or ask for one that allows HTTP.`,
      },
    });
    expect(passed).toEqual([]);
  });
});

describe('a PAC answer', () => {
  const url = new URL('https://api.example.test/orders');
  it.each([
    ['PROXY proxy.corp:8080; DIRECT', 'http://proxy.corp:8080/'],
    ['HTTPS secure.corp:443', 'https://secure.corp/'],
    ['  proxy a.corp:3128 ; PROXY b.corp:3128', 'http://a.corp:3128/'],
    ['SOCKS5 s.corp:1080; PROXY p.corp:80', 'http://p.corp/'],
    ['HTTP h.corp:8000', 'http://h.corp:8000/'],
  ])('%s chooses %s', (answer, proxy) => {
    expect(proxyFromPacAnswer(answer, url)?.href).toBe(proxy);
  });

  it.each(['DIRECT', 'DIRECT; PROXY p.corp:80', '', '  ;  ', 'SOCKS5 s.corp:1080; DIRECT'])('"%s" goes directly', (answer) => {
    expect(proxyFromPacAnswer(answer, url)).toBeUndefined();
  });

  it('refuses one naming only SOCKS proxies, and one naming nothing usable, each with its own sentence', () => {
    expect(() => proxyFromPacAnswer('SOCKS s.corp:1080; SOCKS4 t.corp:1080', url)).toThrow(HttpError);
    expect(() => proxyFromPacAnswer('SOCKS s.corp:1080; SOCKS4 t.corp:1080', url)).toThrow(
      'The proxy configuration sends https://api.example.test/orders through a SOCKS proxy (SOCKS s.corp:1080; SOCKS4 t.corp:1080), which Crosswalk cannot use: give this environment an HTTP proxy address, or ask for one that allows HTTP.',
    );
    expect(() => proxyFromPacAnswer('PROXY', url)).toThrow(
      'The proxy configuration answered "PROXY" for https://api.example.test/orders, which names no proxy Crosswalk can use (PROXY host:port, HTTPS host:port or DIRECT): correct the PAC file or choose a proxy address.',
    );
  });
});
