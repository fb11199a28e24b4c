// Systems: the imported API documents in a grid, with the selected one's details beside it.
import { useMemo, useState } from 'react';
import type { CellFocusedEvent, ColDef, FirstDataRenderedEvent, GetRowIdParams, SelectionChangedEvent } from 'ag-grid-community';
import type { CustomCellRendererProps } from 'ag-grid-react';
import type { FlowSummary, SystemSummary } from '../../../shared/contract';
import { api } from '../api/client';
import { Alert } from '../components/Alert';
import { CommandLine } from '../components/CommandLine';
import { EmptyState } from '../components/EmptyState';
import { ArrowRightIcon, PlusIcon, RefreshIcon, SystemsIcon } from '../components/icons';
import { Loading } from '../components/Loading';
import { formatBytes, formatDate, formatDateTime, formatRelative, shellArg, specVersionLabel } from '../format';
import { DataGrid } from '../grid/DataGrid';
import { Page } from '../shell/Page';
import { areaById } from '../shell/areas';
import { useApp, useWorkspace } from '../state/app-context';
import { useLoad } from '../state/use-load';

const IMPORT_LATER = 'Import arrives with the OpenAPI catalogue';

function NameCell({ value }: CustomCellRendererProps<SystemSummary, string>) {
  return <span className="cell-strong">{value}</span>;
}

function FormatCell({ value }: CustomCellRendererProps<SystemSummary, string>) {
  return value ? <span className="badge badge-outline">{value.toUpperCase()}</span> : null;
}

const getRowId = (params: GetRowIdParams<SystemSummary>) => String(params.data.id);

export function SystemsArea() {
  const { dataVersion, reloadAll } = useApp();
  const workspace = useWorkspace();
  const systems = useLoad(`${workspace.path}|systems`, () => api['systems.list']({}), [dataVersion]);
  const flows = useLoad(`${workspace.path}|flows`, () => api['flows.list']({}), [dataVersion]);
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const area = areaById('systems');

  const columns = useMemo<ColDef<SystemSummary>[]>(
    () => [
      { field: 'name', headerName: 'Name', width: 130, cellRenderer: NameCell },
      { field: 'title', headerName: 'Title', flex: 1, minWidth: 150, tooltipField: 'title' },
      { field: 'apiVersion', headerName: 'API version', width: 108 },
      { field: 'specVersion', headerName: 'Specification', width: 136, valueFormatter: (params) => specVersionLabel(String(params.value ?? '')) },
      { field: 'format', headerName: 'Format', width: 86, cellRenderer: FormatCell },
      {
        field: 'sizeBytes',
        headerName: 'Size',
        width: 80,
        type: 'rightAligned',
        valueFormatter: (params) => formatBytes(Number(params.value ?? 0)),
      },
      {
        field: 'importedAt',
        headerName: 'Imported',
        width: 128,
        valueFormatter: (params) => formatDate(String(params.value ?? '')),
        tooltipValueGetter: (params) => formatDateTime(String(params.value ?? '')),
        cellClass: 'cell-muted',
      },
    ],
    [],
  );

  const list = systems.data;
  const selected = list?.find((system) => system.id === selectedId) ?? list?.[0];

  const importButton = (
    <span title={IMPORT_LATER}>
      <button type="button" className="btn btn-primary" aria-disabled="true" aria-describedby="import-later" onClick={(event) => event.preventDefault()}>
        <PlusIcon />
        Import system…
      </button>
      <span id="import-later" className="visually-hidden">
        {IMPORT_LATER}
      </span>
    </span>
  );

  const selectRow = (event: FirstDataRenderedEvent<SystemSummary> | SelectionChangedEvent<SystemSummary>) => {
    if (event.type === 'firstDataRendered') {
      const id = selected?.id;
      event.api.forEachNode((node) => node.data?.id === id && node.setSelected(true));
      return;
    }
    const row = event.api.getSelectedRows()[0];
    if (row) setSelectedId(row.id);
  };

  const followFocus = (event: CellFocusedEvent<SystemSummary>) => {
    if (event.rowIndex === null || event.rowIndex === undefined || event.rowPinned) return;
    event.api.getDisplayedRowAtIndex(event.rowIndex)?.setSelected(true);
  };

  return (
    <Page
      title={area.title}
      description={area.description}
      actions={
        <>
          <button type="button" className="btn" onClick={reloadAll} title="Read the workspace file again">
            <RefreshIcon />
            Refresh
          </button>
          {importButton}
        </>
      }
    >
      {systems.error && !list ? (
        <Alert
          title="The systems could not be loaded"
          action={
            <button type="button" className="btn btn-sm" onClick={systems.reload}>
              Try again
            </button>
          }
        >
          {systems.error}
        </Alert>
      ) : !list ? (
        <Loading />
      ) : list.length === 0 ? (
        <EmptyState
          wide
          icon={SystemsIcon}
          title="Import the two systems this integration connects"
          footer={
            <div className="empty-command">
              <p>Until import arrives in the app, add each system from a terminal, then press Refresh:</p>
              <CommandLine command={`crosswalk add-system ${shellArg(workspace.path)} <name> <spec>`} label="Add a system from the command line" />
              <p className="faint">
                For example <code>crosswalk add-system {shellArg(workspace.path)} CRM ./crm.openapi.yaml</code>
              </p>
            </div>
          }
        >
          <p>
            Every crosswalk maps one API onto another. Start by importing the OpenAPI documents of the <strong>source</strong>{' '}
            system (where the data comes from) and the <strong>target</strong> system (where it goes). Swagger 2.0, OpenAPI
            3.0 and 3.1 are supported, as JSON or YAML.
          </p>
        </EmptyState>
      ) : (
        <div className="systems-layout">
          {list.length === 1 && (
            <Alert tone="info">
              One system is imported. Import the other side of the integration too, so you can define data flows between
              them.
            </Alert>
          )}
          <div className="split">
            <DataGrid<SystemSummary>
              className="split-main"
              label="Imported systems"
              rowData={list}
              columnDefs={columns}
              getRowId={getRowId}
              domLayout="autoHeight"
              tooltipShowDelay={500}
              rowSelection={{ mode: 'singleRow', checkboxes: false, enableClickSelection: true }}
              onFirstDataRendered={selectRow}
              onSelectionChanged={selectRow}
              onCellFocused={followFocus}
            />
            {selected && <SystemDetail system={selected} flows={flows.data} />}
          </div>
        </div>
      )}
    </Page>
  );
}

