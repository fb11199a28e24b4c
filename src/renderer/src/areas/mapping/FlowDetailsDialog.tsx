// "Flow details" from the mapping screen: the flow's name, the use case it serves, its trigger and its
// outcomes, saved together with flows.update; its endpoints; and the object inside each entity it maps
// (its root), changed through flows.repoint after a preview of what happens to the rows.
import { useState } from 'react';
import type { CallInput, FlowDetail } from '../../../../shared/contract';
import { api } from '../../api/client';
import { Alert } from '../../components/Alert';
import { Dialog } from '../../components/Dialog';
import { useApp } from '../../state/app-context';
import { queryError, useCall, useCallCache } from '../../state/queries';
import { errorMessage } from '../../state/save-state';
import { flowRewritten } from './cache-updates';
import { FlowEndpointsEditor, sameEndpoints, type EndpointsDraft } from './FlowEndpointsEditor';
import { RepointPreview, type RepointChange, type Unresolved } from './RepointPreview';
import { RootSelect } from './RootSelect';
import { cleanOutcomes, outcomeDrafts, sameOutcomes, TriggerOutcomesEditor, UseCaseSelect, type OutcomeDraft, type TriggerDraft } from './TriggerOutcomesEditor';

interface FlowDetailsDialogProps {
  flow: FlowDetail;
  onClose: () => void;
  onSaved: (flow: FlowDetail) => void;
}

export function FlowDetailsDialog({ flow, onClose, onSaved }: FlowDetailsDialogProps) {
  const { trackSave } = useApp();
  // What the Spec area loaded shows at once.
  const useCases = useCall('useCases.list', {});
  const [name, setName] = useState(flow.name);
  const [useCaseId, setUseCaseId] = useState<number | null>(flow.useCaseId);
  const [trigger, setTrigger] = useState<TriggerDraft>(flow.trigger);
  const [outcomes, setOutcomes] = useState<OutcomeDraft[]>(() => outcomeDrafts(flow));
  const [endpoints, setEndpoints] = useState<EndpointsDraft>(flow.endpoints);
  const [sourceRoot, setSourceRoot] = useState(flow.source.root);
  const [targetRoot, setTargetRoot] = useState(flow.target.root);
  const [unresolved, setUnresolved] = useState<Unresolved>('keep');
  const cache = useCallCache();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const rootChange: RepointChange = {};
  if (sourceRoot !== flow.source.root) rootChange.source = { ...flow.source, root: sourceRoot };
  if (targetRoot !== flow.target.root) rootChange.target = { ...flow.target, root: targetRoot };
  const rootsChanged = rootChange.source !== undefined || rootChange.target !== undefined;

  const submit = async () => {
    const changes: Omit<CallInput<'flows.update'>, 'id'> = {};
    const trimmedName = name.trim();
    if (!trimmedName) {
      setError('A data flow needs a name.');
      return;
    }
    if (trimmedName !== flow.name) changes.name = trimmedName;
    if (useCaseId !== flow.useCaseId) changes.useCaseId = useCaseId;
    const nextTrigger = { kind: trigger.kind, detail: trigger.detail.trim() };
    if (nextTrigger.kind !== flow.trigger.kind || nextTrigger.detail !== flow.trigger.detail) changes.trigger = nextTrigger;
    if (!sameOutcomes(outcomes, flow.outcomes)) changes.outcomes = cleanOutcomes(outcomes);
    const endpointsChanged = !sameEndpoints(endpoints, flow.endpoints);
    if (Object.keys(changes).length === 0 && !endpointsChanged && !rootsChanged) return onClose();
    setBusy(true);
    setError(null);
    try {
      let saved = Object.keys(changes).length > 0 ? await trackSave(api['flows.update']({ id: flow.id, ...changes })) : flow;
      if (endpointsChanged) saved = await trackSave(api['flows.setEndpoints']({ id: flow.id, ...endpoints, matchKey: endpoints.matchKey.trim() }));
      if (rootsChanged) {
        await trackSave(api['flows.repoint']({ id: flow.id, ...rootChange, unresolved }));
        saved = await api['flows.get']({ id: flow.id });
        flowRewritten(cache, flow.id);
      }
      onSaved(saved);
    } catch (failure) {
      setError(errorMessage(failure));
      setBusy(false);
    }
  };

  return (
    <Dialog
      title="Flow details"
      subtitle={
        <>
          {flow.source.system} · {flow.source.entity} → {flow.target.system} · {flow.target.entity}
        </>
      }
      size="lg"
      busy={busy}
      onClose={onClose}
      onSubmit={() => void submit()}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose} disabled={busy}>
            Cancel
          </button>
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? 'Saving…' : 'Save details'}
          </button>
        </>
      }
    >
      {error && <Alert>{error}</Alert>}
      {!useCases.data && useCases.isError && <Alert>The use cases could not be loaded: {queryError(useCases)}</Alert>}
      <TriggerOutcomesEditor
        trigger={trigger}
        outcomes={outcomes}
        onTrigger={setTrigger}
        onOutcomes={setOutcomes}
        disabled={busy}
        leading={
          <>
            <label className="field">
              <span className="field-label">Name</span>
              <input className="input" value={name} maxLength={200} onChange={(event) => setName(event.target.value)} aria-invalid={!name.trim() || undefined} />
            </label>
            <div className="field">
              <span className="field-label" aria-hidden="true">
                Use case
              </span>
              <UseCaseSelect useCases={useCases.data} value={useCaseId} onChange={setUseCaseId} />
            </div>
          </>
        }
      />
      <FlowEndpointsEditor flow={flow} value={endpoints} onChange={setEndpoints} disabled={busy} />
      <div className="flow-roots">
        <RootSelect label="Source" entity={{ system: flow.source.system, entityId: flow.source.entity, entityName: flow.source.entity }} value={sourceRoot} onChange={setSourceRoot} />
        <RootSelect label="Target" entity={{ system: flow.target.system, entityId: flow.target.entity, entityName: flow.target.entity }} value={targetRoot} onChange={setTargetRoot} />
      </div>
      {rootsChanged && <RepointPreview flowId={flow.id} change={rootChange} unresolved={unresolved} onUnresolved={setUnresolved} />}
    </Dialog>
  );
}
