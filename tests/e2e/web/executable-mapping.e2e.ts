import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, screenshotDir, test } from './fixtures';
import { twoLineOrder as order } from '../../helpers/orders';

type Row = { id: number; targetPath: string };

/** One call of the host's API, as the renderer makes it. */
async function call<T>(hostUrl: string, name: string, input: unknown): Promise<T> {
  const url = new URL(hostUrl);
  const response = await fetch(`${url.origin}/api/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-crosswalk-token': url.searchParams.get('token')! },
    body: JSON.stringify(input),
  });
  const result = (await response.json()) as { ok: boolean; value: T; error?: { message: string } };
  expect(result.ok, result.error?.message).toBe(true);
  return result.value;
}

/**
 * The demo flow with the analyst's decisions the preview does not need to show again: the rows whose
 * target Ledgerly fills itself (read-only) and the contact block marked not needed, the address type
 * given its value map. What is left is one problem: nothing fills the required issue_date.
 */
async function preparedFlow(hostUrl: string): Promise<number> {
  const flows = await call<Array<{ id: number; name: string }>>(hostUrl, 'flows.list', {});
  const flowId = flows.find((flow) => flow.name === 'Orders to invoices')!.id;
  const { rows } = await call<{ rows: Row[] }>(hostUrl, 'mapping.sheet', { flowId });
  const notNeeded = rows.filter((row) => ['invoice_id', 'sub_total', 'total_tax', 'total', 'created_utc', 'updated_utc'].includes(row.targetPath) || row.targetPath.startsWith('contact.'));
  for (const row of notNeeded) await call(hostUrl, 'mapping.updateRow', { rowId: row.id, status: 'not_needed' });
  const addressType = rows.find((row) => row.targetPath === 'billing_address.address_type')!;
  await call(hostUrl, 'mapping.updateRow', { rowId: addressType.id, mappingType: 'lookup', valueMap: [{ source: 'BILLING', target: 'STREET' }, { source: 'SHIPPING', target: 'DELIVERY' }] });
  return flowId;
}

async function shoot(page: Page, name: string) {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.waitForTimeout(300); // colour transitions settle
    await page.screenshot({ path: path.join(screenshotDir, `executable-mapping-${name}-${scheme}.png`) });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

const details = (page: Page) => page.getByRole('complementary', { name: 'Details' });
const saved = (page: Page) => expect(page.getByRole('status', { name: 'Status bar' })).toContainText('All changes saved');

test('previews Orders to invoices on an order, fixes the problem in the sheet, makes a test case and runs it', async ({ page, host }) => {
  test.setTimeout(240_000);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const flowId = await preparedFlow(host.url);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(host.url);
  await page.goto(`${new URL(host.url).origin}/#/mapping/${flowId}`);
  await expect(page.getByRole('heading', { name: 'Orders to invoices', level: 1 })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('region', { name: 'Mapping sheet' }).locator('.sheet-field').first()).toBeAttached({ timeout: 30_000 });

  // The order pasted into the preview, run: one problem, tied to its row.
  await page.getByRole('button', { name: 'Preview', exact: true }).click();
  const preview = page.getByRole('region', { name: 'Preview' });
  await preview.getByRole('button', { name: 'Pasted JSON' }).click();
  await preview.getByRole('textbox', { name: 'Source payload (JSON)' }).click();
  await page.keyboard.insertText(JSON.stringify(order, null, 2));
  await preview.getByRole('button', { name: 'Run preview' }).click();
  const problems = preview.getByRole('region', { name: 'Problems' });
  await expect(problems.getByRole('button')).toHaveCount(1, { timeout: 30_000 });
  const problem = problems.getByRole('button').first();
  await expect(problem).toContainText('issue_date');
  await expect(problem).toContainText('no row fills this required field');
  const target = preview.getByRole('region', { name: 'Target payload' });
  await expect(target).toContainText('"SO-004217"');
  await shoot(page, 'problem');

  // Choosing the problem selects its row; the source tree fills it (double click), the sheet saves it.
  await problem.click();
  await expect(details(page).getByRole('heading', { level: 2 })).toHaveText(/^issue_date/);
  await page.getByRole('treeitem', { name: /^orderDate / }).dblclick();
  await saved(page);
  await expect(preview.getByRole('status')).toContainText('The sheet changed after this preview');
  await expect(details(page).getByRole('textbox', { name: /^Expression of/ })).toHaveText('orderDate');

  await preview.getByRole('button', { name: 'Run preview' }).click();
  await expect(problems).toContainText('No problems: the target payload passes the target');
  await expect(problems.getByRole('button')).toHaveCount(0);

  // A target value says which row set it and from which source value.
  await target.getByRole('button', { name: /^issue_date:/ }).click();
  const provenance = target.getByRole('status', { name: 'Where this value comes from' });
  await expect(provenance).toContainText('/issue_date was set by');
  await expect(provenance).toContainText('orderDate = "2025-06-11" at /orderDate');
  await target.getByRole('button', { name: /^qty:/ }).nth(1).click();
  await expect(provenance).toContainText('/line_items/1/qty was set by');
  await expect(provenance).toContainText('lines[].quantity = 2 at /lines/1/quantity');
  await shoot(page, 'clean');

  // One click: a test case from this payload, its expectation the output just seen.
  await preview.getByRole('button', { name: 'Make test case' }).click();
  await expect(page.getByText(/^Made test case TC-\d+ from this payload/)).toBeVisible();

  // The Specification's Test cases: Run tests passes it, with the date.
  await page.goto(`${new URL(host.url).origin}/#/spec/test-cases`);
  const tests = page.locator('#spec-test-cases');
  await tests.getByRole('button', { name: 'Run tests' }).click();
  await expect(tests.getByRole('status').filter({ hasText: /^Ran / })).toContainText('1 passed, 0 failed');
  const card = tests.getByRole('listitem', { name: /Orders to invoices: a previewed payload/ });
  const lastRun = card.getByRole('group', { name: /^Last run of TC-\d+$/ });
  await expect(lastRun).toContainText('Passed');
  await expect(lastRun).toContainText('last run');
  await card.scrollIntoViewIfNeeded();
  await shoot(page, 'tests-passed');

  // Back in the sheet, issue_date's expression written by hand: completion of source paths, the parse error inline.
  await page.goto(`${new URL(host.url).origin}/#/mapping/${flowId}`);
  await page.getByRole('searchbox', { name: 'Search the sheet' }).fill('issue_date');
  await page.getByRole('region', { name: 'Mapping sheet' }).getByRole('gridcell', { name: /^issue_date/ }).first().click();
  const section = details(page).getByRole('region', { name: 'Pseudocode and expression' });
  await section.scrollIntoViewIfNeeded();
  await expect(section).toContainText('Generated');
  await expect(section).toContainText('Direct of orderDate');
  const editor = section.getByRole('textbox', { name: /^Expression of M-\d{4}$/ });
  await editor.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('$substring(order');
  await expect(page.getByRole('option', { name: /^orderDate/ })).toBeVisible();
  await page.keyboard.press('Escape');
  await page.keyboard.type(', '); // the closing bracket came with the opening one: $substring(order, )
  await expect(section.getByRole('alert')).toContainText('Does not parse');
  await expect(section.getByRole('button', { name: 'Save expression' })).toBeDisabled();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.insertText('$substring(orderDate, 0, 7)');
  await expect(section.getByRole('alert')).toHaveCount(0);
  await section.getByRole('button', { name: 'Save expression' }).click();
  await saved(page);
  await expect(section).toContainText('Written by hand');
  await expect(section.getByRole('note')).toContainText('Pseudocode and expression may disagree');
  // The flag is on the row too: its checks cell says so.
  const row = page.getByRole('region', { name: 'Mapping sheet' }).getByRole('row', { name: /issue_date/ }).first();
  await expect(row.getByRole('gridcell', { name: /Pseudocode and expression may disagree/ })).toBeVisible();
  await section.getByRole('button', { name: 'Use generated' }).scrollIntoViewIfNeeded();
  await shoot(page, 'expression');

  // The test case made from the output before no longer holds: Run tests fails it with the difference.
  await page.goto(`${new URL(host.url).origin}/#/spec/test-cases`);
  await tests.getByRole('button', { name: 'Run tests' }).click();
  await expect(tests.getByRole('status').filter({ hasText: /^Ran / })).toContainText('0 passed, 1 failed');
  await expect(lastRun).toContainText('Failed');
  const diff = lastRun.getByRole('table', { name: /^Differences of TC-\d+$/ });
  await expect(diff.getByRole('row', { name: /\/issue_date changed "2025-06-11" "2025-06"/ })).toBeVisible();
  await card.scrollIntoViewIfNeeded();
  await shoot(page, 'tests-failed');
  expect(errors).toEqual([]);
});
