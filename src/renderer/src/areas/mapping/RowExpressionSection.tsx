// The selected row's pseudocode and its executable JSONata expression side by side: generated from the
// row until the analyst writes one (marked "written by hand"), the parse error inline, and the flag when
// pseudocode and expression may disagree, with "They agree" to clear it.
import { useMemo, useState } from 'react';
import type { CatalogueField } from '../../../../shared/catalogue';
import type { MappingRow, RowExpression } from '../../../../shared/contract';
import { parseProblem } from '../../../../shared/jsonata-text';
import { AlertIcon, WarningIcon } from '../../components/icons';
import { ExpressionEditor } from './ExpressionEditor';
import { pseudocodeOf, sourceCompletions } from './expression-help';
import type { RowEdit } from './SheetGrid';

const NO_CONTEXT: string[] = [];

interface RowExpressionSectionProps {
  row: MappingRow;
  expression: RowExpression | undefined;
  sourceFields: Map<string, CatalogueField>;
  onEdit: (changes: RowEdit, label: string) => void;
}

export function RowExpressionSection({ row, expression, sourceFields, onEdit }: RowExpressionSectionProps) {
  const stored = expression?.expression ?? '';
  const [draft, setDraft] = useState<string | null>(null);
  // What main holds changed (the save landed, an undo, "Use generated"): the draft gives way to it.
  const [seen, setSeen] = useState(stored);
  if (seen !== stored) {
    setSeen(stored);
    setDraft(null);
  }
  const text = draft ?? stored;
  const context = expression?.context ?? NO_CONTEXT;
  const completions = useMemo(() => sourceCompletions([...sourceFields.values()].map((field) => ({ path: field.path, type: field.type })), context), [sourceFields, context]);
  const problem = text.trim() === '' ? null : parseProblem(text);
  const handWritten = row.expression !== null;
  const changed = draft !== null && draft.trim() !== stored.trim();
  // An error main gave that is not a parse error of what is shown (e.g. no array pairing to run in).
  const runError = !changed && expression?.error && !problem ? expression.error : null;

  const save = () => {
    if (!changed || problem) return;
    onEdit({ expression: text.trim() === '' ? null : text }, `Edit expression of ${row.mapId}`);
  };

  return (
    <section className="detail-section expression-section" aria-label="Pseudocode and expression">
      <h3 className="detail-heading">
        Pseudocode and expression
        <span className={`badge ${handWritten ? 'badge-accent' : ''}`}>{handWritten ? 'Written by hand' : 'Generated'}</span>
      </h3>
      {expression?.mayDisagree && (
        <div className="expression-drift" role="note">
          <WarningIcon size={13} />
          <span>
            Pseudocode and expression may disagree: {expression.disagreement}.
          </span>
          {handWritten && (
            <button type="button" className="btn btn-sm" onClick={() => onEdit({ expressionDrift: false }, `Mark ${row.mapId}'s pseudocode and expression as agreeing`)}>
              They agree
            </button>
          )}
        </div>
      )}
      <div className="expression-pair">
        <div className="expression-side">
          <span className="field-label">Pseudocode</span>
          <ul className="expression-pseudocode">
            {pseudocodeOf(row).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </div>
        <div className="expression-side">
          <span className="field-label" id={`expression-label-${row.id}`}>
            Expression (JSONata)
          </span>
          <ExpressionEditor
            value={text}
            onChange={setDraft}
            onSave={save}
            completions={completions}
            label={`Expression of ${row.mapId}`}
            placeholder={expression?.runs === false && !handWritten ? 'Nothing runs: the row has no source, constant or default' : 'e.g. $uppercase(orderNumber)'}
          />
          {problem ? (
            <p className="expression-error" role="alert">
              <AlertIcon size={13} /> Does not parse{problem.position !== null ? ` at character ${problem.position}` : ''}: {problem.message}
            </p>
          ) : runError ? (
            <p className="expression-error">
              <AlertIcon size={13} /> {runError}
            </p>
          ) : null}
          {context.length > 0 && (
            <p className="faint expression-context">
              Runs on each element of <span className="mono">{context.at(-1)}</span>; <span className="mono">$$</span> reads from the whole payload.
            </p>
          )}
          <div className="expression-actions">
            <button type="button" className="btn btn-sm btn-primary" disabled={!changed || problem !== null} onClick={save} title="Save (Ctrl+Enter)">
              Save expression
            </button>
            {changed && (
              <button type="button" className="btn btn-sm btn-ghost" onClick={() => setDraft(null)}>
                Discard
              </button>
            )}
            {handWritten && !changed && (
              <button type="button" className="btn btn-sm btn-ghost" onClick={() => onEdit({ expression: null }, `Generate the expression of ${row.mapId} again`)} title="Forget the written expression: generate it from the pseudocode again">
                Use generated
              </button>
            )}
          </div>
        </div>
      </div>
    </section>
  );
}
