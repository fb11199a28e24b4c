// What re-pointing a flow would do to its rows, read with a dry run before anything is written: the rows
// that keep their fields, those whose paths move (another root, the same names in another entity), and
// those that break, with the analyst's choice for them (keep them flagged, or delete them).
import type { CallInput } from '../../../../shared/contract';
import { plural } from '../../format';
import { queryError, useCall } from '../../state/queries';

export type RepointChange = Pick<CallInput<'flows.repoint'>, 'source' | 'target'>;
export type Unresolved = 'keep' | 'remove';

const SHOWN = 12;

interface RepointPreviewProps {
  flowId: number;
  change: RepointChange;
  unresolved: Unresolved;
  onUnresolved: (choice: Unresolved) => void;
}

export function RepointPreview({ flowId, change, unresolved, onUnresolved }: RepointPreviewProps) {
  const preview = useCall('flows.repoint', { id: flowId, ...change, dryRun: true }, { staleTime: 0, retry: false });
  if (!preview.data) {
    return (
      <section className="repoint-preview" aria-label="What happens to the rows" aria-busy={!preview.isError}>
        <p className={preview.isError ? 'field-error' : 'muted'}>{queryError(preview) ?? 'Checking which rows still resolve…'}</p>
      </section>
    );
  }
  const { kept, moved, unresolved: broken } = preview.data;
  return (
    <section className="repoint-preview" aria-labelledby="repoint-preview-title">
      <h3 className="repair-heading" id="repoint-preview-title">
        What happens to the rows
      </h3>
      <ul className="repoint-counts">
        <li>
          <strong>{kept - moved.length}</strong> keep their fields
        </li>
        <li>
          <strong>{moved.length}</strong> move to new paths
        </li>
        <li className={broken.length > 0 ? 'repoint-broken' : undefined}>
          <strong>{broken.length}</strong> break (their fields are not there)
        </li>
      </ul>
      {moved.length > 0 && (
        <details className="repoint-details">
          <summary>{plural(moved.length, 'row')} move</summary>
          <ul className="repair-list">
            {moved.slice(0, SHOWN).map((row) => (
              <li key={row.rowId} className="repair-item">
                <span className="mono repair-map-id">{row.mapId}</span>
                <span className="repair-paths">
                  <span className="mono path-old">{row.targetPath}</span> → <span className="mono">{row.newTargetPath}</span>
                </span>
              </li>
            ))}
          </ul>
          {moved.length > SHOWN && <p className="muted">…and {moved.length - SHOWN} more.</p>}
        </details>
      )}
      {broken.length > 0 && (
        <>
          <ul className="repair-list" aria-label="Rows that break">
            {broken.slice(0, SHOWN).map((row) => (
              <li key={row.rowId} className="repair-item">
                <span className="mono repair-map-id">{row.mapId}</span>
                <span className="repair-paths">
                  <span className="mono">{row.targetPath}</span>
                  {row.sourcePaths.length > 0 && <span className="repair-why">← {row.sourcePaths.join(', ')}</span>}
                  {row.notes && <span className="repair-why">Notes: {row.notes}</span>}
                </span>
              </li>
            ))}
          </ul>
          {broken.length > SHOWN && <p className="muted">…and {broken.length - SHOWN} more.</p>}
          <fieldset className="repoint-choice">
            <legend className="field-label">The {plural(broken.length, 'row')} that break</legend>
            <label className="choice">
              <input type="radio" name="repoint-unresolved" checked={unresolved === 'keep'} onChange={() => onUnresolved('keep')} />
              Keep them, flagged for review (notes kept)
            </label>
            <label className="choice">
              <input type="radio" name="repoint-unresolved" checked={unresolved === 'remove'} onChange={() => onUnresolved('remove')} />
              Delete them
            </label>
          </fieldset>
        </>
      )}
    </section>
  );
}
