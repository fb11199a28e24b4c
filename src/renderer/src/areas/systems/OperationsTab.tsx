// The Operations tab: every path operation and webhook, with the entities they carry (which open in
// the Entities tab) and the authentication they need.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { CellKeyDownEvent, ColDef, FullWidthCellKeyDownEvent, GetRowIdParams, RowClassRules } from 'ag-grid-community';
import type { AgGridReact, CustomCellRendererProps } from 'ag-grid-react';
import type { Catalogue, CatalogueBody, CatalogueOperation } from '../../../../shared/catalogue';
import { EmptyState } from '../../components/EmptyState';
import { FlowIcon } from '../../components/icons';
import { SearchInput } from '../../components/SearchInput';
import { plural } from '../../format';
import { DataGrid } from '../../grid/DataGrid';
import { focusFirstRow } from '../../grid/focus';
import { useLatest } from '../../state/use-latest';
import { fillStyle } from './FieldTree';
import { MethodBadge, securityText } from './operation-format';

interface OperationsContext {
  entityName(id: string): string | undefined;
  openEntity(id: string): void;
}

type CellProps = CustomCellRendererProps<CatalogueOperation, unknown, OperationsContext>;

/** The response the analyst most likely maps: the first 2xx with a body, else the first 2xx. */
export function mainResponse(operation: CatalogueOperation) {
  const success = operation.responses.filter((response) => /^2/.test(response.status));
  return success.find((response) => response.entity || response.type) ?? success[0];
}

function MethodCell({ data }: CellProps) {
  if (!data) return null;
  return (
    <span className="method-cell">
      <MethodBadge method={data.method} webhook={data.webhook} />
    </span>
  );
}

function PathCell({ data }: CellProps) {
  if (!data) return null;
  return (
    <span className="path-cell">
      <span className={`mono${data.deprecated ? ' tree-deprecated' : ''}`}>{data.path}</span>
      {data.webhook && <span className="badge badge-violet">webhook</span>}
      {data.deprecated && <span className="badge badge-warning">deprecated</span>}
    </span>
  );
}

function BodyLink({ body, context, prefix }: { body: CatalogueBody | undefined; context: OperationsContext; prefix?: string }) {
  if (!body) return <span className="cell-placeholder">—</span>;
  if (!body.type && !body.entity) {
    return (
      <span className="body-cell">
        {prefix && <span className="body-status">{prefix}</span>}
        <span className="cell-placeholder">no body</span>
      </span>
    );
  }
  const name = body.entity ? context.entityName(body.entity) : undefined;
  return (
    <span className="body-cell">
      {prefix && <span className="body-status">{prefix}</span>}
      {name && body.entity ? (
        <button
          type="button"
          className="link-button"
          tabIndex={-1}
          onClick={(event) => {
            event.stopPropagation();
            context.openEntity(body.entity!);
          }}
          title={`Open ${name} in Entities (Enter)`}
        >
          {name}
          {body.array ? '[]' : ''}
        </button>
      ) : (
        <span className="mono cell-muted">{body.type ?? 'no schema'}</span>
      )}
    </span>
  );
}

function RequestCell({ data, context }: CellProps) {
  if (!data) return null;
  return <BodyLink body={data.request} context={context} />;
}

function ResponseCell({ data, context }: CellProps) {
  if (!data) return null;
  const response = mainResponse(data);
  return <BodyLink body={response} context={context} prefix={response?.status} />;
}

function AuthCell({ data }: CellProps) {
  if (!data) return null;
  const alternatives = data.security.filter((alternative) => alternative.length > 0);
  if (alternatives.length === 0) return <span className="badge">None</span>;
  return (
    <span className="auth-cell">
      {alternatives.map((alternative, index) => (
        <span key={index} className="auth-alternative">
          {index > 0 && <span className="faint">or</span>}
          {alternative.map((entry) => (
            <span key={entry.scheme} className="auth-scheme">
              {entry.scheme}
            </span>
          ))}
        </span>
      ))}
    </span>
  );
}

const responsesTooltip = (operation: CatalogueOperation | undefined) =>
  operation?.responses.map((response) => `${response.status}${response.description ? ` ${response.description}` : ''}`).join('\n');

