// The mapping sheet's cells: target and source fields with their types, status chip, confidence bar,
// value map summary and the checks on the row.
import type { CustomCellRendererProps } from 'ag-grid-react';
import type { MappingRow } from '../../../../shared/contract';
import { AlertIcon, CheckCircleIcon, ChevronDownIcon, WarningIcon } from '../../components/icons';
import { typeText } from './entities';
import { percent, statusLabels, statusTone } from './labels';
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

export function TargetCell({ data, context }: CellProps) {
  if (!data) return null;
  const field = context.targetFields.get(data.targetPath);
  return (
    <span className="sheet-field">
      <span className="sheet-path" title={data.targetPath}>
        <PathText path={data.targetPath} />
        {field?.required && (
          <span className="required-mark" title="Required" aria-label="required">
            *
          </span>
        )}
      </span>
      <span className="sheet-type">
        {typeText(field)}
        {field?.maxLength !== undefined && ` · max ${field.maxLength}`}
        {field?.readOnly && ' · read-only'}
      </span>
    </span>
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

export function StatusCell({ data }: CellProps) {
  if (!data) return null;
  return <span className={`${statusTone[data.status]} badge-dot`}>{statusLabels[data.status]}</span>;
}

export function ConfidenceCell({ data }: CellProps) {
  if (!data) return null;
  if (data.confidence === null) return <span className="cell-placeholder">{data.status === 'accepted' && data.sourcePaths.length ? 'chosen' : '—'}</span>;
  const tone = data.confidence >= 0.8 ? 'high' : data.confidence >= 0.6 ? 'mid' : 'low';
  return (
    <span className="confidence" title={`Suggestion score ${percent(data.confidence)}`}>
      <span className={`confidence-bar confidence-${tone}`}>
        <span style={{ width: percent(data.confidence) }} />
      </span>
      <span className="confidence-value">{percent(data.confidence)}</span>
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

export function ChecksCell({ data, context }: CellProps) {
  if (!data) return null;
  const checks = context.checksByRow.get(data.id) ?? [];
  const flagged = data.review !== null && data.review.length > 0;
  if (checks.length === 0 && !flagged) {
    return (
      <span className="check-ok" aria-label="No problems" title="No problems">
        <CheckCircleIcon size={14} />
      </span>
    );
  }
  const errors = checks.filter((check) => check.severity === 'error').length;
  const messages = [...checks.map((check) => check.message), ...(flagged ? data.review!.map((reason) => `Re-import: ${reason}`) : [])];
  return (
    <span className={`check-icon ${errors ? 'check-error' : 'check-warning'}`} title={messages.join('\n')} aria-label={messages.join('. ')}>
      {errors ? <AlertIcon size={14} /> : <WarningIcon size={14} />}
      <span>{messages.length}</span>
    </span>
  );
}
