import { describe, expect, it } from 'vitest';
import { emptyHistory, HISTORY_LIMIT, recorded, replayCalls, restored, restoreInput, taken, type HistoryEntry } from '../../../src/renderer/src/areas/mapping/undo';
import { mappingRow } from '../fixtures';

const entry = (label: string, extra: Partial<HistoryEntry> = {}): HistoryEntry => ({
  label,
  changes: [{ before: mappingRow(1, { status: 'suggested', sourcePaths: ['a'] }), after: mappingRow(1, { status: 'accepted', sourcePaths: ['a'] }) }],
  ...extra,
});

describe('the undo history', () => {
  it('undoes the last change first, and redoes what was undone', () => {
    const [first, second] = [entry('first'), entry('second')];
    let history = recorded(recorded(emptyHistory, first), second);
    let next: HistoryEntry | undefined;
    [next, history] = taken(history, 'undo');
    expect(next).toBe(second);
    expect(history).toEqual({ undo: [first], redo: [second] });
    [next, history] = taken(history, 'redo');
    expect(next).toBe(second);
    expect(history).toEqual({ undo: [first, second], redo: [] });
  });

  it('forgets what could be redone once a new change is made', () => {
    const [, history] = taken(recorded(emptyHistory, entry('first')), 'undo');
    expect(recorded(history, entry('other')).redo).toEqual([]);
  });

  it('takes nothing from an empty stack', () => {
    expect(taken(emptyHistory, 'undo')).toEqual([undefined, emptyHistory]);
    expect(taken(emptyHistory, 'redo')).toEqual([undefined, emptyHistory]);
  });

  it('keeps the last entries only', () => {
    let history = emptyHistory;
    for (let index = 0; index < HISTORY_LIMIT + 5; index++) history = recorded(history, entry(String(index)));
    expect(history.undo).toHaveLength(HISTORY_LIMIT);
    expect(history.undo[0]!.label).toBe('5');
  });

  it('puts an entry back where it was taken from when replaying it failed', () => {
    const change = entry('change');
    const [, afterUndo] = taken(recorded(emptyHistory, change), 'undo');
    expect(restored(afterUndo, change, 'undo')).toEqual({ undo: [change], redo: [] });
    const [, afterRedo] = taken(afterUndo, 'redo');
    expect(restored(afterRedo, change, 'redo')).toEqual({ undo: [], redo: [change] });
  });
});

describe('replaying an entry', () => {
  const before = mappingRow(7, { status: 'suggested', sourcePaths: ['customerId'], confidence: 0.9, transformation: 'trim', defaultValue: 'x', valueMap: [{ source: 'a', target: 'A' }], condition: 'c', notes: 'n', owner: 'o' });
  const after = { ...before, status: 'needs_decision' as const, sourcePaths: [], confidence: null };

  it('writes back every editable value of the row, and nothing main computes', () => {
    expect(restoreInput(before)).toEqual({
      rowId: 7,
      sourcePaths: ['customerId'],
      mappingType: 'direct',
      status: 'suggested',
      transformation: 'trim',
      defaultValue: 'x',
      valueMap: [{ source: 'a', target: 'A' }],
      condition: 'c',
      notes: 'n',
      owner: 'o',
      expression: null,
      expressionDrift: false,
    });
    const written = { ...before, expression: '$uppercase(customerId)', expressionDrift: true };
    expect(restoreInput(written)).toMatchObject({ expression: '$uppercase(customerId)' });
    expect(restoreInput(written)).not.toHaveProperty('expressionDrift');
  });

  it('undoes any entry by restoring the rows, and redoes a rejection as a rejection', () => {
    const rejection = entry('Reject M-0007', { changes: [{ before, after }], decision: 'reject' });
    expect(replayCalls(rejection, 'undo')).toEqual([{ call: 'mapping.updateRow', input: restoreInput(before) }]);
    expect(replayCalls(rejection, 'redo')).toEqual([{ call: 'mapping.decide', input: { rowId: 7, decision: 'reject' } }]);
    const acceptance = entry('Accept M-0007', { changes: [{ before, after: { ...before, status: 'accepted' } }], decision: 'accept' });
    expect(replayCalls(acceptance, 'redo')).toEqual([{ call: 'mapping.updateRow', input: { ...restoreInput(before), status: 'accepted' } }]);
  });

  it('replays every row of a bulk accept, in order', () => {
    const rows = [mappingRow(1), mappingRow(2), mappingRow(3)];
    const bulk = entry('Accept 3 above 80%', { changes: rows.map((row) => ({ before: row, after: { ...row, status: 'accepted' } })) });
    expect(replayCalls(bulk, 'undo').map((step) => step.input.rowId)).toEqual([1, 2, 3]);
  });
});
