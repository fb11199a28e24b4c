// Undoing a decision in any front end writes the earlier row back through mapping.updateRow: the learned
// decision for that exact pair must go with it, on the real workspace file. The calls are the ones the
// flow screen's undo and redo make (the renderer's undo.ts), so the two cannot drift apart.
import { describe, expect, it } from 'vitest';
import { replayCalls, type Direction, type HistoryEntry } from '../../../src/renderer/src/areas/mapping/undo';
import type { MappingRow } from '../../../src/shared/contract';
import { openDemoSession } from '../../helpers/handlers';
import { present } from '../../helpers/narrow';

type Call = Awaited<ReturnType<typeof openDemoSession>>['call'];

async function open() {
  const { session, call } = await openDemoSession();
  const decisions = () =>
    session
      .requireWorkspace()
      .read((db) => db.prepare('SELECT source_path AS source, target_path AS target, decision FROM mapping_decision ORDER BY target_path, source_path').all()) as Array<{
      source: string;
      target: string;
      decision: string;
    }>;
  // The demo's flow, its rows created with the engine's suggestions.
  const flow = present((await call('flows.list')).find((f) => f.name === 'Orders to invoices'), 'the demo flow');
  const { rows } = await call('mapping.sheet', { flowId: flow.id });
  const suggested = rows.filter((r) => r.status === 'suggested');
  // Two suggested rows, the ones the tests decide on.
  return { session, call, decisions, flow, rows, first: present(suggested[0], 'a suggested row'), second: present(suggested[1], 'a second suggested row') };
}

/** Undoes or redoes a change to one row as the flow screen does; answers the row written. */
async function replay(call: Call, change: { before: MappingRow; after: MappingRow; decision?: HistoryEntry['decision'] }, direction: Direction) {
  const entry: HistoryEntry = { label: 'change', changes: [{ before: change.before, after: change.after }], decision: change.decision };
  const [step, ...more] = replayCalls(entry, direction);
  expect(more).toEqual([]);
  return call(step!.call, step!.input);
}

describe('undoing a decision', () => {
  it('drops the learned rejection of exactly that pair, and the engine offers it again', async () => {
    const { session, call, decisions, flow, first, second } = await open();
    const rejected = await call('mapping.decide', { rowId: first.id, decision: 'reject' });
    await call('mapping.decide', { rowId: second.id, decision: 'reject' });
    expect(decisions()).toEqual(
      expect.arrayContaining([
        { source: first.sourcePaths[0], target: first.targetPath, decision: 'rejected' },
        { source: second.sourcePaths[0], target: second.targetPath, decision: 'rejected' },
      ]),
    );
    const offered = async () =>
      present((await call('mapping.suggestions', { flowId: flow.id })).find((s) => s.target === first.targetPath), 'the suggestion for the first row').candidates.map((c) => c.source);
    expect(await offered()).not.toContain(first.sourcePaths[0]);

    const undone = await replay(call, { before: first, after: rejected, decision: 'reject' }, 'undo');
    expect(undone).toMatchObject({ sourcePaths: first.sourcePaths, status: 'suggested' });
    // The other rejection stays.
    expect(decisions()).toEqual([{ source: second.sourcePaths[0], target: second.targetPath, decision: 'rejected' }]);
    expect(await offered()).toContain(first.sourcePaths[0]);
    // A new flow between the same entities suggests the pair again.
    const again = await call('flows.create', { name: 'Again', source: { system: 'CRM', entity: 'Order' }, target: { system: 'Accounting', entity: 'Invoice' } });
    const againRow = present((await call('mapping.sheet', { flowId: again.id })).rows.find((r) => r.targetPath === first.targetPath), 'the row in the new flow');
    expect(againRow.sourcePaths).toEqual(first.sourcePaths);
    session.close();
  });

  it('drops the rejection when the analyst picks the rejected source again by hand', async () => {
    const { session, call, decisions, first: row } = await open();
    await call('mapping.decide', { rowId: row.id, decision: 'reject' });
    expect(decisions()).toHaveLength(1);
    // Editing something else keeps it.
    await call('mapping.updateRow', { rowId: row.id, notes: 'looked at it' });
    expect(decisions()).toHaveLength(1);
    await call('mapping.updateRow', { rowId: row.id, sourcePaths: row.sourcePaths });
    expect(decisions()).toEqual([]);
    session.close();
  });

  it('drops the learned acceptance of an undone accept and of an undone bulk accept', async () => {
    const { session, call, decisions, flow, rows, first: row } = await open();
    const accepted = await call('mapping.decide', { rowId: row.id, decision: 'accept' });
    expect(decisions()).toEqual([{ source: row.sourcePaths[0], target: row.targetPath, decision: 'accepted' }]);
    const acceptance = { before: row, after: accepted, decision: 'accept' as const };
    await replay(call, acceptance, 'undo');
    expect(decisions()).toEqual([]);
    // Redo writes the accepted state back: learned again.
    await replay(call, acceptance, 'redo');
    expect(decisions()).toEqual([{ source: row.sourcePaths[0], target: row.targetPath, decision: 'accepted' }]);
    await replay(call, acceptance, 'undo');

    const bulk = await call('mapping.acceptAbove', { flowId: flow.id, threshold: 0.5 });
    expect(bulk.accepted).toBeGreaterThan(1);
    expect(decisions().filter((d) => d.decision === 'accepted').length).toBe(bulk.accepted);
    // Undone as the flow screen undoes "accept all above": every row written back, in one entry.
    const changes = rows.flatMap((before) => bulk.rows.filter((after) => after.id === before.id && after.status !== before.status).map((after) => ({ before, after })));
    expect(changes).toHaveLength(bulk.accepted);
    for (const step of replayCalls({ label: 'Accept above 50%', changes }, 'undo')) await call(step.call, step.input);
    expect(decisions()).toEqual([]);
    session.close();
  });

  it('keeps an accepted pair another flow between the same entities still holds', async () => {
    const { session, call, decisions, first: row } = await open();
    const other = await call('flows.create', { name: 'Other', source: { system: 'CRM', entity: 'Order' }, target: { system: 'Accounting', entity: 'Invoice' } });
    const twin = present((await call('mapping.sheet', { flowId: other.id })).rows.find((r) => r.targetPath === row.targetPath), 'the row in the other flow');
    expect(twin.sourcePaths).toEqual(row.sourcePaths);
    const accepted = await call('mapping.decide', { rowId: row.id, decision: 'accept' });
    const twinAccepted = await call('mapping.decide', { rowId: twin.id, decision: 'accept' });
    await replay(call, { before: row, after: accepted, decision: 'accept' }, 'undo');
    expect(decisions()).toEqual([{ source: row.sourcePaths[0], target: row.targetPath, decision: 'accepted' }]);
    await replay(call, { before: twin, after: twinAccepted, decision: 'accept' }, 'undo');
    expect(decisions()).toEqual([]);
    session.close();
  });
});
