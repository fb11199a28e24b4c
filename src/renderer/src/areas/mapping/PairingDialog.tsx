// Makes or changes an array pairing: which target array of objects is filled from which source array
// (one element per source element) or object (one element), with an optional discriminator and filter.
import { useMemo, useState } from 'react';
import type { CatalogueEntity } from '../../../../shared/catalogue';
import type { ArrayPairing } from '../../../../shared/contract';
import { api } from '../../api/client';
import { Alert } from '../../components/Alert';
import { Dialog } from '../../components/Dialog';
import { useApp } from '../../state/app-context';
import { errorMessage } from '../../state/save-state';

interface PairingDialogProps {
  flowId: number;
  source: CatalogueEntity | undefined;
  target: CatalogueEntity | undefined;
  /** The pairing being changed; none to make one. */
  pairing?: ArrayPairing;
  onClose: () => void;
  /** After a write: the sheet is read again. */
  onSaved: (message: string) => void;
}

const isArray = (type: string) => type.split('|').some((part) => part.trim() === 'array');

/** Arrays of objects of the target (written with their []), outer ones first. */
function targetArrays(entity: CatalogueEntity | undefined): string[] {
  if (!entity) return [];
  return entity.fields.filter((field) => isArray(field.type) && entity.fields.some((each) => each.path.startsWith(`${field.path}[].`))).map((field) => `${field.path}[]`);
}

/** Source arrays of objects (with []) and objects: what a pairing can read elements from. */
function sourceOptions(entity: CatalogueEntity | undefined): string[] {
  if (!entity) return [];
  return entity.fields
    .filter((field) => !field.leaf)
    .map((field) => (isArray(field.type) ? `${field.path}[]` : field.path))
    .filter((path) => entity.fields.some((each) => each.path.startsWith(`${path}.`)));
}

export function PairingDialog({ flowId, source, target, pairing, onClose, onSaved }: PairingDialogProps) {
  const { trackSave } = useApp();
  const targets = useMemo(() => targetArrays(target), [target]);
  const sources = useMemo(() => sourceOptions(source), [source]);
  const [targetPath, setTargetPath] = useState(pairing?.targetPath ?? targets[0] ?? '');
  const [sourcePath, setSourcePath] = useState(pairing?.sourcePath ?? '');
  const [discriminatorPath, setDiscriminatorPath] = useState(pairing?.discriminator?.path ?? '');
  const [discriminatorValue, setDiscriminatorValue] = useState(pairing?.discriminator?.value ?? '');
  const [filter, setFilter] = useState(pairing?.filter ?? '');
  const [notes, setNotes] = useState(pairing?.notes ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const elementFields = useMemo(
    () => (target?.fields ?? []).filter((field) => field.leaf && field.path.startsWith(`${targetPath}.`) && !field.path.slice(targetPath.length + 1).includes('[]')).map((field) => field.path.slice(targetPath.length + 1)),
    [target, targetPath],
  );
  const allowed = target?.fields.find((field) => field.path === `${targetPath}.${discriminatorPath}`)?.enum?.map(String);

  const run = async (write: () => Promise<unknown>, message: string) => {
    setBusy(true);
    setError(null);
    try {
      await trackSave(write());
      onSaved(message);
    } catch (failure) {
      setError(errorMessage(failure));
      setBusy(false);
    }
  };

  const submit = () => {
    if (!targetPath || !sourcePath) return setError('Choose the target array and the source it is filled from.');
    if (discriminatorPath && !discriminatorValue.trim()) return setError(`Give the value ${discriminatorPath} takes in this pairing's elements, or no discriminator.`);
    const discriminator = discriminatorPath ? { path: discriminatorPath, value: discriminatorValue.trim() } : null;
    if (pairing) {
      void run(() => api['mapping.updatePairing']({ pairingId: pairing.id, sourcePath, discriminator, filter, notes, status: 'accepted' }), `Pairing ${pairing.pairId} saved.`);
    } else {
      void run(() => api['mapping.createPairing']({ flowId, targetPath, sourcePath, discriminator, filter, notes }), `${targetPath} paired with ${sourcePath}.`);
    }
  };

  return (
    <Dialog
      title={pairing ? `Array pairing ${pairing.pairId}` : 'Pair an array'}
      subtitle="A target array of objects filled from a source as a whole: its element rows are grouped under it."
      busy={busy}
      onClose={onClose}
      onSubmit={submit}
      footer={
        <>
          {pairing && (
            <button
              type="button"
              className="btn btn-danger"
              disabled={busy}
              onClick={() => void run(() => api['mapping.deletePairing']({ pairingId: pairing.id }), `Pairing ${pairing.pairId} removed.`)}
            >
              Remove pairing
            </button>
          )}
          <button type="button" className="btn" onClick={onClose} disabled={busy}>
            Cancel
          </button>
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? 'Saving…' : pairing ? 'Save pairing' : 'Pair'}
          </button>
        </>
      }
    >
      {error && <Alert>{error}</Alert>}
      {targets.length === 0 && !pairing && <Alert tone="info">The target entity has no array of objects to pair.</Alert>}
      <label className="field">
        <span className="field-label">Target array</span>
        <select className="select" value={targetPath} disabled={!!pairing || busy} onChange={(event) => setTargetPath(event.target.value)}>
          {(pairing ? [pairing.targetPath] : targets).map((path) => (
            <option key={path} value={path}>
              {path}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="field-label">Filled from</span>
        <select className="select" value={sourcePath} disabled={busy} onChange={(event) => setSourcePath(event.target.value)}>
          <option value="">Choose a source array or object…</option>
          {sources.map((path) => (
            <option key={path} value={path}>
              {path.endsWith('[]') ? `${path} (one element per source element)` : `${path} (one element)`}
            </option>
          ))}
        </select>
      </label>
      <div className="pairing-discriminator">
        <label className="field">
          <span className="field-label">Discriminator field (optional)</span>
          <select className="select" value={discriminatorPath} disabled={busy} onChange={(event) => setDiscriminatorPath(event.target.value)}>
            <option value="">None</option>
            {elementFields.map((path) => (
              <option key={path} value={path}>
                {path}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field-label">Its value in these elements</span>
          {allowed ? (
            <select className="select" value={discriminatorValue} disabled={busy || !discriminatorPath} onChange={(event) => setDiscriminatorValue(event.target.value)}>
              <option value="">Choose…</option>
              {allowed.map((value) => (
                <option key={value} value={value}>
                  {value}
                </option>
              ))}
            </select>
          ) : (
            <input className="input" value={discriminatorValue} disabled={busy || !discriminatorPath} maxLength={2000} onChange={(event) => setDiscriminatorValue(event.target.value)} />
          )}
        </label>
      </div>
      <label className="field">
        <span className="field-label">Filter: which source elements (optional)</span>
        <input className="input" value={filter} disabled={busy} maxLength={2000} placeholder='e.g. type = "product"' onChange={(event) => setFilter(event.target.value)} />
      </label>
      <label className="field">
        <span className="field-label">Notes</span>
        <textarea className="textarea" value={notes} disabled={busy} rows={2} onChange={(event) => setNotes(event.target.value)} />
      </label>
    </Dialog>
  );
}
