// Layout defects seen in screenshots at 1100×750, each as a check that fails when it comes back: the named
// boxes do not overlap, and a name is either shown whole or carries its full text in a tooltip.
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, screenshotDir, test } from './fixtures';
import { call, openFlow } from './flows';

const nav = (page: Page) => page.getByRole('navigation', { name: 'Areas' });
const origin = (url: string) => new URL(url).origin;

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** The boxes of the two elements, which must both be on screen and apart. */
async function expectApart(a: Locator, b: Locator, what: string) {
  const [boxA, boxB] = [await a.boundingBox(), await b.boundingBox()];
  expect(boxA, `${what}: first box`).not.toBeNull();
  expect(boxB, `${what}: second box`).not.toBeNull();
  expect(overlaps(boxA!, boxB!), `${what}: ${JSON.stringify(boxA)} overlaps ${JSON.stringify(boxB)}`).toBe(false);
}

/** Shown whole (nothing scrolled or clipped away), or cut on purpose with the whole text in its tooltip. */
async function expectWholeOrTooltip(element: Locator, what: string) {
  const state = await element.evaluate((node) => ({
    text: (node.textContent ?? '').trim(),
    cut: node.scrollWidth > node.clientWidth,
    title: node.getAttribute('title') ?? node.closest('[title]')?.getAttribute('title') ?? '',
  }));
  if (state.cut) expect(state.title, `${what} "${state.text}" is cut without its full text in a tooltip`).toContain(state.text.replace(/\*$/, ''));
}

/** Wide enough to hold words side by side, not one word per line. */
async function expectRoomForWords(element: Locator, what: string) {
  const width = (await element.boundingBox())!.width;
  expect(width, `${what} is ${width}px wide`).toBeGreaterThanOrEqual(180);
}

/** The catalogue's All / Schemas / Bodies filter (shown when a document has both kinds) ends inside the entity list, each option whole. */
async function expectKindFilterFits(page: Page) {
  const list = page.locator('.entity-list');
  await expect(list.locator('.ag-row').first()).toBeVisible();
  const listBox = (await list.boundingBox())!;
  const options = list.locator('.entity-list-tools .segmented-option');
  await expect(options).toHaveText([/^All/, /^Schemas/, /^Bodies/]);
  for (const option of await options.all()) {
    const box = (await option.boundingBox())!;
    expect(box.x + box.width, `${await option.innerText()} ends inside the list`).toBeLessThanOrEqual(listBox.x + listBox.width + 0.5);
    await expectWholeOrTooltip(option, 'a kind filter');
  }
}

