import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import type { TLSSocket } from 'node:tls';
import path from 'node:path';
import { forwardProxy } from '../../helpers/forward-proxy';
import { selfSignedCertificate } from '../../helpers/tls';
import { expect, screenshotDir, test } from './fixtures';
import { shootLightAndDark } from './flows';

const token = 'tok-e2e-7f3a9c';

/** The CRM's "sandbox": answers GET /v2/customers/{id} to a bearer token, 401 otherwise. */
async function startCrm(): Promise<{ url: string; seen: string[]; connections: () => number; close: () => Promise<void> }> {
  const seen: string[] = [];
  let connections = 0;
  const server = http.createServer((request, response) => {
    seen.push(`${request.method} ${request.url}`);
    const match = /^\/v2\/customers\/([^/?]+)/.exec(request.url ?? '');
    if (request.headers.authorization !== `Bearer ${token}`) {
      response.writeHead(401, { 'content-type': 'application/problem+json' }).end(JSON.stringify({ title: 'Unauthorized' }));
    } else if (match) {
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: match[1], name: 'Ada Lovelace', email: 'ada@example.com', segment: 'enterprise', custom_tier: 'gold' }));
    } else {
      response.writeHead(404).end();
    }
  });
  server.on('connection', () => (connections += 1));
  // Idle connections kept for a minute (Keep-Alive: timeout=60), so a second send reuses the first one's however slow the machine.
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/v2`, seen, connections: () => connections, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

test('sends a catalogue operation of the CRM with a variable and a sealed token, shows the pretty response and its timings, and finds it in history', async ({ page, host }) => {
  const crm = await startCrm();
  try {
    await page.goto(host.url);
    await page.goto(`${new URL(host.url).origin}/#/sandbox`);
    await expect(page.getByRole('heading', { name: 'Sandbox', level: 1 })).toBeVisible();

    // An environment of its own, pointing at the local server, with a variable and the token requests inherit.
    await page.getByRole('button', { name: 'New environment' }).click();
    const dialog = page.getByRole('dialog', { name: 'New environment' });
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Local');
    await dialog.getByRole('textbox', { name: /Base URL/ }).fill(crm.url);
    await dialog.getByRole('button', { name: 'Add variable' }).click();
    await dialog.getByRole('textbox', { name: 'Variable 1 name' }).fill('customerId');
    await dialog.getByRole('textbox', { name: 'Variable customerId value' }).fill('C-1001');
    await dialog.getByRole('combobox', { name: 'Authentication' }).selectOption('bearer');
    await dialog.getByLabel('Token').fill(token);
    await dialog.getByRole('button', { name: 'Save environment' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('combobox', { name: 'Environment' })).toHaveValue(/\d+/);
    await expect(page.getByRole('combobox', { name: 'Environment' }).locator('option:checked')).toHaveText('Local');

    // The operation from the catalogue, its path parameter taken from the environment.
    await page.locator('#sandbox-side-panel').getByRole('button', { name: /GET \/customers\/\{customerId\}/ }).click();
    const url = page.getByRole('textbox', { name: 'URL' });
    await expect(url).toHaveValue(/customers/);
    await url.fill('{{baseUrl}}/customers/{{customerId}}');
    await page.getByRole('tab', { name: 'Auth' }).click();
    await page.getByRole('combobox', { name: 'Authentication' }).selectOption('inherit');
    await expect(page.getByText(/No value for/)).toHaveCount(0);

    await page.getByRole('button', { name: 'Send' }).click();
    const response = page.getByRole('region', { name: 'Response' });
    await expect(response.locator('.response-status')).toHaveText('200 OK');
    await expect(response.getByRole('textbox', { name: 'Response body' })).toContainText('"name": "Ada Lovelace"');
    expect(crm.seen).toContain('GET /v2/customers/C-1001');

    await shootLightAndDark(page, 'sandbox-response');
    await response.getByRole('tab', { name: 'Timings' }).click();
    await expect(response.getByRole('row', { name: /Total/ })).toBeVisible();
    await expect(response.getByRole('row', { name: /TLS handshake/ })).toContainText('did not happen');
    await expect(response.getByRole('row', { name: /Connect/ })).not.toContainText('connection reused');
    // Sent again, the request goes over the connection kept from the first: no connect phase of its own.
    await page.getByRole('button', { name: 'Send' }).click();
    // The new answer opens on its body: its timings are one click away, once it has replaced the first.
    await expect(async () => {
      await response.getByRole('tab', { name: 'Timings' }).click();
      await expect(response.getByRole('row', { name: /Connect/ })).toContainText('connection reused', { timeout: 1_000 });
    }).toPass({ timeout: 20_000 });
    await expect(response.getByRole('row', { name: /DNS lookup/ })).toContainText('connection reused');
    await shootLightAndDark(page, 'sandbox-timings-reused');
    expect(crm.connections()).toBe(1);

    await page.getByRole('tab', { name: 'History' }).click();
    const entry = page.getByRole('list', { name: 'History' }).getByRole('button').first();
    await expect(entry).toContainText('/customers/C-1001');
    await expect(entry).toContainText('200');
    await expect(page.locator('#sandbox-side-panel')).not.toContainText(token);
    await page.emulateMedia({ colorScheme: 'light' });
    await page.screenshot({ path: path.join(screenshotDir, 'sandbox-history-light.png') });
  } finally {
    await crm.close();
  }
});

