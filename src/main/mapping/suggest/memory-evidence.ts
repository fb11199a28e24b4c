// What analysts decided in other workspaces (the mapping memory in the settings folder), read as naming
// patterns: an accepted `zip → postal_code` says that a target whose words are a source's words with
// `zip` put for `postal code` is likely filled from it (`billing_postal_code` ← `billing_zip`). Pairs whose
// names have the same words say nothing general, so they count only for the very same paths.
import { lastName, type Prepared } from './prepare';
import { splitWords } from './tokens';
import type { LearnedPair } from './learned';

export interface MemoryPattern {
  /** `zip → postal_code`: how the reason shows it. */
  label: string;
  pair: LearnedPair;
  sDiff: string[];
  tDiff: string[];
}

export interface MemoryIndex {
  any: boolean;
  accepted: PatternSet;
  rejected: PatternSet;
}

interface PatternSet {
  /** Patterns by the first word of their target side. */
  byTargetWord: Map<string, MemoryPattern[]>;
  /** Pairs of same-worded names, by `${target}\u0000${source}` path. */
  exact: Map<string, MemoryPattern>;
}

const without = (words: string[], drop: string[]) => words.filter((word) => !drop.includes(word));
const restKey = (words: string[], drop: string[]) => without(words, drop).sort().join(' ');

function patternSet(pairs: LearnedPair[]): PatternSet {
  const set: PatternSet = { byTargetWord: new Map(), exact: new Map() };
  for (const pair of pairs) {
    const sWords = splitWords(lastName(pair.source));
    const tWords = splitWords(lastName(pair.target));
    const pattern = { pair, label: `${lastName(pair.source)} → ${lastName(pair.target)}`, sDiff: without(sWords, tWords), tDiff: without(tWords, sWords) };
    if (pattern.sDiff.length === 0 || pattern.tDiff.length === 0) {
      set.exact.set(`${pair.target}\u0000${pair.source}`, pattern);
      continue;
    }
    const first = pattern.tDiff[0]!;
    set.byTargetWord.set(first, [...(set.byTargetWord.get(first) ?? []), pattern]);
  }
  return set;
}

export function readMemory(memory: { accepted: LearnedPair[]; rejected: LearnedPair[] } | undefined): MemoryIndex {
  const accepted = memory?.accepted ?? [];
  const rejected = memory?.rejected ?? [];
  return { any: accepted.length + rejected.length > 0, accepted: patternSet(accepted), rejected: patternSet(rejected) };
}

/** The patterns a target's words fit on its side. */
export function patternsFor(set: PatternSet, t: Prepared): MemoryPattern[] {
  const found: MemoryPattern[] = [];
  for (const word of t.rawWords) for (const pattern of set.byTargetWord.get(word) ?? []) if (pattern.tDiff.every((w) => t.rawWords.includes(w))) found.push(pattern);
  return found;
}

/** The remembered decision this pair follows: the same paths, or the same words with the pattern's words swapped. */
export function memoryMatch(set: PatternSet, t: Prepared, s: Prepared): MemoryPattern | undefined {
  const exact = set.exact.get(`${t.field.path}\u0000${s.field.path}`);
  if (exact) return exact;
  return patternsFor(set, t).find((p) => p.sDiff.every((w) => s.rawWords.includes(w)) && restKey(t.rawWords, p.tDiff) === restKey(s.rawWords, p.sDiff));
}
