import type { CatalogueEntity, CatalogueField } from '../../shared/catalogue';
import type { MappingRow, MappingStatus, MappingType } from '../../shared/contract';
import { UserError } from '../errors';
import type { SqliteDatabase } from '../workspace/sqlite';
import type { Workspace } from '../workspace/workspace';
import { suggestValueMap } from './suggest/value-map';
import { LOOKUP_REASON } from './suggest/lookup-ids';
import { suggestFromDescribedCodes } from './suggest/description-codes';
import type { TargetSuggestion } from './suggest';
import type { EngineRun } from './compute-candidates';
import { flowKeysIn, forgetDecisionsIn, learnedIn, recordDecisionsIn } from './decisions';
import { writeWithCandidates } from './suggestion-cache';

/** A stored row as SQLite gives it in raw mode: the columns of ROW_COLUMNS, in that order (arrays cost a third less to read than objects). */
type StoredRow = [
  id: number,
  mapId: string,
  flowId: number,
  targetPath: string,
  sourcePaths: string,
  mappingType: MappingType,
  status: MappingStatus,
  confidence: number | null,
  transformation: string,
  defaultValue: string | null,
  valueMap: string,
  condition: string,
  notes: string,
  owner: string,
  updatedAt: string,
  review: string | null,
  pairingId: number | null,
  expression: string | null,
  expressionDrift: number,
];

const ROW_COLUMNS = `id, map_id, flow_id, target_path, source_paths, mapping_type, status, confidence, transformation,
  default_value, value_map, condition, notes, owner, updated_at, review, pairing_id, expression, expression_drift`;

const now = () => new Date().toISOString();

/** The stored JSON list of a re-import's reasons (strings, or objects with a message), or null. */
function reviewOf(stored: string | null): string[] | null {
  if (stored === null) return null;
  try {
    const value = JSON.parse(stored) as unknown;
    const list = Array.isArray(value) ? value : [value];
    const reasons = list.map((item) =>
      typeof item === 'string' ? item : item && typeof item === 'object' && 'message' in item ? String((item as { message: unknown }).message) : JSON.stringify(item),
    );
    return reasons.length > 0 ? reasons : null;
  } catch {
    return [stored];
  }
}

/** Most rows have no value map: their stored '[]' needs no parsing. */
const valueMapOf = (stored: string): MappingRow['valueMap'] =>
  stored === '[]'
    ? []
    : (JSON.parse(stored) as Array<{ source: unknown; target: unknown }>).map((entry) => ({
        source: String(entry.source),
        target: String(entry.target),
      }));

function toRow([id, mapId, flowId, targetPath, sourcePaths, mappingType, status, confidence, transformation, defaultValue, valueMap, condition, notes, owner, updatedAt, review, pairingId, expression, expressionDrift]: StoredRow): MappingRow {
  return {
    id,
    mapId,
    flowId,
    targetPath,
    sourcePaths: JSON.parse(sourcePaths) as string[],
    mappingType,
    status,
    confidence,
    transformation,
    defaultValue,
    valueMap: valueMapOf(valueMap),
    condition,
    notes,
    owner,
    updatedAt,
    review: reviewOf(review),
    pairingId,
    expression,
    expressionDrift: expressionDrift === 1,
  };
}

/** A flow's rows in the target entity's field order (insertion order). */
export function listRowsIn(db: SqliteDatabase, flowId: number): MappingRow[] {
  return (db.prepare(`SELECT ${ROW_COLUMNS} FROM field_mapping WHERE flow_id = ? ORDER BY id`).raw(true).all(flowId) as StoredRow[]).map(toRow);
}

export const listRows = (workspace: Workspace, flowId: number) => workspace.read((db) => listRowsIn(db, flowId));

export function getRowIn(db: SqliteDatabase, rowId: number): MappingRow {
  const row = db.prepare(`SELECT ${ROW_COLUMNS} FROM field_mapping WHERE id = ?`).raw(true).get(rowId) as StoredRow | undefined;
  if (!row) throw new UserError('MAPPING_NOT_FOUND', `There is no mapping row ${rowId} (it may have been deleted): reload the mapping sheet.`);
  return toRow(row);
}

