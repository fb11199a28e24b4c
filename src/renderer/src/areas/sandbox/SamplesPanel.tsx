// Samples: response bodies kept as examples of a catalogue entity, with where they came from, each checked
// against the document (closed: every undocumented field counts); and the drift report they add up to.
import { useState } from 'react';
import type { Catalogue } from '../../../../shared/catalogue';
import type { CallInput, SampleSummary } from '../../../../shared/contract';
import { api } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { DialogButtons, FormError, useDialogAction } from '../../components/dialog-action';
import { useCall, useCallCache } from '../../state/queries';
import { dialogWrite } from '../systems/dialog-write';
import { useApp } from '../../state/app-context';
import { SampleRecordsDialog } from './SampleRecordsDialog';

const driftLabels: Record<string, string> = {
  'undocumented-field': 'undocumented field',
  'missing-required': 'required field missing',
  type: 'type differs',
  format: 'format differs',
  enum: 'value not in the enum',
  null: 'null not documented',
  other: 'other',
  'undocumented-status': 'undocumented status',
  'undocumented-content-type': 'undocumented content type',
};

/** What "Sample records" sends: the request in the editor, to the chosen environment. */
export interface SamplingSource {
  request: CallInput<'sandbox.sampleRecords'>['request'];
  environment: { id: number; name: string } | null;
  operation: string | null;
}

