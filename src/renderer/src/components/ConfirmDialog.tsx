// Asks before something goes (a flow, a use case, a test case…): what goes and what stays, Cancel, and the
// danger button that does it, focused so that Enter confirms and Escape cancels.
import type { ReactNode } from 'react';
import { Dialog } from './Dialog';
import { DialogButtons, FormError } from './dialog-action';

interface ConfirmDialogProps {
  title: string;
  subtitle?: string;
  size?: 'sm' | 'md';
  busy: boolean;
  /** The refusal of the last try, shown under the text. */
  error: string | null;
  /** The danger button's content: "Delete flow", an icon and "Remove use case". */
  confirm: ReactNode;
  onConfirm: () => void;
  onClose: () => void;
  /** What goes and what stays. */
  children: ReactNode;
}

export function ConfirmDialog({ title, subtitle, size = 'sm', busy, error, confirm, onConfirm, onClose, children }: ConfirmDialogProps) {
  return (
    <Dialog
      title={title}
      subtitle={subtitle}
      size={size}
      alert
      busy={busy}
      onClose={onClose}
      onSubmit={onConfirm}
      footer={
        <>
          <span className="spacer" />
          <DialogButtons onCancel={onClose} busy={busy} submit={confirm} danger />
        </>
      }
    >
      <div className="confirm-text">{children}</div>
      <FormError error={error} />
    </Dialog>
  );
}
