// Which columns the sheet shows and how dense its rows are: beside the shortcuts, under the sheet.
import { COLUMN_SETS, type ColumnSet, type Density } from './sheet-layout';

interface SheetLayoutControlsProps {
  columnSet: ColumnSet;
  density: Density;
  onColumnSet: (set: ColumnSet) => void;
  onDensity: (density: Density) => void;
}

export function SheetLayoutControls({ columnSet, density, onColumnSet, onDensity }: SheetLayoutControlsProps) {
  return (
    <span className="sheet-layout">
      <select className="shortcut-select" aria-label="Columns shown" title={COLUMN_SETS[columnSet].title} value={columnSet} onChange={(event) => onColumnSet(event.target.value as ColumnSet)}>
        {(Object.keys(COLUMN_SETS) as ColumnSet[]).map((set) => (
          <option key={set} value={set}>
            {COLUMN_SETS[set].label} columns
          </option>
        ))}
      </select>
      <select className="shortcut-select" aria-label="Row density" value={density} onChange={(event) => onDensity(event.target.value as Density)}>
        <option value="comfortable">Comfortable rows</option>
        <option value="compact">Compact rows</option>
      </select>
    </span>
  );
}
