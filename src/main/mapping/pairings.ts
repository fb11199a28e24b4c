// Array pairings: a target array of objects filled from a source array (one element per source element)
// or a source object (one element), with the rows that describe the element. See ArrayPairing in the
// contract for the model; paths in pairings and their rows are full paths from the flow's root on each
// side (the entity itself when it has none), as every row's are.
import type { CatalogueEntity, CatalogueField } from '../../shared/catalogue';
import type { ArrayPairing, MappingRow } from '../../shared/contract';
import { elementPrefix } from '../../shared/array-pairing-paths';
import { UserError } from '../errors';
import type { SqliteDatabase } from '../workspace/sqlite';
import type { Workspace } from '../workspace/workspace';
import { entityName, fieldName } from './roots';
import { getRowIn, listRowsIn } from './rows';
import { suggestArrayPairings, type TargetSuggestion } from './suggest';

interface StoredPairing {
  id: number;
  flow_id: number;
  parent_id: number | null;
  target_path: string;
  source_path: string;
  discriminator_path: string;
  discriminator_value: string;
  filter: string;
  status: ArrayPairing['status'];
  confidence: number | null;
  notes: string;
  updated_at: string;
}

const now = () => new Date().toISOString();

const toPairing = (row: StoredPairing): ArrayPairing => ({
  id: row.id,
  pairId: `P-${String(row.id).padStart(4, '0')}`,
  flowId: row.flow_id,
  parentId: row.parent_id,
  targetPath: row.target_path,
  sourcePath: row.source_path,
  discriminator: row.discriminator_path ? { path: row.discriminator_path, value: row.discriminator_value } : null,
  filter: row.filter,
  status: row.status,
  confidence: row.confidence,
  notes: row.notes,
  updatedAt: row.updated_at,
});

/** A flow's pairings, outer ones before those nested in them, in the order they were made. */
export function listPairingsIn(db: SqliteDatabase, flowId: number): ArrayPairing[] {
  const rows = db.prepare('SELECT * FROM array_pairing WHERE flow_id = ? ORDER BY position, id').all(flowId) as StoredPairing[];
  return rows.map(toPairing);
}

export const listPairings = (workspace: Workspace, flowId: number) => workspace.read((db) => listPairingsIn(db, flowId));

export function getPairingIn(db: SqliteDatabase, pairingId: number): ArrayPairing {
  const row = db.prepare('SELECT * FROM array_pairing WHERE id = ?').get(pairingId) as StoredPairing | undefined;
  if (!row) throw new UserError('PAIRING_NOT_FOUND', `There is no array pairing ${pairingId} (it may have been deleted): reload the mapping sheet.`);
  return toPairing(row);
}

export const pairingRowsIn = (db: SqliteDatabase, pairing: ArrayPairing) => listRowsIn(db, pairing.flowId).filter((row) => row.pairingId === pairing.id);

export interface PairingRequest {
  flowId: number;
  targetPath: string;
  sourcePath: string;
  parentId?: number | null;
  discriminator?: { path: string; value: string } | null;
  filter?: string;
  notes?: string;
  status?: ArrayPairing['status'];
  confidence?: number | null;
}

/** The array field a path with `[]` names (`line_items[]` → `line_items`); '' for an entity whose root is an array. */
const arrayFieldOf = (path: string) => path.slice(0, -2);

/** The fields under an element prefix (`line_items[].`), in catalogue order. */
const fieldsUnder = (entity: CatalogueEntity, prefix: string) => entity.fields.filter((field) => field.path.startsWith(prefix));

function checkTargetArray(target: CatalogueEntity, path: string): void {
  const fix = 'name an array of objects of the target with its [] (e.g. line_items[])';
  if (!path.endsWith('[]')) throw new UserError('BAD_PAIRING', `The target "${path}" of an array pairing must be an array written with its []: ${fix}.`);
  const field = target.fields.find((each) => each.path === arrayFieldOf(path));
  if (arrayFieldOf(path) !== '' && (!field || !field.type.split('|').some((part) => part.trim() === 'array'))) {
    throw new UserError('BAD_PAIRING', `${entityName(target)} has no array field "${arrayFieldOf(path)}": ${fix}.`);
  }
  if (!fieldsUnder(target, elementPrefix(path)).some((each) => each.leaf)) {
    throw new UserError('BAD_PAIRING', `${fieldName(target, path)} holds no object fields to map (an array of plain values is mapped as one row): ${fix}.`);
  }
}

