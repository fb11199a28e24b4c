// One data flow under its use case: one direction, how far it is mapped, and its details edited in place —
// the use case it serves, what triggers it, its outcomes — saved as in an InlineField: a choice at once, text
// on leaving the field (or Enter), Escape puts the saved text back; a failed save puts the saved values back
// and says why. The field mappings are edited on the flow's mapping screen; this links there.
import { useMemo, useRef, useState, type FocusEvent } from 'react';
import type { CallInput, FlowDetail, FlowSummary, UseCase } from '../../../../shared/contract';
import { api } from '../../api/client';
import { ArrowRightIcon, ChevronRightIcon, FlowIcon } from '../../components/icons';
import { cleanOutcomes, OutcomeList, outcomeDrafts, sameOutcomes, TriggerFields, UseCaseSelect, type OutcomeDraft, type TriggerDraft } from '../mapping/TriggerOutcomesEditor';
import { hashFor } from '../../shell/areas';
import { useApp } from '../../state/app-context';
import { queryError, useCall } from '../../state/queries';
import { errorMessage } from '../../state/save-state';
import { useFlowStored } from '../mapping/queries';

interface Draft {
  trigger: TriggerDraft;
  outcomes: OutcomeDraft[];
}

const draftOf = (flow: FlowDetail): Draft => ({ trigger: { ...flow.trigger }, outcomes: outcomeDrafts(flow) });
const sameDraft = (draft: Draft, flow: FlowDetail) =>
  draft.trigger.kind === flow.trigger.kind && draft.trigger.detail.trim() === flow.trigger.detail && sameOutcomes(draft.outcomes, flow.outcomes);

interface FlowCardProps {
  flow: FlowSummary;
  /** The use cases to link the flow to (undefined while they load). */
  useCases: readonly UseCase[] | undefined;
}

export function FlowCard({ flow, useCases }: FlowCardProps) {
  const { trackSave } = useApp();
  const flowStored = useFlowStored();
  const detail = useCall('flows.get', { id: flow.id });
  const stored = detail.data;
  const { accepted, total } = flow.mappings;

  // The card shows what is stored, except while the analyst is at work in it: then their draft, which a
  // save (or a reload) does not replace until they leave the card.
  const storedDraft = useMemo(() => (stored ? draftOf(stored) : null), [stored]);
  const [draft, setDraft] = useState<Draft | null>(null);
  const shown = draft ?? storedDraft;
  const [saving, setSaving] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const editor = useRef<HTMLDListElement>(null);
  const lastSave = useRef(0);
  const atWork = () => !!editor.current?.contains(document.activeElement);

  const save = async (changes: Omit<CallInput<'flows.update'>, 'id'>) => {
    if (Object.keys(changes).length === 0) return;
    const request = ++lastSave.current;
    setError(null);
    setSaving((count) => count + 1);
    try {
      const answer = await trackSave(api['flows.update']({ id: flow.id, ...changes }));
      if (request !== lastSave.current) return;
      flowStored(answer, flow);
      if (!atWork()) setDraft(null);
    } catch (failure) {
      setError(errorMessage(failure));
      setDraft(null);
    } finally {
      setSaving((count) => count - 1);
    }
  };

  /** Saves what differs between the draft and what is stored. */
  const commit = (next = shown) => {
    if (!next || !stored) return;
    const changes: Omit<CallInput<'flows.update'>, 'id'> = {};
    const trigger = { kind: next.trigger.kind, detail: next.trigger.detail.trim() };
    if (trigger.kind !== stored.trigger.kind || trigger.detail !== stored.trigger.detail) changes.trigger = trigger;
    if (!sameOutcomes(next.outcomes, stored.outcomes)) changes.outcomes = cleanOutcomes(next.outcomes);
    void save(changes);
  };

  /** Escape: the stored values come back, unsaved (the field is left next, with nothing to save). */
  const cancelled = useRef(false);
  const revert = () => {
    cancelled.current = true;
    setDraft(null);
    setError(null);
  };
  const leaveField = () => {
    if (cancelled.current) cancelled.current = false;
    else commit();
  };

  /** Leaving the card with nothing left to save: it follows what is stored again. */
  const left = (event: FocusEvent<HTMLDListElement>) => {
    if (event.currentTarget.contains(event.relatedTarget as Node | null)) return;
    if (draft && stored && saving === 0 && sameDraft(draft, stored)) setDraft(null);
  };

  /** A change goes into the draft; a discrete one (a kind chosen, an outcome moved) is saved at once. */
  const edit = (next: Draft, now: boolean) => {
    setDraft(next);
    if (now) commit(next);
  };
  const changeTrigger = (trigger: TriggerDraft, now: boolean) => shown && edit({ ...shown, trigger }, now);
  const changeOutcomes = (outcomes: OutcomeDraft[], now: boolean) => shown && edit({ ...shown, outcomes }, now);

  const linkTo = (useCaseId: number | null) => {
    if (useCaseId !== flow.useCaseId) void save({ useCaseId });
  };

  return (
    <li className="flow-card" aria-label={flow.name}>
      <div className="flow-card-head">
        <FlowIcon size={14} />
        <a className="flow-card-name" href={hashFor('mapping', String(flow.id))} title="Open the flow's mapping sheet">
          {flow.name}
        </a>
        <span className="flow-card-entities">
          <span className="entity-system">{flow.source.system}</span>·<span className="entity-name">{flow.source.entity}</span>
          <ArrowRightIcon size={12} />
          <span className="entity-system">{flow.target.system}</span>·<span className="entity-name">{flow.target.entity}</span>
        </span>
        <span className="spacer" />
        <span className="flow-card-mapped" title={`${accepted} of ${total} field mappings accepted`}>
          {total ? `${accepted}/${total} mapped` : 'Not mapped'}
        </span>
        <a className="btn btn-ghost btn-sm" href={hashFor('mapping', String(flow.id))} aria-label={`Field mappings of ${flow.name}`} title="Open the flow's mapping sheet">
          Field mappings
          <ChevronRightIcon size={12} />
        </a>
      </div>
      <dl className="flow-card-facts flow-card-editor" ref={editor} aria-busy={saving > 0 || undefined} onBlur={left}>
        <dt>Use case</dt>
        <dd>
          <UseCaseSelect useCases={useCases} value={flow.useCaseId} onChange={linkTo} label={`Use case of ${flow.name}`} className="select flow-card-use-case" />
        </dd>
        <dt>Trigger</dt>
        <dd>
          {shown ? <TriggerFields compact value={shown.trigger} onChange={changeTrigger} onLeave={leaveField} onCancel={revert} /> : <Pending error={queryError(detail)} />}
        </dd>
        <dt>Outcomes</dt>
        <dd>
          {shown ? <OutcomeList compact value={shown.outcomes} onChange={changeOutcomes} onLeave={leaveField} onCancel={revert} /> : <Pending error={queryError(detail)} />}
        </dd>
        {error && (
          <dd className="flow-card-error field-error" role="alert">
            {error}
          </dd>
        )}
      </dl>
    </li>
  );
}

function Pending({ error }: { error: string | null }) {
  return error ? <span className="field-error">{error}</span> : <span className="cell-placeholder">…</span>;
}
