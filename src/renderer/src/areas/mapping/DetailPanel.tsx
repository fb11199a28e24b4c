// The selected row in full (right pane): what the engine proposes and why, accept/reject, the row's
// checks and re-import flags, and its editors.
import type { CatalogueField } from '../../../../shared/catalogue';
import { mappingTypes, type MappingCheck, type MappingRow, type RowExpression, type TargetSuggestion } from '../../../../shared/contract';
import { AlertIcon, CheckIcon, CloseIcon, WarningIcon } from '../../components/icons';
import { DraftField } from './DraftField';
import { typeText } from './entities';
import { mappingTypeLabels, percent, statusLabels, statusTone } from './labels';
import type { RowEdit } from './SheetGrid';
import { LearnedPairs } from './LearnedPairs';
import { RowQuestions } from './RowQuestions';
import { RowExpressionSection } from './RowExpressionSection';

interface DetailPanelProps {
  row: MappingRow;
  targetField: CatalogueField | undefined;
  sourceFields: Map<string, CatalogueField>;
  suggestion: TargetSuggestion | undefined;
  suggestionsLoading: boolean;
  checks: MappingCheck[];
  /** The flow's checks have not come yet. */
  checking?: boolean;
  /** The row's expression as main runs it (written or generated). */
  expression?: RowExpression;
  onDecide: (decision: 'accept' | 'reject') => void;
  /** Clears the re-import flags. */
  onMarkReviewed: () => void;
  onEdit: (changes: RowEdit & { status?: MappingRow['status'] }, label: string) => void;
  onOpenValueMap: () => void;
  /** Large flows: candidates are computed when asked. */
  onLoadSuggestions?: () => void;
}