async function shoot(page: Page, name: string) {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.waitForTimeout(300); // colour transitions settle
    await page.screenshot({ path: path.join(screenshotDir, `layout-1100-${name}-${scheme}.png`) });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

test.use({ viewport: { width: 1100, height: 750 } });

/** The column's header and first cells end inside the grid's viewport (left of its vertical scroll bar), their content whole. */
async function expectColumnInView(grid: Locator, colId: string, what: string) {
  const viewport = await grid.evaluate((node) => {
    const body = node.querySelector('.ag-grid-viewport') ?? node;
    const bar = node.querySelector('.ag-body-vertical-scroll-viewport');
    const { left, right } = body.getBoundingClientRect();
    return { left, right: bar && bar.getBoundingClientRect().width > 0 ? bar.getBoundingClientRect().left : right };
  });
  const cells = await grid.locator(`.ag-header-cell[col-id="${colId}"], .ag-row .ag-cell[col-id="${colId}"]`).all();
  expect(cells.length, `${what}: header and cells shown`).toBeGreaterThan(1);
  for (const cell of cells.slice(0, 8)) {
    const box = (await cell.boundingBox())!;
    expect(box.x, `${what} starts inside the grid`).toBeGreaterThanOrEqual(viewport.left - 0.5);
    expect(box.x + box.width, `${what} ends inside the grid's viewport (${viewport.right})`).toBeLessThanOrEqual(viewport.right + 0.5);
    // Whole: the header's label not cut to an ellipsis, a cell's badge inside the cell.
    const whole = await cell.evaluate((node) => {
      const label = node.querySelector('.ag-header-cell-text');
      if (label) return label.scrollWidth <= label.clientWidth;
      const right = node.getBoundingClientRect().right;
      return [...node.querySelectorAll('*')].every((child) => child.getBoundingClientRect().right <= right + 0.5);
    });
    expect(whole, `${what}: its content is whole`).toBe(true);
  }
}

const envelopedFixtures = path.resolve(__dirname, '../../fixtures/openapi/enveloped');

/**
 * A system of the enveloped pair under a name of this file's own (the host is shared by the worker's tests:
 * enveloped-pair.e2e imports "Bank" and "Budget"), imported once per host: a retry finds it.
 */
async function envelopedSystem(hostUrl: string, side: 'bank' | 'budget'): Promise<string> {
  const [name, file] = side === 'bank' ? ['Swiss banking (layout)', 'swiss-ng-banking.openapi30.json'] : ['YNAB (layout)', 'ynab.openapi30.json'];
  const systems = await call<Array<{ name: string }>>(hostUrl, 'systems.list', {});
  if (!systems.some((each) => each.name === name)) await call(hostUrl, 'systems.import', { name, source: { kind: 'file', path: path.join(envelopedFixtures, file) } });
  return name;
}

/** The enveloped pair's rooted flow, made once per host like its systems. */
async function envelopedFlow(hostUrl: string): Promise<{ id: number; name: string }> {
  const name = 'Layout: bank transactions to budget';
  const found = (await call<Array<{ id: number; name: string }>>(hostUrl, 'flows.list', {})).find((flow) => flow.name === name);
  if (found) return found;
  await envelopedSystem(hostUrl, 'bank');
  await envelopedSystem(hostUrl, 'budget');
  return call(hostUrl, 'flows.create', {
    name,
    source: { system: 'Swiss banking (layout)', entity: 'getTransactionDetails 200 response', root: 'transactionsDetails.transactionDetails' },
    target: { system: 'YNAB (layout)', entity: 'PutTransactionWrapper', root: 'transaction' },
  });
}

const longName = 'UK employees to payroll: starters, leavers and changes each pay run';
const namespaced = path.resolve(__dirname, '../../fixtures/openapi/layout/aviationdata-airports.openapi30.json');

test('at 1100×750 the flow screen keeps its title, entity names and used count apart and whole', async ({ page, host }) => {
  test.setTimeout(120_000);
  await page.goto(host.url);
  await nav(page).getByRole('link', { name: /^Mapping/ }).click();
  await page.getByRole('gridcell', { name: /Orders to invoices/ }).first().click();
  await expect(page.getByRole('heading', { name: 'Orders to invoices', level: 1 })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Mapping sheet' }).locator('.ag-row').first()).toBeVisible();
  // A long name, as real flows get ("UK employees…" was cut to "UK e…").
  await page.getByRole('button', { name: 'Flow details' }).click();
  const dialog = page.getByRole('dialog', { name: 'Flow details' });
  await dialog.getByRole('textbox', { name: 'Name' }).fill(longName);
  await dialog.getByRole('button', { name: 'Save details' }).click();
  await expect(dialog).toBeHidden();
  const title = page.getByRole('heading', { name: longName, level: 1 });
  await expect(title).toBeVisible();
  // Most of it shows: at least 40 characters' room, whatever the tooltip.
  expect((await title.boundingBox())!.width).toBeGreaterThanOrEqual(300);

  await expectWholeOrTooltip(title, 'the flow title');
  const source = page.getByRole('region', { name: 'Source fields' });
  await expectApart(source.locator('.pane-name'), source.locator('.pane-meta'), 'source entity name and its used count');
  await expectWholeOrTooltip(source.locator('.pane-name'), 'the source entity name');
  for (const name of await page.locator('.flow-header .entity-name, .flow-entities .entity-name').all()) await expectWholeOrTooltip(name, 'an entity name in the header');
  await shoot(page, 'flow');

  // The demo flow gets its name back: other tests on this worker's host open it by name.
  await page.getByRole('button', { name: 'Flow details' }).click();
  await dialog.getByRole('textbox', { name: 'Name' }).fill('Orders to invoices');
  await dialog.getByRole('button', { name: 'Save details' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Orders to invoices', level: 1 })).toBeVisible();
});

test('at 1100×750 the catalogue shows entity names whole or in a tooltip, and its kind filter fits', async ({ page, host }) => {
  test.setTimeout(120_000);
  await page.goto(host.url);
  await nav(page).getByRole('link', { name: /^Systems/ }).click();
  await expect(page.getByRole('tab', { name: /^Entities/ })).toBeVisible();
  await expectKindFilterFits(page);
  // Namespaced names sharing long prefixes (AirportsAPI.Controllers.…): each must still read as itself.
  await page.getByRole('button', { name: 'Import system…' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Import system' });
  await dialog.getByLabel('Name').fill('Airports');
  await dialog.getByText('File path', { exact: true }).click();
  await dialog.getByLabel('Path of the document').fill(namespaced);
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog).toBeHidden({ timeout: 30_000 });
  const list = page.locator('.entity-list');
  await expect(list.locator('.entity-item-name', { hasText: 'AirportsAPI.Controllers.AirportDetailsController.Response' })).toBeVisible();
  // Whole, not cut at the right where fourteen of them would read "AirportsAPI.Controllers.Airpo…".
  for (const name of await list.locator('.ag-row .entity-item-name').all()) {
    const cut = await name.evaluate((node) => node.scrollWidth > node.clientWidth || node.scrollHeight > node.clientHeight + 1);
    expect(cut, `${await name.innerText()} is cut`).toBe(false);
  }
  await page.getByRole('link', { name: /^AirportsAPI\.Controllers\.AirportDetailsController\.Response/ }).or(list.locator('.entity-item-name', { hasText: 'AirportDetailsController.Response' })).first().click();
  await expectWholeOrTooltip(page.locator('.entity-detail h2').first(), 'the open entity name');
  await shoot(page, 'systems');

  // Both kinds with three-digit counts (289 schemas, 3 bodies): "Bodies" ran out of the list.
  const bank = await envelopedSystem(host.url, 'bank');
  await page.reload();
  await page.getByRole('navigation', { name: 'Systems' }).getByRole('link', { name: bank }).click();
  await expect(list.locator('.entity-list-tools .segmented-option').first()).toContainText('292');
  await expectKindFilterFits(page);
  await shoot(page, 'systems-kinds');
});

test('at 1100×750 requirement evidence stays clear of Confirm and outcome text boxes have room for words', async ({ page, host }) => {
  test.setTimeout(120_000);
  await page.goto(host.url);
  await page.goto(`${origin(host.url)}/#/spec/requirements`);
  await expect(page.getByRole('heading', { name: 'Requirements', level: 2 })).toBeVisible();
  const confirmable = page.locator('.requirement').filter({ has: page.getByRole('button', { name: /^Confirm: / }) });
  await expect(confirmable.first()).toBeVisible();
  for (const requirement of await confirmable.all()) {
    await expectApart(requirement.locator('.requirement-evidence'), requirement.getByRole('button', { name: /^Confirm: / }), 'evidence and Confirm');
  }
  await shoot(page, 'requirements');

  await page.goto(`${origin(host.url)}/#/spec/use-cases`);
  await expect(page.getByRole('heading', { name: 'Use cases', level: 2 })).toBeVisible();
  const outcomes = page.locator('.flow-card .outcome-text');
  await expect(outcomes.first()).toBeVisible();
  for (const outcome of await outcomes.all()) await expectRoomForWords(outcome, 'an outcome text box in a flow card');
  await outcomes.first().scrollIntoViewIfNeeded();
  await shoot(page, 'use-cases');

  await page.goto(host.url);
  await nav(page).getByRole('link', { name: /^Mapping/ }).click();
  await page.getByRole('gridcell', { name: /Orders to invoices/ }).first().click();
  await page.getByRole('button', { name: 'Flow details' }).click();
  const dialog = page.getByRole('dialog', { name: 'Flow details' });
  await expect(dialog.locator('.outcome-text').first()).toBeVisible();
  for (const outcome of await dialog.locator('.outcome-text').all()) await expectRoomForWords(outcome, 'an outcome text box in Flow details');
  await shoot(page, 'flow-details');
});

test('at 1100×750 the Review columns show Status whole on the enveloped pair, opened there or narrowed from 1440', async ({ page, host }) => {
  test.setTimeout(180_000);
  const flow = await envelopedFlow(host.url);
  const grid = page.getByRole('region', { name: 'Mapping sheet' });
  for (const from of [1100, 1440]) {
    await page.setViewportSize(from === 1100 ? { width: 1100, height: 750 } : { width: 1440, height: 900 });
    await openFlow(page, host.url, flow.id, flow.name);
    await page.getByRole('combobox', { name: 'Columns shown' }).selectOption('review');
    await expect(grid.locator('.ag-header-cell[col-id="status"]')).toBeVisible();
    if (from === 1440) {
      await expectColumnInView(grid, 'status', 'Status at 1440×900');
      await page.setViewportSize({ width: 1100, height: 750 });
    }
    // The grid fits its columns again once it has seen the pane's new width (a resize observer, a frame later).
    await expect(() => expectColumnInView(grid, 'status', `Status at 1100×750 (from ${from})`)).toPass({ timeout: 5_000 });
    // Map ID, the target and its checks stay first, in their order (ag-grid had unpinned Map ID behind Checks).
    const order = await grid
      .locator('.ag-header-cell')
      .evaluateAll((cells) => cells.map((cell) => ({ id: cell.getAttribute('col-id'), x: cell.getBoundingClientRect().x })).sort((a, b) => a.x - b.x).map((cell) => cell.id));
    expect(order.slice(0, 4)).toEqual(['mapId', 'target', 'checks', 'status']);
  }
  await shoot(page, 'review-columns');
});
