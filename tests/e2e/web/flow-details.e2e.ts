import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, screenshotDir, test } from './fixtures';

const nav = (page: Page) => page.getByRole('navigation', { name: 'Areas' });
const outline = (page: Page) => page.getByRole('navigation', { name: 'Specification outline' });
const saved = (page: Page) => expect(page.getByRole('status', { name: 'Status bar' })).toContainText('All changes saved');
const flowCard = (page: Page, name: string) => page.getByRole('listitem', { name, exact: true });
const useCaseCard = (page: Page, title: string) => page.getByRole('listitem', { name: new RegExp(`^UC-\\d+ ${title}$`) });

/** A light screenshot, and a dark one when asked. */
async function shoot(page: Page, name: string, dark = false) {
  await page.screenshot({ path: path.join(screenshotDir, `flow-details-${name}.png`) });
  if (!dark) return;
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.waitForTimeout(400); // colour transitions settle
  await page.screenshot({ path: path.join(screenshotDir, `flow-details-${name}-dark.png`) });
  await page.emulateMedia({ colorScheme: 'light' });
  await page.waitForTimeout(200);
}

async function openUseCases(page: Page) {
  await nav(page).getByRole('link', { name: /^Spec & export/ }).click();
  await outline(page).getByRole('link', { name: /Use cases/ }).first().click();
  await expect(page).toHaveURL(/#\/spec\/use-cases$/);
  await expect(page.getByRole('heading', { name: 'Use cases', level: 2 })).toBeVisible();
}

/** Picks the option whose text contains `text` (use cases are listed as "UC-n Title"). */
async function pick(select: Locator, text: string) {
  const value = await select.locator('option', { hasText: text }).first().getAttribute('value');
  await select.selectOption(value ?? '');
}

test('edits a flow’s trigger, outcomes and use case in place in the spec', async ({ page, host }) => {
  test.setTimeout(90_000);
  const errors: string[] = [];
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  page.on('pageerror', (error) => errors.push(error.message));
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(host.url);
  await openUseCases(page);

  // Orders to invoices: a schedule every 15 minutes, and one failure more.
  const orders = flowCard(page, 'Orders to invoices');
  await expect(orders.getByLabel('Trigger kind')).toHaveValue('event');
  await orders.getByLabel('Trigger kind').selectOption('schedule');
  await saved(page);
  await orders.getByLabel('Trigger detail').fill('Every 15 minutes');
  await orders.getByLabel('Trigger detail').press('Enter');
  await saved(page);
  const before = await orders.locator('.outcome-row').count();
  await orders.getByRole('button', { name: 'Add outcome' }).click();
  const added = before + 1;
  await expect(orders.getByLabel(`Outcome ${added} kind`)).toHaveValue('failure');
  await orders.getByLabel(`Outcome ${added} condition`).fill('409: invoice number already taken');
  await orders.getByLabel(`Outcome ${added} handling`).fill('Take the next number and retry once');
  await orders.getByLabel(`Outcome ${added} handling`).press('Enter');
  await saved(page);

  // Customers to contacts now serves the invoicing use case: its card moves there, the outline follows.
  const customers = flowCard(page, 'Customers to contacts');
  await pick(customers.getByLabel('Use case of Customers to contacts'), 'Invoice confirmed orders');
  await saved(page);
  await expect(useCaseCard(page, 'Invoice confirmed orders').getByRole('listitem', { name: 'Customers to contacts', exact: true })).toBeVisible();
  await expect(useCaseCard(page, 'Keep customers as contacts').getByRole('listitem', { name: 'Customers to contacts', exact: true })).toHaveCount(0);
  await expect(useCaseCard(page, 'Keep customers as contacts')).toContainText('No data flow serves it yet');
  await expect(outline(page)).toContainText('Schedule ·');
  await expect(outline(page)).toContainText('No data flow yet');
  await orders.scrollIntoViewIfNeeded();
  await shoot(page, 'spec', true);

  // All of it kept.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Use cases', level: 2 })).toBeVisible();
  await expect(orders.getByLabel('Trigger kind')).toHaveValue('schedule');
  await expect(orders.getByLabel('Trigger detail')).toHaveValue('Every 15 minutes');
  await expect(orders.getByLabel(`Outcome ${added} kind`)).toHaveValue('failure');
  await expect(orders.getByLabel(`Outcome ${added} condition`)).toHaveValue('409: invoice number already taken');
  await expect(orders.getByLabel(`Outcome ${added} handling`)).toHaveValue('Take the next number and retry once');
  await expect(useCaseCard(page, 'Invoice confirmed orders').getByRole('listitem', { name: 'Customers to contacts', exact: true })).toBeVisible();

  // Escape puts the saved text back, unsaved.
  await orders.getByLabel('Trigger detail').fill('Hourly');
  await orders.getByLabel('Trigger detail').press('Escape');
  await expect(orders.getByLabel('Trigger detail')).toHaveValue('Every 15 minutes');

  // A save main refuses: its message shows in the card and the stored value comes back.
  const refusal = 'There is no data flow 2 (it may have been deleted): reload the flows.';
  await page.route('**/api/flows.update', (route) => route.fulfill({ json: { ok: false, error: { code: 'FLOW_NOT_FOUND', message: refusal } } }));
  await orders.getByLabel('Trigger kind').selectOption('manual');
  await expect(orders.getByRole('alert')).toHaveText(refusal);
  await expect(orders.getByLabel('Trigger kind')).toHaveValue('schedule');
  await page.unroute('**/api/flows.update');

    // Reorder and remove: the failure moves up, then goes.
  await orders.getByRole('button', { name: `Move outcome ${added} up` }).click();
  await saved(page);
  await expect(orders.getByLabel(`Outcome ${added - 1} condition`)).toHaveValue('409: invoice number already taken');
  await orders.getByRole('button', { name: `Remove outcome ${added - 1}` }).click();
  await saved(page);
  await expect(orders.locator('.outcome-row')).toHaveCount(before);
  await page.reload();
  await expect(orders.locator('.outcome-row')).toHaveCount(before);
  const conditions = await orders.getByRole('textbox', { name: /condition/ }).evaluateAll((fields) => fields.map((field) => (field as unknown as { value: string }).value));
  expect(conditions).not.toContain('409: invoice number already taken');

  // Unlinked: the flow shows under "Data flows without a use case", and is linked back from there.
  await pick(flowCard(page, 'Customers to contacts').getByLabel('Use case of Customers to contacts'), 'No use case');
  await saved(page);
  const unlinked = page.locator('#use-case-unlinked');
  await expect(unlinked.getByRole('listitem', { name: 'Customers to contacts', exact: true })).toBeVisible();
  await expect(outline(page)).toContainText('serving no use case');
  await unlinked.scrollIntoViewIfNeeded();
  await shoot(page, 'spec-unlinked');
  await pick(unlinked.getByLabel('Use case of Customers to contacts'), 'Invoice confirmed orders');
  await saved(page);
  // Gone from the unlinked list (which other tests on this worker's host may leave flows in).
  await expect(unlinked.getByRole('listitem', { name: 'Customers to contacts', exact: true })).toHaveCount(0);
  await expect(useCaseCard(page, 'Invoice confirmed orders').getByRole('listitem', { name: 'Customers to contacts', exact: true })).toBeVisible();
  expect(errors).toEqual([]);
});

test('edits a flow’s details from its mapping screen', async ({ page, host }) => {
  test.setTimeout(90_000);
  const errors: string[] = [];
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  page.on('pageerror', (error) => errors.push(error.message));
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(host.url);
  await nav(page).getByRole('link', { name: /^Mapping/ }).click();
  await page.getByRole('gridcell', { name: /^Customers to contacts/ }).first().click();
  await expect(page.getByRole('heading', { name: 'Customers to contacts', level: 1 })).toBeVisible();

  await page.getByRole('button', { name: 'Flow details' }).click();
  const dialog = page.getByRole('dialog', { name: 'Flow details' });
  await expect(dialog.getByLabel('Name', { exact: true })).toHaveValue('Customers to contacts');
  await dialog.getByLabel('Name', { exact: true }).fill('Customers to contacts (sync)');
  await pick(dialog.getByLabel('Use case'), 'Keep customers as contacts');
  await dialog.getByLabel('Trigger kind').selectOption('schedule');
  await dialog.getByLabel('Trigger detail').fill('Every 15 minutes');
  const before = await dialog.locator('.outcome-row').count();
  await dialog.getByRole('button', { name: 'Add outcome' }).click();
  await dialog.getByLabel(`Outcome ${before + 1} kind`).selectOption('failure');
  await dialog.getByLabel(`Outcome ${before + 1} condition`).fill('422: email is not valid');
  await dialog.getByLabel(`Outcome ${before + 1} handling`).fill('Create the contact without an email; ask the CRM owner');
  await dialog.getByRole('button', { name: `Move outcome ${before + 1} up` }).click();
  await shoot(page, 'dialog', true);
  await dialog.getByRole('button', { name: 'Save details' }).click();
  await expect(dialog).toBeHidden();
  await saved(page);
  await expect(page.getByRole('heading', { name: 'Customers to contacts (sync)', level: 1 })).toBeVisible();
  await expect(page.locator('.flow-entities')).toContainText('Every 15 minutes');
  await shoot(page, 'mapping');

  // The flow list shows the new name; after a reload the dialog shows what was saved.
  await page.getByRole('button', { name: 'Data flows' }).click();
  await expect(page.getByRole('gridcell', { name: /^Customers to contacts \(sync\)/ })).toBeVisible();
  await page.reload();
  await page.getByRole('gridcell', { name: /^Customers to contacts \(sync\)/ }).first().click();
  await page.getByRole('button', { name: 'Flow details' }).click();
  await expect(dialog.getByLabel('Use case')).toHaveValue(/\d+/);
  await expect(dialog.getByLabel('Use case').locator('option:checked')).toHaveText(/Keep customers as contacts/);
  await expect(dialog.getByLabel('Trigger kind')).toHaveValue('schedule');
  await expect(dialog.getByLabel('Trigger detail')).toHaveValue('Every 15 minutes');
  await expect(dialog.getByLabel(`Outcome ${before} condition`)).toHaveValue('422: email is not valid');
  await expect(dialog.locator('.outcome-row')).toHaveCount(before + 1);

  // A name another flow has is refused with main's message; the dialog stays open.
  await dialog.getByLabel('Name', { exact: true }).fill('Orders to invoices');
  await dialog.getByRole('button', { name: 'Save details' }).click();
  await expect(dialog.getByRole('alert')).toContainText('There is already a data flow named "Orders to invoices"');
  await dialog.getByLabel('Name', { exact: true }).fill('Customers to contacts');
  await dialog.getByRole('button', { name: 'Save details' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Customers to contacts', level: 1 })).toBeVisible();

  // The spec shows the flow under its use case with the new trigger.
  await openUseCases(page);
  const customers = useCaseCard(page, 'Keep customers as contacts').getByRole('listitem', { name: 'Customers to contacts', exact: true });
  await expect(customers.getByLabel('Trigger detail')).toHaveValue('Every 15 minutes');
  expect(errors.filter((message) => !message.includes('409') && !message.includes('already a data flow'))).toEqual([]);
});
