// A flow's lifecycle in Chromium, on the real wrapped HR → payroll pair (tests/fixtures/openapi/wrapped):
// delete with Undo and restore from the list, re-point to the wrapper with a preview, and a re-import
// of a changed target version followed by the repair, row by row, until the flow's checks are clean.
import AxeBuilder from '@axe-core/playwright';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { call, importWrappedPair, openFlow, reimportUploaded, shootBothSizes } from './flows';

const fixtures = path.resolve(__dirname, '../../fixtures/openapi/wrapped');

test.describe.configure({ mode: 'serial' });

async function newFlow(hostUrl: string, name: string, targetRoot?: string): Promise<number> {
  await importWrappedPair(hostUrl);
  const flow = await call<{ id: number }>(hostUrl, 'flows.create', {
    name,
    source: { system: 'HR', entity: 'Employee' },
    target: { system: 'Payroll', entity: 'Employee', ...(targetRoot ? { root: targetRoot } : {}) },
  });
  return flow.id;
}

/**
 * WCAG 2.1 A/AA violations axe finds in what `selector` holds (a dialog of this file's screens), all rules
 * in the light scheme and contrast again in the dark one. The screens behind have their own audit.
 */
async function expectAccessible(page: Page, selector: string) {
  const found: string[] = [];
  await page.mouse.move(0, 0); // no hover colours
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.waitForTimeout(300); // colour transitions settle
    const axe = new AxeBuilder({ page }).setLegacyMode(true).include(selector);
    if (scheme === 'light') axe.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).options({ rules: { 'label-content-name-mismatch': { enabled: true } } });
    else axe.withRules(['color-contrast']);
    for (const violation of (await axe.analyze()).violations) {
      for (const node of violation.nodes) found.push(`${scheme} ${violation.id}: ${node.target.join(' ')}`);
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  expect(found, selector).toEqual([]);
}

const actions = (page: Page) => page.getByRole('button', { name: 'Flow actions' });

/** Opens Flow actions and chooses an item, by keyboard for the first and by pointer otherwise. */
async function chooseAction(page: Page, item: string) {
  await actions(page).click();
  const menu = page.getByRole('menu', { name: 'Flow actions' });
  await expect(menu).toBeVisible();
  await menu.getByRole('menuitem', { name: item }).click();
}

/** Escape closes the dialog and focus is back on the control that opened it. */
async function closesBackTo(page: Page, dialog: Locator, opener: Locator) {
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();
}

