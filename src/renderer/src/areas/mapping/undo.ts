// Undo and redo of row changes, client-side: each entry keeps the rows before and after, and undoing
// writes the earlier values back through mapping.updateRow (a decision is undone by restoring the row;
// main then forgets the learned decision for that pair). Pure: the history and the calls a replay makes.
import type { CallInput, MappingRow } from '../../../../shared/contract';

export interface HistoryEntry {
  label: string;
  /** One row for an edit or a decision; several for "accept all above". */
  changes: Array<{ before: MappingRow; after: MappingRow }>;
  /** A reject is redone as a reject (main learns the pair again); undoing any entry writes the rows back. */
  decision?: 'accept' | 'reject';
}

export interface History {
  undo: readonly HistoryEntry[];
  redo: readonly HistoryEntry[];
}

export type Direction = 'undo' | 'redo';

/** Entries kept for undo. */
export const HISTORY_LIMIT = 200;

export const emptyHistory: History = { undo: [], redo: [] };

/** A new change: undoable, and nothing left to redo. */
export const recorded = (history: History, entry: HistoryEntry): History => ({ undo: [...history.undo.slice(-(HISTORY_LIMIT - 1)), entry], redo: [] });

/** Takes the next entry to undo (or redo) and moves it to the other stack. */
export function taken(history: History, direction: Direction): [HistoryEntry | undefined, History] {
  const from = direction === 'undo' ? history.undo : history.redo;
  const entry = from.at(-1);
  if (!entry) return [undefined, history];
  const rest = from.slice(0, -1);
  return direction === 'undo' ? [entry, { undo: rest, redo: [...history.redo, entry] }] : [entry, { undo: [...history.undo, entry], redo: rest }];
}

/** Puts an entry back where it was taken from, when replaying it failed. */
export function restored(history: History, entry: HistoryEntry, direction: Direction): History {
  const without = (list: readonly HistoryEntry[]) => list.filter((item) => item !== entry);
  return direction === 'undo' ? { undo: [...history.undo, entry], redo: without(history.redo) } : { undo: without(history.undo), redo: [...history.redo, entry] };
}

/** What updateRow takes to put a row back as it was. */
export function restoreInput(row: MappingRow): CallInput<'mapping.updateRow'> {
  return {
    rowId: row.id,
    sourcePaths: row.sourcePaths,
    mappingType: row.mappingType,
    status: row.status,
    transformation: row.transformation,
    defaultValue: row.defaultValue,
    valueMap: row.valueMap,
    condition: row.condition,
    notes: row.notes,
    owner: row.owner,
    expression: row.expression,
    // A row whose pseudocode and expression agreed agrees again once put back.
    ...(row.expressionDrift ? {} : { expressionDrift: false as const }),
  };
}

export type ReplayCall = { call: 'mapping.decide'; input: CallInput<'mapping.decide'> } | { call: 'mapping.updateRow'; input: CallInput<'mapping.updateRow'> };

/** The calls that undo or redo an entry, one per row, in order. */
export function replayCalls(entry: HistoryEntry, direction: Direction): ReplayCall[] {
  return entry.changes.map(({ before, after }) =>
    direction === 'redo' && entry.decision === 'reject'
      ? { call: 'mapping.decide', input: { rowId: after.id, decision: 'reject' } }
      : { call: 'mapping.updateRow', input: restoreInput(direction === 'undo' ? before : after) },
  );
}
