// One flow's mapping screen: header (flow, progress, checks, bulk accept, filters), the source tree,
// the sheet and the selected row's details. Keyboard-first, with undo/redo of every row change. What it
// reads, writes, selects and redraws lives in its hooks (use-flow-data, use-row-writes, use-sheet-*).
import { useMemo, useRef, useState } from 'react';
import type { GridHandle } from '../../grid/PlainDataGrid';
import type { CatalogueField } from '../../../../shared/catalogue';
import type { MappingRow } from '../../../../shared/contract';
import { api } from '../../api/client';
import { Alert } from '../../components/Alert';
import { Loading } from '../../components/Loading';
import { TabList, tabPanelProps } from '../../components/TabList';
import { Unloaded } from '../../components/Unloaded';
import { useApp } from '../../state/app-context';
import { useCallCache } from '../../state/queries';
import { ChecksList } from './ChecksList';
import { DetailPanel } from './DetailPanel';
import { FlowDetailsDialog } from './FlowDetailsDialog';
import { FlowHeader } from './FlowHeader';
import { FlowLifecycle } from './FlowLifecycle';
import type { DeletedFlow } from './DeleteFlowDialog';
import { walksTo, type SheetFilter, type WalkMode } from './labels';
import { useFlowStored } from './queries';
import { SheetGrid } from './SheetGrid';
import { PairingDialog } from './PairingDialog';
import { PreviewPanel } from './PreviewPanel';
import { groupedRows } from './pairing-rows';
import { ShortcutLegend } from './ShortcutLegend';
import { SheetLayoutControls } from './SheetLayoutControls';
import { loadWidths, saveWidths, type ColumnSet, type Density } from './sheet-layout';
import { useStickyState } from '../../state/use-sticky-state';
import { useStoredPreference } from '../../state/use-stored-preference';
import { SourceTree } from './SourceTree';
import { useFlowData } from './use-flow-data';
import { useFlowMessages } from './use-flow-messages';
import { useHistory } from './use-history';
import { useRowWrites } from './use-row-writes';
import { useRefilter, useSheetGrid } from './use-sheet-grid';
import { useSheetSelection } from './use-sheet-selection';
import { useSheetShortcuts } from './use-sheet-shortcuts';
import { ValueMapDialog } from './ValueMapDialog';

const detailTabs = ['row', 'checks'] as const;

const enumValues = (field: CatalogueField | undefined) => (field?.enum ?? field?.itemEnum ?? []).map(String);

