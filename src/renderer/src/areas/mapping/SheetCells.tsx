// The mapping sheet's React cells: the source field(s) with their types and picker, and the value map
// summary. The busier plain cells are in sheet-cell-renderers.ts.
import type { CustomCellRendererProps } from 'ag-grid-react';
import type { MappingRow } from '../../../../shared/contract';
import { ChevronDownIcon } from '../../components/icons';
import { typeText } from './entities';
import type { SheetContext } from './sheet-context';
import { splitPath } from './sheet-layout';

type CellProps = CustomCellRendererProps<MappingRow, unknown, SheetContext>;

/** A path cut in the middle when its cell is narrow: the leaf always shows, the full path on hover. */
function PathText({ path }: { path: string }) {
  const { head, leaf } = splitPath(path);
  return (
    <>
      {head && <span className="sheet-path-head">{head}</span>}
      <span className="sheet-path-leaf">{leaf}</span>
    </>
  );
}

export function SourceCell({ data, context }: CellProps) {
  if (!data) return null;
  const pick = (
    <button
      type="button"
      className="sheet-pick"
      tabIndex={-1}
      aria-label={`Pick a source for ${data.targetPath}`}
      title="Pick a source (Enter)"
      onClick={(event) => {
        event.stopPropagation();
        context.pickSource(data);
      }}
    >
      <ChevronDownIcon size={12} />
    </button>
  );
  if (data.sourcePaths.length === 0) {
    return (
      <span className="sheet-source">
        <span className="sheet-field">
          <span className="cell-placeholder">{data.mappingType === 'constant' ? 'Constant' : data.defaultValue ? `Default “${data.defaultValue}”` : 'Drop or pick a source'}</span>
        </span>
        {pick}
      </span>
    );
  }
  const types = data.sourcePaths.map((path) => typeText(context.sourceFields.get(path)) || 'missing');
  return (
    <span className="sheet-source">
      <span className="sheet-field">
        <span className="sheet-path" title={data.sourcePaths.join(' + ')}>
          {data.sourcePaths.length === 1 ? <PathText path={data.sourcePaths[0]!} /> : data.sourcePaths.map((path) => splitPath(path).leaf).join(' + ')}
        </span>
        <span className="sheet-type">{types.join(' + ')}</span>
      </span>
      {pick}
    </span>
  );
}

export function ValueMapCell({ data, context }: CellProps) {
  if (!data) return null;
  const count = data.valueMap.length;
  const preview = data.valueMap.slice(0, 2).map((entry) => `${entry.source}→${entry.target}`).join(', ');
  return (
    <button
      type="button"
      className="sheet-link"
      tabIndex={-1}
      onClick={(event) => {
        event.stopPropagation();
        context.openValueMap(data);
      }}
      title={count ? data.valueMap.map((entry) => `${entry.source} → ${entry.target}`).join('\n') : 'Edit the value map'}
    >
      {count ? `${count} · ${preview}${count > 2 ? '…' : ''}` : <span className="cell-placeholder">Add…</span>}
    </button>
  );
}
