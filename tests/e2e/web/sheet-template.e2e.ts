import fs from 'node:fs';
import path from 'node:path';
import { expect, screenshotDir, test } from './fixtures';
import { chooseUpload, newDemoFlow, openFlow } from './flows';

test('at 1100×750 the flow title is not cut', async ({ page, host }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1100, height: 750 });
  const name = 'Template columns for the UK employees payroll export';
  const flowId = await newDemoFlow(host.url, name);
  await openFlow(page, host.url, flowId, name);
  const title = page.getByRole('heading', { name, level: 1 });
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
  await expect(dialog.getByRole('radio', { name: 'Upload' })).toBeChecked();
  await chooseUpload(dialog, path.resolve(__dirname, '../../fixtures/openapi/import/petstore.openapi30.yaml'));
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
