// Suggested value maps between two enumerations: equal after normalising (case, separators), same
// word after stemming (`opened` → open), synonyms, ordinal scales (High/Medium/Low ↔ 1/2/3, reading
// the target's description when it says which end is urgent), and prefixes. Unmatched → target null.

export interface ValueMapSuggestion {
  source: unknown;
  target: unknown | null;
  score: number;
  reason: string;
}

const norm = (value: unknown) => String(value).toLowerCase().replace(/[^a-z0-9]/g, '');

function wordStem(word: string): string {
  let w = norm(word);
  if (w.length > 4 && w.endsWith('led') && !w.endsWith('lled')) w = w.slice(0, -2); // cancelled/canceled
  if (w.endsWith('lled')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ied')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  else if (w.length > 4 && w.endsWith('ing')) w = w.slice(0, -3);
  if (w.length > 3 && w.endsWith('e')) w = w.slice(0, -1);
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1);
  return w;
}

const VALUE_SYNONYMS: string[][] = [
  ['cancelled', 'canceled', 'voided', 'void', 'aborted', 'annulled'],
  ['open', 'new', 'pending', 'submitted'],
  ['closed', 'done', 'completed', 'complete', 'finished', 'resolved'],
  ['active', 'enabled', 'live'],
  ['inactive', 'disabled', 'suspended'],
  ['paid', 'settled'],
  ['draft', 'unsent'],
  ['approved', 'authorised', 'authorized', 'accepted', 'confirmed'],
  ['rejected', 'declined', 'denied'],
  ['yes', 'true', 'y', '1'],
  ['no', 'false', 'n', '0'],
  ['male', 'm'],
  ['female', 'f'],
  ['shipped', 'dispatched', 'sent'],
];
const SYNONYM_OF = new Map<string, number>();
VALUE_SYNONYMS.forEach((group, i) => group.forEach((word) => SYNONYM_OF.set(wordStem(word), i)));

/** Ordinal scales, lowest rank first (rank 0 = most urgent/highest). */
const SCALES: string[][] = [
  ['critical', 'urgent', 'highest', 'high', 'medium', 'normal', 'low', 'lowest'],
  ['gold', 'silver', 'bronze'],
];
function rankOf(value: unknown): number | undefined {
  const key = norm(value);
  for (const scale of SCALES) {
    const at = scale.indexOf(key);
    if (at >= 0) return at;
  }
  return undefined;
}

/** Suggests, for each source value, the target value it most likely becomes (null when none). */
export function suggestValueMap(sourceEnum: unknown[], targetEnum: unknown[], targetDescription?: string): ValueMapSuggestion[] {
  const used = new Set<number>();
  const result: ValueMapSuggestion[] = sourceEnum.map((source) => {
    const pick = (test: (target: unknown) => boolean) => targetEnum.findIndex((target, i) => !used.has(i) && test(target));
    const attempts: Array<[(target: unknown) => boolean, number, string]> = [
      [(target) => target === source, 1, 'same value'],
      [(target) => norm(target) === norm(source), 0.95, 'same value, ignoring case and separators'],
      [(target) => wordStem(String(target)) === wordStem(String(source)), 0.85, 'same word'],
      [
        (target) => SYNONYM_OF.has(wordStem(String(source))) && SYNONYM_OF.get(wordStem(String(source))) === SYNONYM_OF.get(wordStem(String(target))),
        0.7,
        'synonym',
      ],
      [
        (target) => {
          const a = norm(source);
          const b = norm(target);
          return a.length >= 3 && b.length >= 3 && (a.startsWith(b) || b.startsWith(a));
        },
        0.6,
        'prefix',
      ],
    ];
    for (const [test, score, reason] of attempts) {
      const i = pick(test);
      if (i >= 0) {
        used.add(i);
        return { source, target: targetEnum[i], score, reason };
      }
    }
    return { source, target: null, score: 0, reason: 'no matching value' };
  });

  // Ordinal scales: ranked words on one side, numbers on the other.
  const unmatched = result.filter((entry) => entry.target === null);
  const freeTargets = targetEnum.filter((_, i) => !used.has(i));
  const ranked = sourceEnum.map(rankOf);
  const numbers = freeTargets.map((value) => Number(value));
  if (unmatched.length > 0 && ranked.every((rank) => rank !== undefined) && numbers.length === sourceEnum.length && numbers.every(Number.isFinite)) {
    const sortedSources = [...sourceEnum].sort((a, b) => rankOf(a)! - rankOf(b)!); // most urgent first
    const ascending = [...freeTargets].sort((a, b) => Number(a) - Number(b));
    const text = (targetDescription ?? '').toLowerCase();
    const largestFirst = new RegExp(`${Math.max(...numbers)}\\s*(=|:|-|is|means)\\s*(critical|urgent|highest|high|top|most)`).test(text);
    const order = largestFirst ? ascending.reverse() : ascending;
    const reason = largestFirst ? `ordinal scale (${order[0]} = highest, from the description)` : `ordinal scale (${order[0]} = highest)`;
    return sourceEnum.map((source) => ({ source, target: order[sortedSources.indexOf(source)], score: 0.7, reason }));
  }
  return result;
}
