// The change report of a workbook read back: every difference as a row — the value exported, what the
// workbook says now, what the app says now. Edits (and new rows) start selected; conflicts (changed in
// the app since the export too) start unselected and stand out. Only what is selected is applied.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ColDef, FirstDataRenderedEvent, GetRowIdParams, RowClassRules, SelectionChangedEvent } from 'ag-grid-community';
import type { CustomCellRendererProps } from 'ag-grid-react';
import type { WorkbookChange, WorkbookReport } from '../../../../shared/contract';
import { AlertIcon, ArrowRightIcon, CheckIcon, WarningIcon } from '../../components/icons';
import { formatDateTime, plural } from '../../format';
import { DataGrid } from '../../grid/DataGrid';

type Kind = WorkbookChange['kind'];

const kindLabels: Record<Kind, string> = { edit: 'Edit', conflict: 'Conflict', new: 'New row' };
const kindTone: Record<Kind, string> = { edit: 'badge badge-info', conflict: 'badge badge-danger', new: 'badge badge-success' };

function KindCell({ value }: CustomCellRendererProps<WorkbookChange, Kind>) {
  if (!value) return null;
  return (
    <span className={kindTone[value]}>
      {value === 'conflict' && <AlertIcon size={12} />}
      {kindLabels[value]}
    </span>
  );
}

/** A value, or a quiet word for none. */
const valueCell = (none: string) =>
  function ValueCell({ value }: CustomCellRendererProps<WorkbookChange, string | null>) {
    if (value === null || value === undefined) return <span className="cell-placeholder">{none}</span>;
    if (value === '') return <span className="cell-placeholder">(empty)</span>;
    return <span className="change-value">{value}</span>;
  };

const rowClassRules: RowClassRules<WorkbookChange> = {
  'change-row-conflict': (params) => params.data?.kind === 'conflict',
};

const getRowId = (params: GetRowIdParams<WorkbookChange>) => params.data.id;

/** Edits and new rows start selected; conflicts wait for the analyst. */
const initialSelection = (report: WorkbookReport) => report.changes.filter((change) => change.kind !== 'conflict').map((change) => change.id);

interface WorkbookReportViewProps {
  report: WorkbookReport;
  busy: boolean;
  onApply: (changeIds: string[]) => void;
  onDiscard: () => void;
}