test('deletes a flow, undoes it, deletes it again and restores it from Deleted flows', async ({ page, host }) => {
  test.setTimeout(300_000);
  const name = 'Employees to payroll (lifecycle)';
  const flowId = await newFlow(host.url, name);
  await page.setViewportSize({ width: 1440, height: 900 });
  await openFlow(page, host.url, flowId, name);

  // The menu works by keyboard: Enter opens it on its first item, arrows move, Escape gives focus back.
  await actions(page).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menuitem', { name: 'Source and target…' })).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(page.getByRole('menuitem', { name: 'Delete flow…' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menu')).toBeHidden();
  await expect(actions(page)).toBeFocused();

  await chooseAction(page, 'Delete flow…');
  const confirm = page.getByRole('alertdialog', { name: `Delete “${name}”?` });
  await expect(confirm).toContainText(/mapping rows/);
  await closesBackTo(page, confirm, actions(page));

  await chooseAction(page, 'Delete flow…');
  await shootBothSizes(page, 'flow-lifecycle-delete');
  await expectAccessible(page, 'dialog[open]');
  await confirm.getByRole('button', { name: 'Delete flow' }).click();
  await expect(page).toHaveURL(/#\/mapping$/);
  const notice = page.getByRole('status').filter({ hasText: `Deleted “${name}”` });
  await expect(notice).toBeVisible();
  const undo = notice.getByRole('button', { name: 'Undo' });
  await expect(undo).toBeFocused();
  await expectAccessible(page, '.flow-list-messages');
  await expect(page.getByRole('region', { name: 'Data flows' }).getByText(name)).toHaveCount(0);
  await shootBothSizes(page, 'flow-lifecycle-undo');
  await undo.click();
  await expect(page.getByRole('status').filter({ hasText: `Restored “${name}”` })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Data flows' }).getByText(name)).toBeVisible();
  const restoredId = (await call<Array<{ id: number; name: string }>>(host.url, 'flows.list', {})).find((flow) => flow.name === name)!.id;

  // Deleted again, and restored later from the list.
  await openFlow(page, host.url, restoredId, name);
  await chooseAction(page, 'Delete flow…');
  await confirm.getByRole('button', { name: 'Delete flow' }).click();
  await expect(page).toHaveURL(/#\/mapping$/);
  await page.getByRole('status').filter({ hasText: `Deleted “${name}”` }).getByRole('button', { name: 'Dismiss' }).click();
  await page.getByText('Deleted flows', { exact: false }).first().click();
  const deletedList = page.getByRole('list', { name: 'Deleted flows' });
  await expect(deletedList.getByRole('listitem').filter({ hasText: name })).toContainText(/mapping rows · deleted just now/);
  await shootBothSizes(page, 'flow-lifecycle-deleted-list');
  await expectAccessible(page, '.deleted-flows');
  await deletedList.getByRole('button', { name: `Restore ${name}` }).click();
  await expect(page.getByRole('status').filter({ hasText: `Restored “${name}”.` })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Data flows' }).getByText(name)).toBeVisible();
  expect((await call<unknown[]>(host.url, 'flows.deleted', {})).length).toBe(0);
});

test('re-points a flow at the wrapper inside its target, after a preview of the rows that move', async ({ page, host }) => {
  test.setTimeout(300_000);
  const name = 'Employees to payroll (re-point)';
  const flowId = await newFlow(host.url, name);
  const before = await call<{ rows: Array<{ id: number; targetPath: string }> }>(host.url, 'mapping.sheet', { flowId });
  expect(before.rows.every((row) => row.targetPath.startsWith('Employee.'))).toBe(true);
  await page.setViewportSize({ width: 1440, height: 900 });
  await openFlow(page, host.url, flowId, name);

  await chooseAction(page, 'Source and target…');
  const dialog = page.getByRole('dialog', { name: 'Source and target' });
  await expect(dialog.getByRole('button', { name: 'Re-point flow' })).toBeDisabled();
  await closesBackTo(page, dialog, actions(page));

  await chooseAction(page, 'Source and target…');
  await dialog.getByLabel('Target root').selectOption('Employee');
  const preview = dialog.getByRole('region', { name: 'What happens to the rows' });
  await expect(preview).toContainText(`${before.rows.length} move to new paths`);
  await expect(preview).toContainText('0 break');
  await preview.getByText(`${before.rows.length} rows move`).click();
  await expect(preview.getByRole('listitem').filter({ hasText: /AEAssessmentOverride$/ })).toHaveText(/Employee\.AEAssessmentOverride\s*→\s*AEAssessmentOverride$/);
  await shootBothSizes(page, 'flow-lifecycle-repoint');
  await expectAccessible(page, 'dialog[open]');
  expect((await call<{ target: { root: string } }>(host.url, 'flows.get', { id: flowId })).target.root).toBe('');

  await dialog.getByRole('button', { name: 'Re-point flow' }).click();
  await expect(dialog).toBeHidden();
  await expect(actions(page)).toBeFocused();
  await expect(page.getByRole('status').filter({ hasText: `Flow re-pointed: ${before.rows.length} rows kept.` })).toBeVisible();
  const after = await call<{ flow: { target: { root: string } }; rows: Array<{ id: number; targetPath: string }> }>(host.url, 'mapping.sheet', { flowId });
  expect(after.flow.target.root).toBe('Employee');
  expect(after.rows.map((row) => row.id).sort()).toEqual(before.rows.map((row) => row.id).sort());
  expect(after.rows.some((row) => row.targetPath === 'FirstName')).toBe(true);
  await expect(page.getByRole('grid').first().getByText('FirstName', { exact: true }).first()).toBeVisible();

  // Flow details shows the root, and gives focus back to its button.
  const detailsButton = page.getByRole('button', { name: 'Flow details' });
  await detailsButton.click();
  const details = page.getByRole('dialog', { name: 'Flow details' });
  await expect(details.getByLabel('Target root')).toHaveValue('Employee');
  await closesBackTo(page, details, detailsButton);

  // The root changed there goes through the same preview, then back to the entity as a whole.
  await detailsButton.click();
  await details.getByLabel('Target root').selectOption('');
  await expect(details.getByRole('region', { name: 'What happens to the rows' })).toContainText(`${before.rows.length} move to new paths`);
  await details.getByRole('button', { name: 'Save details' }).click();
  await expect(details).toBeHidden();
  await expect(detailsButton).toBeFocused();
  const back = await call<{ flow: { target: { root: string } }; rows: Array<{ targetPath: string }> }>(host.url, 'mapping.sheet', { flowId });
  expect(back.flow.target.root).toBe('');
  expect(back.rows.map((row) => row.targetPath).sort()).toEqual(before.rows.map((row) => row.targetPath).sort());
});

test('re-imports a changed target version and repairs the flow row by row until its checks are clean', async ({ page, host }) => {
  test.setTimeout(300_000);
  const name = 'Employees to payroll (repair)';
  const flowId = await newFlow(host.url, name, 'Employee');
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(host.url);
  const { dialog, opener: reimportButton } = await reimportUploaded(page, 'Payroll', path.join(fixtures, 'payrun-employee-v2.openapi30.json'));

  // The repair step lists the flow with what repairing it does.
  const line = dialog.getByRole('listitem').filter({ hasText: name });
  await expect(line).toContainText('1 rename to confirm · 1 field gone · 1 new field');
  const repairButton = line.getByRole('button', { name: `Repair ${name}…` });
  await repairButton.click();

  const repair = page.getByRole('dialog', { name: `Repair “${name}”` });
  const renamed = repair.getByRole('region', { name: '1 field renamed' });
  await expect(renamed).toContainText('MiddleName');
  await expect(renamed).toContainText('MiddleNames');
  await expect(renamed).toContainText('renamed in version 23.25.0 · 91% sure');
  const follow = renamed.getByRole('group', { name: /MiddleName to MiddleNames/ });
  await expect(follow.getByRole('button', { name: 'Follow' })).toHaveAttribute('aria-pressed', 'true');
  const gone = repair.getByRole('region', { name: '1 field gone' });
  await expect(gone).toContainText('EPM6');
  await expect(gone).toContainText('removed in version 23.25.0');
  await gone.getByRole('button', { name: 'Delete row' }).click();
  await expect(gone.getByRole('button', { name: 'Delete row' })).toHaveAttribute('aria-pressed', 'true');
  await expect(repair.getByRole('region', { name: '1 new target field' })).toContainText('PreferredName');
  await shootBothSizes(page, 'flow-lifecycle-repair');
  await expectAccessible(page, 'dialog.repair-dialog');
  await repair.getByRole('button', { name: 'Repair flow' }).click();
  await expect(repair).toBeHidden();
  await expect(line).toContainText('Repaired: 1 row followed a rename, 1 row deleted, 1 new row for new fields.');
  await expect(line).toContainText('Nothing to repair');
  await expect(line.locator('.repair-flow-text')).toBeFocused();
  await shootBothSizes(page, 'flow-lifecycle-repair-step');
  await expectAccessible(page, 'dialog[open]');
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toBeHidden();
  await expect(reimportButton).toBeFocused();

  // The rows follow the new version and no check says a field is missing.
  const sheet = await call<{ rows: Array<{ targetPath: string }> }>(host.url, 'mapping.sheet', { flowId });
  const { checks } = await call<{ checks: Array<{ kind: string }> }>(host.url, 'mapping.checks', { flowId });
  const targets = sheet.rows.map((row) => row.targetPath);
  expect(targets).toContain('MiddleNames');
  expect(targets).toContain('PreferredName');
  expect(targets).not.toContain('MiddleName');
  expect(targets).not.toContain('EPM6');
  expect(checks.filter((check) => check.kind === 'target_missing' || check.kind === 'source_missing')).toEqual([]);
  expect(await call(host.url, 'flows.repairPlan', { flowId })).toEqual({ flowId, renames: [], removed: [], added: [] });

  // The flow's own entry point finds nothing left to do.
  await openFlow(page, host.url, flowId, name);
  await chooseAction(page, 'Repair after re-import…');
  const again = page.getByRole('dialog', { name: `Repair “${name}”` });
  await expect(again).toContainText('Nothing to repair');
  await closesBackTo(page, again, actions(page));
});
