// The sheet's keyboard shortcuts, always in view under it.
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

export function ShortcutLegend() {
  return (
    <footer className="shortcut-legend" aria-label="Keyboard shortcuts">
      {shortcuts.map(([keys, label]) => (
        <span key={label} className="shortcut">
          {keys.map((key) => (
            <kbd key={key}>{key}</kbd>
          ))}
          <span>{label}</span>
        </span>
      ))}
    </footer>
  );
}