export function WorkbookReportView({ report, busy, onApply, onDiscard }: WorkbookReportViewProps) {
  const [selected, setSelected] = useState<string[]>(() => initialSelection(report));
  const count = (kind: Kind) => report.changes.filter((change) => change.kind === kind).length;
  const conflicts = count('conflict');
  const ref = useRef<HTMLDivElement>(null);
  // The report appears under the export targets: bring it into sight.
  useEffect(() => {
    ref.current?.scrollIntoView?.({ block: 'start', behavior: 'smooth' });
  }, []);

  const columns = useMemo<ColDef<WorkbookChange>[]>(
    () => [
      { field: 'sheet', headerName: 'Sheet', width: 118, wrapText: true, autoHeight: true },
      { field: 'record', headerName: 'Record', width: 84, cellClass: 'mono-cell' },
      { field: 'field', headerName: 'Field', width: 96, wrapText: true, autoHeight: true },
      { field: 'exported', headerName: 'Exported', flex: 1, minWidth: 100, cellRenderer: valueCell('unknown'), wrapText: true, autoHeight: true },
      {
        colId: 'arrow',
        headerName: 'Go to',
        headerClass: 'header-text-hidden',
        width: 30,
        minWidth: 30,
        cellStyle: { paddingLeft: 0, paddingRight: 0 },
        sortable: false,
        resizable: false,
        cellClass: 'cell-arrow-column',
        cellRenderer: () => (
          <span className="cell-arrow" aria-hidden="true">
            <ArrowRightIcon size={13} />
          </span>
        ),
      },
      { field: 'workbook', headerName: 'Workbook', flex: 1.6, minWidth: 110, cellRenderer: valueCell('—'), wrapText: true, autoHeight: true, cellClass: 'change-workbook' },
      { field: 'current', headerName: 'App now', flex: 1, minWidth: 100, cellRenderer: valueCell('new'), wrapText: true, autoHeight: true },
      { field: 'kind', headerName: 'Kind', width: 108, cellRenderer: KindCell },
    ],
    [],
  );

  const onFirstDataRendered = useCallback(
    (event: FirstDataRenderedEvent<WorkbookChange>) => {
      const initial = new Set(initialSelection(report));
      event.api.forEachNode((node) => node.setSelected(Boolean(node.data && initial.has(node.data.id))));
    },
    [report],
  );

  const onSelectionChanged = (event: SelectionChangedEvent<WorkbookChange>) =>
    setSelected(event.api.getSelectedRows().map((change) => change.id));

  return (
    <div ref={ref} className="workbook-report" aria-label="Change report" role="region">
      <div className="workbook-report-head">
        <div>
          <div className="workbook-report-file mono">{report.file}</div>
          <div className="muted">
            {report.exportedAt ? (
              <>Exported from this workspace {formatDateTime(report.exportedAt)}</>
            ) : (
              <span className="workbook-report-unknown">
                <WarningIcon size={13} /> This workbook's export is unknown to this workspace: edits made in the app since cannot be told apart, so nothing is marked as a conflict.
              </span>
            )}
          </div>
        </div>
        <span className="spacer" />
        <span className="badge badge-info">{plural(count('edit'), 'edit')}</span>
        <span className={conflicts ? 'badge badge-danger' : 'badge'}>{plural(conflicts, 'conflict')}</span>
        <span className="badge badge-success">{plural(count('new'), 'new row')}</span>
        <span className={report.unreadable.length ? 'badge badge-warning' : 'badge'}>{report.unreadable.length} unreadable</span>
      </div>
      {report.changes.length === 0 ? (
        <p className="workbook-report-none">
          <CheckIcon size={13} /> The workbook says what the app says: there is nothing to apply.
        </p>
      ) : (
        <>
          {conflicts > 0 && (
            <p className="workbook-report-note">
              <AlertIcon size={13} />
              <span>
                {plural(conflicts, 'conflict')}: changed in the workbook <em>and</em> in the app since the export. They start unselected — tick one
                to let the workbook's value win over the app's.
              </span>
            </p>
          )}
          <DataGrid<WorkbookChange>
            label="Workbook changes"
            className="workbook-changes-grid"
            rowData={report.changes}
            columnDefs={columns}
            getRowId={getRowId}
            rowClassRules={rowClassRules}
            rowSelection={{ mode: 'multiRow', checkboxes: true, headerCheckbox: true, enableClickSelection: false }}
            selectionColumnDef={{ width: 40, minWidth: 40, pinned: 'left' }}
            onFirstDataRendered={onFirstDataRendered}
            onSelectionChanged={onSelectionChanged}
            domLayout={report.changes.length > 12 ? 'normal' : 'autoHeight'}
          />
        </>
      )}
      {report.unreadable.length > 0 && (
        <div className="workbook-unreadable">
          <h4 className="record-subtitle">
            Could not be read <span className="count">{report.unreadable.length}</span>
          </h4>
          <ul>
            {report.unreadable.map((item, index) => (
              <li key={`${item.sheet}|${item.cell}|${index}`}>
                <span className="mono">
                  {item.sheet}!{item.cell}
                </span>{' '}
                {item.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="workbook-report-actions">
        <button type="button" className="btn btn-primary" disabled={busy || selected.length === 0} onClick={() => onApply(selected)}>
          <CheckIcon />
          Apply {plural(selected.length, 'selected change')}
        </button>
        <button type="button" className="btn" disabled={busy} onClick={onDiscard}>
          Discard report
        </button>
        <span className="muted">Nothing is written until you apply; the workbook itself is never changed.</span>
      </div>
    </div>
  );
}
