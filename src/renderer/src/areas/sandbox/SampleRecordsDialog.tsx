// "Sample N records": the request in the editor is sent page after page through its list operation's
// paging (in main, each page a history entry), with progress and a Stop; then a profile per field of the
// records read — how often present and null, the types and values seen — flagging the fields the
// document does not list. Each page can be kept as a sample of an entity, which feeds the drift report.
import { useEffect, useRef, useState } from 'react';
import type { Catalogue } from '../../../../shared/catalogue';
import type { CallInput, SampleRecordsResult } from '../../../../shared/contract';
import { api, subscribe } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { FormError, useDialogAction } from '../../components/dialog-action';

interface SampleRecordsDialogProps {
  catalogue: Catalogue | undefined;
  request: CallInput<'sandbox.sampleRecords'>['request'];
  environment: { id: number; name: string } | null;
  /** The operation the request was made from, when known. */
  operation: string | null;
  onClose: () => void;
  onSampled: (result: SampleRecordsResult) => void;
}

const stopReasons: Record<SampleRecordsResult['stoppedBecause'], string> = { limit: 'reached the number asked for', 'last-page': 'read the last page', 'page-bound': 'stopped at the page bound' };

export function SampleRecordsDialog({ catalogue, request, environment, operation, onClose, onSampled }: SampleRecordsDialogProps) {
  const lists = (catalogue?.operations ?? []).filter((candidate) => candidate.method === 'GET');
  const [chosen, setChosen] = useState(() => (operation && lists.some((candidate) => candidate.id === operation) ? operation : (lists.find((candidate) => !candidate.path.includes('{'))?.id ?? '')));
  const [limit, setLimit] = useState('100');
  const [pageSize, setPageSize] = useState('');
  const [entity, setEntity] = useState('');
  const [progress, setProgress] = useState<{ done: number; total: number | null; message: string } | null>(null);
  const [result, setResult] = useState<SampleRecordsResult | null>(null);
  const { busy, error, run } = useDialogAction();
  const running = useRef<AbortController | null>(null);
  const count = Number(limit);
  const perPage = pageSize.trim() === '' ? undefined : Number(pageSize);
  const valid = Number.isInteger(count) && count >= 1 && count <= 1000 && chosen !== '' && (perPage === undefined || (Number.isInteger(perPage) && perPage >= 1 && perPage <= 100));

  useEffect(
    () =>
      subscribe((event) => {
        if (event.name === 'call.progress' && event.payload.call === 'sandbox.sampleRecords') setProgress(event.payload);
      }),
    [],
  );

  const sample = () =>
    run(async () => {
      const controller = new AbortController();
      running.current = controller;
      setProgress(null);
      setResult(null);
      try {
        const sampled = await api['sandbox.sampleRecords'](
          { request, environmentId: environment?.id ?? null, operation: chosen, limit: count, ...(perPage ? { pageSize: perPage } : {}), ...(entity ? { entity } : {}) },
          { signal: controller.signal },
        );
        setResult(sampled);
        onSampled(sampled);
      } catch (failure) {
        if (controller.signal.aborted) throw new Error('Stopped: nothing was kept as a sample. The pages read so far are in History.');
        throw failure;
      } finally {
        running.current = null;
      }
    });

  return (
    <Dialog
      title="Sample records"
      subtitle={`Reads records page by page through the list operation's paging${environment ? ` from ${environment.name}` : ''}, and profiles every field.`}
      size="xl"
      busy={busy}
      onClose={onClose}
      onSubmit={() => void sample()}
      footer={
        busy ? (
          <button type="button" className="btn" onClick={() => running.current?.abort()}>
            Stop
          </button>
        ) : (
          <>
            <button type="button" className="btn" onClick={onClose}>
              Done
            </button>
            <button type="submit" className="btn btn-primary" disabled={!valid}>
              {result ? 'Sample again' : 'Sample records'}
            </button>
          </>
        )
      }
    >
      <div className="sample-records-form">
        <label className="field">
          <span className="field-label">List operation</span>
          <select className="select mono" aria-label="List operation" value={chosen} onChange={(event) => setChosen(event.target.value)} disabled={busy}>
            {lists.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {candidate.id}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field-label">Records (1–1000)</span>
          <input className="input" type="number" min={1} max={1000} aria-label="Records" value={limit} onChange={(event) => setLimit(event.target.value)} disabled={busy} />
        </label>
        <label className="field">
          <span className="field-label">Per page</span>
          <input className="input" type="number" min={1} max={100} aria-label="Per page" placeholder="auto" value={pageSize} onChange={(event) => setPageSize(event.target.value)} disabled={busy} />
        </label>
        <label className="field">
          <span className="field-label">Keep each page as a sample of</span>
          <select className="select" aria-label="Keep pages as samples of" value={entity} onChange={(event) => setEntity(event.target.value)} disabled={busy}>
            <option value="">Nothing (profile only)</option>
            {(catalogue?.entities ?? [])
              .filter((candidate) => candidate.kind === 'schema' || candidate.usedBy.some((use) => use.operation === chosen))
              .map((candidate) => (
                <option key={candidate.id} value={candidate.id}>
                  {candidate.name}
                </option>
              ))}
          </select>
        </label>
      </div>
      {busy && (
        <div className="sample-records-progress" role="status">
          <span className="progress" role="progressbar" aria-label="Records read" aria-valuemin={0} aria-valuemax={progress?.total ?? count} aria-valuenow={progress?.done ?? 0}>
            <span style={{ width: `${Math.min(100, ((progress?.done ?? 0) / (progress?.total ?? count)) * 100)}%` }} />
          </span>
          <span className="muted">{progress?.message ?? `Asking for the first page of ${chosen}…`}</span>
        </div>
      )}
      <FormError error={error} />
      {result && <RecordsProfile result={result} />}
    </Dialog>
  );
}

function RecordsProfile({ result }: { result: SampleRecordsResult }) {
  const { records, fields } = result.profile;
  const percent = (count: number) => (records === 0 ? '–' : `${Math.round((count / records) * 100)}%`);
  const undocumented = fields.filter((field) => field.undocumented).length;
  return (
    <>
      <p className="sample-records-summary" role="status">
        Read {result.records} record{result.records === 1 ? '' : 's'} in {result.pages} page{result.pages === 1 ? '' : 's'} ({result.paging === 'none' ? 'no paging' : `${result.paging} paging`}; {stopReasons[result.stoppedBecause]}).{' '}
        {result.samples.length > 0 ? `Kept ${result.samples.length} sample${result.samples.length === 1 ? '' : 's'}, ${result.findings} finding${result.findings === 1 ? '' : 's'} against the document. ` : ''}
        {fields.length} field{fields.length === 1 ? '' : 's'}, {undocumented === 0 ? 'all documented' : `${undocumented} not in the document`}.
      </p>
      <div className="sample-records-table">
        <table className="data-table" aria-label="Field profile">
          <thead>
            <tr>
              <th className="profile-field">Field</th>
              <th className="profile-number">Present</th>
              <th className="profile-number">Null</th>
              <th>Types</th>
              <th>Most frequent values</th>
              <th>Range</th>
            </tr>
          </thead>
          <tbody>
            {fields.map((field) => (
              <tr key={field.path}>
                <td className="mono profile-field">
                  {field.path}
                  {field.undocumented && <span className="badge badge-warning profile-flag">undocumented</span>}
                </td>
                <td className="profile-number">{percent(field.present)}</td>
                <td className="profile-number">{field.nulls === 0 ? '' : percent(field.nulls)}</td>
                <td className="profile-nowrap">{field.types.join(', ')}</td>
                <td className="profile-values">
                  {field.top.slice(0, 3).map((value) => (
                    <span key={value.value} className="profile-value" title={`${value.value}: seen ${value.count} times`}>
                      <span className="mono">{value.value}</span> <span className="faint">×{value.count}</span>
                    </span>
                  ))}
                  {field.distinct > 3 && (
                    <span className="faint">
                      {' '}
                      {field.distinctCapped ? `over ${field.distinct.toLocaleString()}` : field.distinct.toLocaleString()} distinct
                    </span>
                  )}
                </td>
                <td className="mono profile-nowrap">{rangeOf(field)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function rangeOf(field: SampleRecordsResult['profile']['fields'][number]): string {
  if (field.min !== undefined && field.max !== undefined) return field.min === field.max ? String(field.min) : `${field.min} – ${field.max}`;
  if (field.minLength !== undefined && field.maxLength !== undefined) {
    const length = field.minLength === field.maxLength ? String(field.minLength) : `${field.minLength}–${field.maxLength}`;
    return `length ${length}`;
  }
  return '';
}
