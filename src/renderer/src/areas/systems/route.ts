// Where the analyst is inside Systems, kept in the hash after the area:
//   #/systems                                  the first system, its entities
//   #/systems/2                                system 2, its entities
//   #/systems/2/entities/schema:Order          system 2, the Order entity
//   #/systems/2/operations/GET%20%2Forders     system 2, one operation picked out
//   #/systems/2/auth | servers | problems
import { useCallback, useMemo } from 'react';
import { useSubRoute, type SubRouteOptions } from '../../shell/use-hash-route';

export const catalogueTabs = ['entities', 'operations', 'auth', 'servers', 'problems'] as const;
export type CatalogueTab = (typeof catalogueTabs)[number];

export interface SystemsPlace {
  /** null: none chosen, show the first. */
  systemId: number | null;
  tab: CatalogueTab;
  /** The entity (entities tab) or operation (operations tab) picked out, by catalogue id. */
  item: string | null;
}

export function placeFromSegments(segments: readonly string[]): SystemsPlace {
  const [id, tab, item] = segments;
  const systemId = id && /^\d+$/.test(id) ? Number(id) : null;
  return {
    systemId,
    tab: catalogueTabs.includes(tab as CatalogueTab) ? (tab as CatalogueTab) : 'entities',
    item: systemId !== null && item ? item : null,
  };
}

export function segmentsFor(place: SystemsPlace): string[] {
  if (place.systemId === null) return [];
  const segments = [String(place.systemId)];
  if (place.tab !== 'entities' || place.item) segments.push(place.tab);
  if (place.item) segments.push(place.item);
  return segments;
}

/** The current place and a way to move to another (a new history entry unless `replace`). */
export function useSystemsPlace(): [SystemsPlace, (place: SystemsPlace, options?: SubRouteOptions) => void] {
  const [segments, go] = useSubRoute('systems');
  const place = useMemo(() => placeFromSegments(segments), [segments]);
  const moveTo = useCallback((next: SystemsPlace, options?: SubRouteOptions) => go(segmentsFor(next), options), [go]);
  return [place, moveTo];
}
