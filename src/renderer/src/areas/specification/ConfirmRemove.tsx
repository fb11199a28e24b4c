// Asks before removing a record: what goes, and what stays.
import { useState, type ReactNode } from 'react';
import { Alert } from '../../components/Alert';
import { Dialog } from '../../components/Dialog';
import { TrashIcon } from '../../components/icons';
import { useApp } from '../../state/app-context';
import { errorMessage } from '../../state/save-state';

interface ConfirmRemoveProps {
  /** The record, named by its ref (UC-2, TC-1, IN-3). */
  record: { id: number; ref: string };
  /** What it is, for the button: "use case" → "Remove use case". */
  what: string;
  /** The call that removes it, e.g. api['useCases.remove']. */
  remove: (input: { id: number }) => Promise<unknown>;
  /** After the record is removed. */
  onRemoved: () => void;
  onClose: () => void;
  children: ReactNode;
}

export function ConfirmRemove({ record, what, remove: removeCall, onRemoved, onClose, children }: ConfirmRemoveProps) {
  const { trackSave } = useApp();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const remove = async () => {
    setBusy(true);
    setError(null);
    try {
      await trackSave(removeCall({ id: record.id }));
      onRemoved();
      onClose();
    } catch (failure) {
      setError(errorMessage(failure));
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={`Remove ${record.ref}?`}
      onClose={onClose}
      busy={busy}
      size="sm"
      alert
      onSubmit={() => void remove()}
      footer={
        <>
          <span className="spacer" />
          <button type="button" className="btn" onClick={onClose} disabled={busy}>
            Cancel
          </button>
          <button type="submit" className="btn btn-danger" disabled={busy} autoFocus>
            <TrashIcon />
            {`Remove ${what}`}
          </button>
        </>
      }
    >
      <div className="confirm-text">{children}</div>
      {error && <Alert>{error}</Alert>}
    </Dialog>
  );
}
