import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, screenshotDir, test } from './fixtures';
import { newDemoFlow, openFlow } from './flows';

const saved = (page: Page) => expect(page.getByRole('status', { name: 'Status bar' })).toContainText('All changes saved');

test('accepts above a bar after asking, leaving rows with errors for review, and undoes it in one step', async ({ page, host }) => {
  test.setTimeout(120_000);
  const flowId = await newDemoFlow(host.url, 'Bulk accept');
  await openFlow(page, host.url, flowId, 'Bulk accept');
  const progress = page.getByRole('progressbar', { name: 'Mapping complete' });
  await expect(progress).toHaveAttribute('aria-valuenow', /\d+/);
  const before = await progress.getAttribute('aria-valuenow');

  await page.getByRole('textbox', { name: 'Accept threshold' }).fill('0.80');
  await page.getByRole('button', { name: 'Accept all above' }).click();
  const dialog = page.getByRole('alertdialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('heading')).toHaveText(/^Accept \d+ suggestions\?$/);
  await expect(dialog).toContainText(/\d+ suggestions? above the bar stays? for you to review: a check shows an error on/);
  await expect(dialog.locator('.accept-skipped-list li').first()).toContainText('add them to the value map');
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: path.join(screenshotDir, `bulk-accept-${scheme}.png`) });
  }
  // Nothing was written by asking.
  await expect(progress).toHaveAttribute('aria-valuenow', before!);

  const count = Number(/^Accept (\d+)/.exec((await dialog.getByRole('heading').textContent())!)![1]);
  await dialog.getByRole('button', { name: `Accept ${count}` }).click();
  await expect(dialog).toBeHidden();
  await saved(page);
  await expect(page.getByRole('status').filter({ hasText: `Accepted ${count} suggestions scoring 80% or more.` })).toBeVisible();
  await expect(progress).not.toHaveAttribute('aria-valuenow', before!);

  await page.getByRole('button', { name: 'Undo' }).click();
  await saved(page);
  await expect(progress).toHaveAttribute('aria-valuenow', before!);
});

test('shows the rows before their checks, says "Checking…" meanwhile, and holds the check filters and bulk accept until they come', async ({ page, host }) => {
  test.setTimeout(120_000);
  const flowId = await newDemoFlow(host.url, 'Checked later');
  // The checks are held back until the rows have been looked at: what shows meanwhile must not read as "no problems".
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/mapping.checks', async (route) => {
    await held;
    await route.continue();
  });
  await openFlow(page, host.url, flowId, 'Checked later');
  await expect(page.getByRole('status').filter({ hasText: 'Checking…' }).first()).toBeVisible();
  await expect(page.getByRole('button', { name: /\d+ errors?$/ })).toHaveCount(0);
  await expect(page.locator('.sheet-checks-cell .check-ok')).toHaveCount(0);
  await expect(page.locator('.sheet-checks-cell .check-pending').first()).toBeVisible();
  await expect(page.getByRole('button', { name: /^Unmapped required/ })).toBeDisabled();
  await expect(page.getByRole('button', { name: /^Mismatches/ })).toBeDisabled();
  // A row's expression comes with the checks: no empty editor meanwhile (what was typed there would be lost).
  await page.getByRole('region', { name: 'Mapping sheet' }).locator('.sheet-field').first().click();
  const expressionSection = page.getByRole('region', { name: 'Pseudocode and expression' });
  await expect(expressionSection).toContainText('Generating the expression…');
  await expect(expressionSection.getByText('Expression (JSONata)')).toHaveCount(0);
  await page.getByRole('textbox', { name: 'Accept threshold' }).fill('0.80');
  const acceptAbove = page.getByRole('button', { name: 'Accept all above' });
  await expect(acceptAbove).toHaveAttribute('aria-disabled', 'true');
  const bulkCalls: string[] = [];
  page.on('request', (request) => request.url().includes('/api/mapping.acceptAbove') && bulkCalls.push(request.url()));
  await acceptAbove.click({ force: true }); // aria-disabled: it keeps focus, but must not act

  release();
  await expect(page.getByRole('button', { name: /^\d+ errors?$/ })).toBeVisible();
  // Asked for nothing while the checks were out (a preview asked then would have gone out before they came).
  expect(bulkCalls).toEqual([]);
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  await expect(page.getByText('Checking…')).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Mismatches/ })).toBeEnabled();
  await expect(page.locator('.sheet-checks-cell .check-pending')).toHaveCount(0);
  await expect(expressionSection.getByText('Expression (JSONata)')).toBeVisible();
  await expect(acceptAbove).toHaveAttribute('aria-disabled', 'false');
  await acceptAbove.click();
  await expect(page.getByRole('alertdialog')).toBeVisible();
});
