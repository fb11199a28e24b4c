import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, screenshotDir, test } from './fixtures';

const areas = [
  { label: 'Overview', hash: '#/overview', shows: 'Next steps' },
  { label: 'Systems', hash: '#/systems', shows: 'firstName' }, // the first entity's fields, loaded
  { label: 'Mapping', hash: '#/mapping', shows: 'Orders to invoices' },
  { label: 'Sandbox', hash: '#/sandbox', shows: 'Sandbox' },
  { label: 'Spec & export', hash: '#/spec', shows: 'Business case' },
] as const;

const nav = (page: Page) => page.getByRole('navigation', { name: 'Areas' });
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(screenshotDir, `${name}.png`) });

for (const colorScheme of ['light', 'dark'] as const) {
  test(`opens the demo workspace and navigates every area (${colorScheme})`, async ({ page, host }) => {
    const errors: string[] = [];
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    page.on('pageerror', (error) => errors.push(error.message));
    await page.emulateMedia({ colorScheme });
    await page.goto(host.url);

    await expect(page.getByRole('heading', { name: 'Overview', level: 1 })).toBeVisible();
    expect(page.url(), 'the token must leave the address bar').not.toContain('token=');
    await expect(page.getByRole('status', { name: 'Status bar' })).toContainText('demo.crosswalk');

    for (const area of areas) {
      await nav(page).getByRole('link', { name: new RegExp(`^${area.label.replace('&', '\\&')}`) }).click();
      await expect(page).toHaveURL(new RegExp(`${area.hash}$`));
      await expect(page.getByRole('heading', { name: area.label, level: 1 })).toBeVisible();
      await expect(page.getByRole('main')).toContainText(area.shows);
      await shot(page, `${area.hash.slice(2)}-${colorScheme}`);
    }
    await nav(page).page().getByRole('link', { name: /^Workspaces/ }).click();
    await expect(page.getByRole('heading', { name: 'Workspaces', level: 1 })).toBeVisible();
    await shot(page, `workspaces-${colorScheme}`);
    expect(errors).toEqual([]);
  });
}

test('keeps what the analyst types, across a reload', async ({ page, host }) => {
  await page.goto(host.url);
  const businessCase = page.getByLabel('Business case');
  await businessCase.fill('Invoices must reach customers the day the order is confirmed.');
  await businessCase.blur();
  await expect(page.getByRole('status', { name: 'Status bar' })).toContainText('All changes saved');

  await page.getByRole('textbox', { name: 'Question or corner case' }).fill('Which VAT rate applies to shipping?');
  await page.getByRole('textbox', { name: 'Owner', exact: true }).fill('Finance lead');
  await page.getByRole('button', { name: 'Add' }).click();
  await expect(page.getByRole('grid')).toContainText('Which VAT rate applies to shipping?');

  await page.reload();
  await expect(page.getByLabel('Business case')).toHaveValue('Invoices must reach customers the day the order is confirmed.');
  await expect(page.getByRole('grid')).toContainText('Which VAT rate applies to shipping?');
});

test('switches areas from the keyboard', async ({ page, host }) => {
  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: 'Overview', level: 1 })).toBeVisible();
  await page.keyboard.press('Control+2');
  await expect(page.getByRole('heading', { name: 'Systems', level: 1 })).toBeVisible();
  await page.keyboard.press('Control+5');
  await expect(page.getByRole('heading', { name: 'Spec & export', level: 1 })).toBeVisible();
});

test('a page without the token explains how to get in, and reads nothing', async ({ page, host }) => {
  const origin = new URL(host.url).origin;
  await page.goto(`${origin}/`);
  await expect(page.getByText('Crosswalk could not start')).toBeVisible();
  await expect(page.getByText(/open the address that "crosswalk serve" printed/)).toBeVisible();
  await expect(page.getByText('Acme CRM')).toHaveCount(0);
});
