// The flow run on a payload, under the sheet: pick a payload of the source entity (generated from its
// schema, a saved sample, pasted JSON or a file), run, and see side by side the source payload, the target
// payload the rows build and its problems against the target's schema. Choosing a problem selects its row;
// choosing a target value shows the row and the source value behind it. A run can be cancelled; a big
// payload is drawn in part. The payload becomes a test case in one click.
import { useMemo, useRef, useState } from 'react';
import type { CallOutput, FlowDetail, PayloadSource, PreviewProblem } from '../../../../shared/contract';
import { api, ApiError } from '../../api/client';
import { CodeView } from '../../components/CodeView';
import { AlertIcon, ArrowRightIcon, CheckCircleIcon, CloseIcon, TestIcon } from '../../components/icons';
import { formatBytes } from '../../format';
import { useApp } from '../../state/app-context';
import { useCall, useCallCache } from '../../state/queries';
import { errorMessage } from '../../state/save-state';
import { PayloadTree } from './PayloadTree';
import { shownText } from './preview-view';

type Kind = 'generated' | 'sample' | 'json' | 'file';
const kindLabels: Record<Kind, string> = { generated: 'Generated', sample: 'Saved sample', json: 'Pasted JSON', file: 'File' };

type Result = CallOutput<'mapping.preview'>;

interface PreviewPanelProps {
  flow: FlowDetail;
  /** The source entity's catalogue id (`schema:Order`), for its saved samples. */
  sourceEntityId: string | undefined;
  /** Changes whenever a row changes: a preview run before is marked out of date. */
  sheetVersion: unknown;
  onSelectRow: (rowId: number) => void;
  onClose: () => void;
  say: (message: string) => void;
}

