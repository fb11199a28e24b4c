// Check messages on a real rooted flow name each field as the sheet's rows do (root-relative), with the
// entity and its root stated: never the entity glued to a root-relative path as if it were the entity's own
// (the Swiss NextGen Banking API's transaction details to YNAB's transaction, tests/fixtures/openapi/enveloped).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openNewSession } from '../../helpers/handlers';
import { crosswalk } from '../../helpers/cli';
import { present } from '../../helpers/narrow';

const fixtures = path.resolve(__dirname, '../../fixtures/openapi/enveloped');
const source = 'getTransactionDetails 200 response › transactionsDetails.transactionDetails';
const target = 'PutTransactionWrapper › transaction';

describe('check messages on a rooted flow', () => {
  it('name the rows’ root-relative paths under the stated root, alike in the sheet, the bulk accept, `crosswalk check` and the exports', { timeout: 60_000 }, async () => {
    const { dir, call, session } = openNewSession('Bank to budget');
    await call('systems.import', { name: 'Bank', source: { kind: 'file', path: path.join(fixtures, 'swiss-ng-banking.openapi30.json') } });
    await call('systems.import', { name: 'Budget', source: { kind: 'file', path: path.join(fixtures, 'ynab.openapi30.json') } });
    const flow = await call('flows.create', {
      name: 'Transactions',
      source: { system: 'Bank', entity: 'getTransactionDetails 200 response', root: 'transactionsDetails.transactionDetails' },
      target: { system: 'Budget', entity: 'PutTransactionWrapper', root: 'transaction' },
    });
    const sheet = await call('mapping.sheet', { flowId: flow.id });
    const amount = present(sheet.rows.find((row) => row.targetPath === 'amount'), 'the amount row');
    await call('mapping.updateRow', { rowId: amount.id, sourcePaths: ['transactionAmount.amount'] });

    const { checks } = await call('mapping.checks', { flowId: flow.id });
    const mismatch = present(checks.find((check) => check.rowId === amount.id && check.kind === 'type_mismatch'), 'the amount type check');
    expect(mismatch.targetPath).toBe('amount');
    expect(mismatch.message).toBe(
      `${source} › transactionAmount.amount is string, ${target} › amount is integer (int64): ` +
        'a string cannot be copied into an integer (int64) as is; describe the conversion in the transformation.',
    );
    const required = checks.filter((check) => check.kind === 'required_unmapped');
    expect(required.length).toBeGreaterThan(0);
    for (const check of required) expect(check.message).toBe(`${target} › ${check.targetPath} is required but nothing fills it: choose a source field, a constant or a default.`);
    // No message names a field the entity itself does not have at that path.
    for (const check of checks) expect(check.message).not.toMatch(/(getTransactionDetails 200 response|PutTransactionWrapper)\.(?!transaction)/);

    // The bulk accept's reasons are the same messages.
    await call('mapping.updateRow', { rowId: amount.id, status: 'suggested' });
    const dryRun = await call('mapping.acceptAbove', { flowId: flow.id, threshold: 0, dryRun: true });
    expect(present(dryRun.skipped.find((row) => row.rowId === amount.id), 'amount skipped').reasons).toContain(mismatch.message);

    // The command line states each side's root beside the messages, and prints them as they are.
    session.close();
    const file = path.join(dir, 'w.crosswalk');
    const text = crosswalk(['check', file]);
    expect(text.stdout).toContain(`Transactions (Bank:${source} -> Budget:${target}): `);
    expect(text.stdout).toContain(mismatch.message);
    const [json] = JSON.parse(crosswalk(['check', file, '--json']).stdout) as Array<{ source: string; target: string; checks: Array<{ message: string }> }>;
    expect(json).toMatchObject({ source: `Bank:${source}`, target: `Budget:${target}` });
    expect(json!.checks.map((check) => check.message)).toContain(mismatch.message);

    // The exports carry the same messages under the same stated roots.
    const out = path.join(dir, 'spec');
    expect(crosswalk(['export', file, '--json', `${out}.json`, '--md', `${out}.md`]).status).toBe(0);
    const spec = JSON.parse(fs.readFileSync(`${out}.json`, 'utf8')) as { flows: Array<{ checks: Array<{ message: string }> }> };
    expect(spec.flows[0]!.checks.map((check) => check.message)).toContain(mismatch.message);
    const markdown = fs.readFileSync(`${out}.md`, 'utf8');
    expect(markdown).toContain(mismatch.message);
    expect(markdown).toContain(`Bank ${source} → Budget ${target}`);
  });
});
