// The header row of an array pairing in the sheet: what fills the target array, and its actions. A pairing the
// engine suggested is accepted or rejected here like a row (rejecting removes it; its rows stay, unpaired).
import type { ICellRendererParams } from 'ag-grid-community';
import type { MappingRow } from '../../../../shared/contract';
import { percent } from './labels';
import { pairingIdOfHeader } from './pairing-rows';

export interface PairingHeaderParams {
  onEditPairing(pairingId: number): void;
  onDecidePairing(pairingId: number, decision: 'accept' | 'reject'): void;
}

export function PairingHeaderRow({ data, onEditPairing, onDecidePairing }: ICellRendererParams<MappingRow> & PairingHeaderParams) {
  if (!data) return null;
  const each = data.sourcePaths[0]?.endsWith('[]');
  const suggested = data.status === 'suggested';
  const id = pairingIdOfHeader(data);
  return (
    <div className={`pairing-header${suggested ? ' suggested' : ''}`} role="group" aria-label={`${suggested ? 'Suggested array pairing' : 'Array pairing'} ${data.mapId}: ${data.transformation}`}>
      <span className="mono sheet-mapid">{data.mapId}</span>
      {suggested && (
        <span className="pairing-header-badge">
          Suggested{data.confidence !== null ? ` · ${percent(data.confidence)}` : ''}
        </span>
      )}
      <span className="pairing-header-text" title={data.transformation}>
        <strong>{data.transformation}</strong>
      </span>
      <span className="pairing-header-meta" title={data.notes}>
        {each ? 'one element per source element' : 'one element'} · {data.notes}
      </span>
      <span className="pairing-header-actions">
        {suggested && (
          <>
            <button type="button" className="btn btn-sm btn-primary" onClick={() => onDecidePairing(id, 'accept')}>
              Accept pairing
            </button>
            <button type="button" className="btn btn-sm" onClick={() => onDecidePairing(id, 'reject')}>
              Reject
            </button>
          </>
        )}
        <button type="button" className="btn btn-sm" onClick={() => onEditPairing(id)}>
          Edit pairing
        </button>
      </span>
    </div>
  );
}
