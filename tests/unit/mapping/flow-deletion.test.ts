// flows.delete keeps the flow whole; flows.restore puts it back with its rows, Map IDs, questions and
// test cases (the demo workspace, a real file).
import { describe, expect, it } from 'vitest';
import { openDemoSession } from '../../helpers/handlers';
import { present } from '../../helpers/narrow';

describe('deleting and restoring a flow', () => {
  it('deletes with its rows, logs it, and restores it as it was', async () => {
    const { session, call } = await openDemoSession();
    const flow = present((await call('flows.list')).find((f) => f.name === 'Orders to invoices'), 'the demo flow');
    const { rows } = await call('mapping.sheet', { flowId: flow.id });
    const row = present(rows[0], 'a row');
    await call('mapping.updateRow', { rowId: row.id, notes: 'keep this note' });
    const question = await call('questions.add', { question: `Who owns ${row.mapId}?`, mapId: row.mapId });
    const testCase = await call('testCases.add', { title: 'Invoice from an order', covers: [row.mapId] });
    const before = await call('mapping.sheet', { flowId: flow.id });
    const checksBefore = await call('mapping.checks', { flowId: flow.id });

    const deleted = await call('flows.delete', { id: flow.id });
    expect(deleted).toMatchObject({ flowId: flow.id, name: 'Orders to invoices', rows: rows.length });
    expect((await call('flows.list')).some((f) => f.id === flow.id)).toBe(false);
    await expect(call('mapping.sheet', { flowId: flow.id })).rejects.toThrow(/FLOW_NOT_FOUND/);
    expect((await call('flows.deleted')).map((d) => d.deletedId)).toEqual([deleted.deletedId]);
    expect((await call('changeLog.list')).at(-1)?.summary).toMatch(/Deleted data flow "Orders to invoices" with its \d+ mapping rows \(restorable: deleted flow \d+\)/);
    expect((await call('questions.list')).find((q) => q.id === question.id)?.mapId).toBeNull();

    const restored = await call('flows.restore', { deletedId: deleted.deletedId });
    expect(restored.name).toBe('Orders to invoices');
    const after = await call('mapping.sheet', { flowId: restored.id });
    const strip = (sheet: typeof before) => sheet.rows.map(({ id: _id, flowId: _flowId, ...rest }) => rest);
    expect(strip(after)).toEqual(strip(before));
    expect((await call('mapping.checks', { flowId: restored.id })).checks.length).toBe(checksBefore.checks.length);
    expect((await call('questions.list')).find((q) => q.id === question.id)?.mapId).toBe(row.mapId);
    expect((await call('testCases.list')).find((t) => t.id === testCase.id)?.covers).toEqual([row.mapId]);
    expect(await call('flows.deleted')).toEqual([]);
    await expect(call('flows.restore', { deletedId: deleted.deletedId })).rejects.toThrow(/no deleted flow/);
    session.close();
  });

  it('refuses to restore over a flow of the same name, and an unknown flow', async () => {
    const { session, call } = await openDemoSession();
    const flow = present((await call('flows.list')).find((f) => f.name === 'Orders to invoices'), 'the demo flow');
    const deleted = await call('flows.delete', { id: flow.id });
    await call('flows.create', { name: 'Orders to invoices', source: { system: 'CRM', entity: 'Order' }, target: { system: 'Accounting', entity: 'Invoice' } });
    await expect(call('flows.restore', { deletedId: deleted.deletedId })).rejects.toThrow(/rename it first/);
    expect(await call('flows.deleted')).toHaveLength(1);
    await expect(call('flows.delete', { id: 999999 })).rejects.toThrow(/FLOW_NOT_FOUND/);
    session.close();
  });
});
