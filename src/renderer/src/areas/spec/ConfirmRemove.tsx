// Asks before removing a record: what goes, and what stays.
import { useState, type ReactNode } from 'react';
import { Alert } from '../../components/Alert';
import { Dialog } from '../../components/Dialog';
import { TrashIcon } from '../../components/icons';
import { errorMessage } from '../../state/save-state';

interface ConfirmRemoveProps {
  title: string;
  children: ReactNode;
  /** The button's words, e.g. "Remove use case". */
  action: string;
  onRemove: () => Promise<unknown>;
  onClose: () => void;
}

export function ConfirmRemove({ title, children, action, onRemove, onClose }: ConfirmRemoveProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const remove = async () => {
    setBusy(true);
    setError(null);
    try {
      await onRemove();
      onClose();
    } catch (failure) {
      setError(errorMessage(failure));
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={title}
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
            {action}
          </button>
        </>
      }
    >
      <div className="confirm-text">{children}</div>
      {error && <Alert>{error}</Alert>}
    </Dialog>
  );
}