function checkSource(source: CatalogueEntity, path: string): void {
  const fix = 'name a source array with its [] (e.g. lines[]) or a source object (e.g. billingAddress)';
  const fieldPath = path.endsWith('[]') ? arrayFieldOf(path) : path;
  const field: CatalogueField | undefined = source.fields.find((each) => each.path === fieldPath);
  if (fieldPath !== '' && !field) throw new UserError('BAD_PAIRING', `${entityName(source)} has no field "${fieldPath}": ${fix}.`);
  if (field && !path.endsWith('[]') && field.type.split('|').some((part) => part.trim() === 'array')) {
    throw new UserError('BAD_PAIRING', `${fieldName(source, path)} is an array: write it as ${path}[] to take one target element per source element.`);
  }
  if (!fieldsUnder(source, elementPrefix(path)).length) throw new UserError('BAD_PAIRING', `${fieldName(source, path)} has no fields of its own to read: ${fix}.`);
}

function checkDiscriminator(target: CatalogueEntity, targetPath: string, discriminator: { path: string; value: string }): void {
  const field = target.fields.find((each) => each.path === elementPrefix(targetPath) + discriminator.path);
  if (!field || !field.leaf) {
    const leaves = fieldsUnder(target, elementPrefix(targetPath)).filter((each) => each.leaf && each.type.includes('string')).map((each) => each.path.slice(elementPrefix(targetPath).length));
    throw new UserError(
      'BAD_PAIRING',
      `The discriminator "${discriminator.path}" is not a field of the element of ${fieldName(target, targetPath)}: name one of ${leaves.slice(0, 8).map((l) => `"${l}"`).join(', ') || 'its fields'}.`,
    );
  }
  const allowed = field.enum ?? field.itemEnum;
  if (allowed && !allowed.map(String).includes(discriminator.value)) {
    throw new UserError(
      'BAD_PAIRING',
      `${fieldName(target, `${targetPath}.${discriminator.path}`)} takes one of ${allowed.map((v) => `"${String(v)}"`).join(', ')}, not "${discriminator.value}": choose one of them as the discriminator value.`,
    );
  }
}

const UNMAPPED_COLUMNS = `(flow_id, pairing_id, target_path, source_paths, mapping_type, status, confidence, transformation, default_value, updated_at)
   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

/**
 * Fills element rows the pairing has just been given from the engine's candidates for their targets,
 * taking only a source under the pairing's source element (or outside any array: a value of the
 * record). A row a person already accepted keeps what it has.
 */
function fillFromCandidates(db: SqliteDatabase, pairing: ArrayPairing, candidates: TargetSuggestion[], rowIds: number[]) {
  const prefix = elementPrefix(pairing.sourcePath);
  const byTarget = new Map(candidates.map((entry) => [entry.target, entry.candidates]));
  const update = db.prepare('UPDATE field_mapping SET source_paths = ?, mapping_type = ?, status = ?, confidence = ?, updated_at = ? WHERE id = ?');
  for (const id of rowIds) {
    const row = getRowIn(db, id);
    if (row.status === 'accepted' || row.status === 'not_needed' || row.mappingType === 'constant') continue;
    if (row.sourcePaths.length > 0 && row.sourcePaths.every((path) => path.startsWith(prefix))) continue;
    const best = (byTarget.get(row.targetPath) ?? []).find((candidate) => candidate.source.split(' + ').every((part) => part.startsWith(prefix)));
    if (best) update.run(JSON.stringify(best.source.split(' + ')), best.source.includes(' + ') ? 'concatenation' : 'direct', 'suggested', Math.min(1, Math.max(0, best.score)), now(), id);
    else if (row.sourcePaths.some((path) => path.includes('[]'))) update.run('[]', 'direct', 'needs_decision', null, now(), id);
  }
}

function setDiscriminatorRow(db: SqliteDatabase, pairing: ArrayPairing) {
  if (!pairing.discriminator) return;
  const targetPath = elementPrefix(pairing.targetPath) + pairing.discriminator.path;
  db.prepare(
    `UPDATE field_mapping SET source_paths = '[]', mapping_type = 'constant', status = 'accepted', confidence = NULL, default_value = ?,
       transformation = ?, updated_at = ? WHERE pairing_id = ? AND target_path = ?`,
  ).run(pairing.discriminator.value, `Always "${pairing.discriminator.value}": this pairing's discriminator.`, now(), pairing.id, targetPath);
}

