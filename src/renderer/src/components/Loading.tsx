// A loading indicator that stays invisible for the first moments, so fast answers never flash it.
import { useEffect, useState } from 'react';

export function Loading({ label = 'Loading…', delay = 250 }: { label?: string; delay?: number }) {
  const [visible, setVisible] = useState(false);
  useEffect(() => {
    const timer = window.setTimeout(() => setVisible(true), delay);
    return () => window.clearTimeout(timer);
  }, [delay]);
  if (!visible) return <div className="loading-placeholder" aria-busy="true" />;
  return (
    <div className="loading" role="status" aria-live="polite">
      <span className="spinner" />
      {label}
    </div>
  );
}
