import { describe, expect, it } from 'vitest';
import { collectSpec } from '../../../src/main/specification/collect';
import { sheetsOf } from '../../../src/main/specification/workbook/sheets';
import { SystemImports } from '../../../src/main/openapi/system-import';
import { openWorkspace } from '../../../src/main/workspace/workspace';
import { openDemoSession } from '../../helpers/handlers';
import { present } from '../../helpers/narrow';
import { oneLineOrder as order } from '../../helpers/orders';

describe('test cases that run', () => {
  it('makes a test case from a payload, passes, then fails with a structural diff once a row changes; records only when asked', async () => {
    const { session, call, file } = await openDemoSession();
    const flow = present((await call('flows.list')).find((each) => each.name === 'Orders to invoices'), 'the demo flow');
    const { rows } = await call('mapping.sheet', { flowId: flow.id });
    const made = await call('mapping.makeTestCase', { flowId: flow.id, payload: { kind: 'json', text: JSON.stringify(order) } });
    expect(made).toMatchObject({ flowId: flow.id, runnable: true, status: 'not_run', lastRunAt: null, notes: expect.stringMatching(/review it/) });

    const passed = await call('mapping.runTests', { flowId: flow.id, record: false });
    expect(passed).toEqual([expect.objectContaining({ ref: made.ref, status: 'passed', summary: '', differences: [] })]);
    // Not recorded: the list still says not run.
    expect((await call('testCases.list')).find((each) => each.id === made.id)).toMatchObject({ status: 'not_run', lastRunAt: null });

    const status = present(rows.find((row) => row.targetPath === 'status'), 'the status row');
    await call('mapping.updateRow', { rowId: status.id, valueMap: [{ source: 'confirmed', target: 'DRAFT' }] });
    const reference = present(rows.find((row) => row.targetPath === 'reference'), 'the reference row');
    await call('mapping.updateRow', { rowId: reference.id, status: 'not_needed' });
    const [failed] = await call('mapping.runTests', { record: true });
    expect(failed).toMatchObject({ status: 'failed', differences: expect.arrayContaining([{ pointer: '/status', kind: 'changed', expected: 'AUTHORISED', actual: 'DRAFT' }, { pointer: '/reference', kind: 'missing', expected: 'SO-1' }]) });
    expect(failed!.summary).toMatch(/^2 differences: .*\/status: expected "AUTHORISED", got "DRAFT"/);
    expect((await call('testCases.list')).find((each) => each.id === made.id)).toMatchObject({ status: 'failed', lastRunAt: failed!.ranAt, lastDiff: failed!.summary });
    session.close();

    // The JSON spec carries the payloads and the last run; the workbook's test sheet the status, date and summary, never a payload.
    const workspace = await openWorkspace(file);
    const spec = await collectSpec(workspace, new SystemImports());
    workspace.close();
    const inSpec = present(spec.testCases.find((each) => each.id === made.id), 'the test case in the spec');
    expect(inSpec.run).toMatchObject({ flow: 'Orders to invoices', input: order, lastRunAt: failed!.ranAt, lastDiff: failed!.summary });
    const mapping = present(spec.flows.find((each) => each.name === 'Orders to invoices')?.mappings.find((each) => each.targetPath === 'line_items[].qty'), 'the qty row');
    expect(mapping).toMatchObject({ expression: 'quantity', expressionGenerated: true });
    const testSheet = present(sheetsOf(spec).find((sheet) => sheet.kind === 'testCases'), 'the test case sheet');
    const headers = testSheet.columns.map((column) => column.header);
    expect(headers).toEqual(expect.arrayContaining(['Status', 'Last run', 'Diff summary']));
    const cells = testSheet.columns.map((column) => String(column.value(inSpec as never) ?? ''));
    expect(cells).toContain(failed!.summary);
    expect(cells.some((cell) => cell.includes('Cordless') || cell.includes('"customerId"'))).toBe(false);
  });
});
