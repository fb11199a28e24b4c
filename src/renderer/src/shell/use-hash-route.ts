// The current area lives in the URL hash, so a reload (or the browser's back button) keeps it.
import { useCallback, useEffect, useState } from 'react';
import { areaFromHash, hashFor, type AreaId } from './areas';

export function useHashRoute(): [AreaId, (area: AreaId) => void] {
  const [area, setArea] = useState<AreaId>(() => areaFromHash(window.location.hash));

  useEffect(() => {
    const onHashChange = () => setArea(areaFromHash(window.location.hash));
    window.addEventListener('hashchange', onHashChange);
    if (!window.location.hash) window.history.replaceState(null, '', hashFor(areaFromHash('')));
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);

  const navigate = useCallback((next: AreaId) => {
    if (window.location.hash !== hashFor(next)) window.location.hash = hashFor(next);
    setArea(next);
  }, []);

  return [area, navigate];
}
