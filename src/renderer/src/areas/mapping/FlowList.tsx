// Mapping's home: the data flows (one direction each: source entity → target entity) and how far their fields are mapped.
import { useMemo, useState } from 'react';
import type { ColDef, GetRowIdParams, RowClickedEvent, CellKeyDownEvent, ValueFormatterParams } from 'ag-grid-community';
import type { CustomCellRendererProps } from 'ag-grid-react';
import type { FlowSummary } from '../../../../shared/contract';
import { EmptyState } from '../../components/EmptyState';
import { ArrowRightIcon, FlowIcon, PlusIcon, SystemsIcon, WorkspacesIcon } from '../../components/icons';
import { RefreshButton } from '../../components/RefreshButton';
import { Unloaded } from '../../components/Unloaded';
import { plural, triggerLabels } from '../../format';
import { DataGrid } from '../../grid/DataGrid';
import { Page } from '../../shell/Page';
import { areaById } from '../../shell/areas';
import { useApp, useWorkspace } from '../../state/app-context';
import { useCallCache } from '../../state/queries';
import { NewFlowDialog } from './NewFlowDialog';
import { MemoryDialog } from './MemoryDialog';
import { summaryOf } from './cache-updates';
import { useFlows } from './queries';
import type { DeletedFlow } from './DeleteFlowDialog';
import { DeletedFlows, DeletedNotice } from './DeletedFlows';
import { Alert } from '../../components/Alert';

type EntityRef = FlowSummary['source'];

function EntityCell({ value }: CustomCellRendererProps<FlowSummary, EntityRef>) {
  if (!value) return null;
  return (
    <span className="entity" title={`${value.system} · ${value.entity}`}>
      <span className="entity-system">{value.system}</span>
      <span className="entity-dot">·</span>
      <span className="entity-name">{value.entity}</span>
    </span>
  );
}

function ArrowCell() {
  return (
    <span className="cell-arrow" aria-label="to">
      <ArrowRightIcon size={14} />
    </span>
  );
}

function NameCell({ data }: CustomCellRendererProps<FlowSummary>) {
  if (!data) return null;
  return (
    <span className="flow-cell">
      <span className="cell-strong">{data.name}</span>
      {data.useCase && <span className="flow-use-case">{data.useCase}</span>}
    </span>
  );
}

function TriggerCell({ data }: CustomCellRendererProps<FlowSummary>) {
  if (!data) return null;
  return (
    <span className="trigger-cell">
      <span className="badge">{triggerLabels[data.trigger.kind]}</span>
      {data.trigger.detail && <span className="trigger-detail">{data.trigger.detail}</span>}
    </span>
  );
}

function MappedCell({ data }: CustomCellRendererProps<FlowSummary>) {
  if (!data) return null;
  const { accepted, total } = data.mappings;
  if (total === 0) return <span className="cell-placeholder" title="No field mappings yet">Not started</span>;
  const share = Math.round((accepted / total) * 100);
  return (
    <span className="mapped-cell" title={`${accepted} of ${total} field mappings accepted`}>
      <span className="mapped-count">
        {accepted}/{total}
      </span>
      <span className="progress" role="progressbar" aria-label="Field mappings accepted" aria-valuemin={0} aria-valuemax={total} aria-valuenow={accepted}>
        <span style={{ width: `${share}%` }} />
      </span>
    </span>
  );
}

const getRowId = (params: GetRowIdParams<FlowSummary>) => String(params.data.id);

const entityText = (params: ValueFormatterParams<FlowSummary, EntityRef>) =>
  params.value ? `${params.value.system} · ${params.value.entity}` : '';

const compareEntities = (a: EntityRef, b: EntityRef) => `${a.system} ${a.entity}`.localeCompare(`${b.system} ${b.entity}`);

interface FlowListProps {
  onOpen: (flowId: number) => void;
  /** The flow just deleted from its screen: offered for undo. */
  justDeleted?: DeletedFlow | null;
  onDeletedSeen?: () => void;
}

