// Asks before removing a record: what goes, and what stays.
import type { ReactNode } from 'react';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useDialogAction } from '../../components/dialog-action';
import { TrashIcon } from '../../components/icons';
import { useApp } from '../../state/app-context';

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
  const { busy, error, run } = useDialogAction();

  const remove = () =>
    run(async () => {
      await trackSave(removeCall({ id: record.id }));
      onRemoved();
      onClose();
    });

  return (
    <ConfirmDialog
      title={`Remove ${record.ref}?`}
      busy={busy}
      error={error}
      confirm={
        <>
          <TrashIcon />
          {`Remove ${what}`}
        </>
      }
      onConfirm={() => void remove()}
      onClose={onClose}
    >
      {children}
    </ConfirmDialog>
  );
}
