// The source entity's fields as a tree (left pane): search, and drag a leaf onto a row of the sheet.
// Enter or double-click on a leaf makes it the source of the selected row, for the keyboard.
import { useMemo, useState } from 'react';
import type { CatalogueEntity, CatalogueField } from '../../../../shared/catalogue';
import { SearchInput } from '../../components/SearchInput';
import { DiscoveredBadge } from '../systems/field-cells';
import { typeText } from './entities';
import { SOURCE_DRAG_TYPE } from './SheetGrid';

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

  const leaves = entity?.fields.filter((field) => field.leaf).length ?? 0;
  const used = entity ? entity.fields.filter((field) => field.leaf && usage.has(field.path)).length : 0;

  return (
    <section className="source-pane" aria-label="Source fields" data-search-scope="">
      <header className="pane-header">
        <div className="pane-title">
          <span className="pane-eyebrow">Source · {system}</span>
          <span className="pane-name">{entity?.name ?? '…'}</span>
        </div>
        <span className="pane-meta" title="Source fields used by the mapping">
          {used}/{leaves} used
        </span>
      </header>
      <div className="pane-search">
        <SearchInput label="Search source fields" placeholder="Search source fields" value={query} onSearch={setQuery} slashHint={false} />
      </div>
      <div className="source-tree" role="tree" aria-label={`Fields of ${entity?.name ?? 'the source entity'}`}>
        {error ? (
          <p className="pane-note">{error}</p>
        ) : !entity ? (
          <p className="pane-note">Loading fields…</p>
        ) : shown.length === 0 ? (
          <p className="pane-note">No source field matches “{query}”.</p>
        ) : (
          shown.map((field) => {
            const count = usage.get(field.path) ?? 0;
            return (
              <div
                key={field.path}
                role="treeitem"
                aria-level={field.depth + 1}
                aria-label={field.path}
                tabIndex={field.leaf ? 0 : -1}
                className={`source-node${field.leaf ? ' is-leaf' : ' is-branch'}${count ? ' is-used' : ''}`}
                style={{ paddingLeft: 10 + field.depth * 14 }}
                draggable={field.leaf}
                title={field.leaf ? `${field.path}\nDrag onto a row (Shift: add for a concatenation), or Enter to use it for the selected row.${field.description ? `\n\n${field.description}` : ''}` : field.path}
                onDragStart={(event) => {
                  event.dataTransfer.setData(SOURCE_DRAG_TYPE, field.path);
                  event.dataTransfer.setData('text/plain', field.path);
                  event.dataTransfer.effectAllowed = 'linkMove';
                }}
                onDoubleClick={() => field.leaf && onUse(field.path, false)}
                onKeyDown={(event) => {
                  if (field.leaf && event.key === 'Enter') {
                    event.preventDefault();
                    event.stopPropagation();
                    onUse(field.path, event.shiftKey);
                  }
                }}
              >
                <span className="source-node-name">
                  {field.name}
                  {field.path.endsWith('[]') || field.type === 'array' ? '[]' : ''}
                  {field.required && <span className="required-mark">*</span>}
                </span>
                <span className="source-node-type">{typeText(field)}</span>
                {field.discovered && <DiscoveredBadge discovered={field.discovered} />}
                {count > 0 && (
                  <span className="source-node-used" title={`Used by ${count} row${count === 1 ? '' : 's'}`}>
                    {count}
                  </span>
                )}
              </div>
            );
          })
        )}
      </div>
      <footer className="pane-footer">Drag onto a row · Shift adds</footer>
    </section>
  );
}
