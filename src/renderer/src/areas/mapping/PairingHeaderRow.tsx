// The header row of an array pairing in the sheet: what fills the target array, and its actions.
import type { ICellRendererParams } from 'ag-grid-community';
import type { MappingRow } from '../../../../shared/contract';
import { pairingIdOfHeader } from './pairing-rows';

export interface PairingHeaderParams {
  onEditPairing(pairingId: number): void;
}

export function PairingHeaderRow({ data, onEditPairing }: ICellRendererParams<MappingRow> & PairingHeaderParams) {
  if (!data) return null;
  const each = data.sourcePaths[0]?.endsWith('[]');
  return (
    <div className="pairing-header" role="group" aria-label={`Array pairing ${data.mapId}: ${data.transformation}`}>
      <span className="mono sheet-mapid">{data.mapId}</span>
      <span className="pairing-header-text" title={data.transformation}>
        <strong>{data.transformation}</strong>
      </span>
      <span className="pairing-header-meta">
        {each ? 'one element per source element' : 'one element'} · {data.notes}
        {data.status === 'suggested' ? ' · suggested' : ''}
      </span>
      <button type="button" className="btn btn-sm" onClick={() => onEditPairing(pairingIdOfHeader(data))}>
        Edit pairing
      </button>
    </div>
  );
}
