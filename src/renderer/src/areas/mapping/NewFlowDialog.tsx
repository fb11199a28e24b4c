// "New data flow": source and target entities from the systems' catalogues, name, use case, trigger
// and the outcomes (what success and failure mean, and how each is handled).
import { useState } from 'react';
import type { FlowDetail, FlowSummary } from '../../../../shared/contract';
import { api } from '../../api/client';
import { Alert } from '../../components/Alert';
import { Dialog } from '../../components/Dialog';
import { ArrowRightIcon } from '../../components/icons';
import { useApp } from '../../state/app-context';
import { queryError } from '../../state/queries';
import { errorMessage } from '../../state/save-state';
import { useSystems } from '../systems/queries';
import { EntitySelect, type EntityChoice } from './EntitySelect';
import { RootSelect, useChosenRoot } from './RootSelect';
import { cleanOutcomes, newOutcome, TriggerOutcomesEditor, type OutcomeDraft, type TriggerDraft } from './TriggerOutcomesEditor';

interface NewFlowDialogProps {
  existing: readonly FlowSummary[];
  onClose: () => void;
  onCreated: (flow: FlowDetail) => void;
}

export function NewFlowDialog({ existing, onClose, onCreated }: NewFlowDialogProps) {
  const { trackSave } = useApp();
  const systems = useSystems();
  const [source, setSource] = useState<EntityChoice | null>(null);
  const [target, setTarget] = useState<EntityChoice | null>(null);
  const [sourceRoot, setSourceRoot] = useState<string | null>(null);
  const [targetRoot, setTargetRoot] = useState<string | null>(null);
  const chosenSourceRoot = useChosenRoot(source, sourceRoot);
  const chosenTargetRoot = useChosenRoot(target, targetRoot);
  const [name, setName] = useState('');
  const [useCase, setUseCase] = useState('');
  const [story, setStory] = useState('');
  const [trigger, setTrigger] = useState<TriggerDraft>({ kind: 'event', detail: '' });
  const [outcomes, setOutcomes] = useState<OutcomeDraft[]>(() => [newOutcome('success'), newOutcome('failure')]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const defaultName = source && target ? `${source.entityName} to ${target.entityName}` : '';
  const finalName = name.trim() || defaultName;
  const duplicate = finalName !== '' && existing.some((flow) => flow.name.toLowerCase() === finalName.toLowerCase());

  const submit = async () => {
    if (!source || !target) {
      setError('Choose the source entity and the target entity.');
      return;
    }
    if (story.trim() && !useCase.trim()) {
      setError('Give the use case a short title (e.g. “Invoice each shipped order”); the story goes below it.');
      return;
    }
    if (duplicate) {
      setError(`A data flow named “${finalName}” exists already: choose another name.`);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const flow = await trackSave(
        api['flows.create']({
          source: { system: source.system, entity: source.entityId, root: chosenSourceRoot },
          target: { system: target.system, entity: target.entityId, root: chosenTargetRoot },
          name: finalName || undefined,
          useCase: useCase.trim() || undefined,
          useCaseStory: story.trim() || undefined,
          trigger: { kind: trigger.kind, detail: trigger.detail.trim() },
          outcomes: cleanOutcomes(outcomes),
        }),
      );
      onCreated(flow);
    } catch (failure) {
      setError(errorMessage(failure));
      setBusy(false);
    }
  };

  return (
    <Dialog
      title="New data flow"
      subtitle="One direction of the integration: a source entity feeding a target entity."
      size="xl"
      busy={busy}
      onClose={onClose}
      onSubmit={submit}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose} disabled={busy}>
            Cancel
          </button>
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? 'Creating…' : 'Create flow'}
          </button>
        </>
      }
    >
      {error && <Alert>{error}</Alert>}
      <div className="new-flow-entities">
        {systems.data ? (
          <>
            <div className="new-flow-side">
              <EntitySelect label="Source" systems={systems.data} value={source} onChange={(choice) => {
                  setSource(choice);
                  setSourceRoot(null);
                }} />
              {source && <RootSelect label="Source" entity={source} value={sourceRoot} onChange={setSourceRoot} />}
            </div>
            <span className="new-flow-arrow" aria-hidden="true">
              <ArrowRightIcon size={18} />
            </span>
            <div className="new-flow-side">
              <EntitySelect label="Target" systems={systems.data} value={target} onChange={(choice) => {
                  setTarget(choice);
                  setTargetRoot(null);
                }} />
              {target && <RootSelect label="Target" entity={target} value={targetRoot} onChange={setTargetRoot} />}
            </div>
          </>
        ) : (
          <p className="muted">{queryError(systems) ?? 'Loading systems…'}</p>
        )}
      </div>
      <TriggerOutcomesEditor
        trigger={trigger}
        outcomes={outcomes}
        onTrigger={setTrigger}
        onOutcomes={setOutcomes}
        leading={
          <>
            <label className="field">
              <span className="field-label">Name</span>
              <input className="input" value={name} placeholder={defaultName || 'Order to Invoice'} onChange={(event) => setName(event.target.value)} aria-invalid={duplicate || undefined} />
              {duplicate && <span className="field-error">A flow with this name exists already.</span>}
            </label>
            <label className="field">
              <span className="field-label">Use case title</span>
              <input className="input" value={useCase} maxLength={120} placeholder="Invoice each shipped order" onChange={(event) => setUseCase(event.target.value)} />
            </label>
            <label className="field">
              <span className="field-label">Use case story</span>
              <textarea className="textarea" rows={2} value={story} placeholder="As a finance clerk, I want each shipped order invoiced, so that…" onChange={(event) => setStory(event.target.value)} />
            </label>
          </>
        }
      />
    </Dialog>
  );
}
