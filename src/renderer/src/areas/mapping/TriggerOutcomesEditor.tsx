// A flow's trigger (kind and detail) and its outcomes (success, and each failure: what the target answers,
// what happens then), as controlled form pieces: the new-flow dialog, the flow details dialog and the spec's
// flow cards (which save in place) share them. Also the use-case select of a flow.
import type { KeyboardEvent, ReactNode } from 'react';
import { triggerKinds, type FlowDetail, type TriggerKind, type UseCase } from '../../../../shared/contract';
import { ChevronDownIcon, PlusIcon, TrashIcon } from '../../components/icons';
import { triggerLabels } from '../../format';

export interface TriggerDraft {
  kind: TriggerKind;
  detail: string;
}
export interface OutcomeDraft {
  /** Local key: stays while the row is edited, moved or saved. */
  key: number;
  kind: 'success' | 'failure';
  condition: string;
  handling: string;
}
export type OutcomeInput = Omit<OutcomeDraft, 'key'>;

let outcomeKey = 0;
export const newOutcome = (kind: OutcomeDraft['kind'], condition = '', handling = ''): OutcomeDraft => ({ key: ++outcomeKey, kind, condition, handling });
export const outcomeDrafts = (flow: Pick<FlowDetail, 'outcomes'>): OutcomeDraft[] => flow.outcomes.map((outcome) => newOutcome(outcome.kind, outcome.condition, outcome.handling));

/** What is saved: trimmed, rows left blank dropped. */
export const cleanOutcomes = (outcomes: readonly OutcomeInput[]): OutcomeInput[] =>
  outcomes
    .map(({ kind, condition, handling }) => ({ kind, condition: condition.trim(), handling: handling.trim() }))
    .filter((outcome) => outcome.condition || outcome.handling);

export const sameOutcomes = (a: readonly OutcomeInput[], b: readonly OutcomeInput[]) => {
  const left = cleanOutcomes(a);
  const right = cleanOutcomes(b);
  return left.length === right.length && left.every((item, index) => item.kind === right[index]!.kind && item.condition === right[index]!.condition && item.handling === right[index]!.handling);
};

const detailPlaceholders: Record<TriggerKind, string> = {
  event: 'CRM webhook orderConfirmed',
  schedule: 'Every 15 minutes',
  query: 'Looked up before each invoice is created',
  file_drop: 'orders-*.csv in the SFTP inbox',
  manual: 'A clerk presses “Send to accounting”',
};

interface TriggerFieldsProps {
  value: TriggerDraft;
  /** `commit`: a discrete change (the kind); text changes commit on leaving the field (`onLeave`). */
  onChange: (value: TriggerDraft, commit: boolean) => void;
  onLeave?: () => void;
  /** Escape in a text field: put the saved values back (in-place editing). */
  onCancel?: () => void;
  /** Visible labels above (a form), or only accessible names (a compact row). */
  compact?: boolean;
  disabled?: boolean;
  /** Fields laid out in the same grid before the trigger's (a form's name and use case). */
  leading?: ReactNode;
}

export function TriggerFields({ value, onChange, onLeave, onCancel, compact, disabled, leading }: TriggerFieldsProps) {
  const kind = (
    <select className="select" aria-label="Trigger kind" value={value.kind} disabled={disabled} onChange={(event) => onChange({ ...value, kind: event.target.value as TriggerKind }, true)}>
      {triggerKinds.map((item) => (
        <option key={item} value={item}>
          {triggerLabels[item]}
        </option>
      ))}
    </select>
  );
  const detail = (
    <input
      className="input"
      aria-label="Trigger detail"
      value={value.detail}
      maxLength={2000}
      disabled={disabled}
      placeholder={detailPlaceholders[value.kind]}
      onChange={(event) => onChange({ ...value, detail: event.target.value }, false)}
      onBlur={onLeave}
      onKeyDown={(event) => {
        if (event.key === 'Enter' && onLeave) {
          event.preventDefault();
          event.currentTarget.blur();
        } else if (event.key === 'Escape' && onCancel) {
          cancel(event, onCancel);
        }
      }}
    />
  );
  if (compact) {
    return (
      <div className="trigger-fields">
        {kind}
        {detail}
      </div>
    );
  }
  return (
    <div className="form-grid">
      {leading}
      <div className="field">
        <span className="field-label" aria-hidden="true">
          Trigger
        </span>
        {kind}
      </div>
      <div className="field">
        <span className="field-label" aria-hidden="true">
          Trigger detail
        </span>
        {detail}
      </div>
    </div>
  );
}

/** Escape while editing in place: the saved values come back, nothing is saved, the field is left. */
function cancel(event: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>, onCancel: () => void) {
  event.preventDefault();
  event.stopPropagation();
  onCancel();
  event.currentTarget.blur();
}

/** An outcome's two texts: what the target answers, what happens then (placeholders by the outcome's kind). */
const outcomeTexts = [
  { part: 'condition', title: 'What the target answers', success: 'Invoice created', failure: 'Contact missing' },
  { part: 'handling', title: 'What happens then', success: 'Store the invoice id on the order', failure: 'Create the contact, then retry' },
] as const;

interface OutcomeListProps {
  value: OutcomeDraft[];
  onChange: (value: OutcomeDraft[], commit: boolean) => void;
  onLeave?: () => void;
  /** Escape in a text field: put the saved values back (in-place editing). */
  onCancel?: () => void;
  /** Visible "Outcomes" label row with the add button (a form); compact lists put the add button below. */
  compact?: boolean;
  disabled?: boolean;
}

