// What the sheet's cells read besides their row: kept in one mutable object handed to ag-grid as its
// context, so column definitions never change (the grid refreshes the cells that depend on it).
import type { CatalogueField } from '../../../../shared/catalogue';
import type { MappingCheck, MappingRow } from '../../../../shared/contract';

export interface SheetContext {
  checksByRow: Map<number, MappingCheck[]>;
  targetFields: Map<string, CatalogueField>;
  sourceFields: Map<string, CatalogueField>;
  sourceLeaves: CatalogueField[];
  openValueMap(row: MappingRow): void;
  pickSource(row: MappingRow): void;
  setSources(row: MappingRow, paths: string[]): void;
}

export const createSheetContext = (): SheetContext => ({
  checksByRow: new Map(),
  targetFields: new Map(),
  sourceFields: new Map(),
  sourceLeaves: [],
  openValueMap: () => {},
  pickSource: () => {},
  setSources: () => {},
});
