// One entity: what it is, which operations carry it, and its fields as a foldable, searchable tree.
import { useMemo, useRef, useState } from 'react';
import type { AgGridReact } from 'ag-grid-react';
import type { CatalogueEntity, CatalogueField, CatalogueShape } from '../../../../shared/catalogue';
import type { SystemSummary } from '../../../../shared/contract';
import { EmptyState } from '../../components/EmptyState';
import { CollapseAllIcon, ExpandAllIcon, SearchIcon } from '../../components/icons';
import { SearchInput } from '../../components/SearchInput';
import { Unloaded } from '../../components/Unloaded';
import { plural } from '../../format';
import { focusFirstRow } from '../../grid/focus';
import { useLatest } from '../../state/use-latest';
import type { FieldTreeContext } from './field-cells';
import { allowedValues, enumText, limitParts, typeText } from './field-format';
import { expandablePaths, visibleRows } from './field-tree';
import { FieldTree } from './FieldTree';
import type { TreeRow } from './field-tree';
import { MethodBadge, roleText, splitOperationId } from './operation-format';
import { useEntityFields } from './queries';

const NOTHING: ReadonlySet<string> = new Set();
const NO_FIELDS: readonly CatalogueField[] = [];
const USES_SHOWN = 4;

interface EntityDetailProps {
  system: SystemSummary;
  /** As the catalogue lists it: its fields may be deferred. */
  entity: CatalogueEntity;
  expanded: ReadonlySet<string> | undefined;
  onExpanded: (expanded: ReadonlySet<string>) => void;
  query: string;
  onQuery: (query: string) => void;
  onOpenOperation: (operationId: string) => void;
  /** Entity id of a named schema, when the catalogue has it. */
  schemaEntityId: (name: string) => string | undefined;
  onOpenEntity: (entityId: string) => void;
}

export function EntityDetail({ system, entity, expanded = NOTHING, onExpanded, query, onQuery, onOpenOperation, schemaEntityId, onOpenEntity }: EntityDetailProps) {
  const { query: fieldsQuery, complete } = useEntityFields(system, entity);
  const fields = complete?.fields ?? NO_FIELDS;
  const rows = useMemo(() => visibleRows(fields, expanded, query), [fields, expanded, query]);
  const allExpandable = useMemo(() => expandablePaths(fields), [fields]);
  const searching = query.trim() !== '';

  // The grid keeps one context object; its functions read the latest props.
  const latestRef = useLatest({ expanded, onExpanded, schemaEntityId, onOpenEntity });
  const [context] = useState<FieldTreeContext>(() => ({
    toggle(path) {
      const { expanded: current, onExpanded: set } = latestRef.current;
      const next = new Set(current);
      if (next.has(path)) next.delete(path);
      else next.add(path);
      set(next);
    },
    openSchema(name) {
      const id = latestRef.current.schemaEntityId(name);
      if (id) latestRef.current.onOpenEntity(id);
    },
    hasSchema: (name) => latestRef.current.schemaEntityId(name) !== undefined,
  }));

  const matches = searching ? rows.filter((row) => row.match).length : 0;
  const gridRef = useRef<AgGridReact<TreeRow>>(null);

  return (
    <section className="entity-detail" aria-labelledby="entity-title" data-search-scope="">
      <EntityHeader entity={entity} onOpenOperation={onOpenOperation} />
      {!complete ? (
        <Unloaded query={fieldsQuery} title={`The fields of ${entity.name} could not be loaded`} label={`Listing the fields of ${entity.name}…`} frame="catalogue-message" />
      ) : fields.length === 0 ? (
        <RootShape entity={complete} />
      ) : (
        <>
          <div className="toolbar">
            <SearchInput
              className="toolbar-search"
              label={`Search the fields of ${entity.name}`}
              placeholder="Filter fields by path or description"
              value={query}
              onSearch={onQuery}
              onArrowDown={() => focusFirstRow(gridRef.current?.api)}
            />
            <span className="toolbar-count" aria-live="polite">
              {searching
                ? `${plural(matches, 'match', 'matches')} in ${plural(fields.length, 'field')}`
                : `${plural(fields.length, 'field')}${rows.length < fields.length ? ` · ${rows.length.toLocaleString()} shown` : ''}`}
            </span>
            <span className="spacer" />
            <button
              type="button"
              className="btn btn-ghost btn-sm"
              disabled={searching || allExpandable.size === 0 || expanded.size === allExpandable.size}
              onClick={() => onExpanded(allExpandable)}
            >
              <ExpandAllIcon size={14} />
              Expand all
            </button>
            <button type="button" className="btn btn-ghost btn-sm" disabled={searching || expanded.size === 0} onClick={() => onExpanded(NOTHING)}>
              <CollapseAllIcon size={14} />
              Collapse all
            </button>
          </div>
          {complete.fieldCapReached || complete.depthCapReached ? (
            <p className="entity-cap-note">
              {complete.fieldCapReached
                ? 'This entity has more fields than the catalogue lists; the list stops at its field limit.'
                : 'Some objects are nested deeper than the catalogue goes; they are marked “cut at depth”.'}
            </p>
          ) : null}
          {rows.length === 0 ? (
            <EmptyState
              compact
              icon={SearchIcon}
              title={`No field of ${entity.name} matches “${query.trim()}”`}
              actions={
                <button type="button" className="btn btn-sm" onClick={() => onQuery('')}>
                  Clear search
                </button>
              }
            >
              The search looks at field paths (such as <code>lines[].unitPrice</code>) and descriptions.
            </EmptyState>
          ) : (
            <FieldTree label={`Fields of ${entity.name}`} rows={rows} context={context} gridRef={gridRef} />
          )}
        </>
      )}
    </section>
  );
}