export function DetailPanel({ row, targetField, sourceFields, suggestion, suggestionsLoading, checks, checking, expression, onDecide, onMarkReviewed, onEdit, onOpenValueMap, onLoadSuggestions }: DetailPanelProps) {
  const canAccept = row.status !== 'accepted' && (row.sourcePaths.length > 0 || row.mappingType === 'constant' || !!row.defaultValue);
  const candidates = suggestion?.candidates ?? [];
  return (
    <div className="detail" aria-label={`Mapping ${row.mapId}`}>
      <header className="detail-header">
        <div className="detail-title-row">
          <span className="mono faint">{row.mapId}</span>
          <span className={`${statusTone[row.status]} badge-dot`}>{statusLabels[row.status]}</span>
        </div>
        <h2 className="detail-title mono">
          {row.targetPath}
          {targetField?.required && <span className="required-mark" title="Required">*</span>}
        </h2>
        <p className="detail-sub">
          {typeText(targetField)}
          {targetField?.maxLength !== undefined && ` · max ${targetField.maxLength}`}
          {targetField?.enum && ` · ${targetField.enum.length} values`}
        </p>
        {targetField?.description && <p className="detail-description">{targetField.description}</p>}
        <div className="detail-actions">
          {/* aria-disabled, not disabled: the button keeps the focus it had when it accepted the row. */}
          <button type="button" className="btn btn-sm btn-primary" aria-disabled={!canAccept} onClick={() => canAccept && onDecide('accept')} title="Accept (A)">
            <CheckIcon size={13} />
            Accept
          </button>
          <button type="button" className="btn btn-sm" disabled={row.sourcePaths.length === 0} onClick={() => onDecide('reject')} title="Reject (R)">
            <CloseIcon size={13} />
            Reject
          </button>
          {row.status !== 'not_needed' ? (
            <button type="button" className="btn btn-sm btn-ghost" onClick={() => onEdit({ status: 'not_needed' }, `Mark ${row.mapId} not needed`)}>
              Not needed
            </button>
          ) : (
            <button type="button" className="btn btn-sm btn-ghost" onClick={() => onEdit({ status: row.sourcePaths.length ? 'suggested' : 'needs_decision' }, `Reopen ${row.mapId}`)}>
              Reopen
            </button>
          )}
        </div>
      </header>

      {row.review && row.review.length > 0 && (
        <section className="detail-section detail-flagged">
          <h3 className="detail-heading">
            <WarningIcon size={13} /> Flagged by re-import
          </h3>
          <ul className="detail-list">
            {row.review.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
          <button type="button" className="btn btn-sm" onClick={onMarkReviewed} title="Mark reviewed (V)">
            <CheckIcon size={13} />
            Mark reviewed
          </button>
        </section>
      )}

      {checking && (
        <section className="detail-section">
          <h3 className="detail-heading">Checks</h3>
          <p className="muted" role="status">
            Checking…
          </p>
        </section>
      )}
      {checks.length > 0 && (
        <section className="detail-section">
          <h3 className="detail-heading">Checks</h3>
          <ul className="check-list">
            {checks.map((check, index) => (
              <li key={index} className={`check-item check-${check.severity}`}>
                {check.severity === 'error' ? <AlertIcon size={13} /> : <WarningIcon size={13} />}
                <span>{check.message}</span>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section className="detail-section" aria-label="Candidates">
        <h3 className="detail-heading">
          Candidates <span className="faint">{suggestionsLoading && !suggestion ? 'loading…' : candidates.length ? `${candidates.length}` : ''}</span>
        </h3>
        {onLoadSuggestions ? (
          <div className="detail-note">
            <p className="muted">This flow is large: its candidates take the suggestion engine a while, so they are computed when you ask.</p>
            <button type="button" className="btn btn-sm" onClick={onLoadSuggestions}>
              Show candidates and reasons
            </button>
          </div>
        ) : candidates.length === 0 ? (
          <p className="muted detail-note">{suggestionsLoading ? 'Asking the suggestion engine…' : 'No source field scores high enough. Drag one from the tree, or pick one in the sheet.'}</p>
        ) : (
          <ol className="candidates">
            {candidates.map((candidate) => {
              const current = row.sourcePaths.includes(candidate.source);
              return (
                <li key={candidate.source} className={`candidate${current ? ' is-current' : ''}`}>
                  <div className="candidate-head">
                    <span className="mono candidate-source">{candidate.source}</span>
                    <span className="sheet-type">{typeText(sourceFields.get(candidate.source))}</span>
                    <span className="candidate-score">{percent(candidate.score)}</span>
                  </div>
                  <span className="confidence-bar confidence-wide">
                    <span style={{ width: percent(candidate.score) }} />
                  </span>
                  <ul className="candidate-reasons">
                    {candidate.reasons.map((reason) => (
                      <li key={reason}>{reason}</li>
                    ))}
                  </ul>
                  {current ? (
                    <span className="badge badge-accent candidate-current">Current source</span>
                  ) : (
                    <button type="button" className="btn btn-sm candidate-use" onClick={() => onEdit({ sourcePaths: [candidate.source] }, `Use ${candidate.source} for ${row.mapId}`)}>
                      Use this source
                    </button>
                  )}
                </li>
              );
            })}
          </ol>
        )}
      </section>

      <LearnedPairs flowId={row.flowId} targetPath={row.targetPath} />

      <RowQuestions mapId={row.mapId} />

      <section className="detail-section detail-editors" aria-label="Mapping details">
        <h3 className="detail-heading">Mapping</h3>
        <label className="field detail-field">
          <span className="field-label">Mapping type</span>
          <select className="select" value={row.mappingType} onChange={(event) => onEdit({ mappingType: event.target.value as MappingRow['mappingType'] }, `Change type of ${row.mapId}`)}>
            {mappingTypes.map((type) => (
              <option key={type} value={type}>
                {mappingTypeLabels[type]}
              </option>
            ))}
          </select>
        </label>
        <DraftField label="Transformation" multiline mono rows={3} value={row.transformation} placeholder="Pseudocode, e.g. Prefix “SO-”; copy Order.orderNumber" onSave={(value) => onEdit({ transformation: value }, `Edit transformation of ${row.mapId}`)} />
        <div className="detail-pair">
          <DraftField label="Default" value={row.defaultValue ?? ''} onSave={(value) => onEdit({ defaultValue: value === '' ? null : value }, `Edit default of ${row.mapId}`)} />
          <DraftField label="Owner" value={row.owner} onSave={(value) => onEdit({ owner: value }, `Edit owner of ${row.mapId}`)} />
        </div>
        <div className="field detail-field">
          <span className="field-label">Value map</span>
          <div className="detail-valuemap">
            <span className={row.valueMap.length ? '' : 'muted'}>
              {row.valueMap.length ? row.valueMap.map((entry) => `${entry.source} → ${entry.target}`).join(', ') : 'No value map'}
            </span>
            <button type="button" className="btn btn-sm" onClick={onOpenValueMap}>
              Edit value map…
            </button>
          </div>
        </div>
        <DraftField label="Condition" value={row.condition} placeholder="Only when…" onSave={(value) => onEdit({ condition: value }, `Edit condition of ${row.mapId}`)} />
        <DraftField label="Notes" multiline value={row.notes} onSave={(value) => onEdit({ notes: value }, `Edit notes of ${row.mapId}`)} />
      </section>

      {checking ? (
        // The expressions come with the checks: an editor shown empty meanwhile would lose what is typed into it when they come.
        <section className="detail-section expression-section" aria-label="Pseudocode and expression">
          <h3 className="detail-heading">Pseudocode and expression</h3>
          <p className="muted" role="status">
            Generating the expression…
          </p>
        </section>
      ) : (
        <RowExpressionSection row={row} expression={expression} sourceFields={sourceFields} onEdit={onEdit} />
      )}
    </div>
  );
}
