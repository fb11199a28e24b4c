// Deleted flows, kept whole by main until restored: the Undo right after a delete, and the list on the
// Data flows page to restore one from later.
import { useEffect, useRef, useState } from 'react';
import type { FlowDetail } from '../../../../shared/contract';
import { api } from '../../api/client';
import { Alert } from '../../components/Alert';
import { formatRelative, plural } from '../../format';
import { useApp } from '../../state/app-context';
import { useCall, useCallCache } from '../../state/queries';
import { errorMessage } from '../../state/save-state';
import { summaryOf } from './cache-updates';
import type { DeletedFlow } from './DeleteFlowDialog';

/** Restores a deleted flow and shows it in the cached lists; throws main's refusal. */
function useRestore() {
  const { trackSave, refreshWorkspace } = useApp();
  const cache = useCallCache();
  return async (deletedId: number): Promise<FlowDetail> => {
    const flow = await trackSave(api['flows.restore']({ deletedId }));
    cache.update('flows.list', {}, (flows) => [...flows.filter((each) => each.id !== flow.id), summaryOf(flow)]);
    cache.invalidate('flows.list');
    cache.invalidate('flows.deleted');
    cache.invalidate('useCases.list');
    void refreshWorkspace();
    return flow;
  };
}

/** "Deleted … · Undo", read out when it appears; focus moves to Undo, since the screen it was on is gone. */
export function DeletedNotice({ deleted, onDone, onOpen }: { deleted: DeletedFlow; onDone: () => void; onOpen: (flowId: number) => void }) {
  const restore = useRestore();
  const undoRef = useRef<HTMLButtonElement>(null);
  const [state, setState] = useState<{ kind: 'deleted' } | { kind: 'restoring' } | { kind: 'restored'; flow: FlowDetail } | { kind: 'failed'; message: string }>({
    kind: 'deleted',
  });
  useEffect(() => undoRef.current?.focus({ preventScroll: true }), []);

  if (state.kind === 'failed') return <Alert onDismiss={onDone}>{state.message}</Alert>;
  const undo = () => {
    if (state.kind === 'restoring') return;
    setState({ kind: 'restoring' });
    restore(deleted.deletedId).then(
      (flow) => setState({ kind: 'restored', flow }),
      (failure: unknown) => setState({ kind: 'failed', message: errorMessage(failure) }),
    );
  };
  const restored = state.kind === 'restored' ? state.flow : null;
  return (
    <Alert
      tone="info"
      announce
      onDismiss={onDone}
      action={
        restored ? (
          <button type="button" className="btn btn-sm" onClick={() => onOpen(restored.id)}>
            Open it
          </button>
        ) : (
          <button ref={undoRef} type="button" className="btn btn-sm" aria-disabled={state.kind === 'restoring'} onClick={undo}>
            Undo
          </button>
        )
      }
    >
      {restored ? 'Restored' : 'Deleted'} “{restored?.name ?? deleted.name}” with its {plural(deleted.rows, 'mapping row')}.
    </Alert>
  );
}

/** The deleted flows, newest first, each restorable; nothing when there are none. */
export function DeletedFlows({ onRestored }: { onRestored: (flow: FlowDetail) => void }) {
  const deleted = useCall('flows.deleted', {});
  const restore = useRestore();
  const [restoring, setRestoring] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const list = deleted.data ?? [];
  if (list.length === 0) return null;
  return (
    <details className="deleted-flows">
      <summary>
        Deleted flows <span className="badge">{list.length}</span>
      </summary>
      {error && <Alert onDismiss={() => setError(null)}>{error}</Alert>}
      <ul className="deleted-flows-list" aria-label="Deleted flows">
        {list.map((flow) => (
          <li key={flow.deletedId} className="deleted-flow">
            <span className="cell-strong">{flow.name}</span>
            <span className="muted">
              {plural(flow.rows, 'mapping row')} · deleted {formatRelative(flow.deletedAt)}
            </span>
            <span className="spacer" />
            <button
              type="button"
              className="btn btn-sm"
              aria-label={`Restore ${flow.name}`}
              aria-disabled={restoring !== null}
              onClick={() => {
                if (restoring !== null) return;
                setRestoring(flow.deletedId);
                setError(null);
                restore(flow.deletedId).then(onRestored, (failure: unknown) => setError(errorMessage(failure))).finally(() => setRestoring(null));
              }}
            >
              {restoring === flow.deletedId ? 'Restoring…' : 'Restore'}
            </button>
          </li>
        ))}
      </ul>
    </details>
  );
}
