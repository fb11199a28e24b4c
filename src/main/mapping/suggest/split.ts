// Split candidates: one source feeding several targets through a split (a full name into given and family
// name), added after the one-to-one assignment since they reuse a source another target may hold.
import type { CatalogueEntity } from '../../../shared/catalogue';
import { lastName, ownerTerms, prepare, type Prepared } from './prepare';
import type { RunContext } from './run-context';
import { maxBy, scorePair, type Scored } from './score';
import { ALTERNATIVE_THRESHOLD } from './thresholds';
import { nameTerms } from './tokens';

const WHOLE_NAME = new Set(['name', 'c:display name']);
const PERSON_WORDS = new Set(['c:customer', 'c:employee', 'person', 'user', 'member', 'c:author', 'c:assignee', 'c:manager']);

/** The part of a whole name a target holds, with the transformation in pseudocode. */
const PARTS: Record<string, { label: string; pseudocode: string }> = {
  'c:first name': { label: 'given name', pseudocode: 'words = split(name, " "); given = words[0]' },
  'c:last name': { label: 'family name', pseudocode: 'words = split(name, " "); family = join(words[1..], " ") (empty when one word)' },
};

/** Name terms of a field without person and owner words (`contact_name` → name). */
function ownTerms(p: Prepared, owner: Set<string>): string[] {
  const parent = p.field.parent ? new Set(nameTerms(lastName(p.field.parent))) : owner;
  return nameTerms(p.field.name).filter((term) => !PERSON_WORDS.has(term) && !owner.has(term) && !parent.has(term));
}

/**
 * For each given-name or family-name target, a split of a whole-name source (`name`, `full_name`,
 * `displayName`), scored as if the source's parent had that part as a leaf; below a direct source of the part.
 * Its `source` is the one source path; its reasons start with "split".
 */
export function addSplits(
  source: CatalogueEntity,
  sources: Prepared[],
  targets: Prepared[],
  perTarget: Scored[][],
  targetTerms: Set<string>,
  rejected: Set<string>,
  run: RunContext,
): void {
  const sourceTerms = ownerTerms(source.name);
  const wholeNames = sources.filter((s) => s.baseType === 'string' && !s.element && (() => {
    const terms = ownTerms(s, sourceTerms);
    return terms.length > 0 && terms.every((term) => WHOLE_NAME.has(term));
  })());
  if (wholeNames.length === 0) return;
  targets.forEach((t, i) => {
    if (t.baseType !== 'string' || t.element) return;
    const terms = ownTerms(t, targetTerms);
    const part = terms.length === 1 ? PARTS[terms[0]!] : undefined;
    if (!part) return;
    for (const whole of wholeNames) {
      if (rejected.has(`${t.field.path}\u0000${whole.field.path}`)) continue;
      const partName = terms[0] === 'c:first name' ? 'first_name' : 'last_name';
      const { description: _d, enum: _e, maxLength: _m, format: _f, ...rest } = whole.field;
      const stand = prepare({ ...rest, path: whole.field.parent ? `${whole.field.parent}.${partName}` : partName, name: partName }, whole.index, sourceTerms, run.vocabulary);
      const result = scorePair(run.scratch, t, stand, true);
      let score = result.score * 0.8;
      // Direct candidates only: another whole name's split (pushed just before) is a rival, not a cap.
      const direct = maxBy(perTarget[i]!.filter((c) => !c.joined && !c.split && c.source !== whole));
      if (direct && direct.score >= ALTERNATIVE_THRESHOLD) score = Math.min(score, direct.score - 0.01);
      if (score < ALTERNATIVE_THRESHOLD) continue;
      const reasons = [`split: ${whole.field.name} (a full name) → ${part.label}`, `pseudocode: ${part.pseudocode}`, ...result.reasons.filter((reason) => !reason.startsWith('name:'))];
      // Replaces a plain candidate of the same source: the plain copy would fill a part with the whole.
      perTarget[i] = perTarget[i]!.filter((c) => c.joined || c.source !== whole);
      perTarget[i]!.push({ source: whole, score, reasons, explained: true, split: true });
    }
  });
}
