// What the engine learned for one target field from earlier accepts and rejects, each forgettable: one
// decision is evidence the engine weighs, and a mistaken one should not keep steering its suggestions.
import { useState } from 'react';
import { api } from '../../api/client';
import { useCall, useCallCache } from '../../state/queries';
import { errorMessage } from '../../state/save-state';

export function LearnedPairs({ flowId, targetPath }: { flowId: number; targetPath: string }) {
  const learned = useCall('mapping.learned', { flowId });
  const cache = useCallCache();
  const [error, setError] = useState<string | null>(null);
  const pairs = (learned.data ?? []).filter((pair) => pair.targetPath === targetPath);
  if (pairs.length === 0) return null;

  const forget = async (sourcePath: string) => {
    setError(null);
    try {
      cache.set('mapping.learned', { flowId }, await api['mapping.forgetLearned']({ flowId, targetPath, sourcePath }));
      cache.invalidate('mapping.suggestions', { flowId });
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };

  return (
    <section className="detail-section" aria-label="Learned">
      <h3 className="detail-heading">Learned</h3>
      <ul className="learned-pairs">
        {pairs.map((pair) => (
          <li key={pair.sourcePath} className="learned-pair">
            <span>
              <span className="mono">{pair.sourcePath}</span> {pair.decision === 'accepted' ? 'accepted' : 'rejected'} on {pair.decidedAt.slice(0, 10)}
            </span>
            <button type="button" className="btn btn-sm btn-ghost" onClick={() => void forget(pair.sourcePath)} title="The engine stops weighing this decision; the row keeps its values">
              Forget
            </button>
          </li>
        ))}
      </ul>
      {error && <p className="field-error" role="alert">{error}</p>}
    </section>
  );
}
