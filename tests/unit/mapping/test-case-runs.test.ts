import { describe, expect, it } from 'vitest';
import { openDemoSession } from '../../helpers/handlers';
import { present } from '../../helpers/narrow';

const order = {
  id: 'o-1',
  orderNumber: 'SO-1',
  customerId: 'c-1',
  status: 'confirmed',
  priority: 'Low',
  currency: 'GBP',
  orderDate: '2025-06-11',
  lines: [{ sku: 'A-1', productName: 'Drill', description: 'Cordless', quantity: 1, unitPrice: 2 }],
};

describe('test cases that run', () => {
  it('makes a test case from a payload, passes, then fails with a structural diff once a row changes; records only when asked', async () => {
    const { session, call } = await openDemoSession();
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
  });
});
