// Rename candidates: a removed and an added field of the same type that look like one field under
// a new name. Only candidates: the analyst confirms, nothing is paired silently.
import type { CatalogueField } from '../../../shared/catalogue';
import type { RenameReason } from '../../../shared/catalogue-diff';

// Scores rank competing candidates: a similar name scores its similarity (0.7 to 1).
const SIMILAR_NAME = 0.7;
const MOVED = 0.95;
const SAME_DESCRIPTION = 0.6;

/** Lower-case letters and digits only: `postal_code`, `postalCode` and `Postal-Code` are one name. */
export const normalizeName = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]/g, '');

function levenshtein(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** 1 − edit distance / longer length of the normalized names: how much of the name is the same. */
function editSimilarity(a: string, b: string): number {
  const x = normalizeName(a);
  const y = normalizeName(b);
  if (!x || !y) return 0;
  return 1 - levenshtein(x, y) / Math.max(x.length, y.length);
}

/**
 * 1 for the same normalized name, else 1 − edit distance / longer length; a name that starts or
 * ends the other (`zip` → `zipCode`, `name` → `fullName`) scores at least the threshold.
 */
export function nameSimilarity(a: string, b: string): number {
  const x = normalizeName(a);
  const y = normalizeName(b);
  if (!x || !y) return 0;
  if (x === y) return 1;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  const score = 1 - levenshtein(x, y) / long.length;
  return short.length >= 3 && (long.startsWith(short) || long.endsWith(short)) ? Math.max(score, SIMILAR_NAME) : score;
}

/** How sure a rename of `from` to `to` found for `reason` is (0..1): the score that ranked it. */
export function renameConfidence(from: string, to: string, reason: RenameReason): number {
  if (reason === 'moved') return MOVED;
  if (reason === 'same-description') return SAME_DESCRIPTION;
  return nameSimilarity(from, to);
}

const sameType = (a: CatalogueField, b: CatalogueField) => a.type === b.type && a.itemType === b.itemType;
const describe = (field: CatalogueField) => field.description?.replace(/\s+/g, ' ').toLowerCase();

export interface RenamePair {
  from: CatalogueField;
  to: CatalogueField;
  reason: RenameReason;
}

/** What else says two fields are one beside their names: the same place among their siblings, most of their children's names. */
export type RenameEvidence = (from: CatalogueField, to: CatalogueField) => boolean;

/**
 * A rename needs more than a shared word: a name that only starts or ends the other (`Employee` →
 * `EmployeeList`) counts when most of the name is the same, the descriptions match, or `evidence`
 * (position, children) says so.
 */
function similar(from: CatalogueField, to: CatalogueField, evidence: RenameEvidence): { reason: RenameReason; score: number } | undefined {
  const description = describe(from);
  const sameDescription = Boolean(description && description === describe(to));
  const similarity = nameSimilarity(from.name, to.name);
  if (similarity >= SIMILAR_NAME && (editSimilarity(from.name, to.name) >= SIMILAR_NAME || sameDescription || evidence(from, to))) {
    return { reason: 'similar-name', score: similarity };
  }
  if (sameDescription) return { reason: 'same-description', score: SAME_DESCRIPTION };
  return undefined;
}

function groupBy<K>(fields: CatalogueField[], key: (field: CatalogueField) => K): Map<K, Array<[CatalogueField, number]>> {
  const groups = new Map<K, Array<[CatalogueField, number]>>();
  fields.forEach((field, index) => {
    const group = groups.get(key(field));
    if (group) group.push([field, index]);
    else groups.set(key(field), [[field, index]]);
  });
  return groups;
}

/**
 * Pairs removed with added fields, best score first, each field in one pair at most. Both lists
 * include descendants of removed/added objects: a `moved` pair may involve one (`accountHolderId`
 * → `accountHolder.id`); the other reasons need both fields top-most under the same parent.
 */
export function findRenames(
  removed: CatalogueField[],
  added: CatalogueField[],
  topMost: (field: CatalogueField) => boolean,
  evidence: RenameEvidence = () => false,
): RenamePair[] {
  const candidates: Array<RenamePair & { score: number; order: [number, number] }> = [];
  const addedByFlatPath = groupBy(added, (field) => normalizeName(field.path));
  const addedByParent = groupBy(added, (field) => field.parent);
  removed.forEach((from, i) => {
    const push = (to: CatalogueField, j: number, reason: RenameReason, score: number) => candidates.push({ from, to, reason, score, order: [i, j] });
    for (const [to, j] of addedByFlatPath.get(normalizeName(from.path)) ?? []) {
      if (to.depth !== from.depth && sameType(from, to)) push(to, j, 'moved', MOVED);
    }
    if (!topMost(from)) return;
    for (const [to, j] of addedByParent.get(from.parent) ?? []) {
      if (!topMost(to) || !sameType(from, to)) continue;
      const found = similar(from, to, evidence);
      if (found) push(to, j, found.reason, found.score);
    }
  });
  candidates.sort((a, b) => b.score - a.score || a.order[0] - b.order[0] || a.order[1] - b.order[1]);
  const usedFrom = new Set<string>();
  const usedTo = new Set<string>();
  const pairs: RenamePair[] = [];
  for (const { from, to, reason } of candidates) {
    if (usedFrom.has(from.path) || usedTo.has(to.path)) continue;
    usedFrom.add(from.path);
    usedTo.add(to.path);
    pairs.push({ from, to, reason });
  }
  return pairs;
}
