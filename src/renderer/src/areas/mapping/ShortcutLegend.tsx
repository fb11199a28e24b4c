// The sheet's keyboard shortcuts, always in view under it, with the choice of what N walks to and whether
// the single letters act at all (they act only while the sheet has focus).
import type { ReactNode } from 'react';
import { walkModeLabels, walkModes, type WalkMode } from './labels';

const mod = /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent) ? '⌘' : 'Ctrl';

const letters = new Set(['A', 'R', 'N', 'V']);

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

interface ShortcutLegendProps {
  walk: WalkMode;
  onWalk: (mode: WalkMode) => void;
  letters: boolean;
  onLetters: (on: boolean) => void;
  children?: ReactNode;
}

export function ShortcutLegend({ walk, onWalk, letters: lettersOn, onLetters, children }: ShortcutLegendProps) {
  return (
    <footer className="shortcut-legend" aria-label="Keyboard shortcuts">
      <label className="shortcut shortcut-toggle" title="Single-letter shortcuts, while the sheet has focus">
        <input type="checkbox" checked={lettersOn} onChange={(event) => onLetters(event.target.checked)} />
        Letter keys
      </label>
      {shortcuts.map(([keys, label]) => (
        <span key={label} className={`shortcut${!lettersOn && keys.some((key) => letters.has(key)) ? ' is-off' : ''}`}>
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
