// The source entity's fields as a tree (left pane): search, and drag a leaf onto a row of the sheet.
// Enter or double-click on a leaf makes it the source of the selected row, for the keyboard. One Tab stop
// (roving tabindex): ↑↓ move, → opens a branch or enters it, ← closes it or goes to the parent, Home/End.
// Only the fields in view (and a margin) are drawn, with the one holding the Tab stop, so that a big entity
// costs the screen no more than a small one.
import { useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { CatalogueEntity, CatalogueField } from '../../../../shared/catalogue';
import { SearchInput } from '../../components/SearchInput';
import { DiscoveredBadge } from '../systems/field-cells';
import { typeText } from './entities';
import { listWindow, scrollToShow, treePositions } from './list-window';
import { SOURCE_DRAG_TYPE } from './SheetGrid';

/** A field's height (.source-node in mapping.css). */
const ITEM_HEIGHT = 26;
/** Fields drawn beyond the viewport either side, so that a short scroll shows no blank before React draws. */
const MARGIN = 20;

interface SourceTreeProps {
  entity: CatalogueEntity | undefined;
  system: string;
  error: string | null;
  /** How many rows use each source path. */
  usage: Map<string, number>;
  onUse: (path: string, add: boolean) => void;
}

export function SourceTree({ entity, system, error, usage, onUse }: SourceTreeProps) {
  const [query, setQuery] = useState('');
  const shown = useMemo<CatalogueField[]>(() => {
    const fields = entity?.fields ?? [];
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    if (!words.length) return fields;
    const matching = new Set(fields.filter((field) => words.every((word) => field.path.toLowerCase().includes(word))).map((field) => field.path));
    // Keep the ancestors of what matches, so the tree still reads as a tree.
    for (const path of [...matching]) {
      let parent = fields.find((field) => field.path === path)?.parent;
      while (parent && !matching.has(parent)) {
        matching.add(parent);
        parent = fields.find((field) => field.path === parent)?.parent;
      }
    }
    return fields.filter((field) => matching.has(field.path));
  }, [entity, query]);

  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set());
  const [active, setActive] = useState<string | null>(null);
  const nodes = useRef(new Map<string, HTMLDivElement>());
  const idPrefix = useId();
  // A search shows every match; otherwise a closed branch hides what is under it.
  const visible = useMemo(() => {
    if (query.trim() || collapsed.size === 0) return shown;
    const parentOf = new Map(shown.map((field) => [field.path, field.parent]));
    return shown.filter((field) => {
      for (let parent = field.parent; parent; parent = parentOf.get(parent)) {
        if (collapsed.has(parent)) return false;
      }
      return true;
    });
  }, [shown, collapsed, query]);
  const positions = useMemo(() => treePositions(visible), [visible]);
  const branches = useMemo(() => new Set(shown.flatMap((field) => (field.parent ? [field.parent] : []))), [shown]);
  const tabStop = visible.some((field) => field.path === active) ? active : (visible[0]?.path ?? null);

  const scroller = useRef<HTMLDivElement>(null);
  const [viewport, setViewport] = useState({ top: 0, height: 0 });
  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const measure = () => setViewport((current) => (current.height === element.clientHeight ? current : { ...current, height: element.clientHeight }));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  // Redrawn when the first field in view changes, not on every scrolled pixel.
  const onScroll = () => {
    const top = Math.floor((scroller.current?.scrollTop ?? 0) / ITEM_HEIGHT) * ITEM_HEIGHT;
    setViewport((current) => (current.top === top ? current : { ...current, top }));
  };
  const drawn = useMemo(() => {
    const { first, end } = listWindow(visible.length, ITEM_HEIGHT, viewport.top, viewport.height, MARGIN);
    const indexes = Array.from({ length: end - first }, (_, k) => first + k);
    // The Tab stop stays in the page wherever the tree is scrolled: Tab still reaches the tree, and focus is not lost.
    const stop = visible.findIndex((field) => field.path === tabStop);
    if (stop >= 0 && (stop < first || stop >= end)) indexes.splice(stop < first ? 0 : indexes.length, 0, stop);
    return indexes;
  }, [visible, viewport, tabStop]);

  // A field moved to with the keyboard that was not drawn yet gets focus once it is.
  const focusWhenDrawn = useRef<string | null>(null);
  useLayoutEffect(() => {
    const path = focusWhenDrawn.current;
    const node = path ? nodes.current.get(path) : undefined;
    if (!node) return;
    focusWhenDrawn.current = null;
    node.focus();
  });
  const moveTo = (path: string | undefined) => {
    if (!path) return;
    setActive(path);
    const node = nodes.current.get(path);
    if (node) {
      node.focus();
      return;
    }
    const element = scroller.current;
    if (element) {
      element.scrollTop = scrollToShow(visible.findIndex((field) => field.path === path), ITEM_HEIGHT, element.scrollTop, element.clientHeight);
      onScroll();
    }
    focusWhenDrawn.current = path;
  };
  const toggle = (path: string, open: boolean) =>
    setCollapsed((current) => {
      const next = new Set(current);
      if (open) next.delete(path);
      else next.add(path);
      return next;
    });

  const onTreeKeyDown = (event: KeyboardEvent<HTMLDivElement>, field: CatalogueField) => {
    const index = visible.indexOf(field);
    const isBranch = branches.has(field.path);
    const open = isBranch && (!!query.trim() || !collapsed.has(field.path));
    let handled = true;
    switch (event.key) {
      case 'ArrowDown':
        moveTo(visible[index + 1]?.path);
        break;
      case 'ArrowUp':
        moveTo(visible[index - 1]?.path);
        break;
      case 'Home':
        moveTo(visible[0]?.path);
        break;
      case 'End':
        moveTo(visible[visible.length - 1]?.path);
        break;
      case 'ArrowRight':
        if (isBranch && !open) toggle(field.path, true);
        else if (isBranch) moveTo(visible[index + 1]?.path);
        break;
      case 'ArrowLeft':
        if (isBranch && open && !query.trim()) toggle(field.path, false);
        else moveTo(field.parent);
        break;
      case 'Enter':
        if (field.leaf) onUse(field.path, event.shiftKey);
        else if (isBranch && !query.trim()) toggle(field.path, !open);
        break;
      default:
        handled = false;
    }
    if (handled) {
      event.preventDefault();
      event.stopPropagation();
    }
  };

  const leaves = entity?.fields.filter((field) => field.leaf).length ?? 0;
  const used = entity ? entity.fields.filter((field) => field.leaf && usage.has(field.path)).length : 0;

  return (
    <section className="source-pane" aria-label="Source fields" data-search-scope="">
      <header className="pane-header">
        <div className="pane-title">
          <span className="pane-eyebrow">Source · {system}</span>
          <span className="pane-name" title={entity?.name}>
            {entity?.name ?? '…'}
          </span>
        </div>
        <span className="pane-meta" title="Source fields used by the mapping">
          {used}/{leaves} used
        </span>
      </header>
      <div className="pane-search">
        <SearchInput label="Search source fields" placeholder="Search source fields" value={query} onSearch={setQuery} slashHint={false} />
      </div>
      <div className="source-tree" ref={scroller} onScroll={onScroll}>
        {error ? (
          <p className="pane-note">{error}</p>
        ) : !entity ? (
          <p className="pane-note">Loading fields…</p>
        ) : shown.length === 0 ? (
          <p className="pane-note">No source field matches “{query}”.</p>
        ) : (
          <div className="source-tree-items" role="tree" aria-label={`Fields of ${entity?.name ?? 'the source entity'}`} style={{ height: visible.length * ITEM_HEIGHT }}>
            {drawn.map((index) => {
              const field = visible[index]!;
              const count = usage.get(field.path) ?? 0;
              const isBranch = branches.has(field.path);
              const nameId = `${idPrefix}-${field.path}`;
              return (
                <div
                  key={field.path}
                  ref={(element) => {
                    if (element) nodes.current.set(field.path, element);
                    else nodes.current.delete(field.path);
                  }}
                  role="treeitem"
                  aria-level={field.depth + 1}
                  aria-posinset={positions[index]!.posInSet}
                  aria-setsize={positions[index]!.setSize}
                  aria-expanded={isBranch ? !!query.trim() || !collapsed.has(field.path) : undefined}
                  // The name is the visible text in its order (WCAG 2.5.3, label in name): field, type, badge, use count.
                  aria-labelledby={[nameId, `${nameId}-type`, field.discovered && `${nameId}-discovered`, count > 0 && `${nameId}-used`].filter(Boolean).join(' ')}
                  aria-describedby={field.required ? `${nameId}-required` : undefined}
                  tabIndex={field.path === tabStop ? 0 : -1}
                  className={`source-node focus-inset${field.leaf ? ' is-leaf' : ' is-branch'}${count ? ' is-used' : ''}`}
                  style={{ top: index * ITEM_HEIGHT, paddingLeft: 10 + field.depth * 14 }}
                  draggable={field.leaf}
                  title={field.leaf ? `${field.path}\nDrag onto a row (Shift: add for a concatenation), or Enter to use it for the selected row.${field.description ? `\n\n${field.description}` : ''}` : field.path}
                  onDragStart={(event) => {
                    event.dataTransfer.setData(SOURCE_DRAG_TYPE, field.path);
                    event.dataTransfer.setData('text/plain', field.path);
                    event.dataTransfer.effectAllowed = 'linkMove';
                  }}
                  onFocus={() => setActive(field.path)}
                  onClick={() => isBranch && !query.trim() && toggle(field.path, collapsed.has(field.path))}
                  onDoubleClick={() => field.leaf && onUse(field.path, false)}
                  onKeyDown={(event) => onTreeKeyDown(event, field)}
                >
                  <span className="source-node-name" id={nameId}>
                    {field.name}
                    {field.path.endsWith('[]') || field.type === 'array' ? '[]' : ''}
                    {field.required && (
                      <span className="required-mark" aria-hidden="true">
                        *
                      </span>
                    )}
                  </span>
                  {/* Spaces between the parts (a flex row does not render them) keep the visible text words apart. */}{' '}
                  <span className="source-node-type" id={`${nameId}-type`}>
                    {typeText(field)}
                  </span>
                  {field.required && (
                    <span className="visually-hidden" id={`${nameId}-required`}>
                      required
                    </span>
                  )}
                  {field.discovered && ' '}
                  {field.discovered && <DiscoveredBadge discovered={field.discovered} id={`${nameId}-discovered`} />}
                  {count > 0 && ' '}
                  {count > 0 && (
                    <span className="source-node-used" id={`${nameId}-used`} title={`Used by ${count} row${count === 1 ? '' : 's'}`}>
                      {count}
                      <span className="visually-hidden"> {count === 1 ? 'row uses it' : 'rows use it'}</span>
                    </span>
                  )}
                </div>
              );
            })}
          </div>
        )}
      </div>
      <footer className="pane-footer">Drag onto a row · Shift adds</footer>
    </section>
  );
}