export function PreviewPanel({ flow, sourceEntityId, sheetVersion, onSelectRow, onClose, say }: PreviewPanelProps) {
  const { refreshWorkspace } = useApp();
  const cache = useCallCache();
  const [kind, setKind] = useState<Kind>('generated');
  const [seed, setSeed] = useState('1');
  const [sampleId, setSampleId] = useState<number | null>(null);
  const [pasted, setPasted] = useState('');
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [result, setResult] = useState<{ value: Result; payload: PayloadSource; version: unknown } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  const [making, setMaking] = useState(false);
  const [chosen, setChosen] = useState<string | null>(null);
  const controller = useRef<AbortController | null>(null);

  const systems = useCall('systems.list', {});
  const systemId = systems.data?.find((system) => system.name === flow.source.system)?.id;
  const samples = useCall('sandbox.samples', { systemId: systemId ?? 0 }, { enabled: kind === 'sample' && systemId !== undefined });
  const entitySamples = useMemo(() => (samples.data ?? []).filter((sample) => sample.entity === sourceEntityId && sample.direction === 'response'), [samples.data, sourceEntityId]);

  const payloadSource = (): PayloadSource | string => {
    switch (kind) {
      case 'generated':
        return /^\d+$/.test(seed.trim()) ? { kind: 'generated', seed: Number(seed) } : 'The seed is a whole number (0 or more).';
      case 'sample': {
        const id = sampleId ?? entitySamples[0]?.id;
        return id ? { kind: 'sample', sampleId: id } : `No sample of ${flow.source.entity} is saved yet: save one from the Sandbox, or pick another payload.`;
      }
      case 'json':
        return pasted.trim() ? { kind: 'json', text: pasted } : `Paste a ${flow.source.entity} payload (JSON) first.`;
      case 'file':
        return file ? { kind: 'json', text: file.text } : `Choose a JSON file holding a ${flow.source.entity} payload first.`;
    }
  };

  const run = async () => {
    const payload = payloadSource();
    if (typeof payload === 'string') return setError(payload);
    controller.current?.abort();
    const abort = new AbortController();
    controller.current = abort;
    setRunning(true);
    setError(null);
    try {
      const value = await api['mapping.preview']({ flowId: flow.id, payload }, { signal: abort.signal });
      setResult({ value, payload, version: sheetVersion });
      setChosen(null);
    } catch (failure) {
      if (failure instanceof ApiError && failure.code === 'CANCELLED') say('Preview cancelled.');
      else setError(errorMessage(failure));
    } finally {
      if (controller.current === abort) {
        controller.current = null;
        setRunning(false);
      }
    }
  };

  const cancel = () => controller.current?.abort();

  const makeTestCase = async () => {
    if (!result) return;
    setMaking(true);
    try {
      const made = await api['mapping.makeTestCase']({ flowId: flow.id, payload: result.payload });
      cache.invalidate('testCases.list');
      void refreshWorkspace();
      say(`Made test case ${made.ref} from this payload: the flow's current output is its expectation (review it in the Specification's Test cases).`);
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setMaking(false);
    }
  };

  const value = result?.value;
  const stale = result !== null && result.version !== sheetVersion;
  return (
    <section className="preview-panel" aria-label="Preview">
      <form
        className="preview-toolbar"
        onSubmit={(event) => {
          event.preventDefault();
          if (!running) void run();
        }}
      >
        <h2 className="preview-title">Preview</h2>
        <div className="segmented" role="group" aria-label="Payload from">
          {(Object.keys(kindLabels) as Kind[]).map((each) => (
            <button key={each} type="button" className="segmented-option" aria-pressed={kind === each} onClick={() => setKind(each)}>
              {kindLabels[each]}
            </button>
          ))}
        </div>
        {kind === 'generated' && (
          <label className="preview-inline">
            <span>Seed</span>
            <input className="input mono preview-seed" inputMode="numeric" value={seed} onChange={(event) => setSeed(event.target.value)} />
          </label>
        )}
        {kind === 'sample' && (
          <label className="preview-inline">
            <span>Sample</span>
            <select className="select" value={sampleId ?? entitySamples[0]?.id ?? ''} onChange={(event) => setSampleId(Number(event.target.value))} disabled={entitySamples.length === 0}>
              {entitySamples.length === 0 && <option value="">{samples.isFetching ? 'Loading…' : `No ${flow.source.entity} sample saved`}</option>}
              {entitySamples.map((sample) => (
                <option key={sample.id} value={sample.id}>
                  #{sample.id} {sample.operation ?? ''} · {sample.capturedAt.slice(0, 16).replace('T', ' ')}
                </option>
              ))}
            </select>
          </label>
        )}
        {kind === 'file' && (
          <label className="preview-inline">
            <span className="visually-hidden">Payload file</span>
            <input
              type="file"
              accept=".json,application/json"
              aria-label="Payload file"
              onChange={(event) => {
                const chosenFile = event.target.files?.[0];
                if (chosenFile) void chosenFile.text().then((text) => setFile({ name: chosenFile.name, text }));
              }}
            />
          </label>
        )}
        <span className="spacer" />
        {running ? (
          <button type="button" className="btn btn-sm" onClick={cancel}>
            <CloseIcon size={13} />
            Cancel
          </button>
        ) : (
          <button type="submit" className="btn btn-sm btn-primary">
            <ArrowRightIcon size={13} />
            Run preview
          </button>
        )}
        <button type="button" className="btn btn-sm" disabled={!result || running || making} onClick={() => void makeTestCase()} title="A test case with this payload, the flow's current output as its expectation">
          <TestIcon size={13} />
          Make test case
        </button>
        <button type="button" className="btn btn-ghost btn-icon btn-sm" onClick={onClose} aria-label="Close the preview" title="Close the preview">
          <CloseIcon size={14} />
        </button>
      </form>
      {(error || stale || running) && (
        <p className={`preview-status${error ? ' is-error' : ''}`} role="status">
          {error ?? (running ? 'Running the flow on the payload…' : 'The sheet changed after this preview: run it again to see the rows as they are now.')}
        </p>
      )}
      <div className="preview-columns">
        <SourceColumn kind={kind} pasted={pasted} onPaste={setPasted} fileName={file?.name} source={value?.source} entity={flow.source.entity} />
        <div className="preview-column" aria-label="Target payload" role="region">
          <h3 className="preview-heading">Target payload · {flow.target.entity}</h3>
          {value ? (
            <TargetView result={value} chosen={chosen} onChoose={setChosen} onSelectRow={onSelectRow} />
          ) : (
            <p className="muted preview-empty">Run the preview to see the {flow.target.entity} the rows build.</p>
          )}
        </div>
        <div className="preview-column" aria-label="Problems" role="region">
          <h3 className="preview-heading">
            Problems {value && <span className="badge">{value.problems.length}</span>}
          </h3>
          {value && <ProblemList problems={value.problems} onSelectRow={onSelectRow} />}
        </div>
      </div>
    </section>
  );
}

