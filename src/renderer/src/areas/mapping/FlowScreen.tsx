// One flow's mapping screen: header (flow, progress, checks, bulk accept, filters), the source tree,
// the sheet and the selected row's details. Keyboard-first, with undo/redo of every row change.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AgGridReact } from 'ag-grid-react';
import type { FlowDetail, FlowSummary, MappingCheck, MappingRow, MappingSheet, MappingStatus } from '../../../../shared/contract';
import { api } from '../../api/client';
import { Alert } from '../../components/Alert';
import { LoadFailed } from '../../components/LoadFailed';
import { Loading } from '../../components/Loading';
import { useApp, useWorkspace } from '../../state/app-context';
import { errorMessage } from '../../state/save-state';
import { updateLoaded, useLoad } from '../../state/use-load';
import { ChecksList } from './ChecksList';
import { DetailPanel } from './DetailPanel';
import { loadEntity } from './entities';
import { FlowDetailsDialog, summaryOf } from './FlowDetailsDialog';
import { FlowHeader } from './FlowHeader';
import { editableState, needsAttention, passesFilter, type SheetFilter } from './labels';
import { createSheetContext } from './sheet-context';
import { SheetGrid, type RowEdit } from './SheetGrid';
import { ShortcutLegend } from './ShortcutLegend';
import { SourceTree } from './SourceTree';
import { useHistory, type HistoryEntry } from './use-history';
import { ValueMapDialog } from './ValueMapDialog';

/** Rows beyond which candidates are computed on request only. */
const LARGE_FLOW = 1500;

const isTyping = (element: Element | null) =>
  !!element && (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement || element instanceof HTMLSelectElement || (element as HTMLElement).isContentEditable);

