// One data flow under its use case: one direction, what triggers it, its outcomes, how far it is mapped.
// Triggers and outcomes are edited on the flow's mapping screen; this links there.
import type { FlowSummary } from '../../../../shared/contract';
import { api } from '../../api/client';
import { ArrowRightIcon, ChevronRightIcon, FlowIcon } from '../../components/icons';
import { triggerLabels } from '../../format';
import { hashFor } from '../../shell/areas';
import { useApp, useWorkspace } from '../../state/app-context';
import { useLoad } from '../../state/use-load';

export function FlowCard({ flow }: { flow: FlowSummary }) {
  const { dataVersion } = useApp();
  const workspace = useWorkspace();
  const detail = useLoad(`${workspace.path}|flow|${flow.id}`, () => api['flows.get']({ id: flow.id }), [dataVersion, flow.id]);
  const outcomes = detail.data?.outcomes ?? [];
  const { accepted, total } = flow.mappings;
  return (
    <li className="flow-card">
      <div className="flow-card-head">
        <FlowIcon size={14} />
        <a className="flow-card-name" href={hashFor('mapping', String(flow.id))} title="Open the flow's mapping sheet: trigger, outcomes and field mappings">
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
        <a className="btn btn-ghost btn-sm" href={hashFor('mapping', String(flow.id))} aria-label={`Edit ${flow.name} in Mapping`}>
          Edit in Mapping
          <ChevronRightIcon size={12} />
        </a>
      </div>
      <dl className="flow-card-facts">
        <dt>Trigger</dt>
        <dd>
          <span className="badge">{triggerLabels[flow.trigger.kind]}</span>{' '}
          {flow.trigger.detail ? flow.trigger.detail : <span className="cell-placeholder">Not described yet</span>}
        </dd>
        <dt>Outcomes</dt>
        <dd>
          {detail.error && !detail.data ? (
            <span className="field-error">{detail.error}</span>
          ) : outcomes.length === 0 ? (
            <span className="cell-placeholder">{detail.data ? 'None described yet' : '…'}</span>
          ) : (
            <ul className="flow-card-outcomes">
              {outcomes.map((outcome) => (
                <li key={outcome.id}>
                  <span className={outcome.kind === 'success' ? 'badge badge-success' : 'badge badge-danger'}>
                    {outcome.kind === 'success' ? 'Success' : 'Failure'}
                  </span>{' '}
                  {outcome.condition || <span className="cell-placeholder">No condition</span>}
                  {outcome.handling && <span className="muted"> → {outcome.handling}</span>}
                </li>
              ))}
            </ul>
          )}
        </dd>
      </dl>
    </li>
  );
}
