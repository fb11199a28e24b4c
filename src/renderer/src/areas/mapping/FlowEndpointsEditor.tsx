// Flow details' endpoints: the catalogue operation the flow reads its source with, the one it writes
// the target with, and how it writes (create, update or upsert, matched on which target field).
import type { FlowDetail, WriteMode } from '../../../../shared/contract';
import { useCall } from '../../state/queries';

export interface EndpointsDraft {
  sourceOperation: string | null;
  targetOperation: string | null;
  writeMode: WriteMode | null;
  matchKey: string;
}

export const sameEndpoints = (a: EndpointsDraft, b: FlowDetail['endpoints']) =>
  a.sourceOperation === b.sourceOperation && a.targetOperation === b.targetOperation && a.writeMode === b.writeMode && a.matchKey.trim() === b.matchKey;

function useOperations(systemName: string) {
  const systems = useCall('systems.list', {});
  const id = systems.data?.find((system) => system.name === systemName)?.id;
  const catalogue = useCall('systems.catalogue', { id: id ?? 0 }, { enabled: id !== undefined });
  return catalogue.data?.operations ?? [];
}

interface FlowEndpointsEditorProps {
  flow: FlowDetail;
  value: EndpointsDraft;
  onChange: (value: EndpointsDraft) => void;
  disabled: boolean;
}

export function FlowEndpointsEditor({ flow, value, onChange, disabled }: FlowEndpointsEditorProps) {
  const sourceOperations = useOperations(flow.source.system);
  const targetOperations = useOperations(flow.target.system);
  const option = (operation: { id: string; summary?: string }) => (
    <option key={operation.id} value={operation.id}>
      {operation.id}
      {operation.summary ? ` — ${operation.summary}` : ''}
    </option>
  );
  return (
    <fieldset className="flow-endpoints">
      <legend className="field-label section-label">Endpoints</legend>
      <label className="field">
        <span className="field-label">Reads the source with ({flow.source.system})</span>
        <select className="select" value={value.sourceOperation ?? ''} disabled={disabled} onChange={(event) => onChange({ ...value, sourceOperation: event.target.value || null })}>
          <option value="">Not chosen</option>
          {sourceOperations.map(option)}
        </select>
      </label>
      <label className="field">
        <span className="field-label">Writes the target with ({flow.target.system})</span>
        <select className="select" value={value.targetOperation ?? ''} disabled={disabled} onChange={(event) => onChange({ ...value, targetOperation: event.target.value || null })}>
          <option value="">Not chosen</option>
          {targetOperations.filter((operation) => operation.method.toUpperCase() !== 'GET').map(option)}
        </select>
      </label>
      <div className="pairing-discriminator">
        <label className="field">
          <span className="field-label">Write rule</span>
          <select className="select" value={value.writeMode ?? ''} disabled={disabled} onChange={(event) => onChange({ ...value, writeMode: (event.target.value || null) as WriteMode | null })}>
            <option value="">Not chosen</option>
            <option value="create">Create a new record</option>
            <option value="update">Update the matching record</option>
            <option value="upsert">Update, or create when none matches</option>
          </select>
        </label>
        <label className="field">
          <span className="field-label">Matched on (target field)</span>
          <input className="input" value={value.matchKey} disabled={disabled} maxLength={2000} placeholder="e.g. reference" onChange={(event) => onChange({ ...value, matchKey: event.target.value })} />
        </label>
      </div>
    </fieldset>
  );
}
