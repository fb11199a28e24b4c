// The mapping memory across workspaces (kept in Crosswalk's settings folder): the pairs analysts accepted
// or rejected, which other workspaces' suggestions weigh as evidence. Each can be erased, all at once too,
// and the memory exported as a file a team shares or merged in from one.
import { useState } from 'react';
import type { MemoryEntry } from '../../../../shared/contract';
import { api } from '../../api/client';
import { Alert } from '../../components/Alert';
import { Dialog } from '../../components/Dialog';
import { JsonFileButton } from '../../components/JsonFileButton';
import { useCall, useCallCache } from '../../state/queries';
import { errorMessage } from '../../state/save-state';

const lastName = (path: string) => path.split('.').pop()!.replace(/\[\]/g, '');

export function MemoryDialog({ onClose }: { onClose: () => void }) {
  const memory = useCall('mapping.memory', {});
  const cache = useCallCache();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const run = async (work: () => Promise<string | undefined>) => {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      setNotice((await work()) ?? null);
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };
  const changed = (entries: MemoryEntry[]) => {
    cache.set('mapping.memory', {}, entries);
    // Other workspaces' pairs are evidence in every flow's suggestions.
    cache.invalidate('mapping.suggestions');
  };

  const erase = (id?: string) =>
    run(async () => {
      const { erased, entries } = await api['mapping.eraseMemory'](id ? { id } : {});
      changed(entries);
      return id ? 'Pair erased.' : `Erased ${erased} pair${erased === 1 ? '' : 's'}.`;
    });
  const exportFile = () =>
    run(async () => {
      const exported = await api['mapping.exportMemory']({});
      const link = document.createElement('a');
      link.href = URL.createObjectURL(new Blob([exported.text], { type: 'application/json' }));
      link.download = exported.fileName;
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
      return `Exported as ${exported.fileName}.`;
    });
  const importFile = (file: File) =>
    run(async () => {
      const { added, entries } = await api['mapping.importMemory']({ text: await file.text(), fileName: file.name });
      changed(entries);
      return `Merged ${file.name}: ${added} new pair${added === 1 ? '' : 's'}.`;
    });

  const entries = memory.data ?? [];
  return (
    <Dialog
      title="Mapping memory"
      subtitle="Pairs accepted or rejected in any workspace on this computer: other workspaces weigh them as evidence, never as enough on their own."
      size="lg"
      busy={busy}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="btn btn-danger" disabled={busy || entries.length === 0} onClick={() => void erase()}>
            Erase all
          </button>
          <JsonFileButton disabled={busy} fileLabel="Mapping memory file" onFile={(file) => void importFile(file)}>
            Import…
          </JsonFileButton>
          <button type="button" className="btn" disabled={busy || entries.length === 0} onClick={() => void exportFile()}>
            Export…
          </button>
          <button type="button" className="btn btn-primary" onClick={onClose} disabled={busy}>
            Close
          </button>
        </>
      }
    >
      {error && <Alert>{error}</Alert>}
      {memory.isError && <Alert>{errorMessage(memory.error)}</Alert>}
      {notice && (
        <p className="field-hint" role="status">
          {notice}
        </p>
      )}
      {memory.isSuccess && entries.length === 0 && <p className="muted">Nothing remembered yet: accepting or rejecting a row remembers its pair here.</p>}
      {entries.length > 0 && (
        <ul className="learned-pairs memory-pairs" aria-label="Remembered pairs">
          {entries.map((entry) => (
            <li key={entry.id} className="learned-pair">
              <span>
                <span className="mono">
                  {lastName(entry.source)} → {lastName(entry.target)}
                </span>{' '}
                {entry.decision} on {entry.decidedAt.slice(0, 10)} · {entry.sourceEntity}.{entry.source} → {entry.targetEntity}.{entry.target}
              </span>
              <button type="button" className="btn btn-sm btn-ghost" disabled={busy} onClick={() => void erase(entry.id)} aria-label={`Erase ${lastName(entry.source)} → ${lastName(entry.target)}`}>
                Erase
              </button>
            </li>
          ))}
        </ul>
      )}
    </Dialog>
  );
}
