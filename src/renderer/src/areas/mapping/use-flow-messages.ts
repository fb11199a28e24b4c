// The flow screen's one message line: the last write's error, or a notice that fades after a while.
import { useEffect, useState } from 'react';
import { errorMessage } from '../../state/save-state';

const NOTICE_MS = 6000;

export function useFlowMessages() {
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  useEffect(() => {
    if (!notice) return;
    const timer = window.setTimeout(() => setNotice(null), NOTICE_MS);
    return () => window.clearTimeout(timer);
  }, [notice]);

  return {
    error,
    notice,
    /** A write failed: say why. */
    fail: (failure: unknown) => setError(errorMessage(failure)),
    /** A write went through: the error before it no longer stands. */
    succeeded: () => setError(null),
    say: setNotice,
    dismissError: () => setError(null),
    dismissNotice: () => setNotice(null),
  };
}

export type FlowMessages = ReturnType<typeof useFlowMessages>;
