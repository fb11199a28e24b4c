// By keyboard alone: open a flow, review and accept a row, open and close dialogs with focus visible and
// given back; and the layout at 200 % zoom (640×400 CSS px) in light and dark.
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, screenshotDir, test } from './fixtures';

const isFocused = (locator: Locator) => locator.evaluate((element) => element.contains(element.ownerDocument.activeElement)).catch(() => false);

/** Presses Tab until the locator has focus (or fails after `max` presses); the focus is visible each time. */
async function tabTo(page: Page, target: Locator, max = 40, key = 'Tab') {
  for (let i = 0; i < max; i++) {
    if (await isFocused(target)) return;
    await page.keyboard.press(key);
  }
  await expect(target).toBeFocused();
}

/** The focused control's name as a listener hears it: its label, its aria-label or its text. */
const focusedName = (page: Page) =>
  page.locator(':focus').evaluate((element) => {
    const labels = 'labels' in element ? (element.labels as ArrayLike<{ textContent: string | null }> | null) : null;
    return (element.getAttribute('aria-label') ?? labels?.[0]?.textContent ?? element.textContent ?? '').trim();
  });

async function focusVisible(page: Page) {
  await expect(page.locator(':focus-visible')).toHaveCount(1);
}

test('maps a row by keyboard alone, from opening the flow to accepting it, focus visible and given back after each dialog', async ({ page, host }) => {
  test.setTimeout(180_000);
  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: 'Overview', level: 1 })).toBeVisible();
  await page.keyboard.press('Control+3');
  await expect(page.getByRole('heading', { name: 'Mapping', level: 1 })).toBeVisible();

  // Into the list of flows, down to the flow, Enter opens it.
  const flows = page.getByRole('region', { name: 'Data flows' });
  await tabTo(page, flows, 60);
  await focusVisible(page);
  for (let i = 0; i < 10 && !(await page.locator(':focus').innerText()).includes('Orders to invoices'); i++) {
    const row = await page.locator(':focus').evaluate((element) => element.closest('.ag-row')?.textContent ?? '');
    if (row.includes('Orders to invoices')) break;
    await page.keyboard.press('ArrowDown');
  }
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Orders to invoices', level: 1 })).toBeVisible();

  // Opening the flow put focus on the sheet's first row.
  const sheet = page.getByRole('region', { name: 'Mapping sheet' });
  await expect(sheet.locator('.ag-cell-focus')).toHaveCount(1);
  expect(await isFocused(sheet)).toBe(true);

  // N walks to a row to review; the detail panel follows.
  const details = page.getByRole('complementary', { name: 'Details' });
  const accept = details.getByRole('button', { name: 'Accept', exact: true });
  for (let i = 0; i < 20; i++) {
    await page.keyboard.press('n');
    if ((await accept.count()) && (await accept.getAttribute('aria-disabled')) === 'false') break;
  }
  await expect(accept).toHaveAttribute('aria-disabled', 'false');
  const title = (await details.locator('.detail-title').innerText()).replace(/\*$/, '');

  // The sheet is one Tab stop, not 600 cells. Tab leaves it for the shortcut legend under it (its four
  // settings, in the order they show), then the detail panel at its right: the tabs, then on to Accept.
  const stops: string[] = [];
  for (let i = 0; i < 12 && !(await isFocused(accept)); i++) {
    await page.keyboard.press('Tab');
    stops.push(await focusedName(page));
  }
  expect(stops.slice(0, 5)).toEqual(['Letter keys', 'N goes to the next row', 'Columns shown', 'Row density', 'Selected field']);
  expect(stops.at(-1)).toBe('Accept');
  await focusVisible(page);
  await page.keyboard.press('Enter');
  await expect(details.locator('.detail-header')).toContainText('Accepted');
  await expect(details.locator('.detail-title')).toHaveText(new RegExp(`^${title.replace(/[.[\]*]/g, '\\$&')}`));
  // Accept did not drop focus: it stays on the (now unavailable) button, and Tab goes on from there.
  await expect(accept).toBeFocused();
  await expect(accept).toHaveAttribute('aria-disabled', 'true');
  await page.keyboard.press('Tab');
  expect(await page.locator('body').evaluate((body) => body.ownerDocument.activeElement !== body)).toBe(true);
  await expect(page.getByRole('status', { name: 'Status bar' })).toContainText('All changes saved');

  // Flow details: opened with Enter, closed with Escape, focus back on its button.
  const detailsButton = page.getByRole('button', { name: 'Flow details' });
  await tabTo(page, detailsButton, 60, 'Shift+Tab');
  await focusVisible(page);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'Flow details' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Flow details' })).toBeHidden();
  await expect(detailsButton).toBeFocused();
  await focusVisible(page);

  // Back into the sheet (Tab lands on the selected row), across to the value map, Enter opens it.
  await tabTo(page, sheet, 30);
  await expect(sheet.locator('.ag-row-selected [col-id="target"]').first()).toBeFocused();
  for (let i = 0; i < 12; i++) {
    if ((await page.locator(':focus').getAttribute('col-id')) === 'valueMap') break;
    await page.keyboard.press('ArrowRight');
  }
  const valueMapCell = page.locator(':focus');
  await expect(valueMapCell).toHaveAttribute('col-id', 'valueMap');
  const cellId = await valueMapCell.evaluate((element) => `${element.closest('.ag-row')?.getAttribute('row-id')}`);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'Value map' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Value map' })).toBeHidden();
  await expect(sheet.locator(`.ag-row[row-id="${cellId}"] [col-id="valueMap"]`)).toBeFocused();
  await focusVisible(page);

  // The letters can be switched off: then A in the sheet accepts nothing.
  const letters = page.getByRole('checkbox', { name: 'Letter keys' });
  await page.keyboard.press('Tab');
  await tabTo(page, letters, 5);
  await page.keyboard.press('Space');
  await expect(letters).not.toBeChecked();
  await tabTo(page, sheet, 5, 'Shift+Tab');
  const before = (await details.locator('.detail-header').textContent()) ?? '';
  await page.keyboard.press('r');
  await expect(details.locator('.detail-header')).toHaveText(before);
  await tabTo(page, letters, 5);
  await page.keyboard.press('Space');
  await expect(letters).toBeChecked();
});