const enumOf = (field: CatalogueField | undefined) => field?.enum ?? field?.itemEnum;

/** The engine writes a concatenation candidate as its source paths joined with " + ". */
const sourcePartsOf = (source: string) => source.split(' + ');

/** What a row holds when it is filled from the engine's candidates for its target. */
interface Filling {
  sourcePaths: string[];
  mappingType: MappingType;
  status: MappingStatus;
  confidence: number | null;
  valueMap: Array<{ source: string; target: string }>;
  /** A split's reason and pseudocode ("split: name (a full name) → given name; words = split(name, " ")…"); '' otherwise. */
  transformation: string;
}

const UNMAPPED: Filling = { sourcePaths: [], mappingType: 'direct', status: 'needs_decision', confidence: null, valueMap: [], transformation: '' };

/** The engine's split candidates say so in their first reason, and give the pseudocode after it. */
const SPLIT_REASON = 'split: ';
const splitTransformation = (reasons: string[]) =>
  reasons[0]?.startsWith(SPLIT_REASON) ? [reasons[0], ...reasons.filter((reason) => reason.startsWith('pseudocode: ')).map((reason) => reason.slice('pseudocode: '.length))].join('; ') : '';
/** An id from a code (`countryID` ← `country`) needs a lookup: the engine's reason says so, and it becomes the row's transformation. */
const lookupTransformation = (reasons: string[]) => reasons.find((reason) => LOOKUP_REASON.test(reason)) ?? '';

/**
 * The row's filling from its candidates, best first: the first one none of whose parts was rejected for
 * this target (a concatenation "first + last" is refused when any part was), with a value map when
 * both fields are enumerations; unmapped when none is left.
 */
function fillingFrom(candidates: TargetSuggestion['candidates'], field: CatalogueField, sourceFields: Map<string, CatalogueField>, rejected: Set<string>): Filling {
  const best = candidates.find((candidate) => !sourcePartsOf(candidate.source).some((part) => rejected.has(`${part}\u0000${field.path}`)));
  if (!best) return UNMAPPED;
  const sourcePaths = sourcePartsOf(best.source);
  let valueMap: Filling['valueMap'] = [];
  const sourceEnum = enumOf(sourceFields.get(best.source));
  const targetEnum = enumOf(field);
  if (sourceEnum && targetEnum) {
    valueMap = suggestValueMap(sourceEnum, targetEnum, field.description)
      .filter((entry) => entry.target !== null && entry.target !== undefined)
      .map((entry) => ({ source: String(entry.source), target: String(entry.target) }));
  } else if (targetEnum && sourcePaths.length === 1) {
    valueMap = suggestFromDescribedCodes(sourceFields.get(best.source)?.description, targetEnum, field.description)
      .filter((entry) => entry.target !== null && entry.target !== undefined)
      .map((entry) => ({ source: String(entry.source), target: String(entry.target) }));
  }
  const split = splitTransformation(best.reasons);
  const lookup = split ? '' : lookupTransformation(best.reasons);
  return {
    sourcePaths,
    mappingType: split ? 'split' : sourcePaths.length > 1 ? 'concatenation' : lookup || valueMap.some((entry) => entry.source !== entry.target) ? 'lookup' : 'direct',
    status: 'suggested',
    confidence: Math.min(1, Math.max(0, best.score)),
    valueMap,
    transformation: split || lookup,
  };
}

const rejectedIn = (db: SqliteDatabase, flowId: number) =>
  new Set(learnedIn(db, flowKeysIn(db, flowId)).rejected.map((pair) => `${pair.source}\u0000${pair.target}`));

/**
 * Creates one row per target leaf field (target-driven): `suggested` with the engine's best source when
 * it has one, otherwise unmapped (`needs_decision`). Runs inside the caller's write, with the engine's
 * answer computed before it (`flowCandidates`, `writeWithCandidates`: never the engine inside a
 * transaction); skips target paths that already have a row.
 */
