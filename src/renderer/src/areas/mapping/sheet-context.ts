// What the sheet's cells read besides their row: one object handed to ag-grid as its context (see
// use-sheet-grid.ts), so column definitions never change; the grid redraws the cells that depend on it.
import type { CatalogueField } from '../../../../shared/catalogue';
import type { MappingCheck, MappingRow, RowExpression } from '../../../../shared/contract';

export interface SheetContext {
  checksByRow: Map<number, MappingCheck[]>;
  /** The checks have not come yet (they follow the sheet): a row without any is not yet "no problems". */
  checking: boolean;
  /** Each row's expression (written or generated), its parse error and whether it may disagree with the pseudocode. */
  expressionsByRow: Map<number, RowExpression>;
  targetFields: Map<string, CatalogueField>;
  sourceFields: Map<string, CatalogueField>;
  sourceLeaves: CatalogueField[];
  /** The analyst keeps the single-letter shortcuts on: the grid must not start an edit on A, R, N, V. */
  letterShortcuts: boolean;
  openValueMap(row: MappingRow): void;
  pickSource(row: MappingRow): void;
  setSources(row: MappingRow, paths: string[]): void;
}
