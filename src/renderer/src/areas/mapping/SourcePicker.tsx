// The sheet's "pick source" editor: a searchable list of the source entity's leaf fields, in a popup
// over the cell. Enter takes the highlighted field; Escape leaves the row as it was.
import { useEffect, useEffectEvent, useMemo, useRef, useState } from 'react';
import type { ICellEditorParams } from 'ag-grid-community';
import type { MappingRow } from '../../../../shared/contract';
import { typeText } from './entities';
import { searchSources } from './source-search';
import type { SheetContext } from './sheet-context';

const SHOWN = 80;

export function SourcePicker({ value, stopEditing, context, data }: ICellEditorParams<MappingRow, string[], SheetContext>) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLDivElement>(null);
  useEffect(() => input.current?.focus(), []);

  const matches = useMemo(() => searchSources(context.sourceLeaves, query, SHOWN), [context.sourceLeaves, query]);

  const choose = (path: string | null) => {
    // The sheet writes the change itself (and keeps it for undo); the editor only closes.
    stopEditing(true);
    context.setSources(data, path === null ? [] : [path]);
  };

  // A native listener on the field itself runs before the grid's own (on the popup around it), so
  // Enter and the arrows belong to the list while it is open.
  const onKeyDown = useEffectEvent((event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      event.stopPropagation();
      setActive((index) => Math.max(0, Math.min(matches.length - 1, index + (event.key === 'ArrowDown' ? 1 : -1))));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      event.stopPropagation();
      if (matches[active]) choose(matches[active]!.path);
    }
  });
  useEffect(() => {
    const field = input.current;
    if (!field) return;
    field.addEventListener('keydown', onKeyDown);
    return () => field.removeEventListener('keydown', onKeyDown);
  }, []);

  useEffect(() => {
    list.current?.querySelector<HTMLElement>(`[data-index="${active}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  return (
    <div className="source-picker" role="dialog" aria-label={`Pick a source for ${data.targetPath}`}>
      <input
        ref={input}
        className="input"
        type="search"
        aria-label="Search source fields"
        placeholder="Search source fields"
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
      />
      <div className="source-picker-list" role="listbox" aria-label="Source fields" ref={list}>
        {(value?.length ?? 0) > 0 && (
          <div role="option" aria-selected={false} className="source-picker-option source-picker-clear" onMouseDown={(event) => event.preventDefault()} onClick={() => choose(null)}>
            No source
          </div>
        )}
        {matches.map((field, index) => (
          <div
            key={field.path}
            role="option"
            data-index={index}
            aria-selected={index === active}
            className={`source-picker-option${value?.includes(field.path) ? ' is-current' : ''}`}
            onMouseDown={(event) => event.preventDefault()}
            onMouseEnter={() => setActive(index)}
            onClick={() => choose(field.path)}
          >
            <span className="mono">{field.path}</span>
            <span className="sheet-type">{typeText(field)}</span>
          </div>
        ))}
        {matches.length === 0 && <div className="source-picker-empty">No source field matches “{query}”.</div>}
      </div>
    </div>
  );
}
