// Re-import flags in the browser: a workspace whose source document was re-imported with a changed field,
// served on its own (`crosswalk serve <file>`); the analyst marks flagged rows reviewed.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { addFlow } from '../../../src/main/mapping/flows';
import { browserSession, sessionCalls } from '../../helpers/calls';
import { expect, test } from './fixtures';

const root = path.resolve(__dirname, '../../..');
const fixtures = path.join(root, 'tests/fixtures/openapi');

/** Orders v1 → Ledger invoices, rows created, two of them on shipping.city, then Orders re-imported as v2 (shipping changed). */
async function flaggedWorkspace(dir: string): Promise<{ file: string; flowId: number; flagged: number }> {
  const file = path.join(dir, 'flagged.crosswalk');
  const session = browserSession(dir);
  session.create(file, 'Orders');
  const { call } = sessionCalls(session);
  const v1 = await call('systems.import', { name: 'Orders', source: { kind: 'file', path: path.join(fixtures, 'diff', 'orders-v1.openapi.yaml') } });
  if (v1.status !== 'imported') throw new Error(`Orders v1 was not imported: ${v1.status}`);
  await call('systems.import', { name: 'Ledger', source: { kind: 'file', path: path.join(root, 'resources/demo/accounting.swagger.json') } });
  const flow = addFlow(session.requireWorkspace(), { name: 'Orders out', source: { system: 'Orders', entity: 'Order' }, target: { system: 'Ledger', entity: 'Invoice' } });
  const { rows } = await call('mapping.sheet', { flowId: flow.id });
  for (const target of ['memo', 'reference']) {
    const row = rows.find((candidate) => candidate.targetPath === target);
    if (!row) throw new Error(`Invoice has no ${target} row`);
    await call('mapping.updateRow', { rowId: row.id, sourcePaths: ['shipping.city'] });
  }
  const preview = await call('systems.previewReimport', { id: v1.system.id, source: { kind: 'file', path: path.join(fixtures, 'diff', 'orders-v2.openapi.yaml') } });
  if (preview.status !== 'ready') throw new Error(`The v2 preview is not ready: ${preview.status}`);
  await call('systems.applyReimport', { previewId: preview.previewId });
  const flagged = (await call('mapping.sheet', { flowId: flow.id })).rows.filter((row) => row.review !== null).length;
  session.close();
  return { file, flowId: flow.id, flagged };
}

test('marks rows flagged by a re-import reviewed, from the detail panel and with V', async ({ page }) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crosswalk-e2e-review-'));
  let child: ChildProcess | undefined;
  try {
    const { file, flowId, flagged } = await flaggedWorkspace(dir);
    expect(flagged).toBeGreaterThanOrEqual(2);
    child = spawn(path.join(root, 'bin/crosswalk'), ['serve', file, '--port', '0'], { env: { ...process.env, CROSSWALK_HOME: path.join(dir, 'home') }, stdio: ['ignore', 'pipe', 'inherit'] });
    const line = await new Promise<string>((resolve) => createInterface({ input: child!.stdout! }).once('line', resolve));
    await page.goto(`${line.replace('Crosswalk is serving at ', '')}#/mapping/${flowId}`);

    const filterButton = page.getByRole('button', { name: /^Flagged by re-import/ });
    await expect(filterButton).toContainText(String(flagged));
    await filterButton.click();
    const sheet = page.getByRole('region', { name: 'Mapping sheet' });
    const rows = sheet.locator('.ag-row');
    const memo = rows.filter({ has: page.locator('[col-id="target"] .sheet-path', { hasText: /^memo$/ }) });
    await memo.locator('[col-id="target"]').click();
    const details = page.getByRole('complementary', { name: 'Details' });
    await expect(details.getByRole('heading', { name: 'Flagged by re-import' })).toBeVisible();
    await expect(details.locator('.detail-flagged')).toContainText('shipping');

    // The button: the flag goes, and the row leaves the filtered sheet.
    await details.getByRole('button', { name: 'Mark reviewed' }).click();
    await expect(details.getByRole('heading', { name: 'Flagged by re-import' })).toBeHidden();
    await expect(memo).toHaveCount(0);
    await expect(filterButton).toContainText(String(flagged - 1));

    // The key: V on the next flagged row.
    const reference = rows.filter({ has: page.locator('[col-id="target"] .sheet-path', { hasText: /^reference$/ }) });
    await reference.locator('[col-id="target"]').click();
    await expect(details.getByRole('heading', { name: 'Flagged by re-import' })).toBeVisible();
    await page.keyboard.press('v');
    await expect(reference).toHaveCount(0);
    await expect(filterButton).toContainText(String(flagged - 2));
    await expect(page.getByRole('status', { name: 'Status bar' })).toContainText('All changes saved');

    // Kept across a reload.
    await page.reload();
    await expect(page.getByRole('button', { name: /^Flagged by re-import/ })).toContainText(String(flagged - 2));
  } finally {
    child?.kill('SIGTERM');
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
