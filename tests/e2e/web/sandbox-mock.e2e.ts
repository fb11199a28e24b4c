import path from 'node:path';
import { expect, screenshotDir, test } from './fixtures';

test('a fresh demo opens with both systems’ mocks running, the CRM’s two samples, a discovered field and a drift finding', async ({ page, host }) => {
  await page.goto(host.url);
  await page.goto(`${new URL(host.url).origin}/#/sandbox`);
  await expect(page.getByRole('region', { name: 'Mock of CRM' })).toContainText('Mock running');
  await page.getByRole('tab', { name: 'Samples' }).click();
  await expect(page.getByRole('list', { name: 'Samples' }).getByRole('listitem')).toHaveCount(2);
  const drift = page.getByRole('table', { name: 'Drift' });
  await expect(drift.getByRole('row').filter({ hasText: 'Customer.salesRegion' })).toContainText('undocumented field');
  await expect(drift.getByRole('row').filter({ hasText: 'Customer.customerTier' })).toContainText('value not in the enum');
  // Browsed per entity, each with its provenance and findings.
  await page.getByRole('combobox', { name: 'Samples of' }).selectOption({ label: 'Customer' });
  const first = page.getByRole('list', { name: 'Samples' }).getByRole('listitem').first();
  await first.locator('summary').click();
  await expect(first).toContainText('GET https://sandbox.api.acme-crm.example/v2/customers/');
  await expect(first.getByRole('list', { name: /^Findings of sample/ })).toContainText('salesRegion undocumented field');
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: path.join(screenshotDir, `sandbox-samples-${scheme}.png`) });
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.getByRole('combobox', { name: 'System' }).selectOption({ label: 'Accounting' });
  await expect(page.getByRole('region', { name: 'Mock of Accounting' })).toContainText('Mock running');
  // The discovered field, in the catalogue of the CRM.
  await page.getByRole('link', { name: /Systems/ }).first().click();
  await expect(page.getByRole('heading', { name: 'Customer' })).toBeVisible();
  await page.getByPlaceholder('Filter fields by path or description').fill('salesRegion');
  await expect(page.getByRole('row').filter({ hasText: 'salesRegion' })).toContainText('discovered');
});

test('the demo’s mock answers a request with auth, the answer becomes a sample, a discovered field shows in the mapping tree, and a 429 lands in history', async ({ page, host }) => {
  await page.goto(host.url);
  await page.goto(`${new URL(host.url).origin}/#/sandbox`);
  await expect(page.getByRole('region', { name: 'Mock of CRM' })).toContainText('Mock running');
  await page.getByRole('combobox', { name: 'Environment' }).selectOption({ label: 'Mock' });
  // The document's servers became environments beside the mock (other tests on this worker's host may add more).
  const environments = await page.getByRole('combobox', { name: 'Environment' }).locator('option').allTextContents();
  expect(environments.filter((name) => /^(Mock|Sandbox|Production)\b/.test(name))).toHaveLength(3);

  await page.locator('#sandbox-side-panel').getByRole('button', { name: /GET \/customers\/\{customerId\}/ }).click();
  const url = page.getByRole('textbox', { name: 'URL' });
  await expect(url).toHaveValue(/customers/);
  await url.fill('{{baseUrl}}/customers/5f0c2a8e-3b1d-4c6a-9e2f-7a41d8b9c013');
  await page.getByRole('tab', { name: 'Auth' }).click();
  await page.getByRole('combobox', { name: 'Authentication' }).selectOption('bearer');
  await page.getByLabel('Token').fill('demo-token-1');
  await page.getByRole('button', { name: 'Send' }).click();
  const response = page.getByRole('region', { name: 'Response' });
  await expect(response.locator('.response-status')).toHaveText('200 OK');
  await expect(response.getByRole('textbox', { name: 'Response body' })).toContainText('"firstName"');

  await response.getByRole('button', { name: 'Save as sample' }).click();
  const dialog = page.getByRole('dialog', { name: 'Save as sample' });
  await expect(dialog.getByRole('combobox', { name: 'Entity' }).locator('option:checked')).toHaveText('Customer');
  await dialog.getByRole('button', { name: 'Save sample' }).click();
  await expect(page.getByText(/^Saved as sample \d+/)).toBeVisible();
  await page.getByRole('tab', { name: 'Samples' }).click();
  await expect(page.getByRole('table', { name: 'Drift' })).toContainText('Customer.salesRegion');

  // A documented error on demand: Prefer: code=429.
  await page.getByRole('tablist', { name: 'Request parts' }).getByRole('tab', { name: /Headers/ }).click();
  await page.getByRole('button', { name: 'Add header' }).click();
  await page.getByRole('combobox', { name: 'Header 2 name' }).fill('Prefer');
  await page.getByRole('textbox', { name: 'Header Prefer value' }).fill('code=429');
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(response.locator('.response-status')).toHaveText(/^429/);
  await page.getByRole('tab', { name: 'History' }).click();
  await expect(page.getByRole('list', { name: 'History' }).getByRole('button').first()).toContainText('429');
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: path.join(screenshotDir, `sandbox-mock-429-${scheme}.png`) });
  }

  // The discovered field in the mapping screen's source tree.
  await page.emulateMedia({ colorScheme: 'light' });
  await page.getByRole('link', { name: /Mapping/ }).first().click();
  await page.getByText('Customers to contacts').first().click();
  const discovered = page.locator('.source-node').filter({ hasText: 'salesRegion' });
  await expect(discovered).toContainText('discovered');
  await page.screenshot({ path: path.join(screenshotDir, 'mapping-discovered-field-light.png') });
});
