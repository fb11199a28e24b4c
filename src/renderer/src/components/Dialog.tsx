// A modal dialog on the native <dialog> element: the page behind is inert, focus stays inside,
// Escape closes it (unless something is running). It is open for as long as it is rendered, and when it
// goes focus returns to the control that opened it (React removes the element before close() could).
import { useEffect, useEffectEvent, useId, useRef, type FormEvent, type ReactNode } from 'react';
import { CloseIcon } from './icons';

interface DialogProps {
  title: ReactNode;
  /** One line under the title. */
  subtitle?: ReactNode;
  /** Called on Escape, the close button, or the caller's own Cancel. */
  onClose: () => void;
  /** Something is running: Escape and the close button do nothing. */
  busy?: boolean;
  size?: 'sm' | 'md' | 'lg' | 'xl';
  /** The buttons along the bottom. */
  footer?: ReactNode;
  /** Makes the dialog a form: Enter in a field submits it. */
  onSubmit?: () => void;
  /** role="alertdialog" for confirmations. */
  alert?: boolean;
  children: ReactNode;
  className?: string;
}

export function Dialog({ title, subtitle, onClose, busy = false, size = 'md', footer, onSubmit, alert, children, className }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  // Escape: the browser would close the dialog itself; the caller decides.
  const onCancel = useEffectEvent((event: Event) => {
    event.preventDefault();
    if (!busy) onClose();
  });

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    dialog.addEventListener('cancel', onCancel);
    return () => {
      dialog.removeEventListener('cancel', onCancel);
      if (dialog.open) dialog.close();
      const focusLost = !document.activeElement || document.activeElement === document.body;
      if (focusLost && opener?.isConnected) opener.focus({ preventScroll: true });
    };
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!busy) onSubmit?.();
  };

  const content = (
    <>
      <header className="dialog-header">
        <div className="dialog-heading">
          <h2 className="dialog-title" id={titleId}>
            {title}
          </h2>
          {subtitle && <p className="dialog-subtitle">{subtitle}</p>}
        </div>
        <button type="button" className="btn btn-ghost btn-icon btn-sm" onClick={onClose} disabled={busy} aria-label="Close">
          <CloseIcon size={14} />
        </button>
      </header>
      <div className="dialog-body">{children}</div>
      {footer && <footer className="dialog-footer">{footer}</footer>}
    </>
  );

  return (
    <dialog
      ref={ref}
      className={['dialog', `dialog-${size}`, className].filter(Boolean).join(' ')}
      aria-labelledby={titleId}
      aria-busy={busy || undefined}
      role={alert ? 'alertdialog' : undefined}
    >
      {onSubmit ? (
        <form className="dialog-frame" onSubmit={submit} noValidate>
          {content}
        </form>
      ) : (
        <div className="dialog-frame">{content}</div>
      )}
    </dialog>
  );
}