export function OutcomeList({ value, onChange, onLeave, onCancel, compact, disabled }: OutcomeListProps) {
  const change = (key: number, patch: Partial<OutcomeDraft>, commit: boolean) => onChange(value.map((item) => (item.key === key ? { ...item, ...patch } : item)), commit);
  const move = (index: number, step: number) => {
    const next = [...value];
    const [item] = next.splice(index, 1);
    next.splice(index + step, 0, item!);
    onChange(next, true);
  };
  // One-line texts that wrap: Enter leaves the field (saving in place), or submits the dialog's form; Escape in place puts the saved text back.
  const leaveOnEnter = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Escape' && onCancel) return cancel(event, onCancel);
    if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
    event.preventDefault();
    if (onLeave) event.currentTarget.blur();
    else event.currentTarget.form?.requestSubmit();
  };
  const add = (
    <button type="button" className="btn btn-ghost btn-sm outcome-add" disabled={disabled} onClick={() => onChange([...value, newOutcome(value.some((item) => item.kind === 'success') ? 'failure' : 'success')], false)}>
      <PlusIcon size={12} />
      Add outcome
    </button>
  );
  return (
    <div className={compact ? 'outcomes outcomes-compact' : 'outcomes'}>
      {!compact && (
        <div className="field-label-row">
          <span className="field-label section-label">Outcomes</span>
          <span className="spacer" />
          {add}
        </div>
      )}
      {value.length === 0 && <p className="faint outcomes-empty">None described yet: what does the target answer when it works, and when it does not?</p>}
      {value.map((outcome, index) => (
        <div className="outcome-row" key={outcome.key} data-kind={outcome.kind}>
          <select className="select" aria-label={`Outcome ${index + 1} kind`} value={outcome.kind} disabled={disabled} onChange={(event) => change(outcome.key, { kind: event.target.value as OutcomeDraft['kind'] }, true)}>
            <option value="success">Success</option>
            <option value="failure">Failure</option>
          </select>
          {outcomeTexts.map(({ part, title, success, failure }) => (
            <textarea
              key={part}
              rows={1}
              className="textarea outcome-text"
              aria-label={`Outcome ${index + 1} ${part}`}
              title={title}
              placeholder={outcome.kind === 'success' ? success : failure}
              value={outcome[part]}
              maxLength={2000}
              disabled={disabled}
              onChange={(event) => change(outcome.key, { [part]: event.target.value }, false)}
              onBlur={onLeave}
              onKeyDown={leaveOnEnter}
            />
          ))}
          <span className="outcome-actions">
            <button type="button" className="btn btn-ghost btn-icon btn-sm icon-up" aria-label={`Move outcome ${index + 1} up`} title="Move up" disabled={disabled || index === 0} onClick={() => move(index, -1)}>
              <ChevronDownIcon size={14} />
            </button>
            <button type="button" className="btn btn-ghost btn-icon btn-sm" aria-label={`Move outcome ${index + 1} down`} title="Move down" disabled={disabled || index === value.length - 1} onClick={() => move(index, 1)}>
              <ChevronDownIcon size={14} />
            </button>
            <button type="button" className="btn btn-ghost btn-icon btn-sm btn-danger-ghost" aria-label={`Remove outcome ${index + 1}`} title="Remove" disabled={disabled} onClick={() => onChange(value.filter((item) => item.key !== outcome.key), true)}>
              <TrashIcon size={14} />
            </button>
          </span>
        </div>
      ))}
      {compact && <div>{add}</div>}
    </div>
  );
}

/** Trigger above, outcomes below: the form layout of both. */
export function TriggerOutcomesEditor({
  trigger,
  outcomes,
  onTrigger,
  onOutcomes,
  disabled,
  leading,
}: {
  trigger: TriggerDraft;
  outcomes: OutcomeDraft[];
  onTrigger: (value: TriggerDraft) => void;
  onOutcomes: (value: OutcomeDraft[]) => void;
  disabled?: boolean;
  /** Fields shown in the trigger's grid, before it. */
  leading?: ReactNode;
}) {
  return (
    <>
      <TriggerFields value={trigger} onChange={onTrigger} disabled={disabled} leading={leading} />
      <OutcomeList value={outcomes} onChange={onOutcomes} disabled={disabled} />
    </>
  );
}

/** The use case a flow serves, or none; descoped ones say so. */
export function UseCaseSelect({
  useCases,
  value,
  onChange,
  label = 'Use case',
  disabled,
  className = 'select',
}: {
  useCases: readonly UseCase[] | undefined;
  value: number | null;
  onChange: (value: number | null) => void;
  label?: string;
  disabled?: boolean;
  className?: string;
}) {
  const known = !useCases || value === null || useCases.some((useCase) => useCase.id === value);
  return (
    <select className={className} aria-label={label} value={value === null ? '' : String(value)} disabled={disabled || !useCases} onChange={(event) => onChange(event.target.value ? Number(event.target.value) : null)}>
      <option value="">No use case</option>
      {!known && <option value={String(value)}>(removed use case)</option>}
      {useCases?.map((useCase) => (
        <option key={useCase.id} value={String(useCase.id)}>
          {useCase.ref} {useCase.title}
          {useCase.descoped ? ' (descoped)' : ''}
        </option>
      ))}
    </select>
  );
}
