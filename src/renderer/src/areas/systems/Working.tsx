// What a dialog shows while the host works: a spinner, what is happening, and how long it has taken.
import { useEffect, useState } from 'react';

export function Working({ label }: { label: string }) {
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    const started = Date.now();
    const timer = window.setInterval(() => setSeconds(Math.floor((Date.now() - started) / 1000)), 1000);
    return () => window.clearInterval(timer);
  }, []);
  return (
    <div className="working" role="status" aria-live="polite">
      <span className="spinner" />
      <span>{label}</span>
      {seconds >= 3 && <span className="faint working-time">{seconds} s</span>}
    </div>
  );
}
