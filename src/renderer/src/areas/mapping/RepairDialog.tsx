// Repair after a re-import: the rows whose field looks renamed (with the proposed new path and how sure
// the diff is), the rows whose field is gone, and the target fields without a row. Each rename is
// followed or skipped, each row whose field is gone kept (flagged) or deleted, row by row; nothing is
// written until "Repair flow".
import { useState } from 'react';
import type { CallOutput, FlowSummary } from '../../../../shared/contract';
import { api } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { FormError, useDialogAction } from '../../components/dialog-action';
import { plural } from '../../format';
import { useApp } from '../../state/app-context';
import { queryError, useCall, useCallCache } from '../../state/queries';
import { flowRewritten } from './cache-updates';

export type RepairResult = CallOutput<'flows.repair'>;
type Plan = CallOutput<'flows.repairPlan'>;

interface RepairDialogProps {
  flow: FlowSummary;
  onClose: () => void;
  onRepaired: (result: RepairResult) => void;
}

/** What a repair did, in one sentence. */
export function repairSummary({ renamed, flagged, removed, added }: RepairResult): string {
  const parts = [
    renamed > 0 && `${plural(renamed, 'row')} followed a rename`,
    flagged > 0 && `${plural(flagged, 'row')} flagged (field gone)`,
    removed > 0 && `${plural(removed, 'row')} deleted`,
    added > 0 && `${plural(added, 'new row')} for new fields`,
  ].filter(Boolean);
  return parts.length > 0 ? `Repaired: ${parts.join(', ')}.` : 'Nothing needed repairing.';
}

const sideLabel = (side: 'source' | 'target') => (side === 'source' ? 'Source' : 'Target');

/** Two choices for one row, as pressed buttons: the first is the default. */
function Choice({ label, options, value, onChange }: { label: string; options: [string, string]; value: 0 | 1; onChange: (value: 0 | 1) => void }) {
  return (
    <div className="segmented segmented-sm" role="group" aria-label={label}>
      {options.map((option, index) => (
        <button key={option} type="button" className="segmented-option" aria-pressed={value === index} onClick={() => onChange(index as 0 | 1)}>
          {option}
        </button>
      ))}
    </div>
  );
}

function PlanReview({ plan, skipped, removing, onSkip, onRemove }: {
  plan: Plan;
  skipped: ReadonlySet<number>;
  removing: ReadonlySet<number>;
  onSkip: (rowId: number, skip: boolean) => void;
  onRemove: (rowId: number, remove: boolean) => void;
}) {
  return (
    <>
      {plan.renames.length > 0 && (
        <section className="repair-section" aria-labelledby="repair-renames">
          <h3 className="repair-heading" id="repair-renames">
            {plural(plan.renames.length, 'field')} renamed
          </h3>
          <ul className="repair-list">
            {plan.renames.map((rename) => (
              <li key={`${rename.rowId}-${rename.side}-${rename.from}`} className="repair-item">
                <span className="mono repair-map-id">{rename.mapId}</span>
                <span className={rename.side === 'source' ? 'badge badge-info' : 'badge badge-accent'}>{sideLabel(rename.side)}</span>
                <span className="repair-paths">
                  <span className="mono path-old">{rename.from}</span> → <span className="mono">{rename.to}</span>
                  <span className="repair-why">
                    {rename.why} · {Math.round(rename.confidence * 100)}% sure
                  </span>
                </span>
                <Choice
                  label={`${rename.mapId}: ${rename.from} to ${rename.to}`}
                  options={['Follow', 'Skip']}
                  value={skipped.has(rename.rowId) ? 1 : 0}
                  onChange={(value) => onSkip(rename.rowId, value === 1)}
                />
              </li>
            ))}
          </ul>
        </section>
      )}
      {plan.removed.length > 0 && (
        <section className="repair-section" aria-labelledby="repair-removed">
          <h3 className="repair-heading" id="repair-removed">
            {plural(plan.removed.length, 'field')} gone
          </h3>
          <ul className="repair-list">
            {plan.removed.map((item) => (
              <li key={`${item.rowId}-${item.side}-${item.path}`} className="repair-item">
                <span className="mono repair-map-id">{item.mapId}</span>
                <span className={item.side === 'source' ? 'badge badge-info' : 'badge badge-accent'}>{sideLabel(item.side)}</span>
                <span className="repair-paths">
                  <span className="mono path-old">{item.path}</span>
                  <span className="repair-why">removed in version {item.version || '(unknown)'}</span>
                </span>
                <Choice
                  label={`${item.mapId}: ${item.path} is gone`}
                  options={['Keep, flagged', 'Delete row']}
                  value={removing.has(item.rowId) ? 1 : 0}
                  onChange={(value) => onRemove(item.rowId, value === 1)}
                />
              </li>
            ))}
          </ul>
        </section>
      )}
      {plan.added.length > 0 && (
        <section className="repair-section" aria-labelledby="repair-added">
          <h3 className="repair-heading" id="repair-added">
            {plural(plan.added.length, 'new target field')}
          </h3>
          <p className="repair-note">Each gets a row with the engine’s suggestion, for you to review:</p>
          <p className="repair-added">
            {plan.added.map((path) => (
              <code key={path} className="value-chip">
                {path}
              </code>
            ))}
          </p>
        </section>
      )}
    </>
  );
}

