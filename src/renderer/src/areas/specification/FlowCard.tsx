// One data flow under its use case: one direction, how far it is mapped, and its details edited in place —
// the use case it serves, what triggers it, its outcomes — saved as in an InlineField: a choice at once, text
// on leaving the field (or Enter), Escape puts the saved text back; a failed save puts the saved values back
// and says why. The field mappings are edited on the flow's mapping screen; this links there.
import { useEffect, useRef, useState } from 'react';
import type { CallInput, FlowDetail, FlowSummary, UseCase } from '../../../../shared/contract';
import { api } from '../../api/client';
import { ArrowRightIcon, ChevronRightIcon, FlowIcon } from '../../components/icons';
import { cleanOutcomes, OutcomeList, outcomeDrafts, sameOutcomes, TriggerFields, UseCaseSelect, type OutcomeDraft, type TriggerDraft } from '../mapping/TriggerOutcomesEditor';
import { hashFor } from '../../shell/areas';
import { useApp, useWorkspace } from '../../state/app-context';
import { errorMessage } from '../../state/save-state';
import { useLoad } from '../../state/use-load';

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
  /** After a save: the flow as stored now. */
  onSaved: (flow: FlowDetail) => void;
}

export function FlowCard({ flow, useCases, onSaved }: FlowCardProps) {
  const { dataVersion, trackSave } = useApp();
  const workspace = useWorkspace();
  const detail = useLoad(`${workspace.path}|flow|${flow.id}`, () => api['flows.get']({ id: flow.id }), [dataVersion, flow.id]);
  const { accepted, total } = flow.mappings;

  const [draft, setDraftState] = useState<Draft | null>(() => (detail.data ? draftOf(detail.data) : null));
  const draftRef = useRef(draft);
  const setDraft = (next: Draft) => {
    draftRef.current = next;
    setDraftState(next);
  };
  /** The flow as last stored (loaded or answered by a save): what the draft is compared with. */
  const saved = useRef<FlowDetail | undefined>(detail.data);
  const [saving, setSaving] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const editor = useRef<HTMLDListElement>(null);
  const sequence = useRef(0);

  // Follow what is stored (a reload, a save) unless the analyst is at work in this card.
  useEffect(() => {
    const stored = detail.data;
    if (!stored) return;
    saved.current = stored;
    if (saving || editor.current?.contains(document.activeElement)) return;
    if (draftRef.current && sameDraft(draftRef.current, stored)) return;
    setDraft(draftOf(stored));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- on what is stored only
  }, [detail.data]);

  const save = async (changes: Omit<CallInput<'flows.update'>, 'id'>) => {
    if (Object.keys(changes).length === 0) return;
    const request = ++sequence.current;
    setError(null);
    setSaving((count) => count + 1);
    try {
      const stored = await trackSave(api['flows.update']({ id: flow.id, ...changes }));
      if (request === sequence.current) {
        saved.current = stored;
        detail.setData(() => stored);
      }
      onSaved(stored);
    } catch (failure) {
      setError(errorMessage(failure));
      if (saved.current) setDraft(draftOf(saved.current));
    } finally {
      setSaving((count) => count - 1);
    }
  };

  /** Saves what differs between the draft and what is stored. */
  const commit = (next = draftRef.current) => {
    const stored = saved.current;
    if (!next || !stored) return;
    const changes: Omit<CallInput<'flows.update'>, 'id'> = {};
    const trigger = { kind: next.trigger.kind, detail: next.trigger.detail.trim() };
    if (trigger.kind !== stored.trigger.kind || trigger.detail !== stored.trigger.detail) changes.trigger = trigger;
    if (!sameOutcomes(next.outcomes, stored.outcomes)) changes.outcomes = cleanOutcomes(next.outcomes);
    void save(changes);
  };

  /** Escape: the stored values come back, unsaved. */
  const revert = () => {
    if (saved.current) setDraft(draftOf(saved.current));
    setError(null);
  };

  /** What the trigger's and the outcomes' fields share: a change goes into the draft; a discrete one is saved at once. */
  const editing = <K extends keyof Draft>(part: K, current: Draft) => ({
    compact: true,
    value: current[part],
    onChange: (value: Draft[K], now: boolean) => {
      const next = { ...draftRef.current!, [part]: value };
      setDraft(next);
      if (now) commit(next);
    },
    onLeave: () => commit(),
    onCancel: revert,
  });

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
        <a className="btn btn-ghost btn-sm" href={hashFor('mapping', String(flow.id))} aria-label={`Map the fields of ${flow.name}`} title="Open the flow's mapping sheet">
          Field mappings
          <ChevronRightIcon size={12} />
        </a>
      </div>
      <dl className="flow-card-facts flow-card-editor" ref={editor} aria-busy={saving > 0 || undefined}>
        <dt>Use case</dt>
        <dd>
          <UseCaseSelect useCases={useCases} value={flow.useCaseId} onChange={linkTo} label={`Use case of ${flow.name}`} className="select flow-card-use-case" />
        </dd>
        <dt>Trigger</dt>
        <dd>
          {draft ? <TriggerFields {...editing('trigger', draft)} /> : <Pending error={detail.error} />}
        </dd>
        <dt>Outcomes</dt>
        <dd>
          {draft ? <OutcomeList {...editing('outcomes', draft)} /> : <Pending error={detail.error} />}
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
