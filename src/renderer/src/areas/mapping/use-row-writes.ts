// Every write of the flow screen to its rows: edits, decisions, "mark reviewed", bulk accept, value maps,
// undo and redo. Each shows in the cached sheet (an edit at once, before main answers) and reads again
// only what the write changes (see useSheetCache); undoable ones go into the history.
import type { MappingRow, MappingStatus } from '../../../../shared/contract';
import { api } from '../../api/client';
import { useApp } from '../../state/app-context';
import { useSheetCache } from './queries';
import type { RowEdit } from './SheetGrid';
import { replayCalls, type Direction, type HistoryEntry } from './undo';
import type { UndoHistory } from './use-history';
import type { FlowMessages } from './use-flow-messages';

interface RowWritesOptions {
  history: UndoHistory;
  messages: FlowMessages;
  /** After rows were marked reviewed (a filter on flags may hide them now). */
  onReviewed: () => void;
  /** After an undo or redo of one row: that row is selected. */
  onReplayed: (rowId: number) => void;
}

export function useRowWrites(flowId: number, { history, messages, onReviewed, onReplayed }: RowWritesOptions) {
  const { trackSave } = useApp();
  const sheet = useSheetCache(flowId);

  const edit = async (row: MappingRow, changes: RowEdit & { status?: MappingStatus }, label: string) => {
    const before = sheet.row(row.id) ?? row;
    sheet.show([{ ...before, ...changes }]);
    try {
      const after = await trackSave(api['mapping.updateRow']({ rowId: row.id, ...changes }));
      sheet.stored([after]);
      history.record({ label, changes: [{ before, after }] });
      messages.succeeded();
    } catch (failure) {
      sheet.show([before]);
      messages.fail(failure);
    }
  };

  const decide = async (rowId: number, decision: 'accept' | 'reject') => {
    const before = sheet.row(rowId);
    if (!before) return;
    try {
      const after = await trackSave(api['mapping.decide']({ rowId, decision }));
      sheet.stored([after]);
      history.record({ label: `${decision === 'accept' ? 'Accept' : 'Reject'} ${before.mapId}`, changes: [{ before, after }], decision });
      messages.succeeded();
      if (decision === 'accept') sheet.accepted();
      if (decision === 'reject') {
        sheet.relearned();
        // A reject offers the next candidate the engine had, if any.
        if (after.sourcePaths.length > 0) {
          messages.say(`Rejected ${before.sourcePaths.join(' + ')} for ${before.mapId}; suggesting ${after.sourcePaths.join(' + ')} instead (${Math.round((after.confidence ?? 0) * 100)}%).`);
        }
      }
    } catch (failure) {
      messages.fail(failure);
    }
  };

  /** Clears re-import flags: not undoable (the reasons are gone), so not in the history. */
  const markReviewed = async (rowIds: number[]) => {
    try {
      const rows = await trackSave(api['mapping.clearReview']({ rowIds }));
      sheet.stored(rows);
      onReviewed();
      messages.say(rows.length === 1 ? `Marked ${rows[0]!.mapId} reviewed.` : `Marked ${rows.length} rows reviewed.`);
      messages.succeeded();
    } catch (failure) {
      messages.fail(failure);
    }
  };

  /** What accepting above `threshold` would do, for the confirmation (nothing is written). */
  const previewAcceptAbove = async (threshold: number) => {
    try {
      return await api['mapping.acceptAbove']({ flowId, threshold, dryRun: true });
    } catch (failure) {
      messages.fail(failure);
      return undefined;
    }
  };

  /** Accepts above `threshold` as one undo step; a refusal is thrown for the confirmation to show. */
  const acceptAbove = async (threshold: number) => {
    const percent = Math.round(threshold * 100);
    const result = await trackSave(api['mapping.acceptAbove']({ flowId, threshold }));
    const current = sheet.rows();
    const changes = result.rows.filter((row) => current.get(row.id)?.status !== row.status).map((after) => ({ before: current.get(after.id)!, after }));
    sheet.stored(result.rows);
    if (changes.length) history.record({ label: `Accept ${changes.length} above ${percent}%`, changes });
    const left = result.skipped.length ? ` ${result.skipped.length} above it left for review (a check shows an error).` : '';
    messages.say(`Accepted ${result.accepted} suggestion${result.accepted === 1 ? '' : 's'} scoring ${percent}% or more.${left}`);
    messages.succeeded();
  };

  const saveValueMap = async (row: MappingRow, valueMap: MappingRow['valueMap']) => {
    const before = sheet.row(row.id) ?? row;
    const after = await trackSave(api['mapping.updateRow']({ rowId: row.id, valueMap }));
    sheet.stored([after]);
    history.record({ label: `Edit value map of ${before.mapId}`, changes: [{ before, after }] });
  };

  const replay = async (entry: HistoryEntry, direction: Direction) => {
    try {
      const rows: MappingRow[] = [];
      for (const step of replayCalls(entry, direction)) {
        rows.push(await trackSave(step.call === 'mapping.decide' ? api['mapping.decide'](step.input) : api['mapping.updateRow'](step.input)));
      }
      sheet.stored(rows);
      // What main learned changed with the rows (a rejection forgotten or learned again): ask for candidates anew.
      if (entry.decision) sheet.relearned();
      messages.say(`${direction === 'undo' ? 'Undid' : 'Redid'}: ${entry.label}`);
      messages.succeeded();
      if (entry.changes.length === 1) onReplayed(entry.changes[0]!.before.id);
    } catch (failure) {
      history.restore(entry, direction);
      messages.fail(failure);
    }
  };

  const replayNext = (direction: Direction) => {
    const entry = history.take(direction);
    if (entry) void replay(entry, direction);
  };

  return { edit, decide, markReviewed, previewAcceptAbove, acceptAbove, saveValueMap, undo: () => replayNext('undo'), redo: () => replayNext('redo') };
}
