// The entities of a catalogue, searchable by name or by a field inside them. Arrow keys move in the
// list; Enter or a click opens the entity.
import { Fragment, useCallback, useEffect, useMemo, useRef } from 'react';
import type { CellKeyDownEvent, ColDef, FullWidthCellKeyDownEvent, GetRowIdParams, RowClickedEvent } from 'ag-grid-community';
import type { AgGridReact, CustomCellRendererProps } from 'ag-grid-react';
import type { CatalogueEntity } from '../../../../shared/catalogue';
import { SearchInput } from '../../components/SearchInput';
import { plural } from '../../format';
import { DataGrid } from '../../grid/DataGrid';
import { focusFirstRow } from '../../grid/focus';
import { fillStyle } from './FieldTree';
import { Highlight } from './Highlight';

export type EntityKindFilter = 'all' | 'schema' | 'body';

export interface EntityRow {
  entity: CatalogueEntity;
  fieldCount: number;
  operationCount: number;
  /** The search matched the name… */
  nameMatch: boolean;
  /** …or only this field inside the entity. */
  fieldMatch?: string;
  query: string;
}

/** The list's rows for a search: name matches first, then entities with a matching field path. */
export function entityRows(entities: readonly CatalogueEntity[], query: string, kind: EntityKindFilter): EntityRow[] {
  const needle = query.trim().toLowerCase();
  const byName: EntityRow[] = [];
  const byField: EntityRow[] = [];
  for (const entity of entities) {
    if (kind !== 'all' && entity.kind !== kind) continue;
    const base = {
      entity,
      fieldCount: entity.fields.length,
      operationCount: new Set(entity.usedBy.map((use) => use.operation)).size,
      query: needle,
    };
    if (!needle || entity.name.toLowerCase().includes(needle)) {
      byName.push({ ...base, nameMatch: needle !== '' });
      continue;
    }
    const field = entity.fields.find((candidate) => candidate.path.toLowerCase().includes(needle));
    if (field) byField.push({ ...base, nameMatch: false, fieldMatch: field.path });
  }
  return byName.concat(byField);
}

function EntityCell({ data }: CustomCellRendererProps<EntityRow>) {
  if (!data) return null;
  const { entity, fieldCount, operationCount, nameMatch, fieldMatch, query } = data;
  return (
    <div className="entity-item">
      <div className="entity-item-top">
        <span className="entity-item-name">
          {nameMatch ? <Highlight text={entity.name} query={query} /> : <DottedName name={entity.name} />}
        </span>
        <span className={entity.kind === 'schema' ? 'badge badge-outline kind-badge' : 'badge badge-violet kind-badge'}>{entity.kind}</span>
      </div>
      <div className="entity-item-meta">
        {fieldMatch ? (
          <span className="mono entity-item-field" title={fieldMatch}>
            <bdi>
              <Highlight text={fieldMatch} query={query} />
            </bdi>
          </span>
        ) : (
          <>
            {entity.fieldsDeferred ? (
              entity.shape.type !== 'object' && `${entity.shape.type} · `
            ) : (
              <>
                {fieldCount === 0 ? entity.shape.type : plural(fieldCount, 'field')}
                {' · '}
              </>
            )}
            <span className={operationCount === 0 ? 'faint' : undefined}>used by {plural(operationCount, 'operation')}</span>
          </>
        )}
      </div>
    </div>
  );
}

/** A namespaced name, free to wrap after each dot rather than inside a word. */
function DottedName({ name }: { name: string }) {
  const parts = name.split('.');
  return parts.map((part, index) => (
    <Fragment key={index}>
      {part}
      {index < parts.length - 1 && (
        <>
          .<wbr />
        </>
      )}
    </Fragment>
  ));
}

const columns: ColDef<EntityRow>[] = [
  {
    colId: 'entity',
    headerName: 'Entity',
    // The row itself: a new search gives new rows, and the cell redraws when its value changes.
    valueGetter: (params) => params.data,
    cellRenderer: EntityCell,
    flex: 1,
    autoHeight: true,
    tooltipValueGetter: (params) => params.data?.entity.pointer,
  },
];

const getRowId = (params: GetRowIdParams<EntityRow>) => params.data.entity.id;