export function FlowList({ onOpen, justDeleted = null, onDeletedSeen }: FlowListProps) {
  const { reloadAll, navigate, refreshWorkspace } = useApp();
  const [creating, setCreating] = useState(false);
  const [restored, setRestored] = useState<string | null>(null);
  const [remembering, setRemembering] = useState(false);
  const workspace = useWorkspace();
  const cache = useCallCache();
  const flows = useFlows();
  const area = areaById('mapping');

  const columns = useMemo<ColDef<FlowSummary>[]>(
    () => [
      {
        colId: 'flow',
        headerName: 'Data flow · use case',
        field: 'name',
        flex: 3,
        minWidth: 200,
        cellRenderer: NameCell,
        wrapText: true,
        autoHeight: true,
      },
      {
        colId: 'source',
        headerName: 'Source',
        field: 'source',
        flex: 1.2,
        minWidth: 130,
        cellRenderer: EntityCell,
        wrapText: true,
        autoHeight: true,
        valueFormatter: entityText,
        comparator: compareEntities,
      },
      { colId: 'arrow', headerName: 'Open', headerClass: 'header-text-hidden', width: 36, minWidth: 36, sortable: false, resizable: false, cellRenderer: ArrowCell, cellClass: 'cell-arrow-column' },
      {
        colId: 'target',
        headerName: 'Target',
        field: 'target',
        flex: 1.3,
        minWidth: 130,
        cellRenderer: EntityCell,
        wrapText: true,
        autoHeight: true,
        valueFormatter: entityText,
        comparator: compareEntities,
      },
      {
        colId: 'trigger',
        headerName: 'Trigger',
        flex: 2,
        minWidth: 180,
        valueGetter: (params) => (params.data ? `${triggerLabels[params.data.trigger.kind]} ${params.data.trigger.detail}` : ''),
        cellRenderer: TriggerCell,
        wrapText: true,
        autoHeight: true,
      },
      {
        colId: 'mapped',
        headerName: 'Fields mapped',
        width: 132,
        valueGetter: (params) => (params.data && params.data.mappings.total ? params.data.mappings.accepted / params.data.mappings.total : -1),
        cellRenderer: MappedCell,
      },
    ],
    [],
  );

  const list = flows.data;
  const totals = (list ?? []).reduce(
    (sum, flow) => ({ accepted: sum.accepted + flow.mappings.accepted, total: sum.total + flow.mappings.total }),
    { accepted: 0, total: 0 },
  );
  const needsSystems = workspace.counts.systems < 2;

  return (
    <Page
      title={area.title}
      description={area.description}
      actions={
        <>
          <RefreshButton onClick={reloadAll} />
          <button type="button" className="btn" onClick={() => setRemembering(true)}>
            Mapping memory…
          </button>
          {remembering && <MemoryDialog onClose={() => setRemembering(false)} />}
          <button type="button" className="btn btn-primary" onClick={() => setCreating(true)} disabled={workspace.counts.systems < 1}>
            <PlusIcon />
            New data flow
          </button>
        </>
      }
    >
      <div className="flow-list-messages" aria-live="polite">
        {justDeleted && <DeletedNotice key={justDeleted.deletedId} deleted={justDeleted} onDone={() => onDeletedSeen?.()} onOpen={onOpen} />}
        {restored && (
          <Alert tone="info" announce onDismiss={() => setRestored(null)}>
            {restored}
          </Alert>
        )}
      </div>
      {!list ? (
        <Unloaded query={flows} title="The data flows could not be loaded" />
      ) : list.length === 0 ? (
        <EmptyState
          icon={FlowIcon}
          title="No data flows yet"
          actions={
            needsSystems ? (
              <button type="button" className="btn btn-primary" onClick={() => navigate('systems')}>
                <SystemsIcon />
                Import both systems first
              </button>
            ) : (
              <>
                <button type="button" className="btn btn-primary" onClick={() => setCreating(true)}>
                  <PlusIcon />
                  New data flow
                </button>
                <button type="button" className="btn" onClick={() => navigate('workspaces')}>
                  <WorkspacesIcon />
                  Explore the demo workspace
                </button>
              </>
            )
          }
        >
          <p>
            A data flow is one direction of the integration: a <strong>source entity</strong> in one system feeding a{' '}
            <strong>target entity</strong> in the other, for example <em>CRM · Order → Accounting · Invoice</em>. Each flow
            has a trigger (an event, a schedule, a query, a file drop or a manual step), the use case it serves, and the
            field mappings that say where every target field gets its value.
          </p>
          <p>
            {needsSystems
              ? `Next: import ${workspace.counts.systems === 1 ? 'the second system' : 'the source and target systems'}, then define the flows between them.`
              : 'Both systems are imported: define the first data flow between them.'}
          </p>
        </EmptyState>
      ) : (
        <div className="mapping-layout">
          <div className="stat-line">
            <span>{plural(list.length, 'data flow')}</span>
            <span className="stat-sep" />
            <span>{plural(new Set(list.map((flow) => flow.useCase).filter(Boolean)).size, 'use case')}</span>
            <span className="stat-sep" />
            <span>
              {totals.total === 0 ? 'No fields mapped yet' : `${totals.accepted} of ${plural(totals.total, 'field mapping')} accepted`}
            </span>
          </div>
          <DataGrid<FlowSummary>
            label="Data flows"
            className="flow-list-grid"
            rowData={list}
            columnDefs={columns}
            getRowId={getRowId}
            domLayout="autoHeight"
            onRowClicked={(event: RowClickedEvent<FlowSummary>) => event.data && onOpen(event.data.id)}
            onCellKeyDown={(event: CellKeyDownEvent<FlowSummary>) => {
              if ((event.event as KeyboardEvent | undefined)?.key === 'Enter' && event.data) onOpen(event.data.id);
            }}
          />
          <p className="grid-footnote">
            {totals.total === 0
              ? 'Open a flow to map its fields, target field by target field.'
              : 'Open a flow to review its mapping sheet. Accepted mappings count towards its progress; the rest are proposals still to review.'}
          </p>
        </div>
      )}
      <DeletedFlows onRestored={(flow) => setRestored(`Restored “${flow.name}”.`)} />
      {creating && (
        <NewFlowDialog
          existing={list ?? []}
          onClose={() => setCreating(false)}
          onCreated={(flow) => {
            setCreating(false);
            cache.update('flows.list', {}, (current) => [...current, summaryOf(flow)]);
            // Its use case lists it by name.
            cache.invalidate('useCases.list');
            void refreshWorkspace();
            onOpen(flow.id);
          }}
        />
      )}
    </Page>
  );
}
