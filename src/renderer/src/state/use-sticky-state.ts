// State that outlives its component for as long as the page lives: the spec's export paths and results
// when the analyst opens another section and comes back, what N walks to on the mapping sheet.
import { useCallback, useState, type SetStateAction } from 'react';

const kept = new Map<string, unknown>();

export function useStickyState<T>(key: string, initial: () => T): [T, (update: SetStateAction<T>) => void] {
  const [value, setValue] = useState<T>(() => (kept.has(key) ? (kept.get(key) as T) : initial()));
  const set = useCallback(
    (update: SetStateAction<T>) =>
      setValue((current) => {
        const next = typeof update === 'function' ? (update as (previous: T) => T)(current) : update;
        kept.set(key, next);
        return next;
      }),
    [key],
  );
  return [value, set];
}
