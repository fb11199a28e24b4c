// Combined candidates: one target filled from several sources (a whole name from first + last name), added after
// the one-to-one assignment since they reuse sources already assigned.
import type { CatalogueEntity } from '../../../shared/catalogue';
import { lastName, ownerTerms, prepare, type Prepared } from './prepare';
import type { RunContext } from './run-context';
import { maxBy, scorePair, type Scored } from './score';
import { ALTERNATIVE_THRESHOLD } from './thresholds';
import { nameTerms } from './tokens';

/** A whole-name target (`name`, `full_name`, `displayName`, `contact_name`): these words and owner words only. */
const WHOLE_NAME = new Set(['name', 'c:display name']);
const PERSON_WORDS = new Set(['c:customer', 'c:employee', 'person', 'user', 'member', 'c:author', 'c:assignee', 'c:manager']);

/**
 * Concatenation candidates: a whole-name target filled from first + last name leaves under one parent,
 * scored as if that parent had a `full_name` leaf. Below a direct whole-name source, when there is one.
 */
export function addConcatenations(
  entity: CatalogueEntity,
  sources: Prepared[],
  targets: Prepared[],
  perTarget: Scored[][],
  targetTerms: Set<string>,
  rejected: Set<string>,
  run: RunContext,
): void {
  const wholeName = (p: Prepared, owner: Set<string>) => {
    const parent = p.field.parent ? new Set(nameTerms(lastName(p.field.parent))) : owner;
    const terms = nameTerms(p.field.name).filter((term) => !PERSON_WORDS.has(term) && !owner.has(term) && !parent.has(term));
    return terms.length > 0 && terms.every((term) => WHOLE_NAME.has(term));
  };
  const targetIndexes = targets.map((t, i) => (t.baseType === 'string' && !t.element && wholeName(t, targetTerms) ? i : -1)).filter((i) => i >= 0);
  if (targetIndexes.length === 0) return;
  // First and last name leaves by parent.
  const sourceTerms = ownerTerms(entity.name);
  const parts = new Map<string, { first?: Prepared; last?: Prepared }>();
  for (const s of sources) {
    if (s.baseType !== 'string' || s.element) continue;
    const parent = s.field.parent ? new Set(nameTerms(lastName(s.field.parent))) : sourceTerms;
    const terms = nameTerms(s.field.name).filter((term) => !PERSON_WORDS.has(term) && !sourceTerms.has(term) && !parent.has(term));
    if (terms.length !== 1 || (terms[0] !== 'c:first name' && terms[0] !== 'c:last name')) continue;
    const key = s.field.parent ?? '';
    const entry = parts.get(key) ?? {};
    if (terms[0] === 'c:first name') entry.first ??= s;
    else entry.last ??= s;
    parts.set(key, entry);
  }
  for (const [parent, { first, last }] of parts) {
    if (!first || !last) continue;
    const joined = `${first.field.path} + ${last.field.path}`;
    const { description: _d, enum: _e, maxLength: _m, format: _f, ...rest } = first.field;
    const whole = prepare({ ...rest, path: parent ? `${parent}.full_name` : 'full_name', name: 'full_name' }, first.index, sourceTerms, run.vocabulary);
    for (const i of targetIndexes) {
      const t = targets[i]!;
      if (rejected.has(`${t.field.path}\u0000${joined}`)) continue;
      const result = scorePair(run.scratch, t, whole, true);
      let score = result.score * 0.95;
      const direct = maxBy(perTarget[i]!.filter((c) => !c.joined && wholeName(c.source, sourceTerms)));
      if (direct) score = Math.min(score, direct.score - 0.01);
      if (score < ALTERNATIVE_THRESHOLD) continue;
      const reasons = ['concatenation: first name + last name', ...result.reasons.filter((reason) => !reason.startsWith('name:'))];
      perTarget[i]!.push({ source: first, score, reasons, joined, explained: true });
    }
  }
}
