// Import a system: its name and where its document comes from; then, if the document refers to
// files outside its folder or to the network, the analyst's explicit consent.
import { useState } from 'react';
import type { ExternalReference, SystemSummary } from '../../../../shared/contract';
import { api } from '../../api/client';
import { Alert } from '../../components/Alert';
import { Dialog } from '../../components/Dialog';
import { DialogButtons } from '../../components/dialog-action';
import { useApp } from '../../state/app-context';
import { errorMessage } from '../../state/save-state';
import { dialogWrite } from './dialog-write';
import { allowing, ConsentStep } from './ConsentStep';
import { Working } from './Working';
import { checkSource, initialSource, SourceFields, type SourceDraft, type SourceErrors } from './SourceFields';

/** `allowed`: the reference targets the analyst allowed so far (a referenced file may list more). */
type Step = { kind: 'form' } | { kind: 'consent'; references: ExternalReference[]; allowed: string[] };

interface ImportDialogProps {
  /** Names already taken in this workspace. */
  takenNames: readonly string[];
  onClose: () => void;
  onImported: (system: SystemSummary) => void;
}

export function ImportDialog({ takenNames, onClose, onImported }: ImportDialogProps) {
  const { info, trackSave } = useApp();
  const [name, setName] = useState('');
  const [draft, setDraft] = useState<SourceDraft>(() => initialSource(info.host));
  const [step, setStep] = useState<Step>({ kind: 'form' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [nameError, setNameError] = useState<string | null>(null);
  const [sourceErrors, setSourceErrors] = useState<SourceErrors>({});

  const run = async (allowedRefs: string[]) => {
    const trimmed = name.trim();
    const checked = checkSource(draft);
    const taken = takenNames.includes(trimmed);
    setNameError(!trimmed ? 'Give the system a short name, such as CRM or Billing.' : taken ? `There is already a system called ${trimmed}: choose another name, or re-import that one.` : null);
    setSourceErrors('errors' in checked ? checked.errors : {});
    if (!trimmed || taken || 'errors' in checked) return;

    setBusy(true);
    setError(null);
    try {
      const result = await dialogWrite(trackSave, api['systems.import']({ name: trimmed, source: checked.source, allowedRefs }));
      if (result.status === 'needs-consent') {
        setStep({ kind: 'consent', references: result.references, allowed: allowedRefs });
      } else {
        onImported(result.system);
      }
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  const consent = step.kind === 'consent';
  return (
    <Dialog
      title={consent ? 'Allow references outside the document?' : 'Import system'}
      subtitle={consent ? `Importing ${name.trim()}` : 'An API document (Swagger 2.0, OpenAPI 3.0 or 3.1, as YAML or JSON) becomes a system you can map.'}
      size={consent ? 'lg' : 'md'}
      busy={busy}
      onClose={onClose}
      onSubmit={() => void run(consent ? allowing(step) : [])}
      footer={
        consent ? (
          <>
            <button type="button" className="btn" onClick={() => setStep({ kind: 'form' })} disabled={busy}>
              Back
            </button>
            <span className="spacer" />
            <button type="button" className="btn" onClick={onClose} disabled={busy}>
              Cancel
            </button>
            <button type="submit" className="btn btn-warning" disabled={busy}>
              Allow these references and import
            </button>
          </>
        ) : (
          <>
            <span className="spacer" />
            <DialogButtons onCancel={onClose} busy={busy} submit={busy ? 'Importing…' : 'Import'} />
          </>
        )
      }
    >
      {error && (
        <Alert title="The document could not be imported" onDismiss={() => setError(null)}>
          {error}
        </Alert>
      )}
      {consent ? (
        <ConsentStep documentName={name.trim()} references={step.references} allowedBefore={step.allowed.length} />
      ) : (
        <div className="form-stack">
          <div className="field">
            <label className="field-label" htmlFor="import-name">
              Name
            </label>
            <input
              id="import-name"
              className="input"
              value={name}
              onChange={(event) => setName(event.target.value)}
              placeholder="CRM"
              maxLength={200}
              autoFocus
              disabled={busy}
              aria-invalid={nameError ? true : undefined}
              aria-describedby="import-name-hint"
              autoComplete="off"
            />
            {nameError ? (
              <span className="field-error" id="import-name-hint">
                {nameError}
              </span>
            ) : (
              <span className="field-hint" id="import-name-hint">
                What the team calls this system; data flows and the exported spec use it.
              </span>
            )}
          </div>
          <SourceFields draft={draft} onChange={setDraft} errors={sourceErrors} disabled={busy} host={info.host} />
        </div>
      )}
      {busy && <Working label={consent ? 'Reading the referenced documents and importing…' : draft.kind === 'url' ? 'Downloading and reading the document…' : 'Reading the document and listing its entities…'} />}
    </Dialog>
  );
}
