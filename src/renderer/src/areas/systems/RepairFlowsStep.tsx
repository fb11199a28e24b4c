// The last step of a re-import: each flow that maps the system, with what repairing it would do, and
// the repair itself (RepairDialog: renames followed or skipped, rows whose field is gone kept or deleted).
import { useEffect, useRef, useState } from 'react';
import type { FlowSummary } from '../../../../shared/contract';
import { CheckCircleIcon } from '../../components/icons';
import { plural } from '../../format';
import { queryError, useCall } from '../../state/queries';
import { RepairDialog, repairSummary } from '../mapping/RepairDialog';

const sideText = (side: FlowSummary['source']) => `${side.system} · ${side.entity}${side.root ? ` › ${side.root}` : ''}`;

function FlowRepairLine({ flow }: { flow: FlowSummary }) {
  const plan = useCall('flows.repairPlan', { flowId: flow.id }, { staleTime: 0 });
  const [repairing, setRepairing] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  // A repaired flow has nothing left to repair: its button goes, and focus stays on its line.
  const lineRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (done) lineRef.current?.focus();
  }, [done]);
  const data = plan.data;
  const parts = data
    ? [
        data.renames.length > 0 && `${plural(data.renames.length, 'rename')} to confirm`,
        data.removed.length > 0 && `${plural(data.removed.length, 'field')} gone`,
        data.added.length > 0 && `${plural(data.added.length, 'new field')}`,
      ].filter(Boolean)
    : [];
  return (
    <li className="repair-flow">
      <div className="repair-flow-text" ref={lineRef} tabIndex={-1}>
        <span className="cell-strong">{flow.name}</span>
        <span className="muted">
          {sideText(flow.source)} → {sideText(flow.target)}
        </span>
        <span className={parts.length > 0 ? 'repair-flow-plan' : 'repair-flow-plan muted'} aria-live="polite">
          {done && <span className="repair-flow-done">{done} </span>}
          {!data ? (queryError(plan) ?? 'Comparing…') : parts.length > 0 ? parts.join(' · ') : (
            <>
              <CheckCircleIcon size={13} /> Nothing to repair
            </>
          )}
        </span>
      </div>
      {parts.length > 0 && (
        <button type="button" className="btn btn-sm" onClick={() => setRepairing(true)} aria-label={`Repair ${flow.name}…`}>
          Repair…
        </button>
      )}
      {repairing && (
        <RepairDialog
          flow={flow}
          onClose={() => setRepairing(false)}
          onRepaired={(result) => {
            setRepairing(false);
            setDone(repairSummary(result));
          }}
        />
      )}
    </li>
  );
}

export function RepairFlowsStep({ system, flows }: { system: string; flows: readonly FlowSummary[] }) {
  return (
    <section aria-labelledby="repair-flows-title">
      <h3 className="repair-heading" id="repair-flows-title">
        {plural(flows.length, 'flow')} {flows.length === 1 ? 'maps' : 'map'} {system}
      </h3>
      <p className="repair-note">
        Rows whose field was renamed can follow the rename, rows whose field is gone are flagged (or deleted), and new target fields get rows. Repair
        each flow now, or later from the flow’s <strong>Flow actions</strong>.
      </p>
      <ul className="repair-flows">
        {flows.map((flow) => (
          <FlowRepairLine key={flow.id} flow={flow} />
        ))}
      </ul>
    </section>
  );
}
