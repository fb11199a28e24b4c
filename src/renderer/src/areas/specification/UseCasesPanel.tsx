// Use cases: the business case cut into units of value (user or job stories), each descopable on its
// own, with the data flows that serve it.
import { useEffect, useState } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import type { CallInput, FlowSummary, UseCase } from '../../../../shared/contract';
import { api } from '../../api/client';
import { Alert } from '../../components/Alert';
import { EmptyState } from '../../components/EmptyState';
import { useAddForm } from '../../components/use-add-form';
import { ListIcon, PlusIcon, TrashIcon } from '../../components/icons';
import { plural } from '../../format';
import { hashFor } from '../../shell/areas';
import { useApp } from '../../state/app-context';
import { removeById, replaceById } from '../../state/list-edits';
import { useCallCache } from '../../state/queries';
import { ConfirmRemove } from './ConfirmRemove';
import { FlowCard } from './FlowCard';
import { flowsOf } from './flows-of';
import { InlineField } from './InlineField';
import { SectionFrame } from './SectionFrame';
import { useFlowsRenamed } from './queries';
import { useSaveNow } from './use-save-now';

const storyHint = 'As a <stakeholder>, I want <goal>, so that <reason> — or: When <situation>, I want <motivation>, so that <outcome>.';

export function UseCasesPanel({ useCases, flows, focus }: { useCases: UseQueryResult<UseCase[]>; flows: UseQueryResult<FlowSummary[]>; focus?: string }) {
  const { refreshWorkspace } = useApp();
  const cache = useCallCache();
  const flowsRenamed = useFlowsRenamed();
  const list = useCases.data;
  const allFlows = flows.data ?? [];
  const linked = new Set(list?.flatMap((useCase) => flowsOf(useCase, allFlows).map((flow) => flow.id)));
  const unlinked = allFlows.filter((flow) => !linked.has(flow.id));
  const descoped = list?.filter((useCase) => useCase.descoped).length ?? 0;
  const loaded = list !== undefined;

  // #/spec/use-cases/UC-2 (from the outline) brings that use case into sight.
  useEffect(() => {
    if (!focus || !loaded) return;
    document.getElementById(`use-case-${focus}`)?.scrollIntoView({ block: 'start' });
  }, [focus, loaded]);

  return (
    <SectionFrame
      id="use-cases"
      title="Use cases"
      subtitle="The features of the integration, in the stakeholders' words. Each one independent, so it can be descoped without touching the others; under each, the data flows that serve it."
      actions={list && list.length > 0 && <span className="spec-counts">{plural(list.length - descoped, 'in scope', 'in scope')}{descoped ? ` · ${descoped} descoped` : ''}</span>}
      loading={{ query: useCases, what: 'use cases' }}
    >
      <AddUseCaseForm
        onAdded={(added) => {
          cache.update('useCases.list', {}, (current) => [...current, added]);
          void refreshWorkspace();
        }}
      />
      {list && list.length === 0 ? (
        <EmptyState icon={ListIcon} title="No use cases yet" compact>
          Break the business case into use cases: one short story per thing a stakeholder gets, e.g. “As a finance clerk, I want
          confirmed orders to appear as draft invoices, so that I stop retyping them.”
        </EmptyState>
      ) : (
        <ol className="use-case-list">
          {list?.map((useCase) => (
            <UseCaseCard
              key={useCase.id}
              useCase={useCase}
              flows={flowsOf(useCase, allFlows)}
              useCases={list}
              onUpdated={(updated) => {
                cache.update('useCases.list', {}, (current) => replaceById(current, updated));
                if (updated.title !== useCase.title) flowsRenamed();
              }}
              onRemoved={() => {
                cache.update('useCases.list', {}, (current) => removeById(current, useCase.id));
                // Its flows and test cases serve no use case now.
                flowsRenamed();
                cache.invalidate('testCases.list');
                void refreshWorkspace();
              }}
            />
          ))}
        </ol>
      )}
      {unlinked.length > 0 && (
        <div className="unlinked-flows" id="use-case-unlinked">
          <h3 className="section-title">
            Data flows without a use case <span className="count">{unlinked.length}</span>
          </h3>
          <p className="muted">Every flow should serve a use case: choose the one each of these serves.</p>
          <ul className="flow-cards">
            {unlinked.map((flow) => (
              <FlowCard key={flow.id} flow={flow} useCases={list} />
            ))}
          </ul>
        </div>
      )}
    </SectionFrame>
  );
}

