// Cells of the field tree: the indented name with its caret, the type with its format and schema,
// and the yes/no flags.
import type { CatalogueField } from '../../../../shared/catalogue';
import type { CustomCellRendererProps } from 'ag-grid-react';
import { CheckIcon, ChevronRightIcon } from '../../components/icons';
import { typeParts } from './field-format';
import { shownBySearch, type TreeRow } from './field-tree';
import { Highlight } from './Highlight';

/** What the tree's cells need from the view around them (the grid's `context`). */
export interface FieldTreeContext {
  toggle(path: string): void;
  /** Opens a named schema's entity, when the catalogue has it. */
  openSchema(name: string): void;
  hasSchema(name: string): boolean;
}

type Props = CustomCellRendererProps<TreeRow, unknown, FieldTreeContext>;

export function NameCell({ data, context }: Props) {
  if (!data) return null;
  const { field, hasChildren, expanded, match, query } = data;
  const arrayOfObjects = field.type === 'array' && hasChildren;
  const searching = shownBySearch(data);
  return (
    <span className="tree-cell" style={{ paddingLeft: field.depth * 18 }}>
      {hasChildren ? (
        <button
          type="button"
          className={`tree-caret${expanded ? ' tree-caret-open' : ''}`}
          tabIndex={-1}
          disabled={searching}
          aria-label={`${expanded ? 'Collapse' : 'Expand'} ${field.path}`}
          aria-expanded={expanded}
          title={searching ? 'Clear the search to fold and unfold' : expanded ? 'Collapse (←)' : 'Expand (→)'}
          onClick={(event) => {
            event.stopPropagation();
            context.toggle(field.path);
          }}
        >
          <ChevronRightIcon size={12} />
        </button>
      ) : (
        <span className="tree-caret-space" />
      )}
      <span className={`tree-name${field.deprecated ? ' tree-deprecated' : ''}${match === false ? ' tree-context' : ''}`}>
        <Highlight text={field.name} query={match ? query : ''} />
      </span>
      {arrayOfObjects && <span className="tree-array">[ ]</span>}
      {field.deprecated && <span className="badge badge-warning tree-badge">deprecated</span>}
      {field.recursive && (
        <span
          className="badge tree-badge"
          title={`The same schema${field.ref ? ` (${field.ref})` : ''} is already open further up this path${field.cycleOf !== undefined ? ` (at ${field.cycleOf || 'the entity itself'})` : ''}: its fields are not repeated here.`}
        >
          recursive
        </span>
      )}
      {field.variant && (
        <span className="badge badge-violet tree-badge" title={`Only in ${field.variant.includes(' | ') ? 'these members' : 'this member'} of the union above: ${field.variant}`}>
          {field.variant}
        </span>
      )}
      {field.discovered && <DiscoveredBadge discovered={field.discovered} />}
      {field.truncated && (
        <span className="badge tree-badge" title="Deeper fields are not listed: the catalogue stops at its depth limit.">
          cut at depth
        </span>
      )}
      {field.expandable && (
        <span className="badge badge-violet tree-badge" title="A related record the API returns only when asked for it (expand).">
          expandable
        </span>
      )}
    </span>
  );
}

export function TypeCell({ data, context }: Props) {
  if (!data) return null;
  const parts = typeParts(data.field);
  const ref = parts.ref && !parts.variants && context.hasSchema(parts.ref) ? parts.ref : undefined;
  if (ref) {
    // A named schema says more than "object": show it, openable; keep the base type of scalars (enums).
    const isArray = data.field.type === 'array';
    const base = isArray ? (data.field.itemType !== 'object' ? data.field.itemType : undefined) : data.field.type !== 'object' ? data.field.type : undefined;
    return (
      <span className="type-cell">
        <button
          type="button"
          className="type-ref"
          tabIndex={-1}
          title={`Open the ${ref} schema`}
          onClick={(event) => {
            event.stopPropagation();
            context.openSchema(ref);
          }}
        >
          {ref}
          {isArray ? '[]' : ''}
        </button>
        {base && <span className="type-format">{base}</span>}
        {parts.format && <span className="type-format">{parts.format}</span>}
      </span>
    );
  }
  return (
    <span className="type-cell">
      <span className="type-name">{parts.variants ? `one of ${parts.variants.join(' | ')}` : parts.type}</span>
      {parts.format && <span className="type-format">{parts.format}</span>}
      {parts.ref && !parts.variants && <span className="type-format">{parts.ref}</span>}
    </span>
  );
}

export function DescriptionCell({ data }: Props) {
  if (!data?.field.description) return null;
  return (
    <span className="description-cell">
      <Highlight text={data.field.description} query={data.match ? data.query : ''} />
    </span>
  );
}

export function FlagCell({ value }: CustomCellRendererProps<TreeRow, boolean>) {
  return value ? (
    <span className="flag-cell" aria-label="yes">
      <CheckIcon size={14} />
    </span>
  ) : (
    <span className="flag-cell flag-off" aria-label="no">
      –
    </span>
  );
}

export function AccessCell({ value }: CustomCellRendererProps<TreeRow, string>) {
  if (!value) return null;
  return <span className={value === 'read-only' ? 'badge badge-info' : 'badge badge-violet'}>{value}</span>;
}

/** A field the document does not list, seen in saved samples: mappable, but the spec says it relies on it. */
export function DiscoveredBadge({ discovered, id }: { discovered: NonNullable<CatalogueField['discovered']>; id?: string }) {
  const examples = discovered.examples.length ? `; e.g. ${discovered.examples.join(', ')}` : '';
  return (
    <span id={id} className="badge badge-warning tree-badge" title={`Not in the document: seen in ${discovered.samples} sample${discovered.samples === 1 ? '' : 's'} (${discovered.types.join(' or ')})${examples}`}>
      discovered
    </span>
  );
}
