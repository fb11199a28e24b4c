// The flow screen's header: the flow (with its Flow details button) and its entities, trigger, progress, check counts, bulk accept,
// undo/redo, and the sheet's filters and search.
import { useState, type ReactNode } from 'react';
import type { CallOutput, FlowDetail, MappingCheck } from '../../../../shared/contract';
import { AlertIcon, ArrowRightIcon, CheckIcon, ChevronRightIcon, EditIcon, HistoryIcon, WarningIcon } from '../../components/icons';
import { SearchInput } from '../../components/SearchInput';
import { triggerLabels } from '../../format';
import { AcceptAboveDialog } from './AcceptAboveDialog';
import { sheetFilterLabels, sheetFilters, type SheetFilter } from './labels';

interface FlowHeaderProps {
  flow: FlowDetail;
  completeness: number;
  checks: MappingCheck[];
  /** The checks follow the sheet: until they come, no count, no check filter and no bulk accept. */
  checking: boolean;
  checksError: string | null;
  counts: Record<SheetFilter, number>;
  filter: SheetFilter;
  onFilter: (filter: SheetFilter) => void;
  onBack: () => void;
  /** What a bulk accept at `threshold` would do (nothing written). */
  onPreviewAcceptAbove: (threshold: number) => Promise<CallOutput<'mapping.acceptAbove'> | undefined>;
  onAcceptAbove: (threshold: number) => Promise<void>;
  onShowChecks: () => void;
  quickFilter: string;
  onQuickFilter: (text: string) => void;
  undoLabel?: string;
  redoLabel?: string;
  onUndo: () => void;
  onRedo: () => void;
  /** Opens the flow details (name, use case, trigger, outcomes). */
  onEditDetails: () => void;
  /** Opens the dialog that pairs a target array with a source as a whole. */
  onPairArrays?: () => void;
  /** The flow's lifecycle actions (re-point, repair, delete), beside Flow details. */
  actions?: ReactNode;
  /** Shows or hides the preview (the flow run on a payload) under the sheet. */
  previewOpen?: boolean;
  onTogglePreview?: () => void;
}

/** Filters that sort rows by their checks. */
const checkFilters = new Set<SheetFilter>(['required', 'mismatch']);

const mod = /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent) ? '⌘' : 'Ctrl+';

