// Words of one family: inflections (`shipped`, `shipping` ~ `ship`; `issued` ~ `issue`) and derivations
// (`variation` ~ `variant`, `settlement` ~ `settled`, `categorization` ~ `category`), by the Lancaster stemmer's
// root where the two words also begin alike (their first five letters, or all of the shorter): Lancaster alone joins
// `date` and `data`, `status` and `state`; a few
// words that pass both tests are told apart by name. Only plain words are compared: the lexicon's concepts and generic words
// keep their own rules.
import { lancasterStem } from './lancaster';

/** How alike two words of one family are: enough to be evidence on their own. */
export const FAMILY_SIMILARITY = 0.85;

const ROOTS = new Map<string, string>();

function rootOf(word: string): string {
  let root = ROOTS.get(word);
  if (root === undefined) {
    if (ROOTS.size > 50_000) ROOTS.clear();
    ROOTS.set(word, (root = lancasterStem(word)));
  }
  return root;
}

/** A word this applies to: one lower-case word of four letters or more (no concept, no phrase, no number). */
export const formsApply = (term: string) => term.length >= 4 && /^[a-z]+$/.test(term);

/** Words that share a Lancaster root and their first letters but not their meaning: never a family. */
const FALSE_FRIENDS = new Set(
  [
    ['internal', 'international'],
    ['general', 'generation'],
    ['current', 'currency'],
    ['organ', 'organization'],
    ['organ', 'organisation'],
    ['terminal', 'termination'],
    ['positive', 'position'],
    ['commit', 'commission'],
    ['committee', 'commission'],
    ['commit', 'committee'],
    ['universe', 'university'],
    ['personal', 'personnel'],
    ['local', 'locale'],
  ].flatMap(([a, b]) => [`${a} ${b}`, `${b} ${a}`]),
);

/** The similarity of two different plain words of one family, else 0. */
export function familySimilarity(a: string, b: string): number {
  const begins = Math.min(5, a.length, b.length);
  if (rootOf(a) !== rootOf(b) || a.slice(0, begins) !== b.slice(0, begins)) return 0;
  return FALSE_FRIENDS.has(`${a.replace(/s$/, '')} ${b.replace(/s$/, '')}`) ? 0 : FAMILY_SIMILARITY;
}

/** The key grouping the words familySimilarity compares. */
export const familyKey = (word: string): string => rootOf(word);
