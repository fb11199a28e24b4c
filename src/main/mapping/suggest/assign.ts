// The one-to-one assignment and what each target shows: a greedy pass gives each source to the target it fits
// best; elsewhere that source counts less, and each target keeps its best few candidates above the thresholds.
import type { Prepared } from './prepare';
import type { Scored } from './score';
import { ALTERNATIVE_THRESHOLD, SUGGESTION_THRESHOLD } from './thresholds';
import { normalWords } from './tokens';

const MAX_CANDIDATES = 3;

/** The target (index) each source went to, with that pair's score. */
export type TakenBy = Map<Prepared, { t: number; score: number }>;

/** Assignment: greedy one-to-one on the score matrix; a source already taken by a better target counts less elsewhere. */
export function assignOneToOne(perTarget: Scored[][]): TakenBy {
  const pairs: Array<{ t: number; c: Scored }> = [];
  perTarget.forEach((list, t) => list.forEach((c) => c.score >= SUGGESTION_THRESHOLD && pairs.push({ t, c })));
  pairs.sort((a, b) => b.c.score - a.c.score || a.t - b.t || a.c.source.index - b.c.source.index);
  const takenBy: TakenBy = new Map();
  const assigned = new Set<number>();
  for (const { t, c } of pairs) {
    if (assigned.has(t) || takenBy.has(c.source) || c.score < SUGGESTION_THRESHOLD) continue;
    assigned.add(t);
    takenBy.set(c.source, { t, score: c.score });
  }
  return takenBy;
}

/** The candidates target `i` shows, best first: none unless the best reaches SUGGESTION_THRESHOLD. */
export function shownCandidates(targets: Prepared[], i: number, candidates: Scored[], takenBy: TakenBy): Scored[] {
  const t = targets[i]!;
  return candidates
    .map((c) => {
      const owner = c.joined || c.split ? undefined : takenBy.get(c.source);
      if (owner && owner.t !== i && owner.score > c.score && !c.lead?.includes('learned: accepted before') && !sameValueOtherForm(t, targets[owner.t]!) && !sameValueOtherParty(t, targets[owner.t]!, c.source)) {
        return { ...c, score: c.score * 0.88, reasons: [...c.reasons, `better fit for ${targets[owner.t]!.field.path}`] };
      }
      return c;
    })
    .filter((c) => c.score >= ALTERNATIVE_THRESHOLD)
    .sort((a, b) => b.score - a.score || a.source.index - b.source.index)
    .slice(0, MAX_CANDIDATES)
    .filter((c, _, all) => all[0]!.score >= SUGGESTION_THRESHOLD);
}

/** One target is the other written differently: same parent, same words but for words of form. */
const sameValueOtherForm = (a: Prepared, b: Prepared): boolean => a.formKey !== '' && a.formKey === b.formKey && a.words.length !== b.words.length;

/** Words naming which party or leg a value is for (`billing`, `shipping`, `recipient`): one plain value may fill each. */
const PARTY_WORDS = new Set(['billing', 'shipping', 'ship', 'delivery', 'recipient', 'sender', 'invoice', 'invoicing', 'mailing', 'postal', 'contact', 'primary']);
const pathWords = (p: Prepared) => normalWords(p.field.path.replace(/\[\]/g, ''));
const withoutParty = (words: string[]) => words.filter((word) => !PARTY_WORDS.has(word)).join(' ');

/**
 * Two targets that differ only by the party they are for (`billing.email`, `shipping.email`), and a source that names
 * no party (`email`): the customer's email belongs in both, so the second is not "a better fit elsewhere".
 */
function sameValueOtherParty(a: Prepared, b: Prepared, source: Prepared): boolean {
  const aWords = pathWords(a);
  const bWords = pathWords(b);
  if (aWords.join(' ') === bWords.join(' ') || withoutParty(aWords) !== withoutParty(bWords)) return false;
  return !pathWords(source).some((word) => PARTY_WORDS.has(word));
}
