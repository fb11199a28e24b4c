// How the sheet is laid out: which columns show (a column set), how dense its rows are, and the widths
// the analyst gave its columns, remembered per flow in the browser's storage (this machine only).

export type ColumnSet = 'mapping' | 'review' | 'spec';
export type Density = 'comfortable' | 'compact';

/** The template columns: what the documents say about each field (hidden outside the Spec set). */
export const TEMPLATE_COLUMNS = ['targetDescription', 'allowedValues', 'maxLength', 'nullable', 'format', 'example', 'sourceDescription'] as const;

const MAPPING = ['mapId', 'target', 'checks', 'status', 'confidence', 'source', 'mappingType', 'transformation', 'valueMap', 'defaultValue', 'condition', 'expression', 'notes', 'owner'];

export const COLUMN_SETS: Record<ColumnSet, { label: string; title: string; columns: readonly string[] }> = {
  mapping: { label: 'Mapping', title: 'The mapping: sources, transformations and their expressions, value maps, notes', columns: MAPPING },
  review: { label: 'Review', title: 'Target, source, status, confidence and checks only', columns: ['mapId', 'target', 'checks', 'status', 'confidence', 'source'] },
  spec: { label: 'Spec', title: 'Every column, with the descriptions, allowed values, max length, nullable, format and example', columns: [...MAPPING, ...TEMPLATE_COLUMNS] },
};

export const ROW_HEIGHT: Record<Density, number> = { comfortable: 44, compact: 28 };

/**
 * A field path cut for a narrow cell: the part before the leaf may be cut (the cell's CSS ellipsis), the
 * leaf never is. `additionalDirectDeposit[].bankAccount.routingNumber` → head
 * `additionalDirectDeposit[].bankAccount.`, leaf `routingNumber`.
 */
export function splitPath(path: string): { head: string; leaf: string } {
  const cut = path.lastIndexOf('.');
  return cut <= 0 ? { head: '', leaf: path } : { head: path.slice(0, cut + 1), leaf: path.slice(cut + 1) };
}

const widthsKey = (workspacePath: string, flowId: number) => `crosswalk.sheet-widths:${workspacePath}#${flowId}`;

function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

/** Column id → width in pixels, as last left on this flow's sheet; {} when none (or unreadable). */
export function loadWidths(workspacePath: string, flowId: number): Record<string, number> {
  try {
    const parsed = JSON.parse(storage()?.getItem(widthsKey(workspacePath, flowId)) ?? '{}') as unknown;
    if (!parsed || typeof parsed !== 'object') return {};
    return Object.fromEntries(Object.entries(parsed).filter((entry): entry is [string, number] => typeof entry[1] === 'number' && entry[1] >= 40 && entry[1] <= 2000));
  } catch {
    return {};
  }
}

export function saveWidths(workspacePath: string, flowId: number, widths: Record<string, number>): void {
  try {
    storage()?.setItem(widthsKey(workspacePath, flowId), JSON.stringify(widths));
  } catch {
    // Storage full or disabled: the widths are simply not remembered.
  }
}