interface EntityListProps {
  entities: readonly CatalogueEntity[];
  selectedId: string | null;
  query: string;
  onQuery: (query: string) => void;
  kind: EntityKindFilter;
  onKind: (kind: EntityKindFilter) => void;
  onOpen: (row: EntityRow) => void;
}

export function EntityList({ entities, selectedId, query, onQuery, kind, onKind, onOpen }: EntityListProps) {
  const gridRef = useRef<AgGridReact<EntityRow>>(null);
  const rows = useMemo(() => entityRows(entities, query, kind), [entities, query, kind]);
  // An outline catalogue lists no fields: the search then looks at names only.
  const fieldsKnown = useMemo(() => entities.some((entity) => !entity.fieldsDeferred), [entities]);
  const counts = useMemo(() => {
    let bodies = 0;
    for (const entity of entities) if (entity.kind === 'body') bodies += 1;
    return { all: entities.length, schema: entities.length - bodies, body: bodies };
  }, [entities]);

  const showSelected = useCallback(
    (scroll: boolean) => {
      const api = gridRef.current?.api;
      if (!api || api.isDestroyed()) return;
      const node = selectedId ? api.getRowNode(selectedId) : undefined;
      if (node) {
        node.setSelected(true, true);
        if (scroll) api.ensureNodeVisible(node);
      } else {
        api.deselectAll();
      }
    },
    [selectedId],
  );

  useEffect(() => showSelected(true), [showSelected]);

  const open = (event: RowClickedEvent<EntityRow> | CellKeyDownEvent<EntityRow> | FullWidthCellKeyDownEvent<EntityRow>) => {
    if (event.type === 'cellKeyDown' && (event.event as KeyboardEvent | null)?.key !== 'Enter') return;
    if (event.data) onOpen(event.data);
  };

  return (
    <div className="entity-list" data-search-scope="">
      <div className="entity-list-tools">
        <SearchInput
          label="Search entities"
          placeholder={fieldsKnown ? 'Entity or field name' : 'Entity name'}
          value={query}
          onSearch={onQuery}
          onArrowDown={() => focusFirstRow(gridRef.current?.api)}
        />
        {counts.body > 0 && counts.schema > 0 && (
          <div className="segmented" role="group" aria-label="Show">
            {(['all', 'schema', 'body'] as const).map((option) => (
              <button
                key={option}
                type="button"
                className="segmented-option"
                aria-pressed={kind === option}
                onClick={() => onKind(option)}
                title={option === 'body' ? 'Request and response bodies written inline in an operation' : option === 'schema' ? 'Named schemas (components/schemas, definitions)' : undefined}
              >
                {option === 'all' ? 'All' : option === 'schema' ? 'Schemas' : 'Bodies'}
                <span className="segmented-count">{counts[option].toLocaleString()}</span>
              </button>
            ))}
          </div>
        )}
      </div>
      {rows.length === 0 ? (
        <div className="entity-list-empty">
          <p>
            No entity {query.trim() ? <>{fieldsKnown ? 'or field ' : ''}matches “{query.trim()}”</> : 'of this kind'}.
          </p>
          {query.trim() && (
            <button type="button" className="btn btn-sm" onClick={() => onQuery('')}>
              Clear search
            </button>
          )}
        </div>
      ) : (
        <DataGrid<EntityRow>
          className="fill entity-grid"
          flush
          label="Entities"
          gridRef={gridRef}
          rowData={rows}
          columnDefs={columns}
          getRowId={getRowId}
          headerHeight={0}
          rowHeight={50}
          tooltipShowDelay={900}
          containerStyle={fillStyle}
          rowSelection={{ mode: 'singleRow', checkboxes: false, enableClickSelection: false }}
          onFirstDataRendered={() => showSelected(true)}
          onRowDataUpdated={() => showSelected(false)}
          onRowClicked={open}
          onCellKeyDown={open}
        />
      )}
      <div className="entity-list-foot" aria-live="polite">
        {query.trim() ? `${plural(rows.length, 'match', 'matches')} of ${counts.all.toLocaleString()}` : plural(rows.length, 'entity', 'entities')}
      </div>
    </div>
  );
}
