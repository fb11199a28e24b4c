// An inline message: errors from the api are written for people, so they are shown as they come.
import type { ReactNode } from 'react';
import { AlertIcon, CloseIcon, InfoIcon } from './icons';

interface AlertProps {
  tone?: 'error' | 'info';
  title?: string;
  children: ReactNode;
  onDismiss?: () => void;
  action?: ReactNode;
  /** An info message that is news (the result of what the analyst just did): read out politely. */
  announce?: boolean;
}

export function Alert({ tone = 'error', title, children, onDismiss, action, announce = false }: AlertProps) {
  const Icon = tone === 'error' ? AlertIcon : InfoIcon;
  return (
    <div className={`alert alert-${tone}`} role={tone === 'error' ? 'alert' : announce ? 'status' : 'note'}>
      <Icon />
      <div className="alert-body">
        {title && <div className="alert-title">{title}</div>}
        <div>{children}</div>
      </div>
      {action}
      {onDismiss && (
        <button type="button" className="btn btn-ghost btn-icon btn-sm" onClick={onDismiss} aria-label="Dismiss">
          <CloseIcon size={14} />
        </button>
      )}
    </div>
  );
}
