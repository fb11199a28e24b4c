// Business case: the integration's value to its stakeholders, short; the spec's version and author.
import type { UseQueryResult } from '@tanstack/react-query';
import type { CallInput, Integration } from '../../../../shared/contract';
import { api } from '../../api/client';
import { formatRelative, plural } from '../../format';
import { useApp } from '../../state/app-context';
import { useCallCache } from '../../state/queries';
import { InlineField } from './InlineField';
import { SectionFrame } from './SectionFrame';

export function BusinessCasePanel({ integration }: { integration: UseQueryResult<Integration> }) {
  const { trackSave, refreshWorkspace } = useApp();
  const cache = useCallCache();
  const value = integration.data;

  const save = async (changes: CallInput<'integration.update'>) => {
    const updated = await trackSave(api['integration.update'](changes));
    cache.set('integration.get', {}, updated);
    if (changes.name !== undefined) await refreshWorkspace();
  };

  const words = value?.businessCase.trim() ? value.businessCase.trim().split(/\s+/).length : 0;

  return (
    <SectionFrame
      id="business-case"
      title="Business case"
      subtitle="Why the integration exists: the value it brings to each stakeholder. Short — a few paragraphs at most."
      loading={{ query: integration, what: 'integration' }}
    >
      {value && (
        <div className="panel-body spec-form">
          <InlineField
            label="Business case"
            multiline
            rows={9}
            className="business-case-text"
            value={value.businessCase}
            onSave={(businessCase) => save({ businessCase })}
            placeholder="e.g. Sales confirms orders in the CRM; finance retypes them as invoices in the ledger a day later. With this integration every confirmed order becomes an invoice within minutes, so customers are billed the same day and finance stops retyping."
            hint={
              <>
                {words ? plural(words, 'word') : 'Not written yet'} · saved when you leave the field (Ctrl+Enter) · last changed {formatRelative(value.updatedAt)}
              </>
            }
          />
          <ul className="spec-guidance" aria-label="What a good business case says">
            <li>
              <strong>Value first.</strong> What does each stakeholder — customers, sales, finance, support — get once it runs?
            </li>
            <li>
              <strong>Keep it short.</strong> No data, fields or endpoints here: the use cases and flows say how.
            </li>
            <li>
              <strong>Think beyond the team.</strong> How does it help against competitors, or open a market?
            </li>
          </ul>
          <div className="spec-form-row">
            <InlineField
              label="Integration name"
              value={value.name}
              onSave={(name) => save({ name })}
              requiredMessage="The integration needs a name; the previous one was kept."
              maxLength={200}
            />
            <InlineField label="Author" value={value.author} onSave={(author) => save({ author })} maxLength={200} placeholder="Who writes this specification" />
          </div>
        </div>
      )}
    </SectionFrame>
  );
}
