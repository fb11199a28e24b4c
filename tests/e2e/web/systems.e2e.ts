import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, screenshotDir, test } from './fixtures';

const accounting = path.resolve(__dirname, '../../../resources/demo/accounting.swagger.json');

const nav = (page: Page) => page.getByRole('navigation', { name: 'Areas' });
const fieldRow = (page: Page, entity: string, name: string) =>
  page.getByRole('region', { name: `Fields of ${entity}` }).locator('.ag-row').filter({ has: page.locator('.tree-name', { hasText: new RegExp(`^${name}$`) }) });

test('imports a document through the UI and browses to a nested field', async ({ page, host }) => {
  const errors: string[] = [];
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  page.on('pageerror', (error) => errors.push(error.message));

  // A copy outside the repository, as an analyst's download would be.
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'crosswalk-e2e-systems-'));
  const document = path.join(folder, 'billing.swagger.json');
  fs.copyFileSync(accounting, document);

  try {
    await page.goto(host.url);
    await nav(page).getByRole('link', { name: /^Systems/ }).click();
    await expect(page.getByRole('heading', { name: 'Systems', level: 1 })).toBeVisible();

    await page.getByRole('button', { name: 'Import system…' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Import system' });
    await dialog.getByLabel('Name').fill('Billing');
    // The browser offers an upload first; the typed path stays an option.
    await dialog.getByText('File path', { exact: true }).click();
    await dialog.getByLabel('Path of the document').fill(document);
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(dialog).toBeHidden({ timeout: 20_000 });

    // The new system is selected, and the address names it.
    const systems = page.getByRole('navigation', { name: 'Systems' });
    await expect(systems.locator('[aria-current="true"]')).toContainText('Billing');
    await expect(systems.locator('[aria-current="true"]')).toContainText('Ledgerly Accounting API');
    await expect(page).toHaveURL(/#\/systems\/\d+$/);

    // Find Invoice through the entity search ("/" focuses it, once the new system's catalogue shows), step into the list and open it with Enter.
    await expect(page.getByRole('searchbox', { name: 'Search entities' })).toBeVisible();
    await page.keyboard.press('/');
    await expect(page.getByRole('searchbox', { name: 'Search entities' })).toBeFocused();
    await page.keyboard.type('Invoice');
    const entities = page.getByRole('region', { name: 'Entities' });
    const invoice = entities.locator('.ag-row').filter({ has: page.locator('.entity-item-name', { hasText: /^Invoice$/ }) });
    await expect(invoice).toContainText('used by 4 operations');
    await page.keyboard.press('ArrowDown');
    await expect(invoice.locator('[role="gridcell"]')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'Invoice', level: 2 })).toBeVisible();
    await expect(page).toHaveURL(/#\/systems\/\d+\/entities\/schema:Invoice$/);
    await expect(page.getByText(/^53 fields · \d+ shown$/)).toBeVisible();

    // line_items is folded; unfold it and pick the nested unit_amount.
    await expect(fieldRow(page, 'Invoice', 'unit_amount')).toHaveCount(0);
    await page.getByRole('button', { name: 'Expand line_items', exact: true }).click();
    const unitAmount = fieldRow(page, 'Invoice', 'unit_amount');
    await expect(unitAmount).toBeVisible();
    await expect(unitAmount).toContainText('number');
    await unitAmount.locator('[col-id="name"]').click();
    await expect(unitAmount.locator('[col-id="name"]')).toBeFocused();
    await page.screenshot({ path: path.join(screenshotDir, 'systems-nested-field.png') });

    // The field search looks at paths and descriptions, and keeps the ancestors of what it finds.
    await page.getByRole('searchbox', { name: 'Search the fields of Invoice' }).fill('unit_amount');
    await expect(page.getByText('2 matches in 53 fields')).toBeVisible();
    await expect(fieldRow(page, 'Invoice', 'line_amount')).toBeVisible();
    await expect(fieldRow(page, 'Invoice', 'line_items')).toBeVisible();
    await expect(fieldRow(page, 'Invoice', 'unit_amount')).toBeVisible();
    await expect(fieldRow(page, 'Invoice', 'invoice_id')).toHaveCount(0);

    // The address keeps the place across a reload.
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Invoice', level: 2 })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Systems' }).locator('[aria-current="true"]')).toContainText('Billing');

    expect(errors).toEqual([]);
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
});

test('lists operations, authentication, servers and problems of a system', async ({ page, host }) => {
  await page.goto(`${host.url}#/systems`);
  await page.getByRole('navigation', { name: 'Systems' }).getByRole('link', { name: /CRM/ }).click();

  await page.getByRole('tab', { name: /Operations/ }).click();
  const operations = page.getByRole('region', { name: 'Operations' });
  await expect(operations).toContainText('/orders/{orderId}/cancel');
  // A response entity opens in the Entities tab.
  await operations.locator('.ag-row', { hasText: '/orders/{orderId}/cancel' }).getByRole('button', { name: 'Order', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Order', level: 2 })).toBeVisible();
  await page.goBack();
  await expect(page.getByRole('tab', { name: /Operations/ })).toHaveAttribute('aria-selected', 'true');

  await page.getByRole('tab', { name: /Auth/ }).click();
  await expect(page.getByRole('tabpanel')).toContainText('Client credentials flow');
  await expect(page.getByRole('tabpanel')).toContainText('https://auth.acme-crm.example/oauth/token');

  await page.getByRole('tab', { name: /Servers/ }).click();
  await expect(page.getByRole('tabpanel')).toContainText('https://sandbox.api.acme-crm.example/v2');
  await expect(page.getByRole('tabpanel')).toContainText('Sandbox');

  await page.getByRole('tab', { name: /Problems/ }).click();
  await expect(page.getByRole('heading', { name: 'Validation' })).toBeVisible();
});