export function FlowScreen({ flowId, onBack, onDeleted }: { flowId: number; onBack: () => void; onDeleted?: (deleted: DeletedFlow) => void }) {
  const { refreshWorkspace, workspace, trackSave } = useApp();
  const workspacePath = workspace?.path ?? '';
  const [columnSet, setColumnSet] = useStickyState<ColumnSet>('mapping.columnSet', () => 'mapping');
  const [density, setDensity] = useStickyState<Density>('mapping.density', () => 'comfortable');
  const [initialWidths] = useState(() => loadWidths(workspacePath, flowId));
  const data = useFlowData(flowId);
  const flowStored = useFlowStored();
  const messages = useFlowMessages();
  const history = useHistory();
  const [filter, setFilter] = useState<SheetFilter>('all');
  const [quickFilter, setQuickFilter] = useState('');
  const [tab, setTab] = useState<'row' | 'checks'>('row');
  /** The row whose value map is being edited, as it was when the dialog opened. */
  const [valueMapRow, setValueMapRow] = useState<MappingRow | null>(null);
  const [editingDetails, setEditingDetails] = useState(false);
  /** The pairing dialog: 'new', or the id of the pairing being changed. */
  const [pairingDialog, setPairingDialog] = useState<'new' | number | null>(null);
  const [previewOpen, setPreviewOpen] = useState(false);
  const cache = useCallCache();

  const [letterShortcuts, setLetterShortcuts] = useStoredPreference<boolean>('mapping.letterShortcuts', true);

  const gridRef = useRef<GridHandle<MappingRow>>(null);
  const selection = useSheetSelection(gridRef);
  const { refilter, editingStopped } = useRefilter(gridRef);
  const writes = useRowWrites(flowId, {
    history,
    messages,
    // Under "Flagged by re-import" the rows leave the sheet now.
    onReviewed: () => filter === 'flagged' && refilter(),
    onReplayed: (rowId) => selection.select(rowId),
  });
  const grid = useSheetGrid(gridRef, {
    filter,
    checksByRow: data.checksByRow,
    checking: data.checking,
    expressionsByRow: data.expressionsByRow,
    sourceFields: data.sourceFields,
    sourceLeaves: data.sourceLeaves,
    targetFields: data.targetFields,
    letterShortcuts,
    refilter,
    openValueMap: (row) => setValueMapRow(data.rowsById.get(row.id) ?? row),
    setSources: (row, paths) => void writes.edit(row, { sourcePaths: paths }, `Pick source of ${row.mapId}`),
  });

  /** A check's or a preview problem's row, selected in the sheet (shown whatever the filter). */
  const selectRow = (rowId: number) => {
    if (filter !== 'all') setFilter('all');
    setTab('row');
    window.setTimeout(() => selection.select(rowId));
  };

  const selected = selection.selectedId !== null ? data.rowsById.get(selection.selectedId) : undefined;
  const [walk, setWalk] = useStickyState<WalkMode>('mapping.walk', () => 'attention');
  const nextNeedingAttention = () => {
    if (!selection.selectNext((row) => walksTo(walk, row, data.checksByRow.get(row.id)))) {
      messages.say(walk === 'suggestions' ? 'No suggestion left to review under this filter.' : 'Nothing left that needs attention under this filter.');
    }
  };

  useSheetShortcuts({
    gridRef,
    selected,
    undo: writes.undo,
    redo: writes.redo,
    moveBy: selection.moveBy,
    decide: (rowId, decision) => void writes.decide(rowId, decision),
    nextNeedingAttention,
    markReviewed: (rowId) => void writes.markReviewed([rowId]),
    openValueMap: (row) => setValueMapRow(row),
    letters: letterShortcuts,
  });

  const pairingChanged = (message: string) => {
    messages.say(message);
    cache.invalidate('mapping.sheet', { flowId });
    cache.invalidate('mapping.checks', { flowId });
    cache.invalidate('flows.list');
  };
  /** A suggested pairing accepted, or rejected (removed: its element rows stay, unpaired). */
  const decidePairing = async (pairingId: number, decision: 'accept' | 'reject') => {
    const pairing = data.sheet.data?.pairings.find((each) => each.id === pairingId);
    if (!pairing) return;
    try {
      if (decision === 'accept') await trackSave(api['mapping.updatePairing']({ pairingId, status: 'accepted' }));
      else await trackSave(api['mapping.deletePairing']({ pairingId }));
      pairingChanged(decision === 'accept' ? `Pairing ${pairing.pairId} accepted: ${pairing.targetPath} ← ${pairing.sourcePath}.` : `Pairing ${pairing.pairId} rejected: its rows are no longer grouped under ${pairing.sourcePath}.`);
    } catch (failure) {
      messages.fail(failure);
    }
  };

  const { sheet, flow } = data;
  const pairings = sheet.data?.pairings;
  const sheetRows = useMemo(() => groupedRows(data.rows, pairings ?? []), [data.rows, pairings]);
  if (!sheet.data || !flow) {
    if (!sheet.isError) return <Loading label="Opening the mapping sheet…" />;
    return (
      <div className="page-body">
        <Unloaded query={sheet} title="The mapping sheet could not be loaded" />
        <button type="button" className="btn" onClick={onBack}>
          Back to the data flows
        </button>
      </div>
    );
  }

  return (
    <div className="flow-screen">
      <FlowHeader
        flow={flow}
        completeness={data.completeness}
        checks={data.checks}
        checking={data.checking}
        checksError={data.checksError}
        counts={data.counts}
        filter={filter}
        onFilter={setFilter}
        onBack={onBack}
        onPreviewAcceptAbove={writes.previewAcceptAbove}
        onAcceptAbove={writes.acceptAbove}
        onShowChecks={() => setTab('checks')}
        quickFilter={quickFilter}
        onQuickFilter={setQuickFilter}
        undoLabel={history.nextUndo?.label}
        redoLabel={history.nextRedo?.label}
        onUndo={writes.undo}
        onRedo={writes.redo}
        onEditDetails={() => setEditingDetails(true)}
        onPairArrays={() => setPairingDialog('new')}
        actions={<FlowLifecycle flow={flow} rows={data.rows.length} flagged={data.counts.flagged} say={messages.say} onDeleted={(deleted) => (onDeleted ? onDeleted(deleted) : onBack())} />}
        previewOpen={previewOpen}
        onTogglePreview={() => setPreviewOpen(!previewOpen)}
      />
      {pairingDialog !== null && (
        <PairingDialog
          flowId={flowId}
          source={data.source}
          target={data.target}
          pairing={pairingDialog === 'new' ? undefined : sheet.data.pairings.find((each) => each.id === pairingDialog)}
          onClose={() => setPairingDialog(null)}
          onSaved={(message) => {
            setPairingDialog(null);
            pairingChanged(message);
          }}
        />
      )}
      {editingDetails && (
        <FlowDetailsDialog
          flow={flow}
          onClose={() => setEditingDetails(false)}
          onSaved={(updated) => {
            flowStored(updated, flow);
            setEditingDetails(false);
            messages.say('Flow details saved.');
            void refreshWorkspace();
          }}
        />
      )}
      {/* Always there, so a screen reader reads each new message out (an error at once, a notice politely). */}
      <div className="flow-messages" aria-live="polite">
        {messages.error ? (
          <Alert onDismiss={messages.dismissError}>{messages.error}</Alert>
        ) : messages.notice ? (
          <Alert tone="info" announce onDismiss={messages.dismissNotice}>
            {messages.notice}
          </Alert>
        ) : null}
      </div>
      <div className="flow-panes">
        <SourceTree
          entity={data.source}
          system={flow.source.system}
          error={data.entityError}
          usage={data.usage}
          onUse={(path, add) => {
            if (!selected) return messages.say('Select a row of the sheet first, then choose its source.');
            void writes.edit(selected, { sourcePaths: add ? [...new Set([...selected.sourcePaths, path])] : [path] }, `${add ? 'Add' : 'Set'} source of ${selected.mapId}`);
          }}
        />
        <section className="sheet-pane" aria-label="Sheet">
          <SheetGrid
            rows={sheetRows}
            context={grid.context}
            gridRef={gridRef}
            isFiltered={grid.isFiltered}
            passes={grid.passes}
            quickFilter={quickFilter}
            onFocusRow={(row, index) => {
              selection.focused(row, index);
              setTab('row');
            }}
            onEdit={(row, changes, label) => void writes.edit(row, changes, label)}
            onEditingStopped={editingStopped}
            columnSet={columnSet}
            density={density}
            initialWidths={initialWidths}
            onWidths={(widths) => saveWidths(workspacePath, flowId, widths)}
            onEditPairing={(pairingId) => setPairingDialog(pairingId)}
            onDecidePairing={(pairingId, decision) => void decidePairing(pairingId, decision)}
            onDropSource={(row, path, add) => {
              const current = data.rowsById.get(row.id) ?? row;
              selection.select(row.id, false);
              void writes.edit(current, { sourcePaths: add ? [...new Set([...current.sourcePaths, path])] : [path] }, `${add ? 'Add' : 'Drop'} ${path} on ${current.mapId}`);
            }}
          />
          <ShortcutLegend walk={walk} onWalk={setWalk} letters={letterShortcuts} onLetters={setLetterShortcuts}>
            <SheetLayoutControls columnSet={columnSet} density={density} onColumnSet={setColumnSet} onDensity={setDensity} />
          </ShortcutLegend>
        </section>
        <aside className="detail-pane" aria-label="Details">
          <TabList
            tabs={detailTabs}
            current={tab}
            onSelect={setTab}
            label="Detail"
            idPrefix="detail"
            className="detail-tabs"
            render={(part) =>
              part === 'row' ? (
                'Selected field'
              ) : (
                <>
                  Checks <span className="badge">{data.checking ? '…' : data.checks.length}</span>
                </>
              )
            }
          />
          <div className="detail-scroll" {...tabPanelProps('detail', tab)}>
            {tab === 'checks' ? (
              <ChecksList
                checks={data.checks}
                checking={data.checking}
                onSelect={(check) => check.rowId !== null && selectRow(check.rowId)}
              />
            ) : selected ? (
              <DetailPanel
                key={selected.id}
                row={selected}
                targetField={data.targetFields.get(selected.targetPath)}
                sourceFields={data.sourceFields}
                suggestion={data.suggestionByTarget.get(selected.targetPath)}
                suggestionsLoading={data.suggestionsLoading}
                onLoadSuggestions={data.askSuggestions}
                checks={data.checksByRow.get(selected.id) ?? []}
                checking={data.checking}
                expression={data.expressionsByRow.get(selected.id)}
                onDecide={(decision) => void writes.decide(selected.id, decision)}
                onMarkReviewed={() => void writes.markReviewed([selected.id])}
                onEdit={(changes, label) => void writes.edit(selected, changes, label)}
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
      {previewOpen && (
        <PreviewPanel flow={flow} sourceEntityId={data.source?.id} sheetVersion={sheet.data} onSelectRow={selectRow} onClose={() => setPreviewOpen(false)} say={messages.say} />
      )}
      {valueMapRow && (
        <ValueMapDialog
          row={valueMapRow}
          targetValues={enumValues(data.targetFields.get(valueMapRow.targetPath))}
          onClose={() => setValueMapRow(null)}
          onSave={async (valueMap) => {
            await writes.saveValueMap(valueMapRow, valueMap);
            setValueMapRow(null);
          }}
        />
      )}
    </div>
  );
}
