// Open questions and corner cases on one mapping row: those raised on it and those whose text quotes its
// Map ID, and a form to raise a new one — it lands in the spec's open questions and the workbook's column.
import { useState } from 'react';
import type { OpenQuestion } from '../../../../shared/contract';
import { api } from '../../api/client';
import { questionKindLabels, questionStatusLabels } from '../../format';
import { useApp } from '../../state/app-context';
import { useCall, useCallCache } from '../../state/queries';
import { errorMessage } from '../../state/save-state';

export function RowQuestions({ mapId }: { mapId: string }) {
  const { trackSave } = useApp();
  const questions = useCall('questions.list', {});
  const cache = useCallCache();
  const [draft, setDraft] = useState<{ text: string; kind: OpenQuestion['kind'] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const mine = (questions.data ?? []).filter((question) => question.mapId === mapId || question.mentions.some((mention) => mention.mapId === mapId));

  const raise = async () => {
    if (!draft || draft.text.trim() === '') return;
    setError(null);
    try {
      const added = await trackSave(api['questions.add']({ question: draft.text, kind: draft.kind, mapId }));
      cache.update('questions.list', {}, (list) => [...list, added]);
      cache.invalidate('workspace.current');
      setDraft(null);
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };

  return (
    <section className="detail-section" aria-label="Questions on this row">
      <h3 className="detail-heading">
        Questions <span className="faint">{mine.length || ''}</span>
      </h3>
      {mine.length > 0 && (
        <ul className="row-questions">
          {mine.map((question) => (
            <li key={question.id} className="row-question">
              <span className="row-question-meta">
                <span className="mono">Q-{question.id}</span> {questionKindLabels[question.kind]} · {questionStatusLabels[question.status]}
                {question.mapId !== mapId && ' · mentions this row'}
              </span>
              <span>{question.question}</span>
              {question.answer && <span className="muted">Answer: {question.answer}</span>}
              {question.mentions
                .filter((mention) => !mention.exists)
                .map((mention) => (
                  <span key={mention.mapId} className="field-error">
                    {mention.mapId} is quoted, but no row has that Map ID.
                  </span>
                ))}
            </li>
          ))}
        </ul>
      )}
      {draft ? (
        <form
          className="row-question-form"
          onSubmit={(event) => {
            event.preventDefault();
            void raise();
          }}
        >
          <label className="field">
            <span className="field-label">New {draft.kind === 'corner_case' ? 'corner case' : 'question'} on {mapId}</span>
            <textarea className="textarea" rows={3} autoFocus value={draft.text} onChange={(event) => setDraft({ ...draft, text: event.target.value })} placeholder="e.g. Which address wins when both M-0004 and this row have one?" />
          </label>
          <div className="row-question-actions">
            <select className="select" aria-label="Kind" value={draft.kind} onChange={(event) => setDraft({ ...draft, kind: event.target.value as OpenQuestion['kind'] })}>
              <option value="question">Question</option>
              <option value="corner_case">Corner case</option>
            </select>
            <button type="button" className="btn btn-sm" onClick={() => setDraft(null)}>
              Cancel
            </button>
            <button type="submit" className="btn btn-sm btn-primary" disabled={draft.text.trim() === ''}>
              Raise
            </button>
          </div>
          {error && (
            <p className="field-error" role="alert">
              {error}
            </p>
          )}
        </form>
      ) : (
        <button type="button" className="btn btn-sm btn-ghost" onClick={() => setDraft({ text: '', kind: 'question' })}>
          Raise a question on {mapId}
        </button>
      )}
    </section>
  );
}