const columns: ColDef<CatalogueOperation>[] = [
  { colId: 'method', headerName: 'Method', field: 'method', cellRenderer: MethodCell, width: 96 },
  { colId: 'path', headerName: 'Path', field: 'path', cellRenderer: PathCell, width: 230, tooltipField: 'path' },
  {
    colId: 'summary',
    headerName: 'Summary',
    valueGetter: (params) => params.data?.summary ?? params.data?.operationId ?? '',
    flex: 1,
    minWidth: 180,
    tooltipValueGetter: (params) => [params.data?.summary, params.data?.description].filter(Boolean).join('\n\n') || undefined,
  },
  {
    colId: 'request',
    headerName: 'Request',
    valueGetter: (params) => params.data?.request?.entity ?? params.data?.request?.type ?? '',
    cellRenderer: RequestCell,
    width: 160,
    getQuickFilterText: (params) => params.data?.request?.entity ?? '',
  },
  {
    colId: 'response',
    headerName: 'Response',
    valueGetter: (params) => (params.data ? (mainResponse(params.data)?.entity ?? '') : ''),
    cellRenderer: ResponseCell,
    width: 176,
    tooltipValueGetter: (params) => responsesTooltip(params.data),
  },
  {
    colId: 'auth',
    headerName: 'Auth',
    valueGetter: (params) => (params.data ? securityText(params.data.security) : ''),
    cellRenderer: AuthCell,
    width: 196,
    tooltipValueGetter: (params) => (params.value ? `Any one of: ${String(params.value)}` : 'No authentication'),
  },
  {
    colId: 'tags',
    headerName: 'Tags',
    valueGetter: (params) => params.data?.tags.join(', ') ?? '',
    width: 110,
    cellClass: 'cell-muted',
  },
];

const getRowId = (params: GetRowIdParams<CatalogueOperation>) => params.data.id;

const rowClassRules: RowClassRules<CatalogueOperation> = {
  'row-deprecated': (params) => params.data?.deprecated === true,
};

interface OperationsTabProps {
  catalogue: Catalogue;
  operationId: string | null;
  onOpenEntity: (entityId: string) => void;
  /** A row was picked out (kept in the address without a new history entry). */
  onSelectOperation: (operationId: string | null) => void;
}

export function OperationsTab({ catalogue, operationId, onOpenEntity, onSelectOperation }: OperationsTabProps) {
  const [query, setQuery] = useState('');
  const gridRef = useRef<AgGridReact<CatalogueOperation>>(null);
  const names = useMemo(() => new Map(catalogue.entities.map((entity) => [entity.id, entity.name])), [catalogue]);

  // The grid keeps one context object; its functions read the latest props.
  const latestRef = useLatest({ onOpenEntity, names });
  const [context] = useState<OperationsContext>(() => ({
    entityName: (id) => latestRef.current.names.get(id),
    openEntity: (id) => latestRef.current.onOpenEntity(id),
  }));

  const showSelected = useCallback(() => {
    const api = gridRef.current?.api;
    if (!api || api.isDestroyed()) return;
    const node = operationId ? api.getRowNode(operationId) : undefined;
    if (!node) return api.deselectAll();
    node.setSelected(true, true);
    api.ensureNodeVisible(node, 'middle');
  }, [operationId]);

  useEffect(showSelected, [showSelected]);

  /** Enter opens the entity of a request or response cell, and picks out the operation elsewhere. */
  const keys = (event: CellKeyDownEvent<CatalogueOperation> | FullWidthCellKeyDownEvent<CatalogueOperation>) => {
    if ((event.event as KeyboardEvent | null)?.key !== 'Enter' || !event.data || !('column' in event)) return;
    const column = event.column.getColId();
    const body = column === 'request' ? event.data.request : column === 'response' ? mainResponse(event.data) : undefined;
    if (body?.entity && names.has(body.entity)) onOpenEntity(body.entity);
    else onSelectOperation(event.data.id);
  };

  const webhooks = catalogue.operations.filter((operation) => operation.webhook).length;

  if (catalogue.operations.length === 0) {
    return (
      <EmptyState icon={FlowIcon} title="The document lists no operations">
        <p>
          It has no <code>paths</code> or <code>webhooks</code>, so Crosswalk cannot tell which entities the API sends or
          accepts. The entities are still there to map; ask the provider for the document with its endpoints.
        </p>
      </EmptyState>
    );
  }

  return (
    <div className="tab-fill" data-search-scope="">
      <div className="toolbar toolbar-padded">
        <SearchInput
          className="toolbar-search"
          label="Search operations"
          placeholder="Path, summary, entity or scope"
          value={query}
          onSearch={setQuery}
          onArrowDown={() => focusFirstRow(gridRef.current?.api)}
        />
        <span className="toolbar-count">
          {plural(catalogue.operations.length, 'operation')}
          {webhooks > 0 && ` · ${plural(webhooks, 'webhook')}`}
        </span>
        <span className="spacer" />
        <span className="toolbar-hint">
          <kbd>Enter</kbd> on a request or response opens its entity
        </span>
      </div>
      <DataGrid<CatalogueOperation>
        className="fill"
        flush
        label="Operations"
        gridRef={gridRef}
        rowData={catalogue.operations}
        columnDefs={columns}
        getRowId={getRowId}
        context={context}
        quickFilterText={query}
        rowClassRules={rowClassRules}
        tooltipShowDelay={600}
        containerStyle={fillStyle}
        rowSelection={{ mode: 'singleRow', checkboxes: false, enableClickSelection: false }}
        onFirstDataRendered={showSelected}
        onRowClicked={(event) => {
          // A click on an entity link opens the entity instead.
          if ((event.event?.target as HTMLElement | null)?.closest('button') || !event.data) return;
          onSelectOperation(event.data.id);
        }}
        onCellKeyDown={keys}
      />
    </div>
  );
}
