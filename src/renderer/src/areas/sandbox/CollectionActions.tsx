// Postman collections in and out of a system from the Saved tab: a collection file chosen here (the
// browser's file picker, the system's file dialog in the app) is read and sent to main, which saves its
// requests, variables and auth; an export comes back as JSON text and is offered as a download.
import { useState } from 'react';
import type { Environment } from '../../../../shared/contract';
import { api } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { DialogButtons, FormError, useDialogAction } from '../../components/dialog-action';
import { JsonFileButton } from '../../components/JsonFileButton';
import { useApp } from '../../state/app-context';
import { useCallCache } from '../../state/queries';
import { errorMessage } from '../../state/save-state';
import { dialogWrite } from '../systems/dialog-write';

export function CollectionActions({ systemId, systemName, environments, onNotice }: { systemId: number; systemName: string; environments: readonly Environment[]; onNotice: (text: string) => void }) {
  const { trackSave } = useApp();
  const cache = useCallCache();
  const [importing, setImporting] = useState(false);
  const [exporting, setExporting] = useState(false);

  const importFile = async (file: File) => {
    setImporting(true);
    try {
      const imported = await dialogWrite(trackSave, api['sandbox.importCollection']({ systemId, text: await file.text(), fileName: file.name }));
      cache.invalidate('sandbox.requests');
      cache.invalidate('sandbox.environments', { systemId });
      const notes = imported.notes.length ? ` ${imported.notes.join(' ')}` : '';
      onNotice(
        `Imported ${imported.requests} request${imported.requests === 1 ? '' : 's'} in ${imported.folders} folder${imported.folders === 1 ? '' : 's'} from ${file.name}; ${imported.variables} variable${imported.variables === 1 ? '' : 's'} (${imported.secretVariables} secret, sealed) and its auth in the environment "${imported.environment.name}".${notes}`,
      );
    } catch (failure) {
      onNotice(`${file.name} was not imported: ${errorMessage(failure)}`);
    } finally {
      setImporting(false);
    }
  };

  return (
    <div className="collection-actions">
      <JsonFileButton className="btn btn-sm" disabled={importing} fileLabel="Postman collection file" onFile={(file) => void importFile(file)}>
        {importing ? 'Importing…' : 'Import collection…'}
      </JsonFileButton>
      <button type="button" className="btn btn-sm" onClick={() => setExporting(true)}>
        Export collection…
      </button>
      {exporting && <ExportDialog systemId={systemId} systemName={systemName} environments={environments} onClose={() => setExporting(false)} onDone={onNotice} />}
    </div>
  );
}

function ExportDialog({ systemId, systemName, environments, onClose, onDone }: { systemId: number; systemName: string; environments: readonly Environment[]; onClose: () => void; onDone: (text: string) => void }) {
  const [environmentId, setEnvironmentId] = useState<number | null>(null);
  const [includeSecrets, setIncludeSecrets] = useState(false);
  const { busy, error, run } = useDialogAction();

  const download = () =>
    run(async () => {
      const exported = await api['sandbox.exportCollection']({ systemId, environmentId, includeSecrets });
      const link = document.createElement('a');
      link.href = URL.createObjectURL(new Blob([exported.text], { type: 'application/json' }));
      link.download = exported.fileName;
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
      onDone(`Exported ${exported.requests} request${exported.requests === 1 ? '' : 's'} of ${systemName} as ${exported.fileName}${includeSecrets ? ', secret values included: share it only where they may be seen' : ', without secret values'}.`);
      onClose();
    });

  return (
    <Dialog
      title="Export as a Postman collection"
      subtitle={`The saved requests of ${systemName}, in their folders, as collection v2.1.`}
      busy={busy}
      onClose={onClose}
      onSubmit={() => void download()}
      footer={<DialogButtons onCancel={onClose} busy={busy} submit="Download" />}
    >
      <label className="field">
        <span className="field-label">Variables and auth from</span>
        <select className="select" value={environmentId ?? ''} onChange={(event) => setEnvironmentId(event.target.value === '' ? null : Number(event.target.value))}>
          <option value="">No environment (requests only)</option>
          {environments.map((environment) => (
            <option key={environment.id} value={environment.id}>
              {environment.name}
            </option>
          ))}
        </select>
      </label>
      <label className="choice">
        <input type="checkbox" checked={includeSecrets} onChange={(event) => setIncludeSecrets(event.target.checked)} aria-describedby="export-secrets-hint" /> Include secret values
      </label>
      <p className="field-hint" id="export-secrets-hint">
        {includeSecrets
          ? 'The file will hold passwords, tokens, API keys and secret variables in plain text: anyone who gets it can use them.'
          : 'Off: each secret (password, token, API key, secret variable) is left in the file as an empty {{variable}} for whoever runs it to fill in.'}
      </p>
      <FormError error={error} />
    </Dialog>
  );
}
