// Requirements: the checklist every integration answers (functional and non-functional), some answers
// inferred from the API documents and flows. An inferred answer shows what it was read from until
// the analyst confirms it; typing an answer confirms it.
import { useState } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import type { Requirement } from '../../../../shared/contract';
import { api } from '../../api/client';
import { Alert } from '../../components/Alert';
import { CheckCircleIcon, CheckIcon, CircleIcon, InfoIcon } from '../../components/icons';
import { useApp } from '../../state/app-context';
import { replaceEach } from '../../state/list-edits';
import { useCallCache } from '../../state/queries';
import { errorMessage } from '../../state/save-state';
import { InlineField } from './InlineField';
import { isSettled } from './readiness';
import { SectionFrame } from './SectionFrame';

const groups: Array<{ id: Requirement['group']; title: string; text: string }> = [
  { id: 'functional', title: 'Functional', text: 'What moves, when, how and in which form.' },
  { id: 'non_functional', title: 'Non-functional', text: 'How much, how fast, and what happens when it fails or runs twice.' },
];

export function RequirementsPanel({ requirements }: { requirements: UseQueryResult<Requirement[]> }) {
  const cache = useCallCache();
  const list = requirements.data;
  const settled = list?.filter(isSettled).length ?? 0;
  const toConfirm = list?.filter((item) => item.inferred && !item.confirmed && item.answer.trim()).length ?? 0;

  const replace = (updated: Requirement) => cache.update('requirements.list', {}, (current) => replaceEach(current, [updated], 'key'));

  return (
    <SectionFrame
      id="requirements"
      title="Requirements"
      subtitle="The checklist every integration answers. Answers marked Inferred were read from the imported API documents and flows: confirm each, or type the right one."
      actions={
        list && (
          <span className="spec-counts">
            {settled} of {list.length} settled{toConfirm > 0 && <span className="badge badge-violet">{toConfirm} to confirm</span>}
          </span>
        )
      }
      loading={{ query: requirements, what: 'requirements' }}
    >
      {list &&
        groups.map((group) => {
          const items = list.filter((item) => item.group === group.id);
          if (items.length === 0) return null;
          return (
            <div key={group.id} className="requirement-group" role="group" aria-labelledby={`requirements-${group.id}`}>
              <div className="requirement-group-head">
                <h3 className="section-title" id={`requirements-${group.id}`}>
                  {group.title}
                  <span className="count">
                    {items.filter(isSettled).length}/{items.length}
                  </span>
                </h3>
                <span className="muted">{group.text}</span>
              </div>
              <ul className="requirement-list">
                {items.map((item) => (
                  <RequirementItem key={item.key} requirement={item} onUpdated={replace} />
                ))}
              </ul>
            </div>
          );
        })}
    </SectionFrame>
  );
}

function RequirementItem({ requirement, onUpdated }: { requirement: Requirement; onUpdated: (value: Requirement) => void }) {
  const { trackSave } = useApp();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const pending = requirement.inferred && !requirement.confirmed && requirement.answer.trim() !== '';
  const settled = isSettled(requirement);

  const setConfirmed = async (confirmed: boolean) => {
    setConfirming(true);
    setError(null);
    try {
      onUpdated(await trackSave(api['requirements.update']({ key: requirement.key, confirmed })));
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setConfirming(false);
    }
  };

  const StatusIcon = settled ? CheckCircleIcon : pending ? InfoIcon : CircleIcon;
  return (
    <li className={`requirement${pending ? ' requirement-pending' : ''}`} data-requirement={requirement.key}>
      <div className="requirement-question">
        <span className={`outline-status ${settled ? 'outline-done' : pending ? 'requirement-icon-inferred' : 'outline-todo'}`}>
          <StatusIcon size={15} />
        </span>
        <span className="requirement-text">{requirement.question}</span>
      </div>
      <div className="requirement-answer">
        <InlineField
          label={requirement.question}
          hideLabel
          multiline
          rows={2}
          value={requirement.answer}
          onSave={async (answer) => onUpdated(await trackSave(api['requirements.update']({ key: requirement.key, answer })))}
          placeholder="Not answered yet"
          inputClassName="requirement-input"
        />
        <div className="requirement-meta">
          {pending ? (
            <>
              <span className="badge badge-violet">Inferred</span>
              <span className="requirement-evidence">
                inferred from {requirement.evidence.length ? requirement.evidence.join('; ') : 'the imported documents'}
              </span>
              <button
                type="button"
                className="btn btn-sm"
                onClick={() => void setConfirmed(true)}
                disabled={confirming}
                aria-label={`Confirm: ${requirement.question}`}
              >
                <CheckIcon size={12} />
                Confirm
              </button>
            </>
          ) : settled ? (
            <>
              <span className="badge badge-success badge-dot">{requirement.evidence.length ? 'Confirmed' : 'Answered'}</span>
              {requirement.evidence.length > 0 && (
                <span className="requirement-evidence">inferred from {requirement.evidence.join('; ')}</span>
              )}
              {requirement.evidence.length > 0 && requirement.confirmed && (
                <button
                  type="button"
                  className="link-button requirement-reopen"
                  onClick={() => void setConfirmed(false)}
                  disabled={confirming}
                  aria-label={`Reopen: ${requirement.question}`}
                  title="Back to the answer inferred from the documents, unconfirmed"
                >
                  Reopen
                </button>
              )}
            </>
          ) : (
            <span className="faint">Type the answer; it counts as confirmed.</span>
          )}
        </div>
        {error && <Alert onDismiss={() => setError(null)}>{error}</Alert>}
      </div>
    </li>
  );
}