export function FlowHeader(props: FlowHeaderProps) {
  const { flow, completeness, checks, checking, counts, filter, onFilter, onBack } = props;
  const [threshold, setThreshold] = useState('0.80');
  const [accepting, setAccepting] = useState(false);
  const [preview, setPreview] = useState<{ threshold: number; result: CallOutput<'mapping.acceptAbove'> } | null>(null);
  const errors = checks.filter((check) => check.severity === 'error').length;
  const warnings = checks.length - errors;
  const value = Number(threshold);
  const validThreshold = threshold.trim() !== '' && Number.isFinite(value) && value >= 0 && value <= 1;

  return (
    <header className="flow-header">
      <div className="flow-header-top">
        <div className="flow-heading">
          <nav className="crumbs" aria-label="Breadcrumb">
            <button type="button" className="link-button" onClick={onBack}>
              Data flows
            </button>
            <ChevronRightIcon size={12} />
          </nav>
          <div className="flow-title-row">
            <h1 className="page-title" title={flow.name}>
              {flow.name}
            </h1>
            <button type="button" className="btn btn-ghost btn-sm" onClick={props.onEditDetails} title="Name, use case, trigger and outcomes">
              <EditIcon size={12} />
              Flow details
            </button>
            {props.onPairArrays && (
              <button type="button" className="btn btn-ghost btn-sm" onClick={props.onPairArrays} title="Fill a target array from a source array or object as a whole">
                Pair arrays
              </button>
            )}
            {props.actions}
            {props.onTogglePreview && (
              <button type="button" className="btn btn-ghost btn-sm" aria-pressed={props.previewOpen} onClick={props.onTogglePreview} title="Run the flow on a payload and see the target payload it builds">
                Preview
              </button>
            )}
          </div>
          <p className="flow-entities">
            <span className="entity">
              <span className="entity-system">{flow.source.system}</span>
              <span className="entity-dot">·</span>
              <span className="entity-name">{flow.source.entity}</span>
            </span>
            <ArrowRightIcon size={13} />
            <span className="entity">
              <span className="entity-system">{flow.target.system}</span>
              <span className="entity-dot">·</span>
              <span className="entity-name">{flow.target.entity}</span>
            </span>
            <span className="badge">{triggerLabels[flow.trigger.kind]}</span>
            {flow.trigger.detail && <span className="muted flow-trigger">{flow.trigger.detail}</span>}
          </p>
        </div>
        <div className="flow-stats">
          <div className="flow-progress" title="Rows accepted or not needed, with a source, constant or default">
            <span className="flow-progress-label">
              <strong>{Math.round(completeness)}%</strong> complete
            </span>
            <span className="progress" role="progressbar" aria-label="Mapping complete" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(completeness)}>
              <span style={{ width: `${completeness}%` }} />
            </span>
          </div>
          {checking || props.checksError ? (
            <span className="check-count check-count-pending" role="status" title={props.checksError ?? 'The checks follow the rows'}>
              {props.checksError ? 'Checks could not be read' : 'Checking…'}
            </span>
          ) : (
            <>
              <button type="button" className="check-count check-count-error" onClick={props.onShowChecks} title="Show the checks">
                <AlertIcon size={13} />
                {errors} error{errors === 1 ? '' : 's'}
              </button>
              <button type="button" className="check-count check-count-warning" onClick={props.onShowChecks} title="Show the checks">
                <WarningIcon size={13} />
                {warnings} warning{warnings === 1 ? '' : 's'}
              </button>
            </>
          )}
          <form
            className="accept-above"
            onSubmit={(event) => {
              event.preventDefault();
              if (!validThreshold || accepting || checking) return;
              setAccepting(true);
              void props
                .onPreviewAcceptAbove(value)
                .then((result) => result && setPreview({ threshold: value, result }))
                .finally(() => setAccepting(false));
            }}
          >
            {/* aria-disabled, not disabled: it keeps focus while the preview loads, for the dialog to give back. */}
            <button
              type="submit"
              className="btn btn-sm"
              aria-disabled={!validThreshold || accepting || checking}
              title={checking ? 'Waiting for the checks: bulk accept skips rows with errors' : 'Accept every suggestion scoring at least this'}
            >
              <CheckIcon size={13} />
              Accept all above
            </button>
            <input
              className="input mono accept-above-input"
              aria-label="Accept threshold"
              inputMode="decimal"
              value={threshold}
              aria-invalid={!validThreshold || undefined}
              onChange={(event) => setThreshold(event.target.value)}
            />
          </form>
          <div className="undo-redo">
            <button type="button" className="btn btn-ghost btn-icon btn-sm" onClick={props.onUndo} disabled={!props.undoLabel} aria-label="Undo" title={props.undoLabel ? `Undo: ${props.undoLabel} (${mod}Z)` : 'Nothing to undo'}>
              <HistoryIcon size={14} />
            </button>
            <button type="button" className="btn btn-ghost btn-icon btn-sm flip" onClick={props.onRedo} disabled={!props.redoLabel} aria-label="Redo" title={props.redoLabel ? `Redo: ${props.redoLabel} (${mod}Shift+Z)` : 'Nothing to redo'}>
              <HistoryIcon size={14} />
            </button>
          </div>
        </div>
      </div>
      <div className="flow-toolbar">
        <div className="segmented" role="group" aria-label="Show rows">
          {sheetFilters.map((key) => {
            const waits = checking && checkFilters.has(key);
            return (
              <button
                key={key}
                type="button"
                className="segmented-option"
                aria-pressed={filter === key}
                disabled={waits}
                title={waits ? 'Waiting for the checks' : undefined}
                onClick={() => onFilter(key)}
              >
                {sheetFilterLabels[key]}
                <span className="segmented-count">{waits ? '…' : counts[key]}</span>
              </button>
            );
          })}
        </div>
        <span className="spacer" />
        <SearchInput label="Search the sheet" placeholder="Search target or source fields" value={props.quickFilter} onSearch={props.onQuickFilter} className="flow-search" />
      </div>
      {preview && (
        <AcceptAboveDialog threshold={preview.threshold} preview={preview.result} onAccept={() => props.onAcceptAbove(preview.threshold)} onClose={() => setPreview(null)} />
      )}
    </header>
  );
}
