import path from 'node:path';
import { expect, screenshotDir, test } from './fixtures';

test('samples N records of the demo CRM’s mock through its paging, with progress, and profiles every field', async ({ page, host }) => {
  await page.setViewportSize({ width: 1100, height: 750 });
  await page.goto(host.url);
  await page.goto(`${new URL(host.url).origin}/#/sandbox`);
  await expect(page.getByRole('region', { name: 'Mock of CRM' })).toContainText('Mock running');
  await page.getByRole('combobox', { name: 'Environment' }).selectOption({ label: 'Mock' });

  await page.locator('#sandbox-side-panel').getByRole('button', { name: /GET \/customers$/ }).click();
  await expect(page.getByRole('textbox', { name: 'URL' })).toHaveValue(/\/customers$/);
  await page.getByRole('tab', { name: 'Auth' }).click();
  await page.getByRole('combobox', { name: 'Authentication' }).selectOption('bearer');
  await page.getByLabel('Token').fill('demo-token-1');

  await page.getByRole('tab', { name: 'Samples' }).click();
  await page.getByRole('button', { name: 'Sample records…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Sample records' });
  await expect(dialog.getByRole('combobox', { name: 'List operation' })).toHaveValue('GET /customers');
  await dialog.getByRole('spinbutton', { name: 'Records' }).fill('45');
  await dialog.getByRole('spinbutton', { name: 'Per page' }).fill('10');
  await dialog.getByRole('combobox', { name: 'Keep pages as samples of' }).selectOption({ label: 'Customer' });
  await dialog.getByRole('button', { name: 'Sample records' }).click();

  // The mock serves a seeded collection of 25 customers: the paging ends before 45.
  await expect(dialog.getByRole('status')).toContainText('Read 25 records in 3 pages (link paging; read the last page). Kept 3 samples, 0 findings against the document.');
  const profile = dialog.getByRole('table', { name: 'Field profile' });
  const email = profile.getByRole('row').filter({ has: page.getByRole('cell', { name: 'email', exact: true }) });
  await expect(email.getByRole('cell').nth(1)).toHaveText('100%');
  await expect(email.getByRole('cell').nth(3)).toHaveText('string');
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: path.join(screenshotDir, `sandbox-sample-records-${scheme}.png`) });
  }
  await dialog.getByRole('button', { name: 'Done' }).click();
  // Every page went through the send path: each is in history.
  await page.getByRole('tab', { name: 'History' }).click();
  await expect(page.getByRole('list', { name: 'History' }).getByRole('button').first()).toContainText('/customers?');
});
