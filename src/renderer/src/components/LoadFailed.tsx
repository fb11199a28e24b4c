// The error shown when something could not be loaded, with a button to try again.
import type { ReactNode } from 'react';
import { Alert } from './Alert';

interface LoadFailedProps {
  title: string;
  onRetry: () => void;
  children: ReactNode;
}

export function LoadFailed({ title, onRetry, children }: LoadFailedProps) {
  return (
    <Alert
      title={title}
      action={
        <button type="button" className="btn btn-sm" onClick={onRetry}>
          Try again
        </button>
      }
    >
      {children}
    </Alert>
  );
}