const toggled = (set: ReadonlySet<number>, id: number, on: boolean) => {
  const next = new Set(set);
  if (on) next.add(id);
  else next.delete(id);
  return next;
};

export function RepairDialog({ flow, onClose, onRepaired }: RepairDialogProps) {
  const { trackSave } = useApp();
  const cache = useCallCache();
  const plan = useCall('flows.repairPlan', { flowId: flow.id }, { staleTime: 0 });
  const [skipped, setSkipped] = useState<ReadonlySet<number>>(new Set());
  const [removing, setRemoving] = useState<ReadonlySet<number>>(new Set());
  const { busy, error, run } = useDialogAction();
  const data = plan.data;
  const empty = data !== undefined && data.renames.length === 0 && data.removed.length === 0 && data.added.length === 0;

  const repair = () => {
    if (!data || empty) return onClose();
    void run(async () => {
      const confirm = [...new Set(data.renames.map((rename) => rename.rowId))].filter((rowId) => !skipped.has(rowId));
      const result = await trackSave(api['flows.repair']({ flowId: flow.id, confirm, remove: [...removing] }));
      flowRewritten(cache, flow.id);
      onRepaired(result);
    });
  };

  return (
    <Dialog
      title={`Repair “${flow.name}”`}
      subtitle="After a re-import: follow renamed fields, decide on fields that are gone, add rows for new ones. Nothing is written until you repair."
      size="lg"
      busy={busy}
      onClose={onClose}
      onSubmit={repair}
      className="repair-dialog"
      footer={
        <>
          <span className="spacer" />
          <button type="button" className="btn" onClick={onClose} disabled={busy}>
            {empty ? 'Close' : 'Cancel'}
          </button>
          {!empty && (
            <button type="submit" className="btn btn-primary" disabled={busy || !data}>
              {busy ? 'Repairing…' : 'Repair flow'}
            </button>
          )}
        </>
      }
    >
      <FormError error={error} />
      {!data ? (
        <p className="muted">{queryError(plan) ?? 'Comparing the flow with its systems’ current documents…'}</p>
      ) : empty ? (
        <p className="confirm-text">Nothing to repair: every row’s fields are in the documents, and every target field has a row.</p>
      ) : (
        <PlanReview
          plan={data}
          skipped={skipped}
          removing={removing}
          onSkip={(rowId, skip) => setSkipped((set) => toggled(set, rowId, skip))}
          onRemove={(rowId, remove) => setRemoving((set) => toggled(set, rowId, remove))}
        />
      )}
    </Dialog>
  );
}
