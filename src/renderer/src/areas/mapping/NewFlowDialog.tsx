// "New data flow": source and target entities from the systems' catalogues, name, use case, trigger
// and the outcomes (what success and failure mean, and how each is handled).
import { useState } from 'react';
import { triggerKinds, type FlowDetail, type FlowSummary } from '../../../../shared/contract';
import { api } from '../../api/client';
import { Alert } from '../../components/Alert';
import { Dialog } from '../../components/Dialog';
import { ArrowRightIcon, PlusIcon, TrashIcon } from '../../components/icons';
import { triggerLabels } from '../../format';
import { useApp, useWorkspace } from '../../state/app-context';
import { errorMessage } from '../../state/save-state';
import { useLoad } from '../../state/use-load';
import { EntitySelect, type EntityChoice } from './EntitySelect';

interface Outcome {
  key: number;
  kind: 'success' | 'failure';
  condition: string;
  handling: string;
}

interface NewFlowDialogProps {
  existing: readonly FlowSummary[];
  onClose: () => void;
  onCreated: (flow: FlowDetail) => void;
}

let outcomeKey = 0;
const newOutcome = (kind: Outcome['kind']): Outcome => ({ key: ++outcomeKey, kind, condition: '', handling: '' });

export function NewFlowDialog({ existing, onClose, onCreated }: NewFlowDialogProps) {
  const { trackSave } = useApp();
  const workspace = useWorkspace();
  const systems = useLoad(`${workspace.path}|systems`, () => api['systems.list']({}), []);
  const [source, setSource] = useState<EntityChoice | null>(null);
  const [target, setTarget] = useState<EntityChoice | null>(null);
  const [name, setName] = useState('');
  const [useCase, setUseCase] = useState('');
  const [triggerKind, setTriggerKind] = useState<(typeof triggerKinds)[number]>('event');
  const [triggerDetail, setTriggerDetail] = useState('');
  const [outcomes, setOutcomes] = useState<Outcome[]>(() => [newOutcome('success'), newOutcome('failure')]);
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
    if (duplicate) {
      setError(`A data flow named “${finalName}” exists already: choose another name.`);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const flow = await trackSave(
        api['flows.create']({
          source: { system: source.system, entity: source.entityId },
          target: { system: target.system, entity: target.entityId },
          name: finalName || undefined,
          useCase: useCase.trim() || undefined,
          trigger: { kind: triggerKind, detail: triggerDetail.trim() },
          outcomes: outcomes
            .filter((outcome) => outcome.condition.trim() || outcome.handling.trim())
            .map(({ kind, condition, handling }) => ({ kind, condition: condition.trim(), handling: handling.trim() })),
        }),
      );
      onCreated(flow);
    } catch (failure) {
      setError(errorMessage(failure));
      setBusy(false);
    }
  };

  const change = (key: number, patch: Partial<Outcome>) => setOutcomes((list) => list.map((item) => (item.key === key ? { ...item, ...patch } : item)));

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
            <EntitySelect label="Source" systems={systems.data} value={source} onChange={setSource} workspacePath={workspace.path} />
            <span className="new-flow-arrow" aria-hidden="true">
              <ArrowRightIcon size={18} />
            </span>
            <EntitySelect label="Target" systems={systems.data} value={target} onChange={setTarget} workspacePath={workspace.path} />
          </>
        ) : (
          <p className="muted">{systems.error ?? 'Loading systems…'}</p>
        )}
      </div>
      <div className="form-grid">
        <label className="field">
          <span className="field-label">Name</span>
          <input className="input" value={name} placeholder={defaultName || 'Order to Invoice'} onChange={(event) => setName(event.target.value)} aria-invalid={duplicate || undefined} />
          {duplicate && <span className="field-error">A flow with this name exists already.</span>}
        </label>
        <label className="field">
          <span className="field-label">Use case</span>
          <input className="input" value={useCase} placeholder="As a finance clerk, I want…" onChange={(event) => setUseCase(event.target.value)} />
        </label>
        <label className="field">
          <span className="field-label">Trigger</span>
          <select className="select" aria-label="Trigger kind" value={triggerKind} onChange={(event) => setTriggerKind(event.target.value as typeof triggerKind)}>
            {triggerKinds.map((kind) => (
              <option key={kind} value={kind}>
                {triggerLabels[kind]}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field-label">Trigger detail</span>
          <input className="input" value={triggerDetail} placeholder="CRM webhook orderConfirmed" onChange={(event) => setTriggerDetail(event.target.value)} />
        </label>
      </div>
      <div className="outcomes">
        <div className="field-label-row">
          <span className="field-label">Outcomes</span>
          <span className="spacer" />
          <button type="button" className="btn btn-ghost btn-sm" onClick={() => setOutcomes((list) => [...list, newOutcome('failure')])}>
            <PlusIcon size={12} />
            Add outcome
          </button>
        </div>
        {outcomes.map((outcome, index) => (
          <div className="outcome-row" key={outcome.key}>
            <select className="select" aria-label={`Outcome ${index + 1} kind`} value={outcome.kind} onChange={(event) => change(outcome.key, { kind: event.target.value as Outcome['kind'] })}>
              <option value="success">Success</option>
              <option value="failure">Failure</option>
            </select>
            <input className="input" aria-label={`Outcome ${index + 1} condition`} placeholder={outcome.kind === 'success' ? 'Invoice created' : 'Contact missing'} value={outcome.condition} onChange={(event) => change(outcome.key, { condition: event.target.value })} />
            <input className="input" aria-label={`Outcome ${index + 1} handling`} placeholder={outcome.kind === 'success' ? 'Store the invoice id on the order' : 'Create the contact, then retry'} value={outcome.handling} onChange={(event) => change(outcome.key, { handling: event.target.value })} />
            <button type="button" className="btn btn-ghost btn-icon btn-sm" aria-label={`Remove outcome ${index + 1}`} onClick={() => setOutcomes((list) => list.filter((item) => item.key !== outcome.key))}>
              <TrashIcon size={14} />
            </button>
          </div>
        ))}
      </div>
    </Dialog>
  );
}