function SystemDetail({ system, flows }: { system: SystemSummary; flows: FlowSummary[] | undefined }) {
  const { navigate } = useApp();
  const uses = (flows ?? []).filter((flow) => flow.source.system === system.name || flow.target.system === system.name);
  return (
    <aside className="panel detail-panel" aria-labelledby="system-detail-title">
      <div className="detail-head">
        <div className="detail-icon">
          <SystemsIcon />
        </div>
        <div className="detail-heading">
          <h2 id="system-detail-title" className="detail-title">
            {system.name}
          </h2>
          <p className="detail-subtitle">{system.title}</p>
        </div>
      </div>
      <dl className="properties">
        <dt>Specification</dt>
        <dd>{specVersionLabel(system.specVersion)}</dd>
        <dt>API version</dt>
        <dd>{system.apiVersion}</dd>
        <dt>Format</dt>
        <dd>
          {system.format.toUpperCase()} · {formatBytes(system.sizeBytes)}
        </dd>
        <dt>Imported</dt>
        <dd title={formatDateTime(system.importedAt)}>
          {formatDateTime(system.importedAt)} <span className="faint">({formatRelative(system.importedAt)})</span>
        </dd>
        <dt>Source file</dt>
        <dd className="mono path" title={system.source}>
          {system.source}
        </dd>
      </dl>

      <h3 className="detail-section-title">Data flows</h3>
      {flows === undefined ? (
        <p className="faint">Loading…</p>
      ) : uses.length === 0 ? (
        <p className="faint">Not part of any data flow yet. Data flows are defined in Mapping.</p>
      ) : (
        <ul className="detail-flows">
          {uses.map((flow) => {
            const role = flow.source.system === system.name ? 'Source' : 'Target';
            return (
              <li key={flow.id}>
                <button type="button" className="detail-flow" onClick={() => navigate('mapping')}>
                  <span className="detail-flow-name">{flow.name}</span>
                  <span className="detail-flow-route">
                    <span className="nowrap">
                      {flow.source.system} · {flow.source.entity}
                    </span>{' '}
                    <ArrowRightIcon size={12} />{' '}
                    <span className="nowrap">
                      {flow.target.system} · {flow.target.entity}
                    </span>
                  </span>
                  <span className={role === 'Source' ? 'badge badge-info' : 'badge badge-accent'}>{role}</span>
                </button>
              </li>
            );
          })}
        </ul>
      )}

      <p className="detail-note">
        The document&apos;s operations, schemas and servers will be browsable here once the OpenAPI catalogue arrives.
      </p>
    </aside>
  );
}
