// Loads data for an area. What was loaded last time is shown at once while it is read again
// (stale-while-revalidate), so switching areas never flashes an empty page; stale answers are dropped.
import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';
import { errorMessage } from './save-state';

export interface Loaded<T> {
  data: T | undefined;
  error: string | null;
  loading: boolean;
  reload(): void;
  /** Replace the data locally after a write answered with the new value. */
  setData(update: (current: T | undefined) => T | undefined): void;
}

/** Last answers by key (the workspace path and what was loaded), for as long as the page lives. */
const lastLoaded = new Map<string, unknown>();

/** Forgets everything loaded, e.g. when another workspace opens. */
export function forgetLoaded(): void {
  lastLoaded.clear();
}

/** Changes what is kept under a key (after a write elsewhere), so a list shown next shows it at once. */
export function updateLoaded<T>(key: string, update: (current: T) => T): void {
  if (lastLoaded.has(key)) lastLoaded.set(key, update(lastLoaded.get(key) as T));
}

export function useLoad<T>(key: string, load: () => Promise<T>, deps: DependencyList): Loaded<T> {
  const [data, setDataState] = useState<T | undefined>(() => lastLoaded.get(key) as T | undefined);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  const latest = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    const request = ++latest.current;
    setLoading(true);
    loadRef.current().then(
      (value) => {
        if (request !== latest.current) return;
        lastLoaded.set(key, value);
        setDataState(value);
        setError(null);
        setLoading(false);
      },
      (failure: unknown) => {
        if (request !== latest.current) return;
        setError(errorMessage(failure));
        setLoading(false);
      },
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller lists what the load depends on
  }, [key, ...deps, tick]);

  const reload = useCallback(() => setTick((value) => value + 1), []);
  const setData = useCallback(
    (update: (current: T | undefined) => T | undefined) =>
      setDataState((current) => {
        const next = update(current);
        lastLoaded.set(key, next);
        return next;
      }),
    [key],
  );
  return { data, error, loading, reload, setData };
}
