// The system's mock sandbox: served from its document on 127.0.0.1 when it has no sandbox of its own (or
// to try failure outcomes): start and stop it, reset what clients created, and choose the faults it injects.
import { useState } from 'react';
import type { MockSummary } from '../../../../shared/contract';
import { api } from '../../api/client';
import { useCall, useCallCache } from '../../state/queries';
import { errorMessage } from '../../state/save-state';

const CHAOS_HINT = 'latency=200-800ms,error=0.05,reset=0.01,ratelimit=100/min';

export function MockControl({ systemId, systemName, onStarted }: { systemId: number; systemName: string; onStarted: (mock: MockSummary) => void }) {
  const mocks = useCall('mocks.list', {});
  const cache = useCallCache();
  const running = mocks.data?.find((mock) => mock.systemId === systemId);
  const [chaos, setChaos] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const act = async (work: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
      cache.invalidate('mocks.list');
    }
  };

  return (
    <section className="mock-control" aria-label={`Mock of ${systemName}`}>
      <span className={`mock-state${running ? ' is-running' : ''}`}>{running ? 'Mock running' : 'Mock stopped'}</span>
      {running ? (
        <>
          <span className="mono mock-url" title="The Mock environment sends here">
            {running.url}
          </span>
          {running.chaos && <span className="badge badge-warning" title="Faults it injects">{running.chaos}</span>}
          <button type="button" className="btn btn-sm" disabled={busy} onClick={() => void act(() => api['mocks.reset']({ systemId }))} title="Forget what requests created, changed and deleted">
            Reset state
          </button>
          <button type="button" className="btn btn-sm" disabled={busy} onClick={() => void act(() => api['mocks.stop']({ systemId }))}>
            Stop
          </button>
        </>
      ) : (
        <form
          className="mock-start"
          onSubmit={(event) => {
            event.preventDefault();
            void act(async () => {
              const started = await api['mocks.start']({ systemId, chaos });
              cache.invalidate('sandbox.environments', { systemId });
              onStarted(started);
            });
          }}
        >
          <input className="input mono" aria-label="Faults the mock injects" placeholder={`Faults, e.g. ${CHAOS_HINT}`} value={chaos} onChange={(event) => setChaos(event.target.value)} />
          <button type="submit" className="btn btn-sm" disabled={busy}>
            Start mock
          </button>
        </form>
      )}
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </section>
  );
}
