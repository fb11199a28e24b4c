import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { openFlow, shootLightAndDark } from './flows';

const saved = (page: Page) => expect(page.getByRole('status', { name: 'Status bar' })).toContainText('All changes saved');

test('pairs the invoice lines with the order lines in the demo flow and sees the element rows grouped under it', async ({ page, host }) => {
  test.setTimeout(180_000);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.setViewportSize({ width: 1440, height: 900 });
  await openFlow(page, host.url, 2, 'Orders to invoices');
  await expect(page.locator('.pairing-header')).toHaveCount(0);

  await page.getByRole('button', { name: 'Pair arrays' }).click();
  const dialog = page.getByRole('dialog', { name: 'Pair an array' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Target array').selectOption('line_items[]');
  await dialog.getByLabel('Filled from').selectOption('lines[]');
  await dialog.getByLabel('Filter: which source elements (optional)').fill('quantity > 0');
  await shootLightAndDark(page, 'array-pairing-dialog');
  await dialog.getByRole('button', { name: 'Pair', exact: true }).click();
  await expect(dialog).toBeHidden();
  await saved(page);

  // One header row for the pairing, its ten element rows right under it, indented.
  const header = page.locator('.pairing-header');
  await expect(header).toHaveCount(1);
  await expect(header).toContainText('line_items[] ← lines[] where quantity > 0');
  await expect(header).toContainText('one element per source element · 10 element rows');
  // The sheet is virtualised: the header row (at the place of the first line row) is brought into view first.
  await page.locator('.pairing-header').scrollIntoViewIfNeeded();
  await page.waitForTimeout(500);
  const headerIndex = Number(await page.locator('.ag-row', { has: page.locator('.pairing-header') }).first().getAttribute('row-index'));
  const paired = page.locator('.ag-row').filter({ has: page.locator('.sheet-field.in-pairing') });
  await expect(paired.first()).toBeAttached();
  const indexes = [...new Set(await paired.evaluateAll((rows) => rows.map((row) => Number(row.getAttribute('row-index')))))].sort((a, b) => a - b);
  expect(indexes.length).toBeGreaterThanOrEqual(5);
  expect(indexes[0]).toBe(headerIndex + 1);
  expect(indexes.every((index, i) => index === indexes[0]! + i)).toBe(true);
  await shootLightAndDark(page, 'array-pairing-grouped');

  // The pairing is changed from its header row: the filter cleared.
  await header.getByRole('button', { name: 'Edit pairing' }).click();
  const edit = page.getByRole('dialog', { name: /^Array pairing P-\d{4}$/ });
  await edit.getByLabel('Filter: which source elements (optional)').fill('');
  await edit.getByRole('button', { name: 'Save pairing' }).click();
  await expect(edit).toBeHidden();
  await expect(page.locator('.pairing-header')).not.toContainText('where');
  await expect(page.locator('.pairing-header')).toContainText('line_items[] ← lines[]');
  expect(errors).toEqual([]);
});
