// A large sheet opens with its first screen of rows, and takes in the rest once that screen is painted.
// Giving ag-grid all 4,900 rows of a big flow at once made it build every row node before drawing any
// (about 90 ms of the sheet's first frame); the rest now arrives one frame later as an update by row id,
// which keeps the rows already drawn. Sorting, filters and bulk actions then see every row again; until
// then (one frame) the sheet shows the first rows with a scroll bar sized for them.
import { useEffect, useMemo, useState } from 'react';

/** More than a tall screen shows in compact density, with ag-grid's row buffer. */
export const FIRST_SCREEN_ROWS = 120;

export function useFirstScreenFirst<T>(rows: T[]): T[] {
  const [complete, setComplete] = useState(rows.length <= FIRST_SCREEN_ROWS);
  useEffect(() => {
    if (complete) return;
    // After the next paint: an animation frame runs before it, a task queued from there after it.
    let timer: number | undefined;
    const frame = requestAnimationFrame(() => {
      timer = window.setTimeout(() => setComplete(true));
    });
    return () => {
      cancelAnimationFrame(frame);
      window.clearTimeout(timer);
    };
  }, [complete]);
  return useMemo(() => (complete ? rows : rows.slice(0, FIRST_SCREEN_ROWS)), [complete, rows]);
}
