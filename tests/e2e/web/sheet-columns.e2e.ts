// The sheet at 1440×900 (issue 14, item 12): column sets, compact rows, widths remembered per flow, and
// long paths cut in the middle so the leaf stays.
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { newDemoFlow, openFlow, shootLightAndDark } from './flows';

const REVIEW = ['mapId', 'target', 'checks', 'status', 'confidence', 'source'];
const TEMPLATE = ['targetDescription', 'allowedValues', 'maxLength', 'nullable', 'format', 'example', 'sourceDescription'];
const SPEC = ['mapId', 'target', 'checks', 'status', 'confidence', 'source', 'mappingType', 'transformation', 'valueMap', 'defaultValue', 'condition', 'expression', 'notes', 'owner', ...TEMPLATE];

const sheet = (page: Page) => page.getByRole('region', { name: 'Mapping sheet' });

interface HeaderCell {
  index: number;
  colId: string;
  /** The label's text is wider than its box: the header is cut. */
  cut: boolean;
}

/** Scrolls the sheet sideways to `left` pixels (as far as it goes) and lets the grid draw what is now in view. */
async function scrollSheet(page: Page, left: number) {
  await sheet(page)
    .locator('.ag-body-horizontal-scroll-viewport')
    .evaluate((element, x) => (element.scrollLeft = x), left);
  // Page-side code as text: the e2e tsconfig has no DOM types.
  await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))');
}

/**
 * Every column the sheet shows, in order. The grid draws only the header cells in view, so this scrolls the
 * sheet from left to right and keeps each cell by its aria-colindex (its place among all the columns, hidden
 * ones too, so the grid's aria-colcount cannot tell what is shown).
 */
async function shownColumns(page: Page): Promise<HeaderCell[]> {
  const scroller = sheet(page).locator('.ag-body-horizontal-scroll-viewport');
  const found = new Map<number, HeaderCell>();
  for (let left = 0; ; ) {
    await scrollSheet(page, left);
    const cells = await sheet(page)
      .locator('.ag-header-cell[col-id]')
      .evaluateAll((elements) =>
        elements.map((element) => {
          // The Checks header shows an icon; its text is for assistive technology only.
          const label = element.classList.contains('header-text-hidden') ? null : element.querySelector('.ag-header-cell-text');
          return { index: Number(element.getAttribute('aria-colindex')), colId: element.getAttribute('col-id') ?? '', cut: !!label && label.scrollWidth > label.clientWidth };
        }),
      );
    for (const cell of cells) found.set(cell.index, cell);
    const { scrollLeft, scrollWidth, clientWidth } = await scroller.evaluate((element) => ({ scrollLeft: element.scrollLeft, scrollWidth: element.scrollWidth, clientWidth: element.clientWidth }));
    if (scrollLeft + clientWidth >= scrollWidth - 1) break;
    left = scrollLeft + Math.max(100, Math.floor(clientWidth / 2));
  }
  await scrollSheet(page, 0);
  return [...found.values()].sort((a, b) => a.index - b.index);
}

async function expectColumns(page: Page, expected: string[]) {
  const headers = await shownColumns(page);
  expect(headers.map((header) => header.colId)).toEqual(expected);
  expect(headers.filter((header) => header.cut).map((header) => header.colId), 'headers cut').toEqual([]);
}

const headerCell = (page: Page, colId: string) => sheet(page).locator(`.ag-header-cell[col-id="${colId}"]`);

async function width(locator: Locator): Promise<number> {
  const box = await locator.boundingBox();
  expect(box).not.toBeNull();
  return Math.round(box!.width);
}

/** Drags the right edge of a column's header by `dx` pixels, as the analyst resizes it. */
async function resizeColumn(page: Page, colId: string, dx: number) {
  const handle = headerCell(page, colId).locator('.ag-header-cell-resize');
  const box = (await handle.boundingBox())!;
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + dx / 2, y, { steps: 5 });
  await page.mouse.move(x + dx, y, { steps: 5 });
  await page.mouse.up();
}

