import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from '@playwright/test';
import { expect, screenshotDir, test } from './fixtures';

const nav = (page: Page) => page.getByRole('navigation', { name: 'Areas' });
const outline = (page: Page) => page.getByRole('navigation', { name: 'Specification outline' });
const saved = (page: Page) => expect(page.getByRole('status', { name: 'Status bar' })).toContainText('All changes saved');

/** Opens a section from the outline and waits for its heading. */
async function open(page: Page, label: RegExp, hash: string, heading: string) {
  await outline(page).getByRole('link', { name: label }).click();
  await expect(page).toHaveURL(new RegExp(`#/spec/${hash}$`));
  await expect(page.getByRole('heading', { name: heading, level: 2 })).toBeVisible();
}

/** A light screenshot, and a dark one when asked. */
async function shoot(page: Page, name: string, dark = false) {
  await page.screenshot({ path: path.join(screenshotDir, `spec-${name}.png`) });
  if (!dark) return;
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.waitForTimeout(400); // colour transitions settle
  await page.screenshot({ path: path.join(screenshotDir, `spec-${name}-dark.png`) });
  await page.emulateMedia({ colorScheme: 'light' });
  await page.waitForTimeout(200);
}

test('builds the spec, exports it, and reads an edited workbook back', async ({ page, host }) => {
  test.setTimeout(120_000);
  const errors: string[] = [];
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  page.on('pageerror', (error) => errors.push(error.message));
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'crosswalk-spec-e2e-'));
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(host.url);

  // The workbench opens on the business case, with the outline beside it.
  await nav(page).getByRole('link', { name: /^Spec & export/ }).click();
  await expect(page).toHaveURL(/#\/spec$/);
  await expect(page.getByRole('heading', { name: 'Business case', level: 2 })).toBeVisible();
  await expect(outline(page).getByRole('link', { name: /^Ready|In progress|Not started|Needs attention/ }).first()).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Business case' })).not.toHaveValue('');
  await shoot(page, 'business-case', true);

  // Requirements: confirm an answer inferred from the API documents.
  await open(page, /Requirements/, 'requirements', 'Requirements');
  const inferred = page.locator('.requirement-pending').first();
  await expect(inferred.getByText('Inferred', { exact: true })).toBeVisible();
  await expect(inferred).toContainText('inferred from');
  const key = await inferred.getAttribute('data-requirement');
  await shoot(page, 'requirements', true);
  await inferred.getByRole('button', { name: /^Confirm/ }).click();
  const confirmed = page.locator(`[data-requirement="${key}"]`);
  await expect(confirmed.getByText('Confirmed', { exact: true })).toBeVisible();
  await expect(confirmed.getByRole('button', { name: /^Confirm/ })).toHaveCount(0);
  await saved(page);

  // Use cases: add two, descope the second.
  await open(page, /Use cases/, 'use-cases', 'Use cases');
  await page.getByRole('textbox', { name: 'New use case title' }).fill('Email each invoice to the customer');
  await page.getByRole('textbox', { name: 'New use case story' }).fill('As a customer, I want the invoice in my inbox the day my order is confirmed, so that I can pay on time.');
  await page.getByRole('button', { name: 'Add use case' }).click();
  const useCase = page.getByRole('listitem', { name: /^UC-\d+ Email each invoice to the customer$/ });
  await expect(useCase).toBeVisible();
  await page.getByRole('textbox', { name: 'New use case title' }).fill('Credit notes for returns');
  await page.getByRole('button', { name: 'Add use case' }).click();
  const second = page.getByRole('listitem', { name: /^UC-\d+ Credit notes for returns$/ });
  await second.getByRole('checkbox', { name: 'Descoped' }).check();
  await expect(page.getByRole('listitem', { name: /^UC-\d+ Credit notes for returns \(descoped\)$/ })).toHaveClass(/record-descoped/);
  await saved(page);
  const useCaseRef = (await useCase.locator('.record-ref').innerText()).trim();
  await expect(useCase.getByRole('link', { name: 'Create one in Mapping' })).toHaveAttribute('href', '#/mapping');
  await shoot(page, 'use-cases', true);

  // Configurable inputs: a credential, described only.
  await open(page, /Configurable inputs/, 'inputs', 'Configurable inputs');
  await page.getByRole('textbox', { name: 'New input name' }).fill('Ledgerly webhook signing secret');
  await page.getByLabel('New input kind').selectOption('credential');
  await page.getByRole('button', { name: 'Add input' }).click();
  const input = page.getByRole('listitem', { name: /^CI-\d+ Ledgerly webhook signing secret$/ });
  await expect(input).toContainText('Secret: described only, never stored');
  await input.getByRole('textbox', { name: /^Description of/ }).fill('From Ledgerly → Settings → Webhooks → Signing secret');
  await input.getByRole('textbox', { name: /^Description of/ }).press('Enter');
  await saved(page);
  await shoot(page, 'inputs');

  // Test cases: one covering a mapping row of the demo flow.
  await open(page, /Test cases/, 'test-cases', 'Test cases');
  await page.getByRole('textbox', { name: 'New test case title' }).fill('Invoice email reaches the customer');
  await page.getByLabel('New test case use case').selectOption({ label: `${useCaseRef} Email each invoice to the customer` });
  await page.getByRole('button', { name: 'Add test case' }).click();
  const testCase = page.getByRole('listitem', { name: /^TC-\d+ Invoice email reaches the customer$/ });
  await expect(testCase).toBeVisible();
  const testRef = (await testCase.locator('.record-ref').innerText()).trim();
  await testCase.getByRole('textbox', { name: 'Given input' }).fill('A confirmed order for a customer with an email address');
  await testCase.getByRole('textbox', { name: 'Expected result' }).fill('The invoice PDF arrives at that address within 10 minutes');
  await testCase.getByRole('textbox', { name: 'Expected result' }).blur();
  await testCase.getByRole('button', { name: 'Choose rows…' }).click();
  const picker = page.getByRole('dialog', { name: /^Rows TC-\d+ covers$/ });
  await picker.getByLabel('Data flow').selectOption({ label: 'Orders to invoices' });
  await picker.getByRole('searchbox', { name: 'Search mapping rows' }).fill('invoice_number');
  const row = picker.getByRole('checkbox', { name: /^M-\d+ invoice_number$/ });
  const mapId = ((await row.getAttribute('aria-label')) ?? '').split(' ')[0]!;
  expect(mapId).toMatch(/^M-\d+$/);
  await row.check();
  await page.screenshot({ path: path.join(screenshotDir, 'spec-test-cases-covers.png') });
  await picker.getByRole('button', { name: 'Save covered rows' }).click();
  await expect(picker).toBeHidden();
  await expect(testCase.getByRole('group', { name: /covers$/ })).toContainText(mapId);
  await testCase.getByLabel(/^Status of TC-/).selectOption('passed');
  await expect(testCase.getByLabel(/^Status of TC-/)).toHaveClass(/test-status-passed/);
  await saved(page);
  await shoot(page, 'test-cases', true);

  // Open questions: the one the stakeholder will answer in the workbook.
  await open(page, /Open questions/, 'questions', 'Open questions & corner cases');
  const question = 'Is shipping charged at the VAT rate of the goods it ships?';
  await page.getByRole('textbox', { name: 'Question or corner case' }).fill(question);
  await page.getByRole('textbox', { name: 'Owner', exact: true }).fill('Finance lead');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(page.getByRole('grid')).toContainText(question);
  await page.waitForTimeout(300); // the grid measures its wrapped rows
  await shoot(page, 'questions');

  // Sign-off.
  await open(page, /Change log/, 'sign-off', 'Change log & sign-off');
  await page.getByRole('textbox', { name: 'Prepared by: name' }).fill('Ana Analyst');
  await page.getByRole('textbox', { name: 'Prepared by: name' }).press('Enter');
  await page.getByRole('button', { name: 'Prepared by: today' }).click();
  await expect(page.getByLabel('Prepared by: date')).toHaveValue(/^\d{4}-\d{2}-\d{2}$/);
  await page.getByRole('textbox', { name: 'What changed' }).fill('First draft for the finance review');
  await page.getByRole('button', { name: 'Record change' }).click();
  await expect(page.locator('.change-log-list')).toContainText('First draft for the finance review');
  await saved(page);
  await shoot(page, 'sign-off');

  // Export all three, to a temporary folder (in the browser the typed path is the option beside the download).
  await open(page, /Export/, 'export', 'Export');
  await expect(page.getByRole('textbox', { name: 'Excel workbook path' })).toHaveValue(/demo-spec\.xlsx$/);
  const workbookPath = path.join(folder, 'acme-spec.xlsx');
  await page.getByRole('textbox', { name: 'Excel workbook path' }).fill(workbookPath);
  await page.getByRole('button', { name: 'Write workbook to path' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Written' }).first()).toContainText(workbookPath);
  // A path that cannot be written: main's message is shown as it comes.
  await page.getByRole('textbox', { name: 'JSON spec path' }).fill(path.join(folder, 'no-such-folder', 'acme-spec.json'));
  await page.getByRole('button', { name: 'Write JSON to path' }).click();
  await expect(page.getByRole('alert')).toContainText('does not exist');
  await page.getByRole('alert').getByRole('button', { name: 'Dismiss' }).click();
  await page.getByRole('textbox', { name: 'JSON spec path' }).fill(path.join(folder, 'acme-spec.json'));
  await page.getByRole('button', { name: 'Write JSON to path' }).click();
  await page.getByRole('textbox', { name: 'Markdown path' }).fill(path.join(folder, 'acme-spec.md'));
  await page.getByRole('button', { name: 'Write Markdown to path' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Written' })).toHaveCount(3);
  expect(fs.statSync(workbookPath).size).toBeGreaterThan(1000);
  expect(JSON.parse(fs.readFileSync(path.join(folder, 'acme-spec.json'), 'utf8')).useCases.map((item: { title: string }) => item.title)).toContain('Email each invoice to the customer');
  expect(fs.readFileSync(path.join(folder, 'acme-spec.md'), 'utf8')).toContain('Email each invoice to the customer');
  await shoot(page, 'export', true);

  // Meanwhile, in the app, the tester notes a result on the test case.
  await open(page, /Test cases/, 'test-cases', 'Test cases');
  await testCase.getByRole('textbox', { name: 'Notes' }).fill('Passed on the sandbox');
  await testCase.getByRole('textbox', { name: 'Notes' }).press('Enter');
  await saved(page);
  await open(page, /Export/, 'export', 'Export');

  // A stakeholder answers the question in the workbook, and writes other notes on the same test case.
  const answer = 'Shipping follows the rate of the goods: 20% here.';
  const reviewedPath = path.join(folder, 'acme-spec-reviewed.xlsx');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(workbookPath);
  const sheet = workbook.worksheets.find((candidate) => /question/i.test(candidate.name));
  expect(sheet, 'the workbook has a questions sheet').toBeDefined();
  const headers = new Map<string, number>();
  sheet!.getRow(1).eachCell((cell, column) => headers.set(cell.text.trim(), column));
  const questionColumn = headers.get('Question')!;
  const answerColumn = headers.get('Answer')!;
  let edited = false;
  sheet!.eachRow((candidate) => {
    if (candidate.getCell(questionColumn).text === question) {
      candidate.getCell(answerColumn).value = answer;
      edited = true;
    }
  });
  expect(edited, 'the question is in the workbook').toBe(true);
  const testSheet = workbook.worksheets.find((candidate) => /test/i.test(candidate.name));
  const testHeaders = new Map<string, number>();
  testSheet!.getRow(1).eachCell((cell, column) => testHeaders.set(cell.text.trim(), column));
  let notesEdited = false;
  testSheet!.eachRow((candidate) => {
    if (candidate.getCell(testHeaders.get('Ref')!).text === testRef) {
      candidate.getCell(testHeaders.get('Notes')!).value = 'Blocked: no sandbox mailbox';
      notesEdited = true;
    }
  });
  expect(notesEdited, 'the test case is in the workbook').toBe(true);
  await workbook.xlsx.writeFile(reviewedPath);

  // Read it back: the change report shows the edit, selected; apply it.
  await page.getByRole('textbox', { name: 'Reviewed workbook path' }).fill(reviewedPath);
  await page.getByRole('button', { name: 'Preview changes' }).click();
  const report = page.getByRole('region', { name: 'Change report' });
  await expect(report).toBeVisible();
  const change = report.getByRole('row').filter({ hasText: answer });
  await expect(change).toBeVisible();
  await expect(change).toContainText('Edit');
  await expect(change.getByRole('checkbox')).toBeChecked();
  // The notes changed on both sides since the export: a conflict, left unselected.
  const conflict = report.getByRole('row').filter({ hasText: 'Blocked: no sandbox mailbox' });
  await expect(conflict).toContainText('Conflict');
  await expect(conflict).toContainText('Passed on the sandbox');
  await expect(conflict.getByRole('checkbox')).not.toBeChecked();
  await page.waitForTimeout(500); // scrolled into view
  await shoot(page, 'read-back', true);
  await report.getByRole('button', { name: /^Apply \d+ selected change/ }).click();
  await expect(page.getByRole('note').filter({ hasText: /^Applied 1 change/ })).toBeVisible();
  await saved(page);

  // The answer is in the app.
  await open(page, /Open questions/, 'questions', 'Open questions & corner cases');
  await expect(page.getByRole('grid')).toContainText(answer);
  await page.waitForTimeout(300);
  await shoot(page, 'questions-answered');
  // The conflict was not applied: the app's notes stand.
  await open(page, /Test cases/, 'test-cases', 'Test cases');
  await expect(testCase.getByRole('textbox', { name: 'Notes' })).toHaveValue('Passed on the sandbox');
  expect(errors).toEqual([]);
  fs.rmSync(folder, { recursive: true, force: true });
});
