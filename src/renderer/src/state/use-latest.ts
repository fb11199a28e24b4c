// The latest value of something a long-lived callback reads: an ag-grid context, a grid's filter.
// Written after each render (reading it during render would read the render before), read only in
// callbacks that run later.
import { useLayoutEffect, useRef } from 'react';

export function useLatest<T>(value: T): { readonly current: T } {
  const latest = useRef(value);
  useLayoutEffect(() => {
    latest.current = value;
  });
  return latest;
}
