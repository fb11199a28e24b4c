import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, screenshotDir, test } from './fixtures';

const nav = (page: Page) => page.getByRole('navigation', { name: 'Areas' });
const sheet = (page: Page) => page.getByRole('region', { name: 'Mapping sheet' });
/** A sheet row by its target path, in the pinned-left part (Map ID, target). */
const targetRow = (page: Page, target: string) =>
  sheet(page)
    .locator('.ag-row')
    .filter({ has: page.locator('[col-id="target"] .sheet-path', { hasText: new RegExp(`^${target.replace(/[.[\]]/g, '\\$&')}\\*?$`) }) });
/** The whole row (every container) with the same row id. */
const fullRow = async (page: Page, target: string) => {
  const id = await targetRow(page, target).getAttribute('row-id');
  return sheet(page).locator(`.ag-row[row-id="${id}"]`);
};
const details = (page: Page) => page.getByRole('complementary', { name: 'Details' });
const saved = (page: Page) => expect(page.getByRole('status', { name: 'Status bar' })).toContainText('All changes saved');

test('reviews, accepts, writes a transformation and a value map, and keeps them', async ({ page, host }) => {
  // A whole working session in one test: on a loaded 2-core CI machine it needs more than the default 30 s.
  test.setTimeout(90_000);
  const errors: string[] = [];
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(host.url);

  // Open the flow from the Mapping area's list.
  await nav(page).getByRole('link', { name: /^Mapping/ }).click();
  await page.getByRole('gridcell', { name: /Orders to invoices/ }).first().click();
  await expect(page).toHaveURL(/#\/mapping\/\d+$/);
  await expect(page.getByRole('heading', { name: 'Orders to invoices', level: 1 })).toBeVisible();
  await expect(page.locator('.flow-entities')).toContainText('CRM·Order');
  await expect(page.locator('.flow-entities')).toContainText('Accounting·Invoice');
  await expect(targetRow(page, 'contact_id')).toBeVisible();
  await expect(page.getByRole('button', { name: /errors?$/ })).toBeVisible();

  // Review: a suggested row shows its candidates with their reasons.
  await page.getByRole('button', { name: /^To review/ }).click();
  await targetRow(page, 'contact_id').locator('[col-id="target"]').click();
  const candidates = details(page).getByRole('region', { name: 'Candidates' });
  await expect(candidates.locator('.candidate').first()).toContainText('customerId');
  await expect(candidates.locator('.candidate-reasons li').first()).not.toBeEmpty();

  // Accept three with the keyboard: A on the selected row, N to the next one needing attention.
  const accepted: string[] = [];
  for (let i = 0; i < 3; i++) {
    const title = (await details(page).locator('.detail-title').innerText()).replace(/\*$/, '');
    await page.keyboard.press('a');
    await expect(details(page).locator('.detail-header')).toContainText('Accepted');
    accepted.push(title);
    await page.keyboard.press('n');
    await expect(details(page).locator('.detail-title')).not.toHaveText(title);
  }
  await saved(page);

  // Undo the last acceptance, then redo it.
  await page.keyboard.press('Control+z');
  await expect(page.getByText(`Undid: Accept`)).toBeVisible();
  await page.keyboard.press('Control+Shift+z');
  await expect(page.getByText(`Redid: Accept`)).toBeVisible();
  await saved(page);

  // A transformation on reference, written in the detail panel.
  await page.getByRole('button', { name: /^All/ }).click();
  await targetRow(page, 'reference').locator('[col-id="target"]').click();
  await expect(details(page).locator('.detail-title')).toHaveText(/^reference/);
  const transformation = details(page).getByRole('textbox', { name: 'Transformation' });
  await transformation.fill('Prefix "SO-" stays; copy Order.orderNumber');
  await transformation.blur();
  await saved(page);
  // The sheet's cell shows it too (scrolled into view: the grid draws only the columns in sight).
  const transformationCell = (await fullRow(page, 'reference')).locator('[col-id="transformation"]');
  await targetRow(page, 'reference').locator('[col-id="target"]').click();
  for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowRight');
  await expect(transformationCell).toBeFocused();
  await expect(transformationCell).toHaveText('Prefix "SO-" stays; copy Order.orderNumber');

  // A value map for status, from the suggested pairs.
  await targetRow(page, 'status').locator('[col-id="target"]').click();
  await details(page).getByRole('button', { name: 'Edit value map…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Value map' });
  await expect(dialog.getByLabel('Source value 1')).toHaveValue('open');
  await dialog.getByLabel('Target value 1').fill('DRAFT');
  await expect(dialog.getByLabel('Source value 2')).toHaveValue('confirmed');
  await expect(dialog.getByLabel('Target value 2')).toHaveValue('AUTHORISED');
  await dialog.getByRole('button', { name: 'Add pair' }).click();
  await dialog.getByLabel('Source value 4').fill('shipped');
  await dialog.getByLabel('Target value 4').fill('AUTHORISED');
  await dialog.screenshot({ path: path.join(screenshotDir, 'mapping-value-map.png') });
  await dialog.getByRole('button', { name: 'Save value map' }).click();
  await expect(dialog).toBeHidden();
  await saved(page);
  await expect(details(page).locator('.detail-valuemap')).toContainText('open → DRAFT, confirmed → AUTHORISED');
  await expect((await fullRow(page, 'status')).locator('[col-id="valueMap"]')).toContainText('4 · open→DRAFT, confirmed→AUTHORISED');

  // Drag a source field from the tree onto an unmapped row.
  await page.getByRole('treeitem', { name: /^orderNumber string\b/ }).dragTo(targetRow(page, 'invoice_number').locator('[col-id="target"]'));
  await saved(page);
  await expect(await fullRow(page, 'invoice_number')).toContainText('orderNumber');

  // Or pick one from the row's searchable list: Enter on the source cell opens it.
  await targetRow(page, 'due_date').locator('[col-id="target"]').click();
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
  await expect((await fullRow(page, 'due_date')).locator('[col-id="source"]')).toBeFocused();
  await page.keyboard.press('Enter');
  const picker = page.getByRole('dialog', { name: 'Pick a source for due_date' });
  await picker.getByRole('searchbox', { name: 'Search source fields' }).fill('createdat');
  await page.screenshot({ path: path.join(screenshotDir, 'mapping-source-picker.png') });
  await page.keyboard.press('Enter');
  await expect(picker).toBeHidden();
  await saved(page);
  await expect(await fullRow(page, 'due_date')).toContainText('createdAt');

  // Everything is kept across a reload.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Orders to invoices', level: 1 })).toBeVisible();
  await targetRow(page, 'reference').locator('[col-id="target"]').click();
  await expect(details(page).getByRole('textbox', { name: 'Transformation' })).toHaveValue('Prefix "SO-" stays; copy Order.orderNumber');
  for (const target of accepted) await expect(await fullRow(page, target)).toContainText('Accepted');
  await expect(await fullRow(page, 'invoice_number')).toContainText('orderNumber');
  await expect(await fullRow(page, 'due_date')).toContainText('createdAt');

  await targetRow(page, 'status').locator('[col-id="target"]').click();
  await expect(details(page).locator('.detail-valuemap')).toContainText('shipped → AUTHORISED');
  await page.screenshot({ path: path.join(screenshotDir, 'mapping-sheet.png') });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.waitForTimeout(400); // colour transitions settle
  await page.screenshot({ path: path.join(screenshotDir, 'mapping-sheet-dark.png') });
  expect(errors).toEqual([]);
});

test('creates a data flow from the dialog and opens its sheet', async ({ page, host }) => {
  await page.goto(host.url);
  await nav(page).getByRole('link', { name: /^Mapping/ }).click();
  await page.getByRole('button', { name: 'New data flow' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New data flow' });
  await dialog.getByLabel('Source system').selectOption({ index: 1 });
  await dialog.getByRole('searchbox', { name: 'Search source entities' }).fill('Customer');
  const sourceEntities = dialog.getByRole('listbox', { name: 'Source entity' });
  // The search narrows the list a moment after typing: click once it has (else the option moves under the click).
  await expect(sourceEntities.getByRole('option').filter({ hasNotText: /customer/i })).toHaveCount(0);
  await sourceEntities.getByRole('option', { name: /^Customer$/ }).click();
  await expect(sourceEntities.getByRole('option', { name: /^Customer$/ })).toHaveAttribute('aria-selected', 'true');
  await dialog.getByLabel('Target system').selectOption({ index: 2 });
  await dialog.getByRole('listbox', { name: 'Target entity' }).getByRole('option', { name: /^Contact$/ }).click();
  await expect(dialog.getByRole('listbox', { name: 'Target entity' }).getByRole('option', { name: /^Contact$/ })).toHaveAttribute('aria-selected', 'true');
  await dialog.getByLabel('Name', { exact: true }).fill('Customers to contacts (nightly)');
  await dialog.getByLabel('Trigger kind').selectOption('schedule');
  await dialog.getByLabel('Trigger detail').fill('Every night at 02:00');
  await dialog.getByLabel('Outcome 1 condition').fill('Contact upserted');
  await dialog.getByLabel('Outcome 2 condition').fill('Contact rejected');
  await dialog.getByLabel('Outcome 2 handling').fill('Report to the CRM owner');
  await dialog.getByRole('button', { name: 'Create flow' }).click();
  await expect(dialog).toBeHidden();
  await expect(page).toHaveURL(/#\/mapping\/\d+$/);
  await expect(page.getByRole('heading', { name: 'Customers to contacts (nightly)', level: 1 })).toBeVisible();
  await expect(page.locator('.flow-entities')).toContainText('Every night at 02:00');
  await expect(sheet(page).locator('.ag-row').first()).toBeVisible();
});

test('an open source picker survives the checks arriving late (a loaded machine)', async ({ page, host }) => {
  await page.goto(host.url);
  await nav(page).getByRole('link', { name: /^Mapping/ }).click();
  await page.getByRole('gridcell', { name: /Orders to invoices/ }).first().click();
  await expect(targetRow(page, 'due_date')).toBeVisible();
  // From now on the checks (read again after each change) arrive late, as on a busy machine.
  await page.route('**/api/mapping.checks', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await route.continue().catch(() => {});
  });
  await targetRow(page, 'due_date').locator('[col-id="target"]').click();
  await details(page).getByRole('textbox', { name: 'Notes' }).fill('Checked with finance');
  await details(page).getByRole('textbox', { name: 'Notes' }).blur();
  const recheck = page.waitForResponse('**/api/mapping.checks');
  await saved(page);
  // The picker opens before the checks are back…
  await targetRow(page, 'due_date').locator('[col-id="target"]').click();
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  const picker = page.getByRole('dialog', { name: 'Pick a source for due_date' });
  const search = picker.getByRole('searchbox', { name: 'Search source fields' });
  await search.fill('createdat');
  // …and is still open, with what was typed, once they have arrived and the screen has drawn them.
  await recheck;
  await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))');
  await expect(picker).toBeVisible();
  await expect(search).toHaveValue('createdat');
  await page.keyboard.press('Enter');
  await expect(picker).toBeHidden();
  await saved(page);
  await expect(await fullRow(page, 'due_date')).toContainText('createdAt');
});