test('imports a public Postman collection from a file into the CRM, shows its folders, and exports the requests as a download without secrets', async ({ page, host }) => {
  const collection = path.resolve(__dirname, '../../fixtures/postman/wise-cards-api/Cards API.postman_collection.json');
  await page.goto(host.url);
  await page.goto(`${new URL(host.url).origin}/#/sandbox`);
  await page.getByRole('tab', { name: 'Saved' }).click();
  await page.getByLabel('Postman collection file').setInputFiles(collection);
  await expect(page.getByText(/^Imported 42 requests in 11 folders from Cards API\.postman_collection\.json; \d+ variables \(\d+ secret, sealed\)/)).toBeVisible();
  const saved = page.locator('#sandbox-side-panel');
  for (const folder of ['1. Authentication', '3. Card Management']) await expect(saved.locator('summary', { hasText: folder })).toBeVisible();
  await expect(saved.getByRole('button', { name: /Create a card order/ })).toBeVisible();
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: path.join(screenshotDir, `sandbox-collection-import-${scheme}.png`) });
  }

  await page.getByRole('button', { name: 'Export collection…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export as a Postman collection' });
  const includeSecrets = dialog.getByRole('checkbox', { name: 'Include secret values' });
  await expect(includeSecrets).not.toBeChecked();
  await expect(dialog).toContainText('left in the file as an empty {{variable}}');
  await dialog.getByRole('combobox', { name: 'Variables and auth from' }).selectOption({ label: 'Wise Cards API' });
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: path.join(screenshotDir, `sandbox-collection-export-${scheme}.png`) });
  }
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download' }).click()]);
  expect(download.suggestedFilename()).toBe('CRM.postman_collection.json');
  const exported = JSON.parse(fs.readFileSync(await download.path(), 'utf8')) as { info: { name: string; schema: string }; item: Array<{ name: string }> };
  expect(exported.info).toMatchObject({ name: 'CRM (Wise Cards API)', schema: expect.stringContaining('collection/v2.1.0') });
  expect(exported.item.map((item) => item.name)).toEqual(expect.arrayContaining(['1. Authentication', '3. Card Management']));
  await expect(page.getByText(/^Exported \d+ requests of CRM as CRM\.postman_collection\.json, without secret values\./)).toBeVisible();
});