interface UseCaseCardProps {
  useCase: UseCase;
  flows: FlowSummary[];
  useCases: readonly UseCase[] | undefined;
  onUpdated: (value: UseCase) => void;
  onRemoved: () => void;
}

function UseCaseCard({ useCase, flows, useCases, onUpdated, onRemoved }: UseCaseCardProps) {
  const { trackSave } = useApp();
  const [removing, setRemoving] = useState(false);

  const save = async (changes: Omit<CallInput<'useCases.update'>, 'id'>) => onUpdated(await trackSave(api['useCases.update']({ id: useCase.id, ...changes })));
  // Descoped: struck through at once, back if the save fails.
  const { saveNow, error, clearError } = useSaveNow(useCase, onUpdated, save);

  return (
    <li id={`use-case-${useCase.ref}`} className={`record-card use-case${useCase.descoped ? ' record-descoped' : ''}`} aria-label={`${useCase.ref} ${useCase.title}${useCase.descoped ? ' (descoped)' : ''}`}>
      <div className="record-head">
        <span className="record-ref">{useCase.ref}</span>
        <InlineField
          label={`Title of ${useCase.ref}`}
          hideLabel
          value={useCase.title}
          onSave={(title) => save({ title })}
          requiredMessage="A use case needs a title; the previous one was kept."
          maxLength={500}
          className="record-title"
          inputClassName="input-title"
        />
        <label className="record-toggle">
          <input type="checkbox" checked={useCase.descoped} onChange={() => void saveNow({ descoped: !useCase.descoped })} />
          Descoped
        </label>
        <button type="button" className="btn btn-ghost btn-icon btn-sm btn-danger-ghost" onClick={() => setRemoving(true)} aria-label={`Remove ${useCase.ref}`} title="Remove">
          <TrashIcon size={14} />
        </button>
      </div>
      <InlineField
        label={`Story of ${useCase.ref}`}
        hideLabel
        multiline
        rows={2}
        value={useCase.story}
        onSave={(story) => save({ story })}
        placeholder={storyHint}
        className="record-story"
      />
      {error && <Alert onDismiss={clearError}>{error}</Alert>}
      <div className="use-case-flows">
        <h3 className="record-subtitle">
          Data flows <span className="count">{flows.length}</span>
        </h3>
        {flows.length ? (
          <ul className="flow-cards">
            {flows.map((flow) => (
              <FlowCard key={flow.id} flow={flow} useCases={useCases} />
            ))}
          </ul>
        ) : (
          <p className="faint">
            No data flow serves it yet. <a href={hashFor('mapping')}>Create one in Mapping</a>, or link an existing flow to it from the flow's card.
          </p>
        )}
      </div>
      {removing && (
        <ConfirmRemove record={useCase} what="use case" remove={api['useCases.remove']} onRemoved={onRemoved} onClose={() => setRemoving(false)}>
          <p>
            “{useCase.title}” is removed from the spec. Its data flows and test cases stay, no longer linked to a use case.
          </p>
          <p className="muted">To keep it on record but out of this delivery, mark it Descoped instead.</p>
        </ConfirmRemove>
      )}
    </li>
  );
}

function AddUseCaseForm({ onAdded }: { onAdded: (useCase: UseCase) => void }) {
  const [story, setStory] = useState('');
  const form = useAddForm({ required: 'Give the use case a short title first.', add: (title) => api['useCases.add']({ title, story: story.trim() }), onAdded, reset: () => setStory('') });

  return (
    <form className="spec-add-form" onSubmit={form.onSubmit} aria-label="Add a use case">
      <div className="spec-add-row">
        <label className="visually-hidden" htmlFor="new-use-case-title">
          New use case title
        </label>
        <input
          id="new-use-case-title"
          {...form.field}
          className="input spec-add-title"
          maxLength={500}
          placeholder="New use case, e.g. Invoice confirmed orders"
        />
        <label className="visually-hidden" htmlFor="new-use-case-story">
          New use case story
        </label>
        <input
          id="new-use-case-story"
          className="input spec-add-grow"
          value={story}
          maxLength={20000}
          placeholder="As a …, I want …, so that … (optional)"
          onChange={(event) => setStory(event.target.value)}
        />
        <button type="submit" className="btn btn-primary" disabled={form.busy}>
          <PlusIcon />
          Add use case
        </button>
      </div>
      {form.error}
    </form>
  );
}
