// The sheet's keyboard shortcuts, always in view under it, with the choice of what N walks to.
import type { ReactNode } from 'react';
import { walkModeLabels, walkModes, type WalkMode } from './labels';

const mod = /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent) ? '⌘' : 'Ctrl';

const shortcuts: Array<[string[], string]> = [
  [['↑', '↓'], 'move'],
  [['A'], 'accept'],
  [['R'], 'reject'],
  [['N'], 'next'],
  [['V'], 'reviewed'],
  [['Enter'], 'edit'],
  [[mod, 'Z'], 'undo'],
  [[mod, '⇧', 'Z'], 'redo'],
];

export function ShortcutLegend({ walk, onWalk, children }: { walk: WalkMode; onWalk: (mode: WalkMode) => void; children?: ReactNode }) {
  return (
    <footer className="shortcut-legend" aria-label="Keyboard shortcuts">
      {shortcuts.map(([keys, label]) => (
        <span key={label} className="shortcut">
          {keys.map((key) => (
            <kbd key={key}>{key}</kbd>
          ))}
          {label === 'next' ? (
            <select className="shortcut-select" aria-label="N goes to the next row" value={walk} onChange={(event) => onWalk(event.target.value as WalkMode)}>
              {walkModes.map((mode) => (
                <option key={mode} value={mode}>
                  next {walkModeLabels[mode]}
                </option>
              ))}
            </select>
          ) : (
            <span>{label}</span>
          )}
        </span>
      ))}
      {children}
    </footer>
  );
}
