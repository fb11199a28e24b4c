// Asks before a bulk accept writes: how many suggestions it accepts, and which ones above the bar it
// leaves for the analyst because a check shows an error on them.
import { useState } from 'react';
import type { CallOutput } from '../../../../shared/contract';
import { Alert } from '../../components/Alert';
import { Dialog } from '../../components/Dialog';
import { CheckIcon } from '../../components/icons';
import { errorMessage } from '../../state/save-state';

type Preview = CallOutput<'mapping.acceptAbove'>;

const SHOWN = 8;

export function AcceptAboveDialog({ threshold, preview, onAccept, onClose }: { threshold: number; preview: Preview; onAccept: () => Promise<void>; onClose: () => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const percent = Math.round(threshold * 100);
  const { accepted, skipped } = preview;
  const accept = async () => {
    setBusy(true);
    setError(null);
    try {
      await onAccept();
      onClose();
    } catch (failure) {
      setError(errorMessage(failure));
      setBusy(false);
    }
  };
  return (
    <Dialog
      title={accepted > 0 ? `Accept ${accepted} suggestion${accepted === 1 ? '' : 's'}?` : 'Nothing to accept'}
      subtitle={`Suggestions scoring ${percent}% or more${skipped.length ? ', except those a check shows an error on' : ''}. One step to undo.`}
      onClose={onClose}
      busy={busy}
      size="md"
      alert
      onSubmit={accepted > 0 ? () => void accept() : undefined}
      footer={
        <>
          <span className="spacer" />
          <button type="button" className="btn" onClick={onClose} disabled={busy}>
            {accepted > 0 ? 'Cancel' : 'Close'}
          </button>
          {accepted > 0 && (
            <button type="submit" className="btn btn-primary" disabled={busy} autoFocus>
              <CheckIcon size={13} />
              {busy ? 'Accepting…' : `Accept ${accepted}`}
            </button>
          )}
        </>
      }
    >
      {skipped.length > 0 ? (
        <div className="accept-skipped">
          <p className="confirm-text">
            {skipped.length} suggestion{skipped.length === 1 ? '' : 's'} above the bar {skipped.length === 1 ? 'stays' : 'stay'} for you to review: a check shows an error on{' '}
            {skipped.length === 1 ? 'it' : 'them'}.
          </p>
          {/* It scrolls, so it takes focus: a keyboard can scroll it (axe: scrollable-region-focusable). */}
          <ul className="accept-skipped-list" tabIndex={0} aria-label="Suggestions left for review">
            {skipped.slice(0, SHOWN).map((row) => (
              <li key={row.rowId}>
                <span className="mono">{row.mapId}</span> <span className="mono path">{row.targetPath}</span>
                <span className="muted"> — {row.reasons.join(' ')}</span>
              </li>
            ))}
          </ul>
          {skipped.length > SHOWN && <p className="muted">…and {skipped.length - SHOWN} more: filter the sheet on errors to see them.</p>}
        </div>
      ) : (
        <p className="confirm-text">{accepted > 0 ? 'No check shows an error on any of them.' : `No open suggestion scores ${percent}% or more.`}</p>
      )}
      {error && <Alert>{error}</Alert>}
    </Dialog>
  );
}