export function FlowScreen({ flowId, onBack }: { flowId: number; onBack: () => void }) {
  const { trackSave, dataVersion, refreshWorkspace } = useApp();
  const workspace = useWorkspace();
  const sheet = useLoad(`${workspace.path}|sheet|${flowId}`, () => api['mapping.sheet']({ flowId }), [dataVersion]);
  // Asked only once the sheet is here: on a large flow the engine takes a while, and the sheet comes first.
  // A very large flow asks only when the analyst wants them: the engine holds main up for seconds there.
  const [wantSuggestions, setWantSuggestions] = useState(false);
  const sheetReady = !!sheet.data && (sheet.data.rows.length <= LARGE_FLOW || wantSuggestions);
  const suggestions = useLoad(
    `${workspace.path}|suggestions|${flowId}`,
    () => (sheetReady ? api['mapping.suggestions']({ flowId }) : new Promise<never>(() => {})),
    [dataVersion, sheetReady],
  );
  const systems = useLoad(`${workspace.path}|systems`, () => api['systems.list']({}), [dataVersion]);
  // The flow as saved from the details dialog: the sheet's rows live in the grid, so the sheet is not read again for it.
  const [savedFlow, setSavedFlow] = useState<FlowDetail | null>(null);
  const [editingDetails, setEditingDetails] = useState(false);
  useEffect(() => setSavedFlow(null), [sheet.data]);
  const flow = savedFlow?.id === flowId ? savedFlow : sheet.data?.flow;
  const entityKey = flow && systems.data ? `${flow.source.system}:${flow.source.entity}|${flow.target.system}:${flow.target.entity}` : '';
  const entities = useLoad(
    `${workspace.path}|flow-entities|${entityKey}`,
    async () => (flow && systems.data ? Promise.all([loadEntity(systems.data, flow.source), loadEntity(systems.data, flow.target)]) : null),
    [entityKey],
  );
  const [source, target] = entities.data ?? [];

  const gridRef = useRef<AgGridReact<MappingRow>>(null);
  const rowsById = useRef(new Map<number, MappingRow>());
  const [rowsVersion, setRowsVersion] = useState(0);
  const [checks, setChecks] = useState<MappingCheck[]>([]);
  const [completeness, setCompleteness] = useState(0);
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const lastIndex = useRef<number | null>(null);
  const [filter, setFilter] = useState<SheetFilter>('all');
  const [quickFilter, setQuickFilter] = useState('');
  const [tab, setTab] = useState<'row' | 'checks'>('row');
  const [valueMapRow, setValueMapRow] = useState<MappingRow | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const history = useHistory();
  // Notices (not errors) fade after a while.
  useEffect(() => {
    if (!notice) return;
    const timer = window.setTimeout(() => setNotice(null), 6000);
    return () => window.clearTimeout(timer);
  }, [notice]);
  const context = useMemo(createSheetContext, []);

  // The first answer fills the grid; later changes arrive row by row (transactions).
  const [initialRows, setInitialRows] = useState<MappingRow[] | null>(null);
  const adopt = useCallback((data: MappingSheet) => {
    rowsById.current = new Map(data.rows.map((row) => [row.id, row]));
    setChecks(data.checks);
    setCompleteness(data.completeness);
    setInitialRows((current) => {
      if (!current) return data.rows;
      // Row by row, so that a reload arriving while a cell is being edited does not throw the editor away.
      const grid = gridRef.current?.api;
      if (grid) {
        const fresh = new Set(data.rows.map((row) => row.id));
        const shown = new Set<number>();
        grid.forEachNode((node) => node.data && shown.add(node.data.id));
        grid.applyTransaction({
          update: data.rows.filter((row) => shown.has(row.id)),
          add: data.rows.filter((row) => !shown.has(row.id)),
          remove: [...shown].filter((id) => !fresh.has(id)).map((id) => ({ id }) as MappingRow),
        });
      }
      return current;
    });
    setRowsVersion((value) => value + 1);
  }, []);
  useEffect(() => {
    if (sheet.data) adopt(sheet.data);
  }, [sheet.data, adopt]);

  // Checks and completeness depend on every row: read them again shortly after a change.
  const recheckTimer = useRef<number | undefined>(undefined);
  const recheck = useCallback(() => {
    window.clearTimeout(recheckTimer.current);
    recheckTimer.current = window.setTimeout(() => {
      api['mapping.sheet']({ flowId }).then(
        (fresh) => {
          setChecks(fresh.checks);
          setCompleteness(fresh.completeness);
        },
        () => {},
      );
    }, 250);
  }, [flowId]);
  useEffect(() => () => window.clearTimeout(recheckTimer.current), []);

  const checksByRow = useMemo(() => {
    const map = new Map<number, MappingCheck[]>();
    for (const check of checks) if (check.rowId !== null) map.set(check.rowId, [...(map.get(check.rowId) ?? []), check]);
    return map;
  }, [checks]);

  // A filter change ends ag-grid's open cell editor: one the checks ask for waits until the edit is done.
  const refilterPending = useRef(false);
  const refilter = useCallback(() => {
    const grid = gridRef.current?.api;
    if (!grid) return;
    if (grid.getEditingCells().length > 0) refilterPending.current = true;
    else grid.onFilterChanged();
  }, []);
  const editingStopped = useCallback(() => {
    if (!refilterPending.current) return;
    refilterPending.current = false;
    gridRef.current?.api?.onFilterChanged();
  }, []);

  // The grid's cells read the context; refresh the ones that depend on what changed.
  useEffect(() => {
    context.checksByRow = checksByRow;
    gridRef.current?.api?.refreshCells({ columns: ['checks'], force: true });
    if (filter === 'required' || filter === 'mismatch') refilter();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the checks change
  }, [checksByRow, context]);
  useEffect(() => {
    context.sourceFields = new Map((source?.fields ?? []).map((field) => [field.path, field]));
    context.sourceLeaves = (source?.fields ?? []).filter((field) => field.leaf);
    context.targetFields = new Map((target?.fields ?? []).map((field) => [field.path, field]));
    gridRef.current?.api?.refreshCells({ columns: ['target', 'source'], force: true });
  }, [source, target, context]);

  const applyRows = useCallback(
    (rows: MappingRow[]) => {
      for (const row of rows) rowsById.current.set(row.id, row);
      gridRef.current?.api?.applyTransaction({ update: rows });
      setRowsVersion((value) => value + 1);
      recheck();
    },
    [recheck],
  );

  const fail = (failure: unknown) => setError(errorMessage(failure));

  const edit = useCallback(
    async (row: MappingRow, changes: RowEdit & { status?: MappingStatus }, label: string) => {
      const before = rowsById.current.get(row.id) ?? row;
      try {
        const after = await trackSave(api['mapping.updateRow']({ rowId: row.id, ...changes }));
        applyRows([after]);
        history.record({ label, changes: [{ before, after }] });
        setError(null);
      } catch (failure) {
        // The grid may show the edited value already: put the stored row back.
        applyRows([before]);
        fail(failure);
      }
    },
    [applyRows, history, trackSave],
  );

  const decide = useCallback(
    async (rowId: number, decision: 'accept' | 'reject') => {
      const before = rowsById.current.get(rowId);
      if (!before) return;
      try {
        const after = await trackSave(api['mapping.decide']({ rowId, decision }));
        applyRows([after]);
        history.record({ label: `${decision === 'accept' ? 'Accept' : 'Reject'} ${before.mapId}`, changes: [{ before, after }], decision });
        setError(null);
        if (decision === 'reject') suggestions.reload();
      } catch (failure) {
        fail(failure);
      }
    },
    [applyRows, history, trackSave, suggestions],
  );

  /** Clears re-import flags: not undoable (the reasons are gone), so not in the history. */
  const markReviewed = useCallback(
    async (rowIds: number[]) => {
      try {
        const rows = await trackSave(api['mapping.clearReview']({ rowIds }));
        applyRows(rows);
        // Under "Flagged by re-import" the rows leave the sheet now.
        if (filterRef.current.filter === 'flagged') refilter();
        setNotice(rows.length === 1 ? `Marked ${rows[0]!.mapId} reviewed.` : `Marked ${rows.length} rows reviewed.`);
        setError(null);
      } catch (failure) {
        fail(failure);
      }
    },
    [applyRows, refilter, trackSave],
  );

  const acceptAbove = useCallback(
    async (threshold: number) => {
      try {
        const result = await trackSave(api['mapping.acceptAbove']({ flowId, threshold }));
        const changed = result.rows.filter((row) => rowsById.current.get(row.id)?.status !== row.status);
        const changes = changed.map((after) => ({ before: rowsById.current.get(after.id)!, after }));
        applyRows(result.rows);
        if (changes.length) history.record({ label: `Accept ${changes.length} above ${Math.round(threshold * 100)}%`, changes });
        setNotice(result.accepted ? `Accepted ${result.accepted} suggestion${result.accepted === 1 ? '' : 's'} scoring ${Math.round(threshold * 100)}% or more.` : `No suggestion scores ${Math.round(threshold * 100)}% or more.`);
        setError(null);
      } catch (failure) {
        fail(failure);
      }
    },
    [applyRows, flowId, history, trackSave],
  );

  const replay = useCallback(
    async (entry: HistoryEntry, direction: 'undo' | 'redo') => {
      try {
        const rows: MappingRow[] = [];
        for (const change of entry.changes) {
          const state = direction === 'undo' ? change.before : change.after;
          if (direction === 'redo' && entry.decision === 'reject') rows.push(await trackSave(api['mapping.decide']({ rowId: state.id, decision: 'reject' })));
          else rows.push(await trackSave(api['mapping.updateRow']({ rowId: state.id, ...editableState(state) })));
        }
        applyRows(rows);
        // What main learned changed with the rows (a rejection forgotten or learned again): ask for candidates anew.
        if (entry.decision) suggestions.reload();
        setNotice(`${direction === 'undo' ? 'Undid' : 'Redid'}: ${entry.label}`);
        setError(null);
        if (entry.changes.length === 1) selectRow(entry.changes[0]!.before.id);
      } catch (failure) {
        history.restore(entry, direction);
        fail(failure);
      }
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps -- selectRow is stable in effect (reads refs)
    [applyRows, history, trackSave, suggestions],
  );
  const undo = useCallback(() => {
    const entry = history.takeUndo();
    if (entry) void replay(entry, 'undo');
  }, [history, replay]);
  const redo = useCallback(() => {
    const entry = history.takeRedo();
    if (entry) void replay(entry, 'redo');
  }, [history, replay]);

  // Filters: the grid asks these while filtering.
  const filterRef = useRef({ filter, checksByRow });
  filterRef.current = { filter, checksByRow };
  const isFiltered = useCallback(() => filterRef.current.filter !== 'all', []);
  const passes = useCallback((row: MappingRow) => passesFilter(filterRef.current.filter, row, filterRef.current.checksByRow.get(row.id)), []);
  useEffect(() => {
    gridRef.current?.api?.onFilterChanged();
  }, [filter]);

  const counts = useMemo(() => {
    const rows = [...rowsById.current.values()];
    const result: Record<SheetFilter, number> = { all: rows.length, required: 0, mismatch: 0, review: 0, flagged: 0 };
    for (const row of rows) {
      for (const key of ['required', 'mismatch', 'review', 'flagged'] as const) if (passesFilter(key, row, checksByRow.get(row.id))) result[key]++;
    }
    return result;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- rowsById changes with rowsVersion
  }, [checksByRow, rowsVersion, sheet.data, history.nextUndo, history.nextRedo]);

  /** Selects a row by id: scrolls it into view and focuses its target cell. */
  function selectRow(rowId: number, focus = true) {
    const api = gridRef.current?.api;
    const node = api?.getRowNode(String(rowId));
    setSelectedId(rowId);
    if (!api || !node || node.rowIndex === null) return;
    lastIndex.current = node.rowIndex;
    node.setSelected(true, true);
    api.ensureIndexVisible(node.rowIndex, 'middle');
    if (focus) api.setFocusedCell(node.rowIndex, 'target');
  }

  /** Where the selected row is, or was (a filter may just have hidden it): the row after it now sits one place up. */
  const currentIndex = () => {
    const index = selectedId !== null ? gridRef.current?.api?.getRowNode(String(selectedId))?.rowIndex : null;
    return index ?? null;
  };
  const startIndex = () => currentIndex() ?? (lastIndex.current !== null ? lastIndex.current - 1 : -1);

  const moveBy = (step: number) => {
    const api = gridRef.current?.api;
    if (!api) return;
    const count = api.getDisplayedRowCount();
    if (!count) return;
    const index = Math.max(0, Math.min(count - 1, startIndex() + step));
    const node = api.getDisplayedRowAtIndex(index);
    if (node?.data) selectRow(node.data.id);
  };

  const nextNeedingAttention = () => {
    const api = gridRef.current?.api;
    if (!api) return;
    const count = api.getDisplayedRowCount();
    const start = startIndex();
    for (let step = 1; step <= count; step++) {
      const node = api.getDisplayedRowAtIndex((((start + step) % count) + count) % count);
      if (node?.data && needsAttention(node.data, checksByRow.get(node.data.id))) return selectRow(node.data.id);
    }
    setNotice('Nothing left that needs attention under this filter.');
  };

  // Shortcuts: anywhere on the screen except while typing or in a dialog.
  const shortcuts = useRef<(event: KeyboardEvent) => void>(() => {});
  shortcuts.current = (event: KeyboardEvent) => {
    if (document.querySelector('dialog[open]')) return;
    const active = document.activeElement;
    const key = event.key.toLowerCase();
    const mod = event.ctrlKey || event.metaKey;
    if (mod && (key === 'z' || key === 'y') && !event.altKey) {
      if (isTyping(active) || active?.closest('.ag-cell-inline-editing, .ag-popup-editor')) return;
      event.preventDefault();
      if (key === 'y' || event.shiftKey) redo();
      else undo();
      return;
    }
    if (mod || event.altKey || isTyping(active) || active?.closest('.ag-cell-inline-editing, .ag-popup-editor')) return;
    const inGrid = !!active?.closest('.sheet-grid');
    const onScreen = inGrid || active === document.body || !!active?.closest('.flow-screen');
    if (!onScreen || active?.closest('[role="tree"]')) {
      if (!(key === 'n' && active?.closest('[role="tree"]'))) return;
    }
    const row = selectedId !== null ? rowsById.current.get(selectedId) : undefined;
    if ((event.key === 'ArrowDown' || event.key === 'ArrowUp') && !inGrid && !active?.closest('button, [role="tree"], [role="listbox"]')) {
      event.preventDefault();
      moveBy(event.key === 'ArrowDown' ? 1 : -1);
    } else if (key === 'a' && row) {
      event.preventDefault();
      void decide(row.id, 'accept');
    } else if (key === 'r' && row) {
      event.preventDefault();
      void decide(row.id, 'reject');
    } else if (key === 'n') {
      event.preventDefault();
      nextNeedingAttention();
    } else if (key === 'v' && row?.review) {
      event.preventDefault();
      void markReviewed([row.id]);
    } else if (event.key === 'Enter' && row && (inGrid || active === document.body)) {
      const api = gridRef.current?.api;
      const focused = api?.getFocusedCell();
      const editable = focused && focused.column.getColDef().editable;
      if (!api || editable) return;
      event.preventDefault();
      const node = api.getRowNode(String(row.id));
      if (node?.rowIndex !== null && node?.rowIndex !== undefined) api.startEditingCell({ rowIndex: node.rowIndex, colKey: 'transformation' });
    }
  };
  useEffect(() => {
    const listener = (event: KeyboardEvent) => shortcuts.current(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

  // Cells call back through the context.
  context.openValueMap = (row) => setValueMapRow(rowsById.current.get(row.id) ?? row);
  context.pickSource = (row) => {
    const api = gridRef.current?.api;
    const node = api?.getRowNode(String(row.id));
    if (api && node?.rowIndex !== null && node?.rowIndex !== undefined) api.startEditingCell({ rowIndex: node.rowIndex, colKey: 'source' });
  };
  context.setSources = (row, paths) => void edit(row, { sourcePaths: paths }, `Pick source of ${row.mapId}`);

  const usage = useMemo(() => {
    const map = new Map<string, number>();
    for (const row of rowsById.current.values()) for (const path of row.sourcePaths) map.set(path, (map.get(path) ?? 0) + 1);
    return map;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- recomputed as rows change
  }, [history.nextUndo, history.nextRedo, initialRows]);

  const suggestionByTarget = useMemo(() => new Map((suggestions.data ?? []).map((entry) => [entry.target, entry])), [suggestions.data]);

  if (sheet.error && !sheet.data) {
    return (
      <div className="page-body">
        <LoadFailed title="The mapping sheet could not be loaded" onRetry={sheet.reload}>
          {sheet.error}
        </LoadFailed>
        <button type="button" className="btn" onClick={onBack}>
          Back to the data flows
        </button>
      </div>
    );
  }
  if (!sheet.data || !initialRows || !flow) return <Loading label="Opening the mapping sheet…" />;

  const selected = selectedId !== null ? rowsById.current.get(selectedId) : undefined;
  const targetValues = (() => {
    const field = selected ? context.targetFields.get(selected.targetPath) : undefined;
    return (field?.enum ?? field?.itemEnum ?? []).map(String);
  })();

  return (
    <div className="flow-screen">
      <FlowHeader
        flow={flow}
        completeness={completeness}
        checks={checks}
        counts={counts}
        filter={filter}
        onFilter={setFilter}
        onBack={onBack}
        onAcceptAbove={acceptAbove}
        onShowChecks={() => setTab('checks')}
        quickFilter={quickFilter}
        onQuickFilter={setQuickFilter}
        undoLabel={history.nextUndo?.label}
        redoLabel={history.nextRedo?.label}
        onUndo={undo}
        onRedo={redo}
        onEditDetails={() => setEditingDetails(true)}
      />
      {editingDetails && (
        <FlowDetailsDialog
          flow={flow}
          onClose={() => setEditingDetails(false)}
          onSaved={(updated) => {
            setSavedFlow(updated);
            setEditingDetails(false);
            setNotice('Flow details saved.');
            // The flow list and the spec outline read the flows again when next shown; the cached list is told now.
            updateLoaded<FlowSummary[]>(`${workspace.path}|flows`, (flows) => flows.map((item) => (item.id === updated.id ? summaryOf(updated) : item)));
            void refreshWorkspace();
          }}
        />
      )}
      {(error || notice) && (
        <div className="flow-messages">
          {error ? (
            <Alert onDismiss={() => setError(null)}>{error}</Alert>
          ) : (
            <Alert tone="info" onDismiss={() => setNotice(null)}>
              {notice}
            </Alert>
          )}
        </div>
      )}
      <div className="flow-panes">
        <SourceTree
          entity={source}
          system={flow.source.system}
          error={entities.error}
          usage={usage}
          onUse={(path, add) => {
            if (!selected) return setNotice('Select a row of the sheet first, then choose its source.');
            void edit(selected, { sourcePaths: add ? [...new Set([...selected.sourcePaths, path])] : [path] }, `${add ? 'Add' : 'Set'} source of ${selected.mapId}`);
          }}
        />
        <section className="sheet-pane" aria-label="Sheet">
          <SheetGrid
            rows={initialRows}
            context={context}
            gridRef={gridRef}
            isFiltered={isFiltered}
            passes={passes}
            quickFilter={quickFilter}
            onFocusRow={(row, index) => {
              lastIndex.current = index;
              setSelectedId(row.id);
              setTab('row');
            }}
            onEdit={(row, changes, label) => void edit(row, changes, label)}
            onEditingStopped={editingStopped}
            onDropSource={(row, path, add) => {
              const current = rowsById.current.get(row.id) ?? row;
              selectRow(row.id, false);
              void edit(current, { sourcePaths: add ? [...new Set([...current.sourcePaths, path])] : [path] }, `${add ? 'Add' : 'Drop'} ${path} on ${current.mapId}`);
            }}
          />
          <ShortcutLegend />
        </section>
        <aside className="detail-pane" aria-label="Details">
          <div className="detail-tabs" role="tablist">
            <button type="button" role="tab" aria-selected={tab === 'row'} className="detail-tab" onClick={() => setTab('row')}>
              Selected field
            </button>
            <button type="button" role="tab" aria-selected={tab === 'checks'} className="detail-tab" onClick={() => setTab('checks')}>
              Checks <span className="badge">{checks.length}</span>
            </button>
          </div>
          <div className="detail-scroll">
            {tab === 'checks' ? (
              <ChecksList
                checks={checks}
                onSelect={(check) => {
                  if (check.rowId === null) return;
                  if (filter !== 'all') setFilter('all');
                  window.setTimeout(() => selectRow(check.rowId!));
                }}
              />
            ) : selected ? (
              <DetailPanel
                key={selected.id}
                row={selected}
                targetField={context.targetFields.get(selected.targetPath)}
                sourceFields={context.sourceFields}
                suggestion={suggestionByTarget.get(selected.targetPath)}
                suggestionsLoading={sheetReady && suggestions.loading}
                onLoadSuggestions={sheetReady ? undefined : () => setWantSuggestions(true)}
                checks={checksByRow.get(selected.id) ?? []}
                onDecide={(decision) => void decide(selected.id, decision)}
                onMarkReviewed={() => void markReviewed([selected.id])}
                onEdit={(changes, label) => void edit(selected, changes, label)}
                onOpenValueMap={() => setValueMapRow(selected)}
              />
            ) : (
              <div className="detail-empty">
                <p className="detail-empty-title">No field selected</p>
                <p>Choose a row of the sheet (or press <kbd>N</kbd> for the next one needing attention) to see the candidates, their reasons and the row’s checks.</p>
              </div>
            )}
          </div>
        </aside>
      </div>
      {valueMapRow && (
        <ValueMapDialog
          row={valueMapRow}
          targetValues={
            (context.targetFields.get(valueMapRow.targetPath)?.enum ?? context.targetFields.get(valueMapRow.targetPath)?.itemEnum ?? targetValues).map(String)
          }
          onClose={() => setValueMapRow(null)}
          onSave={async (valueMap) => {
            const row = rowsById.current.get(valueMapRow.id) ?? valueMapRow;
            const before = row;
            const after = await trackSave(api['mapping.updateRow']({ rowId: row.id, valueMap }));
            applyRows([after]);
            history.record({ label: `Edit value map of ${row.mapId}`, changes: [{ before, after }] });
            setValueMapRow(null);
          }}
        />
      )}
    </div>
  );
}