export function SamplesPanel({ systemId, catalogue, sampling }: { systemId: number; catalogue: Catalogue | undefined; sampling: SamplingSource }) {
  // Browsed per entity: the entities that have samples, or all of them.
  const [entity, setEntity] = useState('');
  const allSamples = useCall('sandbox.samples', { systemId });
  const samples = useCall('sandbox.samples', { systemId, ...(entity ? { entity } : {}) });
  const drift = useCall('sandbox.drift', { systemId, ...(entity ? { entity } : {}) });
  const sampled = [...new Set((allSamples.data ?? []).map((sample) => sample.entity))];
  const cache = useCallCache();
  const [sampleRecords, setSampleRecords] = useState(false);
  const entityName = (id: string) => catalogue?.entities.find((entity) => entity.id === id)?.name ?? id.replace(/^schema:/, '');
  const remove = async (id: number) => {
    await api['sandbox.deleteSample']({ id });
    cache.invalidate('sandbox.samples');
    cache.invalidate('sandbox.drift');
    cache.invalidate('systems.entity');
  };
  return (
    <div className="sandbox-list">
      <div className="collection-actions">
        <button type="button" className="btn btn-sm" onClick={() => setSampleRecords(true)} title="Send the request in the editor page after page, and profile the records">
          Sample records…
        </button>
        {sampled.length > 0 && (
          <select className="select" aria-label="Samples of" value={entity} onChange={(event) => setEntity(event.target.value)}>
            <option value="">Every entity</option>
            {sampled.map((id) => (
              <option key={id} value={id}>
                {entityName(id)}
              </option>
            ))}
          </select>
        )}
      </div>
      {sampleRecords && (
        <SampleRecordsDialog
          catalogue={catalogue}
          {...sampling}
          onClose={() => setSampleRecords(false)}
          onSampled={(result) => {
            cache.invalidate('sandbox.history');
            if (result.samples.length === 0) return;
            cache.invalidate('sandbox.samples');
            cache.invalidate('sandbox.drift');
            cache.invalidate('systems.entity');
          }}
        />
      )}
      <h3 className="detail-heading">Drift from the document</h3>
      {drift.data && drift.data.rows.length === 0 && <p className="muted sandbox-list-empty">No drift found in {drift.data.samples} samples.</p>}
      {drift.data && drift.data.rows.length > 0 && (
        <table className="data-table drift-table" aria-label="Drift">
          <thead>
            <tr>
              <th>Field</th>
              <th>Finding</th>
              <th className="drift-count" title="Samples showing it">Seen</th>
            </tr>
          </thead>
          <tbody>
            {drift.data.rows.map((row) => (
              <tr key={`${row.entity}${row.field}${row.kind}`} title={row.example}>
                <td className="mono">
                  {entityName(row.entity)}.{row.field || '(body)'}
                </td>
                <td>{driftLabels[row.kind] ?? row.kind}</td>
                <td className="drift-count">{row.samples}×</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3 className="detail-heading">Samples</h3>
      {samples.data?.length === 0 && <p className="muted sandbox-list-empty">No samples yet: send a request and save its response as a sample of an entity.</p>}
      <ul aria-label="Samples">
        {(samples.data ?? []).map((sample) => (
          <li key={sample.id} className="sample-item">
            <details>
              <summary>
                <span className="sample-entity">{entityName(sample.entity)}</span>
                <span className="faint sample-meta">
                  {sample.status ?? ''} {sample.operation ?? ''} · {sample.environment ?? 'pasted'} · {sample.capturedAt.slice(0, 16).replace('T', ' ')} · {sample.findings.length} finding{sample.findings.length === 1 ? '' : 's'}
                </span>
              </summary>
              <dl className="sample-provenance">
                {sample.url && (
                  <>
                    <dt>Request</dt>
                    <dd className="mono">
                      {sample.method} {sample.url}
                    </dd>
                  </>
                )}
                <dt>Document</dt>
                <dd>
                  API {sample.apiVersion}, imported {sample.documentVersion.slice(0, 16).replace('T', ' ')}
                </dd>
              </dl>
              {sample.findings.length > 0 && (
                <ul className="sample-findings" aria-label={`Findings of sample ${sample.id}`}>
                  {sample.findings.map((finding) => (
                    <li key={`${finding.pointer}${finding.kind}`}>
                      <span className="mono">{finding.field || '(body)'}</span> {driftLabels[finding.kind] ?? finding.kind}: <span className="faint">{finding.message}</span>
                    </li>
                  ))}
                </ul>
              )}
            </details>
            <button type="button" className="btn btn-sm btn-ghost" onClick={() => void remove(sample.id)} aria-label={`Delete sample ${sample.id}`}>
              Delete
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

interface SaveSampleDialogProps {
  systemId: number;
  historyId: number;
  catalogue: Catalogue | undefined;
  /** The operation the request came from, when known: its response entity is offered first. */
  operation: string | null;
  onClose: () => void;
  onSaved: (sample: SampleSummary) => void;
}

export function SaveSampleDialog({ systemId, historyId, catalogue, operation, onClose, onSaved }: SaveSampleDialogProps) {
  const documented = catalogue?.operations.find((candidate) => candidate.id === operation)?.responses.find((response) => /^2/.test(response.status) && response.entity)?.entity;
  const entities = (catalogue?.entities ?? []).filter((entity) => entity.kind === 'schema' || entity.id === documented);
  const { trackSave } = useApp();
  const [entity, setEntity] = useState(documented ?? entities[0]?.id ?? '');
  const { busy, error, run } = useDialogAction();
  const save = () => run(async () => onSaved(await dialogWrite(trackSave, api['sandbox.saveSample']({ systemId, entity, ...(operation ? { operation } : {}), source: { kind: 'history', historyId } }))));
  return (
    <Dialog
      title="Save as sample"
      subtitle="Kept in the workspace with where it came from, and checked against the document: undocumented fields become discovered fields of the entity."
      busy={busy}
      onClose={onClose}
      onSubmit={() => void save()}
      footer={<DialogButtons onCancel={onClose} busy={busy} submit="Save sample" disabled={!entity} />}
    >
      <label className="field">
        <span className="field-label">A sample of the entity</span>
        <select className="select" aria-label="Entity" value={entity} onChange={(event) => setEntity(event.target.value)}>
          {entities.map((candidate) => (
            <option key={candidate.id} value={candidate.id}>
              {candidate.name}
            </option>
          ))}
        </select>
      </label>
      <FormError error={error} />
    </Dialog>
  );
}
