import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createHandlers } from '../../../src/main/api/handlers';
import { Session } from '../../../src/main/api/session';
import { startWebHost, TOKEN_HEADER, WORKSPACE_HEADER, type WebHost } from '../../../src/main/webhost/server';
import { browserSession } from '../../helpers/calls';
import { tempDir } from '../../helpers/temp';

let host: WebHost | undefined;
let session: Session | undefined;
afterEach(async () => {
  await host?.close();
  session?.close();
});

async function start() {
  const dir = tempDir();
  const rendererDir = path.join(dir, 'renderer');
  fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Crosswalk</title>');
  fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(dir, 'secret.txt'), 'outside the renderer');
  session = browserSession(dir);
  session.create(path.join(dir, 'w.crosswalk'), 'Orders to invoices');
  host = await startWebHost({ handlers: createHandlers(session), rendererDir, log: session.services.log, events: session.events });
  return host;
}

/** A raw request, so that Host and Origin headers can be forged as an attacker's page would. */
function request(
  port: number,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: options.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

const call = (h: WebHost, name: string, input: unknown, headers: Record<string, string> = {}) =>
  request(h.port, {
    method: 'POST',
    path: `/api/${name}`,
    headers: { host: `127.0.0.1:${h.port}`, 'content-type': 'application/json', [TOKEN_HEADER]: h.token, ...headers },
    body: JSON.stringify(input),
  });

describe('the web host', () => {
  it('listens on 127.0.0.1 only and prints its address with the token', async () => {
    const h = await start();
    expect(h.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${h.port}/\\?token=[A-Za-z0-9_-]{43}$`));
  });

  it('serves a call to a caller holding the token', async () => {
    const h = await start();
    const response = await call(h, 'integration.get', {});
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toMatchObject({ ok: true, value: { name: 'Orders to invoices', status: 'draft' } });
  });

  it.each([
    ['without the token', { [TOKEN_HEADER]: '' }, 401],
    ['with a wrong token', { [TOKEN_HEADER]: 'guessed-token' }, 401],
    ['from a foreign Origin', { origin: 'http://evil.example' }, 403],
    ['through a rebound DNS name (foreign Host)', { host: 'evil.example:80' }, 403],
    ['with the right host name but another port', { origin: 'http://127.0.0.1:1' }, 403],
    ['as a form post instead of JSON', { 'content-type': 'application/x-www-form-urlencoded' }, 415],
  ])('refuses a call %s and changes nothing', async (_case, headers, status) => {
    const h = await start();
    const response = await call(h, 'integration.update', { name: 'Hijacked' }, headers);
    expect(response.status).toBe(status);
    const after = await call(h, 'integration.get', {});
    expect(JSON.parse(after.body).value.name).toBe('Orders to invoices');
  });

  it('answers malformed JSON with a clear error', async () => {
    const h = await start();
    const response = await request(h.port, {
      method: 'POST',
      path: '/api/integration.get',
      headers: { host: `127.0.0.1:${h.port}`, 'content-type': 'application/json', [TOKEN_HEADER]: h.token },
      body: '{not json',
    });
    expect(response.status).toBe(400);
    expect(JSON.parse(response.body)).toEqual({ ok: false, error: { code: 'BAD_REQUEST', message: 'The request body is not valid JSON.' } });
  });

  it('serves the renderer with a strict Content-Security-Policy', async () => {
    const h = await start();
    const page = await request(h.port, { path: '/', headers: { host: `localhost:${h.port}` } });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Crosswalk</title>');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['x-frame-options']).toBe('DENY');
    const script = await request(h.port, { path: '/assets/app.js', headers: { host: `127.0.0.1:${h.port}` } });
    expect(script.headers['content-type']).toMatch(/^text\/javascript/);
  });

  it.each(['/../secret.txt', '/%2e%2e/secret.txt', '/assets/%2e%2e%2f%2e%2e%2fsecret.txt', '/..%5csecret.txt'])(
    'does not serve files outside the renderer (%s)',
    async (attack) => {
      const h = await start();
      const response = await request(h.port, { path: attack, headers: { host: `127.0.0.1:${h.port}` } });
      expect(response.status).toBe(404);
      expect(response.body).not.toContain('outside the renderer');
    },
  );

  it('refuses static files to a foreign Host as well', async () => {
    const h = await start();
    const response = await request(h.port, { path: '/', headers: { host: 'attacker.example' } });
    expect(response.status).toBe(403);
  });
});

describe('the web host with odd requests', () => {
  it('answers an undecodable call name as an unknown call', async () => {
    const h = await start();
    const response = await call(h, '%E0%A4%A', {});
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CALL' } });
  });

  it('answers an oversized body with 413 instead of cutting the connection', async () => {
    const h = await start();
    const response = await call(h, 'questions.add', { question: 'x'.repeat(65 * 1024 * 1024) });
    expect(response.status).toBe(413);
    expect(JSON.parse(response.body)).toMatchObject({ ok: false, error: { code: 'TOO_LARGE', message: expect.stringMatching(/larger than 64 MB/) } });
  });
});

describe('two pages on one web host', () => {
  it('refuses an edit from a page still showing a workspace that another page replaced', async () => {
    const h = await start();
    const first = session!.current!.path;
    const shownByFirstTab = { [WORKSPACE_HEADER]: encodeURIComponent(first) };
    expect(JSON.parse((await call(h, 'integration.get', {}, shownByFirstTab)).body).ok).toBe(true);

    const second = path.join(path.dirname(first), 'other.crosswalk');
    await call(h, 'workspace.create', { path: second, name: 'Second integration' });
    const refused = JSON.parse((await call(h, 'integration.update', { businessCase: 'typed for the first' }, shownByFirstTab)).body);
    expect(refused).toEqual({
      ok: false,
      error: { code: 'WORKSPACE_CHANGED', message: 'This window shows w.crosswalk, but other.crosswalk was opened since (in another window or tab): reload to continue there. Nothing was saved.' },
    });
    const secondNow = JSON.parse((await call(h, 'integration.get', {}, { [WORKSPACE_HEADER]: encodeURIComponent(second) })).body);
    expect(secondNow.value).toMatchObject({ name: 'Second integration', businessCase: '' });
  });
});