export function materialiseRowsIn(db: SqliteDatabase, flowId: number, source: CatalogueEntity, target: CatalogueEntity, candidates: TargetSuggestion[]): number {
  const rejected = rejectedIn(db, flowId);
  const suggestions = new Map(candidates.map((entry) => [entry.target, entry.candidates]));
  const existing = new Set((db.prepare('SELECT target_path FROM field_mapping WHERE flow_id = ?').all(flowId) as { target_path: string }[]).map((r) => r.target_path));
  const sourceFields = new Map(source.fields.map((field) => [field.path, field]));
  const insert = db.prepare(
    `INSERT INTO field_mapping (flow_id, target_path, source_paths, mapping_type, status, confidence, value_map, transformation, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  let created = 0;
  for (const field of target.fields) {
    if (!field.leaf || existing.has(field.path)) continue;
    const filling = fillingFrom(suggestions.get(field.path) ?? [], field, sourceFields, rejected);
    insert.run(flowId, field.path, JSON.stringify(filling.sourcePaths), filling.mappingType, filling.status, filling.confidence, JSON.stringify(filling.valueMap), filling.transformation, now());
    created++;
  }
  return created;
}

/**
 * Rejects the row's source (remembered as wrong for this pair of entities) and offers the next
 * candidate the engine had for the target — one not rejected — or leaves the row unmapped. Inside the
 * caller's write, with the candidates computed before it.
 */
export function rejectRowIn(db: SqliteDatabase, rowId: number, source: CatalogueEntity, target: CatalogueEntity, candidates: TargetSuggestion[]): MappingRow {
  const row = getRowIn(db, rowId);
  if (row.sourcePaths.length === 0) {
    throw new UserError('NOTHING_TO_REJECT', `${row.mapId} (${row.targetPath}) has no source to reject; mark it not needed if nothing should fill it.`);
  }
  recordDecisionsIn(db, row.flowId, row.sourcePaths, row.targetPath, 'rejected');
  const field = target.fields.find((each) => each.path === row.targetPath);
  const next = field
    ? fillingFrom(candidates.find((entry) => entry.target === row.targetPath)?.candidates ?? [], field, new Map(source.fields.map((each) => [each.path, each])), rejectedIn(db, row.flowId))
    : UNMAPPED;
  // A split's pseudocode went with its source; the analyst's own transformation stays.
  const transformation = next.transformation || (row.transformation.startsWith(SPLIT_REASON) ? '' : row.transformation);
  db.prepare(
    `UPDATE field_mapping SET source_paths = ?, mapping_type = ?, status = ?, confidence = ?, value_map = ?, transformation = ?, updated_at = ? WHERE id = ?`,
  ).run(JSON.stringify(next.sourcePaths), next.mappingType, next.status, next.confidence, JSON.stringify(next.valueMap), transformation, now(), rowId);
  return getRowIn(db, rowId);
}

const hasRowsIn = (db: SqliteDatabase, flowId: number) => db.prepare('SELECT 1 FROM field_mapping WHERE flow_id = ? LIMIT 1').get(flowId) !== undefined;

/**
 * Gives a flow without rows (flows added before mapping existed, the demo's) its rows with suggestions:
 * the engine's answer first, off the event loop for big flows and outside any transaction (kept in the
 * cache for the detail panel's candidates, which mapping.suggestions asks for right after), then the
 * rows in one write — unless another call created them meanwhile. Returns the rows created.
 */
export async function ensureRows(workspace: Workspace, flowId: number, source: CatalogueEntity, target: CatalogueEntity, run: EngineRun = {}): Promise<number> {
  if (workspace.read((db) => hasRowsIn(db, flowId))) return 0;
  return writeWithCandidates(
    workspace,
    flowId,
    source,
    target,
    (db, candidates) => (hasRowsIn(db, flowId) ? 0 : materialiseRowsIn(db, flowId, source, target, candidates)),
    run,
  );
}

export interface RowChanges {
  sourcePaths?: string[];
  mappingType?: MappingType;
  status?: MappingStatus;
  transformation?: string;
  defaultValue?: string | null;
  valueMap?: Array<{ source: string; target: string }>;
  condition?: string;
  notes?: string;
  owner?: string;
  /** A written JSONata expression; '' or null: generated again. */
  expression?: string | null;
  /** false: marks pseudocode and expression as agreeing again. */
  expressionDrift?: false;
}

/** Changes what the analyst edited; choosing sources by hand drops the suggestion's confidence. */
export function updateRow(workspace: Workspace, rowId: number, changes: RowChanges): MappingRow {
  return workspace.write((db) => {
    const row = getRowIn(db, rowId);
    const sourcePaths = changes.sourcePaths ?? row.sourcePaths;
    const sourcesChanged = changes.sourcePaths !== undefined && JSON.stringify(changes.sourcePaths) !== JSON.stringify(row.sourcePaths);
    const mappingType = changes.mappingType ?? (sourcesChanged && sourcePaths.length > 1 && row.mappingType === 'direct' ? 'concatenation' : row.mappingType);
    let status = changes.status ?? row.status;
    if (!changes.status && sourcesChanged && row.status === 'needs_decision' && sourcePaths.length > 0) status = 'suggested';
    // The source cleared and nothing else fills the field: the row is unmapped again, whatever it was.
    const defaultValue = changes.defaultValue !== undefined ? changes.defaultValue : row.defaultValue;
    if (!changes.status && sourcesChanged && !hasContent({ sourcePaths, mappingType, defaultValue })) status = 'needs_decision';
    if (status === 'accepted' && !hasContent({ ...row, sourcePaths, mappingType, defaultValue: changes.defaultValue !== undefined ? changes.defaultValue : row.defaultValue })) {
      throw nothingToAccept(row);
    }
    const { expression, drift } = expressionAfter(row, changes, { sourcePaths, mappingType, defaultValue });
    db.prepare(
      `UPDATE field_mapping SET source_paths = ?, mapping_type = ?, status = ?, confidence = ?, transformation = ?, default_value = ?,
         value_map = ?, condition = ?, notes = ?, owner = ?, updated_at = ?, expression = ?, expression_drift = ? WHERE id = ?`,
    ).run(
      JSON.stringify(sourcePaths),
      mappingType,
      status,
      sourcesChanged ? null : row.confidence,
      changes.transformation ?? row.transformation,
      changes.defaultValue !== undefined ? changes.defaultValue : row.defaultValue,
      JSON.stringify(changes.valueMap ?? row.valueMap),
      changes.condition ?? row.condition,
      changes.notes ?? row.notes,
      changes.owner ?? row.owner,
      now(),
      expression,
      drift ? 1 : 0,
      rowId,
    );
    if (status === 'accepted' && row.status !== 'accepted') recordDecisionsIn(db, row.flowId, sourcePaths, row.targetPath, 'accepted');
    // The row holds a pair again (an undone reject, or the analyst choosing it by hand): it is no longer known wrong.
    if (sourcesChanged && status !== 'rejected') forgetDecisionsIn(db, row.flowId, sourcePaths, row.targetPath, 'rejected');
    // An accepted pair the row no longer holds as accepted (an undone accept): no longer known right.
    if (row.status === 'accepted') {
      const stillAccepted = new Set(status === 'accepted' ? sourcePaths : []);
      const dropped = row.sourcePaths.filter((path) => !stillAccepted.has(path));
      if (dropped.length > 0) forgetDecisionsIn(db, row.flowId, dropped, row.targetPath, 'accepted', rowId);
    }
    return getRowIn(db, rowId);
  });
}

/**
 * The row's written expression and drift flag after an edit: a written expression and the pseudocode
 * (source, type, transformation, default, value map, condition) changed together agree; one changed
 * alone may disagree. A generated expression (none written) follows the pseudocode and never drifts.
 */
function expressionAfter(row: MappingRow, changes: RowChanges, next: Pick<MappingRow, 'sourcePaths' | 'mappingType' | 'defaultValue'>): { expression: string | null; drift: boolean } {
  const expression = changes.expression !== undefined ? changes.expression?.trim() || null : row.expression;
  if (expression === null || changes.expressionDrift === false) return { expression, drift: false };
  const pseudocodeChanged =
    JSON.stringify(next.sourcePaths) !== JSON.stringify(row.sourcePaths) ||
    next.mappingType !== row.mappingType ||
    next.defaultValue !== row.defaultValue ||
    (changes.transformation !== undefined && changes.transformation !== row.transformation) ||
    (changes.condition !== undefined && changes.condition !== row.condition) ||
    (changes.valueMap !== undefined && JSON.stringify(changes.valueMap) !== JSON.stringify(row.valueMap));
  const expressionChanged = expression !== row.expression;
  if (pseudocodeChanged && expressionChanged) return { expression, drift: false };
  // A first expression written for a row is a change of its own too: what the pseudocode says was not restated.
  if (pseudocodeChanged || expressionChanged) return { expression, drift: true };
  return { expression, drift: row.expressionDrift };
}

/** A row says where its value comes from: a source field, a constant or a default. */
export const hasContent = (row: Pick<MappingRow, 'sourcePaths' | 'mappingType' | 'defaultValue'>) =>
  row.sourcePaths.length > 0 || row.mappingType === 'constant' || (row.defaultValue !== null && row.defaultValue !== '');

const nothingToAccept = (row: MappingRow) =>
  new UserError(
    'NOTHING_TO_ACCEPT',
    `${row.mapId} (${row.targetPath}) has no source, constant or default to accept: choose a source first, or mark it not needed.`,
  );

/**
 * Learns from a status set outside the sheet (a workbook read back): a row now accepted teaches its
 * pair, a row now rejected marks its pair wrong, a row no longer accepted unlearns it. Inside the caller's transaction.
 */
export function learnFromStatusIn(db: SqliteDatabase, rowId: number, before: MappingStatus): void {
  const row = getRowIn(db, rowId);
  if (row.status === before || row.sourcePaths.length === 0) return;
  if (row.status === 'accepted') recordDecisionsIn(db, row.flowId, row.sourcePaths, row.targetPath, 'accepted');
  if (row.status === 'rejected') recordDecisionsIn(db, row.flowId, row.sourcePaths, row.targetPath, 'rejected');
  if (before === 'accepted') forgetDecisionsIn(db, row.flowId, row.sourcePaths, row.targetPath, 'accepted', rowId);
}

/** Accept: the row's source becomes the mapping, and the pair is remembered (see rejectRowIn for a reject). */
export function acceptRow(workspace: Workspace, rowId: number): MappingRow {
  return workspace.write((db) => {
    const row = getRowIn(db, rowId);
    if (!hasContent(row)) throw nothingToAccept(row);
    db.prepare("UPDATE field_mapping SET status = 'accepted', updated_at = ? WHERE id = ?").run(now(), rowId);
    recordDecisionsIn(db, row.flowId, row.sourcePaths, row.targetPath, 'accepted');
    return getRowIn(db, rowId);
  });
}

/** Accepts every suggested row whose confidence is at least `threshold`; returns how many, and the flow's rows. */
/**
 * Marks rows reviewed: the reasons a re-import flagged them for are cleared, all rows or none (one
 * transaction). Rows without a flag are left as they are.
 */
export function clearReview(workspace: Workspace, rowIds: number[]): MappingRow[] {
  return workspace.write((db) => {
    const clear = db.prepare('UPDATE field_mapping SET review = NULL, updated_at = ? WHERE id = ? AND review IS NOT NULL');
    const ids = [...new Set(rowIds)];
    for (const id of ids) {
      getRowIn(db, id);
      clear.run(now(), id);
    }
    return ids.map((id) => getRowIn(db, id));
  });
}

/** Suggested value map for a row mapping one enumeration onto another, or codes its source's description lists (M (Male), F (Female)); empty otherwise. */
export function suggestRowValueMap(row: MappingRow, source: CatalogueEntity, target: CatalogueEntity) {
  const targetField = target.fields.find((field) => field.path === row.targetPath);
  const sourceField = source.fields.find((field) => field.path === row.sourcePaths[0]);
  const sourceEnum = enumOf(sourceField);
  const targetEnum = enumOf(targetField);
  if (row.sourcePaths.length !== 1) return [];
  const suggested = sourceEnum && targetEnum ? suggestValueMap(sourceEnum, targetEnum, targetField?.description) : sourceEnum ? [] : suggestFromDescribedCodes(sourceField?.description, targetEnum, targetField?.description);
  return suggested.map((entry) => ({
    source: String(entry.source),
    target: entry.target === null || entry.target === undefined ? null : String(entry.target),
    score: entry.score,
    reason: entry.reason,
  }));
}