test('at 200 % zoom (640×400 CSS px) the sidebar collapses, the panes stack and the sheet and catalogue show', async ({ page, host }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 640, height: 400 });
  await page.goto(host.url);
  const sidebar = page.locator('.sidebar');
  await expect(page.getByRole('heading', { name: 'Overview', level: 1 })).toBeVisible();
  expect((await sidebar.boundingBox())!.width).toBeLessThan(640 * 0.1);
  // The collapsed links keep their names, and the sidebar opens in full on demand.
  await expect(page.getByRole('navigation', { name: 'Areas' }).getByRole('link', { name: /^Systems/ })).toBeVisible();
  await page.getByRole('button', { name: 'Collapse the sidebar' }).click();
  await expect(page.getByRole('button', { name: 'Collapse the sidebar' })).toHaveAttribute('aria-pressed', 'false');
  expect((await sidebar.boundingBox())!.width).toBeGreaterThan(200);
  await page.getByRole('button', { name: 'Collapse the sidebar' }).click();

  const shoot = async (name: string) => {
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.waitForTimeout(400); // colour transitions settle
      await page.screenshot({ path: path.join(screenshotDir, `zoom200-${name}-${scheme}.png`) });
    }
    await page.emulateMedia({ colorScheme: 'light' });
  };
  await shoot('overview');

  // The catalogue: nothing cut off to the right of the main area.
  await page.getByRole('navigation', { name: 'Areas' }).getByRole('link', { name: /^Systems/ }).click();
  await expect(page.getByRole('tab', { name: /^Entities/ })).toBeVisible();
  const main = page.getByRole('main');
  expect(await main.evaluate((element) => element.scrollWidth - element.clientWidth)).toBeLessThanOrEqual(0);
  expect((await page.getByRole('tab', { name: /^Problems/ }).boundingBox())!.x).toBeLessThan(640);
  await shoot('systems');

  // An open flow: the panes stack and the sheet's grid has a real size once scrolled to.
  await page.getByRole('navigation', { name: 'Areas' }).getByRole('link', { name: /^Mapping/ }).click();
  await page.getByRole('gridcell', { name: /Orders to invoices/ }).first().click();
  await expect(page.getByRole('heading', { name: 'Orders to invoices', level: 1 })).toBeVisible();
  const grid = page.getByRole('region', { name: 'Mapping sheet' });
  await grid.scrollIntoViewIfNeeded();
  const box = (await grid.boundingBox())!;
  expect(box.width).toBeGreaterThan(400);
  expect(box.height).toBeGreaterThan(200);
  await expect(grid.locator('.ag-row').first()).toBeVisible();
  await shoot('flow');
});
