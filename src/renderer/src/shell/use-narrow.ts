// Whether the window is narrow (under 900 CSS px, e.g. 200 % zoom of a laptop screen): the sidebar
// collapses to its icons and the mapping panes stack. Live, like the colour scheme.
import { useSyncExternalStore } from 'react';

export const NARROW_QUERY = '(max-width: 900px)';
const query = window.matchMedia(NARROW_QUERY);

const subscribe = (onChange: () => void) => {
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
};

export function useNarrow(): boolean {
  return useSyncExternalStore(subscribe, () => query.matches);
}
