// Edits a row's value map (source value → target value), starting from the engine's suggested pairs
// when the row has none yet.
import { useEffect, useState } from 'react';
import type { MappingRow } from '../../../../shared/contract';
import { api } from '../../api/client';
import { Alert } from '../../components/Alert';
import { Dialog } from '../../components/Dialog';
import { PlusIcon, TrashIcon } from '../../components/icons';
import { errorMessage } from '../../state/save-state';
import { percent } from './labels';

type Suggested = Awaited<ReturnType<(typeof api)['mapping.suggestValueMap']>>;

interface Pair {
  key: number;
  source: string;
  target: string;
}

let pairKey = 0;

interface ValueMapDialogProps {
  row: MappingRow;
  targetValues: string[];
  onClose: () => void;
  onSave: (valueMap: Array<{ source: string; target: string }>) => Promise<void>;
}

export function ValueMapDialog({ row, targetValues, onClose, onSave }: ValueMapDialogProps) {
  const [pairs, setPairs] = useState<Pair[]>(() => row.valueMap.map((entry) => ({ key: ++pairKey, ...entry })));
  const [suggested, setSuggested] = useState<Suggested | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    api['mapping.suggestValueMap']({ rowId: row.id }).then(
      (list) => {
        if (!live) return;
        setSuggested(list);
        if (row.valueMap.length === 0) {
          setPairs(list.filter((entry) => entry.target !== null).map((entry) => ({ key: ++pairKey, source: entry.source, target: entry.target! })));
        }
      },
      () => live && setSuggested([]),
    );
    return () => {
      live = false;
    };
  }, [row.id, row.valueMap.length]);

  const change = (key: number, patch: Partial<Pair>) => setPairs((list) => list.map((pair) => (pair.key === key ? { ...pair, ...patch } : pair)));
  const why = new Map((suggested ?? []).map((entry) => [entry.source, entry]));

  const save = async () => {
    const entries = pairs.filter((pair) => pair.source.trim() !== '').map((pair) => ({ source: pair.source.trim(), target: pair.target.trim() }));
    setBusy(true);
    setError(null);
    try {
      await onSave(entries);
    } catch (failure) {
      setError(errorMessage(failure));
      setBusy(false);
    }
  };

  const unmatched = (suggested ?? []).filter((entry) => entry.target === null && !pairs.some((pair) => pair.source === entry.source));

  return (
    <Dialog
      title="Value map"
      subtitle={
        <>
          <span className="mono">{row.sourcePaths.join(' + ') || 'no source'}</span> → <span className="mono">{row.targetPath}</span> · {row.mapId}
        </>
      }
      size="lg"
      busy={busy}
      onClose={onClose}
      onSubmit={save}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose} disabled={busy}>
            Cancel
          </button>
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? 'Saving…' : 'Save value map'}
          </button>
        </>
      }
    >
      {error && <Alert>{error}</Alert>}
      <datalist id="value-map-targets">
        {targetValues.map((value) => (
          <option key={value} value={value} />
        ))}
      </datalist>
      <div className="value-map">
        <div className="value-map-head">
          <span>Source value</span>
          <span />
          <span>Target value</span>
          <span>Why</span>
          <span />
        </div>
        {pairs.map((pair, index) => {
          const reason = why.get(pair.source);
          return (
            <div className="value-map-row" key={pair.key}>
              <input className="input mono" aria-label={`Source value ${index + 1}`} value={pair.source} onChange={(event) => change(pair.key, { source: event.target.value })} />
              <span className="value-map-arrow">→</span>
              <input className="input mono" aria-label={`Target value ${index + 1}`} list="value-map-targets" value={pair.target} onChange={(event) => change(pair.key, { target: event.target.value })} />
              <span className="value-map-why" title={reason?.reason}>
                {reason && reason.target === pair.target ? `${percent(reason.score)} · ${reason.reason}` : pair.target ? 'by hand' : ''}
              </span>
              <button type="button" className="btn btn-ghost btn-icon btn-sm" aria-label={`Remove pair ${index + 1}`} onClick={() => setPairs((list) => list.filter((item) => item.key !== pair.key))}>
                <TrashIcon size={14} />
              </button>
            </div>
          );
        })}
        {pairs.length === 0 && <p className="muted value-map-empty">{suggested === null ? 'Looking for suggested pairs…' : 'No pairs yet: add them below.'}</p>}
      </div>
      <div className="value-map-actions">
        <button type="button" className="btn btn-sm" onClick={() => setPairs((list) => [...list, { key: ++pairKey, source: '', target: '' }])}>
          <PlusIcon size={12} />
          Add pair
        </button>
        {suggested && suggested.some((entry) => entry.target !== null) && (
          <button
            type="button"
            className="btn btn-ghost btn-sm"
            onClick={() => setPairs(suggested.filter((entry) => entry.target !== null).map((entry) => ({ key: ++pairKey, source: entry.source, target: entry.target! })))}
          >
            Use suggested pairs
          </button>
        )}
        {unmatched.length > 0 && <span className="faint">No match suggested for {unmatched.map((entry) => entry.source).join(', ')}</span>}
      </div>
    </Dialog>
  );
}