function SourceColumn({ kind, pasted, onPaste, fileName, source, entity }: { kind: Kind; pasted: string; onPaste: (text: string) => void; fileName?: string; source: unknown; entity: string }) {
  const shown = useMemo(() => (source === undefined ? null : shownText(source)), [source]);
  return (
    <div className="preview-column" aria-label="Source payload" role="region">
      <h3 className="preview-heading">
        Source payload · {entity}
        {kind === 'file' && fileName && <span className="faint mono"> {fileName}</span>}
      </h3>
      {kind === 'json' ? (
        <CodeView value={pasted} onChange={onPaste} language="json" label="Source payload (JSON)" placeholder={`Paste a ${entity} payload here`} className="preview-code" />
      ) : shown ? (
        <>
          {shown.cut && (
            <p className="faint preview-cut">
              Showing the first {formatBytes(shown.text.length)} of {formatBytes(shown.total)}: the whole payload ran.
            </p>
          )}
          <CodeView value={shown.text} language="json" label="Source payload" className="preview-code" />
        </>
      ) : (
        <p className="muted preview-empty">The payload the preview ran on shows here.</p>
      )}
    </div>
  );
}

function TargetView({ result, chosen, onChoose, onSelectRow }: { result: Result; chosen: string | null; onChoose: (pointer: string) => void; onSelectRow: (rowId: number) => void }) {
  const provenance = useMemo(() => new Map(result.provenance.map((entry) => [entry.pointer, entry])), [result.provenance]);
  const flagged = useMemo(() => new Set(result.problems.map((problem) => problem.pointer).filter(Boolean)), [result.problems]);
  const entry = chosen === null ? undefined : provenance.get(chosen);
  return (
    <>
      {chosen !== null && (
        <div className="preview-provenance" role="status" aria-label="Where this value comes from">
          <span className="mono">{chosen}</span>
          {entry ? (
            <>
              {' '}
              was set by{' '}
              <button type="button" className="link-button mono" onClick={() => onSelectRow(entry.rowId)}>
                {entry.mapId}
              </button>
              {entry.sources.length === 0 ? (
                ' (a constant or default)'
              ) : (
                <>
                  {' from '}
                  {entry.sources.map((source, index) => (
                    <span key={source.path}>
                      {index > 0 && ', '}
                      <span className="mono">{source.path}</span> = <span className="mono">{source.pointer === null ? 'absent' : JSON.stringify(source.value)}</span>
                      {source.pointer !== null && <span className="faint"> at {source.pointer}</span>}
                    </span>
                  ))}
                </>
              )}
            </>
          ) : (
            ' was set by no row (it is part of a value a row built whole).'
          )}
        </div>
      )}
      <PayloadTree value={result.target} chosen={chosen} onChoose={onChoose} flagged={flagged} label="Target payload values" />
    </>
  );
}

function ProblemList({ problems, onSelectRow }: { problems: PreviewProblem[]; onSelectRow: (rowId: number) => void }) {
  if (problems.length === 0) {
    return (
      <p className="preview-clean">
        <CheckCircleIcon size={16} /> No problems: the target payload passes the target's schema.
      </p>
    );
  }
  return (
    <ul className="check-list preview-problems">
      {problems.map((problem, index) => (
        <li key={`${problem.pointer}-${problem.keyword}-${index}`}>
          <button type="button" className="check-item check-error check-button" disabled={problem.rowId === null} onClick={() => problem.rowId !== null && onSelectRow(problem.rowId)}>
            <AlertIcon size={13} />
            <span className="check-text">
              <span className="check-where">
                <span className="mono">{problem.mapId ?? 'No row'}</span> · <span className="mono">{problem.path || problem.pointer || 'payload'}</span> · {problem.keyword}
              </span>
              <span>{problem.message}</span>
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