test("sends through the proxy chosen in the environment's dialog, with its password sealed", async ({ page, host }) => {
  const crm = await startCrm();
  const passed: Array<{ line: string; authorization?: string }> = [];
  const proxy = forwardProxy(passed);
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const proxyAddress = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  try {
    await page.goto(host.url);
    await page.goto(`${new URL(host.url).origin}/#/sandbox`);
    await page.getByRole('button', { name: 'New environment' }).click();
    const dialog = page.getByRole('dialog', { name: 'New environment' });
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Behind a proxy');
    await dialog.getByRole('textbox', { name: /Base URL/ }).fill(crm.url);
    await dialog.getByRole('combobox', { name: 'Proxy' }).selectOption('url');
    await dialog.getByRole('textbox', { name: 'Proxy address' }).fill(proxyAddress);
    await dialog.getByRole('textbox', { name: 'Proxy user (if it asks)' }).fill('proxy-user');
    await dialog.getByLabel('Proxy password').fill('proxy-pw-e2e-5d1');
    await dialog.getByRole('button', { name: 'Save environment' }).click();
    await expect(dialog).toBeHidden();

    await page.getByRole('textbox', { name: 'URL' }).fill('{{baseUrl}}/customers/C-7');
    await page.getByRole('button', { name: 'Send' }).click();
    // No token: the server answers 401, through the proxy.
    await expect(page.getByRole('region', { name: 'Response' }).locator('.response-status')).toHaveText(/^401/);
    expect(passed).toEqual([{ line: `GET ${crm.url}/customers/C-7`, authorization: `Basic ${Buffer.from('proxy-user:proxy-pw-e2e-5d1').toString('base64')}` }]);

    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    const edit = page.getByRole('dialog', { name: 'Environment Behind a proxy' });
    await expect(edit.getByRole('combobox', { name: 'Proxy' })).toHaveValue('url');
    await expect(edit.locator('.proxy-editor')).toContainText('stored, sealed');
    await expect(edit.locator('.proxy-editor')).not.toContainText('proxy-pw-e2e-5d1');
    await edit.locator('.proxy-editor').scrollIntoViewIfNeeded();
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.screenshot({ path: path.join(screenshotDir, `sandbox-environment-proxy-${scheme}.png`) });
    }
  } finally {
    proxy.close();
    await crm.close();
  }
});

test("offers the client certificate and key file chosen in the environment's dialog to a server that asks for one", async ({ page, host }) => {
  const server = selfSignedCertificate();
  const client = selfSignedCertificate();
  test.skip(!server || !client, 'no openssl command to make the certificates with');
  // Mutual TLS: the server trusts only the client certificate made here.
  const mutual = https.createServer({ ...server!, ca: client!.cert, requestCert: true, rejectUnauthorized: true }, (request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ client: (request.socket as TLSSocket).getPeerCertificate().subject.CN }));
  });
  await new Promise<void>((resolve) => mutual.listen(0, '127.0.0.1', resolve));
  try {
    await page.goto(host.url);
    await page.goto(`${new URL(host.url).origin}/#/sandbox`);
    await page.getByRole('button', { name: 'New environment' }).click();
    const dialog = page.getByRole('dialog', { name: 'New environment' });
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Mutual TLS');
    await dialog.getByRole('textbox', { name: /Base URL/ }).fill(`https://127.0.0.1:${(mutual.address() as AddressInfo).port}`);
    await dialog.getByRole('checkbox', { name: /self-signed/ }).check();
    await dialog.getByRole('combobox', { name: 'Client certificate' }).selectOption('pem');
    await dialog.getByRole('textbox', { name: 'Certificate (PEM)' }).fill(client!.cert);
    await dialog.getByLabel('Key file (PEM)').setInputFiles({ name: 'analyst.key', mimeType: 'application/x-pem-file', buffer: Buffer.from(client!.key) });
    await expect(dialog.locator('.client-cert-editor')).toContainText('analyst.key: sealed when saved');
    await dialog.getByRole('button', { name: 'Save environment' }).click();
    await expect(dialog).toBeHidden();

    await page.getByRole('textbox', { name: 'URL' }).fill('{{baseUrl}}/whoami');
    await page.getByRole('button', { name: 'Send' }).click();
    const response = page.getByRole('region', { name: 'Response' });
    await expect(response.locator('.response-status')).toHaveText('200 OK');
    await expect(response.getByRole('textbox', { name: 'Response body' })).toContainText('"client": "localhost"');

    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    await expect(page.getByRole('dialog', { name: 'Environment Mutual TLS' }).locator('.client-cert-editor')).toContainText('stored, sealed');
  } finally {
    mutual.close();
  }
});
