// The source tree by keyboard when it draws only the fields in view: on the real wrapped HR → payroll pair
// in a short window, Home, End and the arrows reach fields that were not drawn yet, focus them and scroll
// them into view, and each field still tells its place among its siblings.
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { call, importWrappedPair, openFlow } from './flows';

const tree = (page: Page) => page.getByRole('tree', { name: 'Fields of Employee' });
const focusedItem = (page: Page) => tree(page).locator('[role="treeitem"]:focus');

/** The element lies wholly inside the source tree's scrolled box. */
async function expectInView(page: Page, item: Locator) {
  const box = await item.boundingBox();
  const view = await page.locator('.source-tree').boundingBox();
  expect(box && view, 'both drawn').toBeTruthy();
  expect(box!.y).toBeGreaterThanOrEqual(view!.y - 1);
  expect(box!.y + box!.height).toBeLessThanOrEqual(view!.y + view!.height + 1);
}

test('moves through a windowed source tree with Home, End and the arrows', async ({ page, host }) => {
  test.setTimeout(180_000);
  await importWrappedPair(host.url);
  const name = 'Employees to payroll (source keys)';
  const flow = await call<{ id: number }>(host.url, 'flows.create', { name, source: { system: 'HR', entity: 'Employee' }, target: { system: 'Payroll', entity: 'Employee' } });
  await page.setViewportSize({ width: 1100, height: 650 });
  await openFlow(page, host.url, flow.id, name);

  const items = tree(page).getByRole('treeitem');
  const first = items.first();
  const firstName = (await first.locator('.source-node-name').textContent())?.trim();
  expect(firstName).toBeTruthy();
  const secondLabel = await items.nth(1).getAttribute('aria-labelledby');
  await first.focus();
  await expect(first).toHaveAttribute('aria-posinset', '1');

  // End: the last field is drawn, focused and in view; the first one is no longer drawn (the window moved).
  await page.keyboard.press('End');
  const last = focusedItem(page);
  await expect(last).toHaveCount(1);
  await expectInView(page, last);
  await expect(last).toHaveAttribute('aria-posinset', (await last.getAttribute('aria-setsize'))!);
  expect(await last.evaluate((element) => element.nextElementSibling === null)).toBe(true);
  await expect(tree(page).locator('[role="treeitem"][aria-posinset="1"][aria-level="1"]')).toHaveCount(0);
  const lastLabel = await last.getAttribute('aria-labelledby');
  const beforeLastLabel = await last.evaluate((element) => element.previousElementSibling?.getAttribute('aria-labelledby'));
  expect(beforeLastLabel).toBeTruthy();

  // ↑ moves to the field just before it, still focused and in view.
  await page.keyboard.press('ArrowUp');
  await expect(focusedItem(page)).toHaveAttribute('aria-labelledby', beforeLastLabel!);
  await expectInView(page, focusedItem(page));

  // Home: back to the first field, drawn again and focused; the last one is no longer drawn.
  await page.keyboard.press('Home');
  await expect(focusedItem(page)).toHaveAttribute('aria-posinset', '1');
  await expect(focusedItem(page)).toHaveAttribute('aria-level', '1');
  await expect(focusedItem(page)).toContainText(firstName!);
  await expectInView(page, focusedItem(page));
  await expect(tree(page).locator(`[aria-labelledby="${lastLabel}"]`)).toHaveCount(0);

  // ↓ goes to the second field, which now holds the tree's Tab stop.
  await page.keyboard.press('ArrowDown');
  await expect(focusedItem(page)).toHaveAttribute('aria-labelledby', secondLabel!);
  await expect(focusedItem(page)).toHaveAttribute('tabindex', '0');
});
