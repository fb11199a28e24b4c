// Remove a system, after naming exactly what goes. The host refuses while data flows use it; its
// message says why and is shown as it comes.
import { useState } from 'react';
import type { FlowSummary, SystemSummary } from '../../../../shared/contract';
import { api } from '../../api/client';
import { Alert } from '../../components/Alert';
import { Dialog } from '../../components/Dialog';
import { plural } from '../../format';
import { useApp } from '../../state/app-context';
import { errorMessage } from '../../state/save-state';
import { dialogWrite } from './dialog-write';
import { Working } from './Working';

interface RemoveDialogProps {
  system: SystemSummary;
  /** Data flows that use the system, as far as the list knows. */
  flows: readonly FlowSummary[];
  onClose: () => void;
  onRemoved: () => void;
}

export function RemoveDialog({ system, flows, onClose, onRemoved }: RemoveDialogProps) {
  const { trackSave } = useApp();
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);

  const remove = async () => {
    setBusy(true);
    setRefusal(null);
    try {
      await dialogWrite(trackSave, api['systems.remove']({ id: system.id }));
      onRemoved();
    } catch (failure) {
      setRefusal(errorMessage(failure));
      setBusy(false);
    }
  };

  return (
    <Dialog
      alert
      title={`Remove ${system.name}?`}
      size="sm"
      busy={busy}
      onClose={onClose}
      footer={
        <>
          {busy && <Working label="Removing…" />}
          <span className="spacer" />
          <button type="button" className="btn" onClick={onClose} disabled={busy} autoFocus>
            {refusal ? 'Close' : 'Cancel'}
          </button>
          <button type="button" className="btn btn-danger" onClick={() => void remove()} disabled={busy}>
            Remove {system.name}
          </button>
        </>
      }
    >
      {refusal && <Alert title={`${system.name} was not removed`}>{refusal}</Alert>}
      <p>
        This removes <strong>{system.name}</strong> ({system.title}
        {system.apiVersion ? ` ${system.apiVersion}` : ''}) from the workspace, with its stored document
        {system.previousVersions > 0 ? ` and ${plural(system.previousVersions, 'earlier version')}` : ''}. The file or
        address it was imported from is not touched.
      </p>
      {flows.length > 0 && !refusal && (
        <p className="remove-flows">
          It is part of {plural(flows.length, 'data flow')} ({flows.map((flow) => flow.name).join(', ')}): Crosswalk keeps
          systems that data flows use.
        </p>
      )}
    </Dialog>
  );
}
