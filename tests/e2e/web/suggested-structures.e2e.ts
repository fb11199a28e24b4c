// The engine's structures reviewed in the sheet (issue 15): a new flow from a shop's orders to an accounting
// system's invoices gets the array pairing Lines[] ← items.data[] proposed as a suggested pairing, accepted from
// its header row, and a full name split into given and family name (type split, the pseudocode as its
// transformation, "split" among the candidate's reasons), accepted from the detail panel.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { Page } from '@playwright/test';
import { MappingMemory } from '../../../src/main/mapping/memory';
import { browserSession, sessionCalls } from '../../helpers/calls';
import { expect, screenshotDir, test } from './fixtures';

const root = path.resolve(__dirname, '../../..');
const fixture = (file: string) => path.join(root, 'tests/fixtures/openapi/structures', file);

async function shopToBooks(dir: string): Promise<{ file: string; flowId: number }> {
  const file = path.join(dir, 'structures.crosswalk');
  const session = browserSession(dir);
  session.create(file, 'Shop to Books');
  const { call } = sessionCalls(session);
  for (const [name, document] of [['Shop', 'shop.openapi.json'], ['Books', 'books.openapi.json']] as const) {
    const imported = await call('systems.import', { name, source: { kind: 'file', path: fixture(document) } });
    if (imported.status !== 'imported') throw new Error(`${name} was not imported: ${imported.status}`);
  }
  const flow = await call('flows.create', { source: { system: 'Shop', entity: 'Order' }, target: { system: 'Books', entity: 'Invoice' } });
  session.close();
  return { file, flowId: flow.id };
}

async function shoot(page: Page, name: string) {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.waitForTimeout(300); // colour transitions settle
    await page.screenshot({ path: path.join(screenshotDir, `suggested-structures-${name}-${scheme}.png`) });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

const saved = (page: Page) => expect(page.getByRole('status', { name: 'Status bar' })).toContainText('All changes saved');

test('reviews a suggested array pairing and a split of a full name in the sheet', async ({ page }) => {
  test.setTimeout(180_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crosswalk-e2e-structures-'));
  let child: ChildProcess | undefined;
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  try {
    const { file, flowId } = await shopToBooks(dir);
    child = spawn(path.join(root, 'bin/crosswalk'), ['serve', file, '--port', '0'], { env: { ...process.env, CROSSWALK_HOME: path.join(dir, 'home') }, stdio: ['ignore', 'pipe', 'inherit'] });
    const line = await new Promise<string>((resolve) => createInterface({ input: child!.stdout! }).once('line', resolve));
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`${line.replace('Crosswalk is serving at ', '')}#/mapping/${flowId}`);
    await expect(page.getByRole('heading', { name: 'Order to Invoice', level: 1 })).toBeVisible({ timeout: 60_000 });

    // The pairing: proposed, with its score and the engine's reason, its element rows grouped under it.
    const header = page.locator('.pairing-header');
    await expect(header).toHaveCount(1);
    await expect(header).toHaveClass(/suggested/);
    await expect(header).toContainText('Lines[] ← items.data[]');
    await expect(header.locator('.pairing-header-badge')).toContainText(/^Suggested · \d+%$/);
    await expect(header).toContainText('array pairing: 4 of 4 element fields are suggested from items.data[]');
    await expect(page.locator('.sheet-field.in-pairing')).toHaveCount(4);

    // The split: both name rows from the one full name, typed split, the pseudocode as their transformation.
    const sheet = page.getByRole('region', { name: 'Mapping sheet' });
    const rowOf = (path: string) => sheet.locator('.ag-row').filter({ has: page.locator('[col-id="target"] .sheet-path', { hasText: new RegExp(`^${path.replace('.', '\\.')}$`) }) });
    const details = page.getByRole('complementary', { name: 'Details' });
    for (const [leaf, part] of [['Contact.LastName', 'family name'], ['Contact.FirstName', 'given name']] as const) {
      const row = rowOf(leaf);
      await expect(row.locator('[col-id="source"]')).toContainText('customer.full_name');
      await row.locator('[col-id="target"]').click();
      await expect(details.getByLabel('Mapping type')).toHaveValue('split');
      await expect(details.getByLabel('Transformation')).toHaveValue(new RegExp(`^split: full_name \\(a full name\\) → ${part}; words = split\\(name, " "\\)`));
    }
    await shoot(page, 'proposed');

    // The detail panel gives the candidate's reasons: split first, then the pseudocode.
    await expect(details.locator('.candidate-reasons').first()).toContainText('split: full_name (a full name) → given name');
    await expect(details.locator('.candidate-reasons').first()).toContainText('pseudocode: words = split(name, " "); given = words[0]');
    await details.getByRole('button', { name: 'Accept', exact: true }).click();
    await saved(page);
    await expect(rowOf('Contact.FirstName').locator('[col-id="status"]')).toContainText('Accepted');

    // Accepting the pairing: it stays, no longer suggested.
    await header.getByRole('button', { name: 'Accept pairing' }).click();
    await saved(page);
    await expect(page.locator('.pairing-header')).not.toHaveClass(/suggested/);
    await expect(page.locator('.pairing-header-badge')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Accept pairing' })).toHaveCount(0);
    await expect(page.locator('.sheet-field.in-pairing')).toHaveCount(4);
    await shoot(page, 'accepted');

    // The accept went into the mapping memory of this settings folder: listed, a bad file refused, erased.
    await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('button', { name: 'Data flows' }).click();
    await page.getByRole('button', { name: 'Mapping memory…' }).click();
    const memory = page.getByRole('dialog', { name: 'Mapping memory' });
    const pairs = memory.getByRole('list', { name: 'Remembered pairs' }).getByRole('listitem');
    await expect(pairs).toHaveCount(1);
    await expect(pairs.first()).toContainText('full_name → FirstName accepted on');
    await expect(pairs.first()).toContainText('Shop:Order.customer.full_name → Books:Invoice.Contact.FirstName');
    await memory.getByLabel('Mapping memory file').setInputFiles({ name: 'team.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"something-else"}') });
    await expect(memory.getByRole('alert')).toContainText('team.json is not a Crosswalk mapping memory');
    await expect(pairs).toHaveCount(1);
    await shoot(page, 'memory');
    await memory.getByRole('button', { name: 'Erase full_name → FirstName' }).click();
    await expect(memory.getByRole('status')).toContainText('Pair erased.');
    await expect(memory).toContainText('Nothing remembered yet');

    // A team's file merged in: another workspace's accept of InvoiceNumber ← number, shown as a reason in the flow.
    const team = path.join(dir, 'team.json');
    new MappingMemory(team).record([{ decision: 'accepted', source: 'number', target: 'InvoiceNumber', sourceEntity: 'Shop:Order', targetEntity: 'Books:Invoice', workspace: 'another-workspace' }]);
    await memory.getByLabel('Mapping memory file').setInputFiles(team);
    await expect(memory.getByRole('status')).toContainText('Merged team.json: 1 new pair.');
    await memory.getByRole('button', { name: 'Close' }).first().click();
    await page.getByRole('gridcell', { name: /Order to Invoice/ }).first().click();
    await expect(page.getByRole('heading', { name: 'Order to Invoice', level: 1 })).toBeVisible();
    await rowOf('InvoiceNumber').locator('[col-id="target"]').click();
    await expect(details.locator('.candidate-reasons').first()).toContainText('accepted in another workspace: number → InvoiceNumber');
    await shoot(page, 'memory-reason');
    expect(errors).toEqual([]);
  } finally {
    child?.kill('SIGTERM');
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
