// A sheet larger than its first screen (issue 14, item 12): the grid starts with the first rows and takes
// in the rest a frame later (use-first-screen-first.ts). Every row must then be there: the search finds a
// row far past the first screen, and the grid counts all of them.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { bigDocument } from '../../../bench/big-flow';
import { expect, test } from './fixtures';
import { call, openFlow } from './flows';

/** 6 groups of 50 leaves: 300 target rows, well past the 120 the sheet draws first. */
const GROUPS = 6;
const LEAVES = 50;

const sheet = (page: Page) => page.getByRole('region', { name: 'Mapping sheet' });
/** The rows the grid holds after filtering (its aria-rowcount counts the header row too). */
const shownRows = async (page: Page) => Number(await sheet(page).locator('[aria-rowcount]').first().getAttribute('aria-rowcount')) - 1;

test('a sheet past its first screen holds every row: counted, searched and scrolled to its end', async ({ page, host }) => {
  test.setTimeout(180_000);
  const target = bigDocument('Large ERP', 'ErpOrder', 'snake', 11, GROUPS, LEAVES);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crosswalk-large-sheet-'));
  try {
    for (const [name, doc] of [
      ['LargeCRM', bigDocument('Large CRM', 'SalesOrder', 'camel', 7, GROUPS, LEAVES)],
      ['LargeERP', target],
    ] as const) {
      const file = path.join(dir, `${name}.json`);
      fs.writeFileSync(file, JSON.stringify(doc));
      await call(host.url, 'systems.import', { name, source: { kind: 'file', path: file } });
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const flow = await call<{ id: number }>(host.url, 'flows.create', {
    name: 'Large orders',
    source: { system: 'LargeCRM', entity: 'SalesOrder' },
    target: { system: 'LargeERP', entity: 'ErpOrder' },
  });
  await openFlow(page, host.url, flow.id, 'Large orders');

  await expect.poll(() => shownRows(page), { timeout: 30_000 }).toBe(GROUPS * LEAVES);

  // The last target field of the last group: its row comes long after the first screen.
  const groups = target.components.schemas.ErpOrder!.properties as Record<string, { properties: Record<string, unknown> }>;
  const lastGroup = Object.keys(groups).at(-1)!;
  const lastPath = `${lastGroup}.${Object.keys(groups[lastGroup]!.properties).at(-1)!}`;
  const search = page.getByRole('searchbox', { name: 'Search the sheet' });
  await search.fill(lastPath);
  await expect(sheet(page).locator(`.sheet-field .sheet-path[title="${lastPath}"]`)).toBeVisible();
  expect(await shownRows(page)).toBeLessThan(GROUPS * LEAVES);
  await search.fill('');
  await expect.poll(() => shownRows(page)).toBe(GROUPS * LEAVES);

  // Scrolled to its end, the sheet shows the last target row (M-0300).
  // Page-side code as text (the e2e tsconfig has no DOM types): the sheet's vertical scroller is its tallest one.
  await page.evaluate(`(() => {
    const scroller = [...document.querySelectorAll('.sheet-grid *')]
      .filter((element) => /auto|scroll/.test(getComputedStyle(element).overflowY))
      .sort((a, b) => b.scrollHeight - a.scrollHeight)[0];
    scroller.scrollTop = scroller.scrollHeight;
  })()`);
  await expect(sheet(page).locator('.sheet-mapid', { hasText: `M-${String(GROUPS * LEAVES).padStart(4, '0')}` })).toBeVisible();
});
