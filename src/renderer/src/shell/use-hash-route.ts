// The current area lives in the URL hash, so a reload (or the browser's back button) keeps it.
// An area may keep its own place after it (#/systems/2/entities/schema:Order): see useSubRoute.
import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { areaFromHash, hashFor, subRouteFromHash, type AreaId } from './areas';

/** Fired after the hash is replaced in place: history.replaceState sends no hashchange. */
const REPLACED = 'crosswalk:hash-replaced';

export function useHashRoute(): [AreaId, (area: AreaId) => void] {
  const [area, setArea] = useState<AreaId>(() => areaFromHash(window.location.hash));

  useEffect(() => {
    const onHashChange = () => setArea(areaFromHash(window.location.hash));
    window.addEventListener('hashchange', onHashChange);
    if (!window.location.hash) window.history.replaceState(null, '', hashFor(areaFromHash('')));
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);

  const navigate = useCallback((next: AreaId) => {
    // Already there (perhaps deeper inside, #/systems/2/…): stay where the analyst is.
    if (areaFromHash(window.location.hash) !== next || !window.location.hash) window.location.hash = hashFor(next);
    setArea(next);
  }, []);

  return [area, navigate];
}

const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange);
  window.addEventListener(REPLACED, onChange);
  return () => {
    window.removeEventListener('hashchange', onChange);
    window.removeEventListener(REPLACED, onChange);
  };
};

const currentHash = () => window.location.hash;

export interface SubRouteOptions {
  /** Replace the current history entry instead of adding one (corrections, not moves). */
  replace?: boolean;
}

/**
 * The place inside `area` kept in the hash, and a way to move: `go(['2', 'operations'])` writes
 * #/systems/2/operations as a new history entry, so the back button returns to the previous place.
 */
export function useSubRoute(area: AreaId): [string[], (segments: string[], options?: SubRouteOptions) => void] {
  const hash = useSyncExternalStore(subscribe, currentHash);
  const segments = useMemo(() => subRouteFromHash(hash, area), [hash, area]);

  const go = useCallback(
    (next: string[], options: SubRouteOptions = {}) => {
      const target = hashFor(area, ...next);
      if (window.location.hash === target) return;
      if (options.replace) {
        window.history.replaceState(window.history.state, '', target);
        window.dispatchEvent(new Event(REPLACED));
      } else {
        window.location.hash = target;
      }
    },
    [area],
  );

  return [segments, go];
}