test('at 1440×900: Review and Spec column sets, compact rows, a resized column kept per flow, long paths keep their leaf', async ({ page, host }) => {
  test.setTimeout(180_000);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.setViewportSize({ width: 1440, height: 900 });
  const name = 'Sheet columns at 1440';
  const flowId = await newDemoFlow(host.url, name);
  await openFlow(page, host.url, flowId, name);
  const columnSet = page.getByRole('combobox', { name: 'Columns shown' });

  await columnSet.selectOption('review');
  await expectColumns(page, REVIEW);
  // The six Review columns share the pane: the last one ends inside it, nothing to scroll to.
  const pane = (await sheet(page).boundingBox())!;
  const source = (await headerCell(page, 'source').boundingBox())!;
  expect(source.x + source.width).toBeLessThanOrEqual(pane.x + pane.width + 1);
  await shootLightAndDark(page, 'sheet-columns-review');

  await columnSet.selectOption('spec');
  await expectColumns(page, SPEC);
  // The last of the template columns, scrolled into view.
  await scrollSheet(page, 1e6);
  await shootLightAndDark(page, 'sheet-columns-spec');
  await scrollSheet(page, 0);

  await columnSet.selectOption('review');
  await expectColumns(page, REVIEW);

  // Compact rows are shorter; switching back restores them.
  const firstRow = sheet(page).locator('.ag-row[row-index="0"]').first();
  await expect(firstRow).toBeAttached();
  const comfortable = await firstRow.evaluate((element) => element.getBoundingClientRect().height);
  const density = page.getByRole('combobox', { name: 'Row density' });
  await density.selectOption('compact');
  await expect.poll(() => firstRow.evaluate((element) => element.getBoundingClientRect().height)).toBeLessThan(comfortable);
  const compact = await firstRow.evaluate((element) => element.getBoundingClientRect().height);
  expect(compact).toBeLessThanOrEqual(comfortable * 0.7);
  await shootLightAndDark(page, 'sheet-columns-review-compact');
  await density.selectOption('comfortable');
  await expect.poll(() => firstRow.evaluate((element) => element.getBoundingClientRect().height)).toBe(comfortable);

  // The target column made narrow: a long path gives way before its leaf, and its title holds the whole path.
  const longPath = 'billing_address.address_line_2';
  const before = await width(headerCell(page, 'target'));
  // (Review fits its columns to the pane, so the target starts narrower than its default 224 px.)
  await resizeColumn(page, 'target', -16);
  const narrowed = await width(headerCell(page, 'target'));
  expect(narrowed).toBeLessThan(before - 10);
  await page.getByRole('searchbox', { name: 'Search the sheet' }).fill('address_line_2');
  const cell = sheet(page).locator(`.sheet-path[title="${longPath}"]`);
  await expect(cell).toBeVisible();
  const expectLeafKept = async () => {
    await expect(cell.locator('.sheet-path-leaf')).toHaveText('address_line_2');
    const shown = await cell.evaluate((element) => {
      const head = element.querySelector('.sheet-path-head')!;
      const leaf = element.querySelector('.sheet-path-leaf')!;
      return { headCut: head.scrollWidth > head.clientWidth, leafCut: leaf.scrollWidth > leaf.clientWidth, leafRight: leaf.getBoundingClientRect().right, cellRight: element.getBoundingClientRect().right };
    });
    expect(shown).toMatchObject({ headCut: true, leafCut: false });
    expect(shown.leafRight).toBeLessThanOrEqual(shown.cellRight + 0.5);
  };
  await expectLeafKept();
  await shootLightAndDark(page, 'sheet-columns-narrow-target');

  // Leaving the flow and opening it again from the list: the width is as the analyst left it.
  await page.getByRole('button', { name: 'Data flows' }).click();
  const flows = page.getByRole('region', { name: 'Data flows' });
  await expect(flows).toBeVisible();
  await flows.getByText(name, { exact: true }).click();
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
  await expect(sheet(page).locator('.sheet-field').first()).toBeAttached();
  expect(Math.abs((await width(headerCell(page, 'target'))) - narrowed)).toBeLessThanOrEqual(1);
  await expectColumns(page, REVIEW);
  await page.getByRole('searchbox', { name: 'Search the sheet' }).fill('address_line_2');
  await expectLeafKept();

  // Too narrow even for the leaf: the head still ends in its ellipsis and the leaf takes one of its own.
  await resizeColumn(page, 'target', -60);
  const squeezed = await cell.evaluate((element) => {
    const head = element.querySelector('.sheet-path-head')!;
    const leaf = element.querySelector('.sheet-path-leaf')!;
    return { headCut: head.scrollWidth > head.clientWidth, headWidth: head.getBoundingClientRect().width, leafCut: leaf.scrollWidth > leaf.clientWidth, leafRight: leaf.getBoundingClientRect().right, cellRight: element.getBoundingClientRect().right };
  });
  expect(squeezed).toMatchObject({ headCut: true, leafCut: true });
  expect(squeezed.headWidth).toBeGreaterThan(10);
  expect(squeezed.leafRight).toBeLessThanOrEqual(squeezed.cellRight + 0.5);
  await shootLightAndDark(page, 'sheet-columns-squeezed-target');

  // Another flow keeps its own widths.
  await page.getByRole('button', { name: 'Data flows' }).click();
  await flows.getByText('Orders to invoices', { exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Orders to invoices', level: 1 })).toBeVisible();
  await expect(sheet(page).locator('.sheet-field').first()).toBeAttached();
  expect(await width(headerCell(page, 'target'))).toBe(before);

  expect(errors).toEqual([]);
});
