// The sheet's rows grouped under their array pairings: each pairing gets a header row (a full-width
// row of the grid, see PairingHeaderRow) followed by its element rows, at the place of its first row.
import type { ArrayPairing, MappingRow } from '../../../../shared/contract';
import { describePairing } from '../../../../shared/array-pairing-paths';

/** Header rows carry the negative of their pairing's id, so they never meet a stored row's id. */
export const isPairingHeader = (row: MappingRow | undefined) => !!row && row.id < 0;
export const pairingIdOfHeader = (row: MappingRow) => -row.id;

function headerRow(pairing: ArrayPairing, count: number): MappingRow {
  return {
    id: -pairing.id,
    mapId: pairing.pairId,
    flowId: pairing.flowId,
    targetPath: pairing.targetPath,
    sourcePaths: [pairing.sourcePath],
    mappingType: 'direct',
    status: pairing.status === 'accepted' ? 'accepted' : 'suggested',
    confidence: pairing.confidence,
    transformation: describePairing(pairing),
    defaultValue: null,
    valueMap: [],
    condition: pairing.filter,
    // The engine's reason for a pairing it suggested ("array pairing: 3 of 4 element fields…"), or the analyst's notes.
    notes: `${count} element row${count === 1 ? '' : 's'}${pairing.notes ? ` · ${pairing.notes}` : ''}`,
    owner: '',
    updatedAt: pairing.updatedAt,
    review: null,
    pairingId: pairing.id,
    expression: null,
    expressionDrift: false,
  };
}

export function groupedRows(rows: MappingRow[], pairings: readonly ArrayPairing[]): MappingRow[] {
  if (pairings.length === 0) return rows;
  const byPairing = new Map<number, MappingRow[]>();
  for (const row of rows) if (row.pairingId !== null) byPairing.set(row.pairingId, [...(byPairing.get(row.pairingId) ?? []), row]);
  const known = new Map(pairings.map((pairing) => [pairing.id, pairing]));
  const placed = new Set<number>();
  const out: MappingRow[] = [];
  const place = (pairing: ArrayPairing) => {
    if (placed.has(pairing.id)) return;
    placed.add(pairing.id);
    const members = byPairing.get(pairing.id) ?? [];
    out.push(headerRow(pairing, members.length), ...members);
  };
  for (const row of rows) {
    const pairing = row.pairingId === null ? undefined : known.get(row.pairingId);
    if (pairing) place(pairing);
    else out.push(row);
  }
  for (const pairing of pairings) place(pairing);
  return out;
}