function EntityHeader({ entity, onOpenOperation }: { entity: CatalogueEntity; onOpenOperation: (id: string) => void }) {
  const [showAll, setShowAll] = useState(false);
  const uses = entity.usedBy;
  const shown = showAll ? uses : uses.slice(0, USES_SHOWN);
  return (
    <header className="entity-head">
      <div className="entity-head-title">
        <h2 id="entity-title" className="entity-title" title={entity.pointer}>
          {entity.name}
        </h2>
        <span className={entity.kind === 'schema' ? 'badge badge-outline' : 'badge badge-violet'} title={entity.pointer}>
          {entity.kind === 'schema' ? 'Schema' : 'Inline body'}
        </span>
        {entity.shape.description ? (
          <p className="entity-description" title={entity.shape.description}>
            {entity.shape.description}
          </p>
        ) : (
          <span className="entity-pointer mono">{entity.pointer}</span>
        )}
      </div>
      <div className="entity-uses">
        <span className="entity-uses-label">Used by</span>
        {uses.length === 0 ? (
          <span className="faint">
            no operation directly{entity.kind === 'schema' ? ' (it may be nested inside another entity)' : ''}
          </span>
        ) : (
          <>
            {shown.map((use, index) => {
              const { method, path } = splitOperationId(use.operation);
              return (
                <button
                  key={`${use.operation}|${use.role}|${use.status ?? ''}|${index}`}
                  type="button"
                  className="use-chip"
                  onClick={() => onOpenOperation(use.operation)}
                  title={`Open ${use.operation} in Operations`}
                >
                  <MethodBadge method={method} />
                  <span className="mono">{path}</span>
                  <span className="use-chip-role">{roleText(use)}</span>
                </button>
              );
            })}
            {uses.length > USES_SHOWN && (
              <button type="button" className="btn btn-ghost btn-sm" onClick={() => setShowAll((value) => !value)}>
                {showAll ? 'Show fewer' : `+${uses.length - USES_SHOWN} more`}
              </button>
            )}
          </>
        )}
      </div>
    </header>
  );
}

/** An entity without fields (an enum, a string alias, an array of scalars): what its root value is. */
function RootShape({ entity }: { entity: CatalogueEntity }) {
  const shape: CatalogueShape = entity.shape;
  const allowed = allowedValues(shape);
  const limits = limitParts(shape);
  return (
    <div className="root-shape">
      <p className="root-shape-lead">
        {entity.name} has no fields of its own: it is a single value{shape.type === 'object' ? ' (an object whose properties the document leaves open)' : ''}.
      </p>
      <dl className="properties">
        <dt>Type</dt>
        <dd className="mono">{typeText(shape)}</dd>
        {allowed && (
          <>
            <dt>{allowed.ofItems ? 'Element values' : 'Values'}</dt>
            <dd>
              <span className="value-list">
                {allowed.values.map((value, index) => (
                  <code key={index} className="value-chip">
                    {enumText([value])}
                  </code>
                ))}
              </span>
            </dd>
          </>
        )}
        {limits.length > 0 && (
          <>
            <dt>Limits</dt>
            <dd>{limits.join('; ')}</dd>
          </>
        )}
        {shape.nullable && (
          <>
            <dt>Nullable</dt>
            <dd>Yes</dd>
          </>
        )}
        {shape.default !== undefined && (
          <>
            <dt>Default</dt>
            <dd className="mono">{JSON.stringify(shape.default)}</dd>
          </>
        )}
      </dl>
    </div>
  );
}
