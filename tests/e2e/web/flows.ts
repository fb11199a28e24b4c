// The steps many e2e tests share: call the host's API as the renderer does, make a flow of the test's own,
// open a flow's sheet in the page, re-import a system from an uploaded file, and take screenshots light and dark.
import fs from 'node:fs';
import path from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';
import { screenshotDir } from './fixtures';

/** One call of the host's API, as the renderer makes it; a failed call throws its message. */
export async function call<T>(hostUrl: string, name: string, input: unknown): Promise<T> {
  const url = new URL(hostUrl);
  const response = await fetch(`${url.origin}/api/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-crosswalk-token': url.searchParams.get('token')! },
    body: JSON.stringify(input),
  });
  const result = (await response.json()) as { ok: true; value: T } | { ok: false; error: { message: string } };
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.value;
}

/** The real wrapped pair (tests/fixtures/openapi/wrapped): HR (Xero Payroll AU) and Payroll (PayRun.IO, version 23.24.2.136), imported once per host. */
export async function importWrappedPair(hostUrl: string) {
  const fixtures = path.resolve(__dirname, '../../fixtures/openapi/wrapped');
  const systems = await call<Array<{ name: string }>>(hostUrl, 'systems.list', {});
  for (const [name, file] of [
    ['HR', 'xero-payroll-au.openapi30.json'],
    ['Payroll', 'payrun-employee.openapi30.json'],
  ] as const) {
    if (!systems.some((system) => system.name === name)) await call(hostUrl, 'systems.import', { name, source: { kind: 'file', path: path.join(fixtures, file) } });
  }
}

/** A flow of the test's own on the demo's CRM Order → Accounting Invoice (the demo's flows belong to other tests). */
export async function newDemoFlow(hostUrl: string, name: string): Promise<number> {
  const flow = await call<{ id: number }>(hostUrl, 'flows.create', { name, source: { system: 'CRM', entity: 'Order' }, target: { system: 'Accounting', entity: 'Invoice' } });
  return flow.id;
}

/** Opens a flow's sheet by its address (the first visit lets the host's token in) and waits for its rows. */
export async function openFlow(page: Page, hostUrl: string, flowId: number, name: string) {
  await page.goto(hostUrl);
  await page.goto(`${new URL(hostUrl).origin}/#/mapping/${flowId}`);
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('region', { name: 'Mapping sheet' }).locator('.sheet-field').first()).toBeAttached({ timeout: 30_000 });
}

/** Screenshots `<name>-light.png` and `<name>-dark.png` of what is on screen; the page is left light. */
export async function shootLightAndDark(page: Page, name: string) {
  fs.mkdirSync(screenshotDir, { recursive: true });
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.waitForTimeout(300); // colour transitions settle
    await page.screenshot({ path: path.join(screenshotDir, `${name}-${scheme}.png`) });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

/** Screenshots `<name>-<width>-<scheme>.png` at 1440×900 and 1100×750, light and dark; the page is left light at its size before. */
export async function shootBothSizes(page: Page, name: string) {
  const before = page.viewportSize();
  for (const [width, height] of [
    [1440, 900],
    [1100, 750],
  ] as const) {
    await page.setViewportSize({ width, height });
    await shootLightAndDark(page, `${name}-${width}`);
  }
  if (before) await page.setViewportSize(before);
}

/** Picks a document in an import dialog's Upload tab and waits until it is read: its name shows then, as a person would wait to see. */
export async function chooseUpload(dialog: Locator, file: string) {
  await dialog.getByRole('radio', { name: 'Upload' }).check({ force: true });
  await dialog.getByLabel('Document file or zip').setInputFiles(file);
  await expect(dialog.locator('.upload-chosen')).toHaveText(path.basename(file));
}

/**
 * Re-imports `system` from `file` as an analyst does in the browser (Systems › the system › Re-import…,
 * the file uploaded, compared, applied) and waits for the repair step. Answers the dialog and the button
 * that opened it (focus goes back to it when the dialog closes).
 */
export async function reimportUploaded(page: Page, system: string, file: string): Promise<{ dialog: Locator; opener: Locator }> {
  await page.getByRole('navigation', { name: 'Areas' }).getByRole('link', { name: /^Systems/ }).click();
  await page.getByRole('navigation', { name: 'Systems' }).getByRole('link', { name: new RegExp(`^${system}`) }).click();
  const opener = page.getByRole('button', { name: 'Re-import…' });
  await opener.click();
  const dialog = page.getByRole('dialog');
  await chooseUpload(dialog, file);
  await dialog.getByRole('button', { name: 'Compare with current version' }).click();
  await expect(dialog.getByRole('heading', { name: `Review changes to ${system}` })).toBeVisible({ timeout: 60_000 });
  await dialog.getByRole('button', { name: 'Apply new version' }).click();
  await expect(dialog.getByRole('heading', { name: `Repair the flows that map ${system}` })).toBeVisible({ timeout: 60_000 });
  return { dialog, opener };
}