/** Creates the pairing and gives it its element rows; inside the caller's write, with the engine's candidates computed before it. */
export function createPairingIn(db: SqliteDatabase, source: CatalogueEntity, target: CatalogueEntity, request: PairingRequest, candidates: TargetSuggestion[]): ArrayPairing {
  checkTargetArray(target, request.targetPath);
  checkSource(source, request.sourcePath);
  const parent = request.parentId ? getPairingIn(db, request.parentId) : null;
  if (parent && parent.flowId !== request.flowId) throw new UserError('BAD_PAIRING', `Pairing ${parent.pairId} belongs to another flow: choose a pairing of this flow as the parent.`);
  if (parent && !request.targetPath.startsWith(elementPrefix(parent.targetPath))) {
    throw new UserError('BAD_PAIRING', `${request.targetPath} does not lie in the element of ${parent.targetPath} (${parent.pairId}): pair it without a parent, or under the pairing whose element holds it.`);
  }
  if (!parent && arrayFieldOf(request.targetPath).includes('[]')) {
    throw new UserError('BAD_PAIRING', `${request.targetPath} lies inside another array's element: pair that array first and create this pairing under it (parentId).`);
  }
  if (request.discriminator) checkDiscriminator(target, request.targetPath, request.discriminator);
  const siblings = listPairingsIn(db, request.flowId).filter((each) => each.targetPath === request.targetPath && each.parentId === (parent?.id ?? null));
  const same = siblings.find((each) => each.sourcePath === request.sourcePath && (each.discriminator?.value ?? '') === (request.discriminator?.value ?? ''));
  if (same) {
    throw new UserError('PAIRING_EXISTS', `${request.targetPath} is already paired with ${request.sourcePath}${same.discriminator ? ` for ${same.discriminator.value}` : ''} (${same.pairId}): change that pairing instead.`);
  }
  const position = (db.prepare('SELECT coalesce(max(position), 0) + 1 AS next FROM array_pairing WHERE flow_id = ?').get(request.flowId) as { next: number }).next;
  const id = Number(
    db
      .prepare(
        `INSERT INTO array_pairing (flow_id, parent_id, target_path, source_path, discriminator_path, discriminator_value, filter, status, confidence, notes, position, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        request.flowId,
        parent?.id ?? null,
        request.targetPath,
        request.sourcePath,
        request.discriminator?.path ?? '',
        request.discriminator?.value ?? '',
        request.filter ?? '',
        request.status ?? 'accepted',
        request.confidence ?? null,
        request.notes ?? '',
        position,
        now(),
      ).lastInsertRowid,
  );
  const pairing = getPairingIn(db, id);
  const prefix = elementPrefix(request.targetPath);
  const leaves = fieldsUnder(target, prefix).filter((field) => field.leaf);
  const scope = parent?.id ?? null;
  const rowIds: number[] = [];
  if (siblings.length === 0) {
    // The array's first pairing takes the element rows it finds outside any pairing (or in its parent's element).
    const taken = db
      .prepare(`SELECT id FROM field_mapping WHERE flow_id = ? AND pairing_id IS ? AND substr(target_path, 1, ?) = ?`)
      .all(request.flowId, scope, prefix.length, prefix) as Array<{ id: number }>;
    const move = db.prepare('UPDATE field_mapping SET pairing_id = ?, updated_at = ? WHERE id = ?');
    for (const row of taken) {
      move.run(id, now(), row.id);
      rowIds.push(row.id);
    }
  }
  const existing = new Set((db.prepare('SELECT target_path FROM field_mapping WHERE pairing_id = ?').all(id) as Array<{ target_path: string }>).map((r) => r.target_path));
  const insert = db.prepare(`INSERT INTO field_mapping ${UNMAPPED_COLUMNS}`);
  for (const field of leaves) {
    if (existing.has(field.path)) continue;
    rowIds.push(Number(insert.run(request.flowId, id, field.path, '[]', 'direct', 'needs_decision', null, '', null, now()).lastInsertRowid));
  }
  fillFromCandidates(db, pairing, candidates, rowIds);
  setDiscriminatorRow(db, pairing);
  return pairing;
}

export interface PairingChanges {
  sourcePath?: string;
  discriminator?: { path: string; value: string } | null;
  filter?: string;
  notes?: string;
  status?: ArrayPairing['status'];
}

export function updatePairingIn(db: SqliteDatabase, source: CatalogueEntity, target: CatalogueEntity, pairingId: number, changes: PairingChanges, candidates: TargetSuggestion[]): ArrayPairing {
  const before = getPairingIn(db, pairingId);
  if (changes.sourcePath !== undefined && changes.sourcePath !== before.sourcePath) checkSource(source, changes.sourcePath);
  if (changes.discriminator) checkDiscriminator(target, before.targetPath, changes.discriminator);
  const discriminator = changes.discriminator !== undefined ? changes.discriminator : before.discriminator;
  db.prepare(
    `UPDATE array_pairing SET source_path = ?, discriminator_path = ?, discriminator_value = ?, filter = ?, notes = ?, status = ?,
       confidence = CASE WHEN ? THEN NULL ELSE confidence END, updated_at = ? WHERE id = ?`,
  ).run(
    changes.sourcePath ?? before.sourcePath,
    discriminator?.path ?? '',
    discriminator?.value ?? '',
    changes.filter ?? before.filter,
    changes.notes ?? before.notes,
    changes.status ?? before.status,
    changes.status === 'accepted' || changes.sourcePath !== undefined ? 1 : 0,
    now(),
    pairingId,
  );
  const after = getPairingIn(db, pairingId);
  // The old discriminator's row is an ordinary element row again.
  if (before.discriminator && (!after.discriminator || after.discriminator.path !== before.discriminator.path)) {
    db.prepare(
      `UPDATE field_mapping SET mapping_type = 'direct', status = 'needs_decision', default_value = NULL, transformation = '', updated_at = ?
       WHERE pairing_id = ? AND target_path = ? AND mapping_type = 'constant'`,
    ).run(now(), pairingId, elementPrefix(after.targetPath) + before.discriminator.path);
  }
  if (after.sourcePath !== before.sourcePath) fillFromCandidates(db, after, candidates, pairingRowsIn(db, after).map((row) => row.id));
  setDiscriminatorRow(db, after);
  return after;
}

/**
 * Deletes the pairing and those nested in it. Its rows go back outside any pairing (or to the parent's
 * element) when nothing there holds their field already, and are deleted otherwise.
 */
export function deletePairingIn(db: SqliteDatabase, pairingId: number): void {
  const pairing = getPairingIn(db, pairingId);
  const nested = listPairingsIn(db, pairing.flowId).filter((each) => each.parentId === pairingId);
  for (const child of nested) deletePairingIn(db, child.id);
  const scope = pairing.parentId;
  const taken = new Set(
    (db.prepare('SELECT target_path FROM field_mapping WHERE flow_id = ? AND pairing_id IS ?').all(pairing.flowId, scope) as Array<{ target_path: string }>).map((r) => r.target_path),
  );
  const others = listPairingsIn(db, pairing.flowId).filter((each) => each.id !== pairingId && each.targetPath === pairing.targetPath && each.parentId === scope);
  const release = db.prepare('UPDATE field_mapping SET pairing_id = ?, updated_at = ? WHERE id = ?');
  const remove = db.prepare('DELETE FROM field_mapping WHERE id = ?');
  for (const row of pairingRowsIn(db, pairing)) {
    // Another pairing of the same array keeps its own rows for these fields: these go with their pairing.
    if (others.length > 0 || taken.has(row.targetPath)) remove.run(row.id);
    else release.run(scope, now(), row.id);
  }
  db.prepare('DELETE FROM array_pairing WHERE id = ?').run(pairingId);
}

export function deletePairing(workspace: Workspace, pairingId: number): { rows: MappingRow[]; pairings: ArrayPairing[] } {
  return workspace.write((db) => {
    const { flowId } = getPairingIn(db, pairingId);
    deletePairingIn(db, pairingId);
    return { rows: listRowsIn(db, flowId), pairings: listPairingsIn(db, flowId) };
  });
}

/**
 * Proposes the engine's array pairings (`Lines[]` ← `items.data[]`) for a flow that has none yet, each
 * `suggested` with its score and reason as notes, its element rows under it; the analyst accepts or removes
 * it in the sheet. Only arrays outside other arrays: a nested one is paired under its parent by hand.
 */
export function suggestPairingsIn(db: SqliteDatabase, flowId: number, source: CatalogueEntity, target: CatalogueEntity, candidates: TargetSuggestion[]): ArrayPairing[] {
  if (listPairingsIn(db, flowId).length > 0) return [];
  const made: ArrayPairing[] = [];
  for (const proposal of suggestArrayPairings(source, target, candidates)) {
    const best = proposal.candidates[0];
    if (!best || arrayFieldOf(proposal.target).includes('[]')) continue;
    made.push(
      createPairingIn(db, source, target, { flowId, targetPath: proposal.target, sourcePath: best.source, status: 'suggested', confidence: Math.min(1, Math.max(0, best.score)), notes: best.reasons[0] ?? '' }, candidates),
    );
  }
  return made;
}
