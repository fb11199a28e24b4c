import fs from 'node:fs';
import path from 'node:path';
import { expect, screenshotDir, test } from './fixtures';

/** Creates a flow of its own through the host's API (the demo's flows belong to the other tests). */
async function newFlow(hostUrl: string, name: string): Promise<number> {
  const url = new URL(hostUrl);
  const response = await fetch(`${url.origin}/api/flows.create`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-crosswalk-token': url.searchParams.get('token')! },
    body: JSON.stringify({ name, source: { system: 'CRM', entity: 'Order' }, target: { system: 'Accounting', entity: 'Invoice' } }),
  });
  const result = (await response.json()) as { ok: boolean; value: { id: number } };
  expect(result.ok).toBe(true);
  return result.value.id;
}

test('at 1100×750 the flow title is not cut', async ({ page, host }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1100, height: 750 });
  const flowId = await newFlow(host.url, 'Template columns for the UK employees payroll export');
  await page.goto(host.url);
  await page.goto(`${new URL(host.url).origin}/#/mapping/${flowId}`);
  const title = page.getByRole('heading', { name: 'Template columns for the UK employees payroll export', level: 1 });
  await expect(title).toBeVisible();
  // At 1100×750 the flow title is not cut, or carries its full text in a tooltip.
  const cut = await title.evaluate((element) => element.scrollWidth > element.clientWidth && element.getAttribute('title') !== element.textContent);
  expect(cut).toBe(false);

  fs.mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: path.join(screenshotDir, 'sheet-template-1100.png') });
});

test('in the browser: import offers an upload first and exports are downloads', async ({ page, host }) => {
  test.setTimeout(120_000);
  await page.goto(host.url);
  await page.getByRole('navigation').getByRole('link', { name: /^Systems/ }).first().click();
  await expect(page.getByRole('heading', { name: 'Systems', level: 1 })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Systems' })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Import system…' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Import system' });
  await expect(dialog.getByRole('button', { name: 'Choose a folder…' })).toBeVisible();
  await dialog.getByLabel('Name').fill('Pets');
  await dialog.getByLabel('Document file or zip').setInputFiles(path.resolve(__dirname, '../../fixtures/openapi/import/petstore.openapi30.yaml'));
  await expect(dialog.getByText('petstore.openapi30.yaml')).toBeVisible();
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog).toBeHidden({ timeout: 30_000 });
  await expect(page.getByRole('navigation', { name: 'Systems' }).locator('[aria-current="true"]')).toContainText('Pets');

  await page.goto(`${new URL(host.url).origin}/#/spec/export`);
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download JSON' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/-spec\.json$/);
  const file = await download.path();
  expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toMatchObject({ format: 'crosswalk-spec' });
});
