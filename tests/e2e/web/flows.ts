// The steps many e2e tests share: call the host's API as the renderer does, make a flow of the test's own,
// open a flow's sheet in the page, and take its screenshots light and dark.
import fs from 'node:fs';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';
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
