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
  /** Pairs of same-worded names, by target path: they count for the very same paths only. */
  exact: Map<string, MemoryPattern[]>;
}

const without = (words: string[], drop: string[]) => words.filter((word) => !drop.includes(word));
/** A name's words in any order: `billing_zip` and `zip_billing` are one key. */
export const wordsKey = (words: string[]) => [...words].sort().join(' ');

function patternSet(pairs: LearnedPair[]): PatternSet {
  const set: PatternSet = { byTargetWord: new Map(), exact: new Map() };
  const add = (map: Map<string, MemoryPattern[]>, key: string, pattern: MemoryPattern) => {
    let list = map.get(key);
    if (!list) map.set(key, (list = []));
    list.push(pattern);
  };
  for (const pair of pairs) {
    const sWords = splitWords(lastName(pair.source));
    const tWords = splitWords(lastName(pair.target));
    const pattern = { pair, label: `${lastName(pair.source)} → ${lastName(pair.target)}`, sDiff: without(sWords, tWords), tDiff: without(tWords, sWords) };
    if (pattern.sDiff.length === 0 || pattern.tDiff.length === 0) add(set.exact, pair.target, pattern);
    else add(set.byTargetWord, pattern.tDiff[0]!, pattern);
  }
  return set;
}

export function readMemory(memory: { accepted: LearnedPair[]; rejected: LearnedPair[] } | undefined): MemoryIndex {
  const accepted = memory?.accepted ?? [];
  const rejected = memory?.rejected ?? [];
  return { any: accepted.length + rejected.length > 0, accepted: patternSet(accepted), rejected: patternSet(rejected) };
}

/** The run's sources found by their words (any order) and by path, built once when there is a memory. */
export interface SourceLookup {
  byWords: Map<string, Prepared[]>;
  byPath: Map<string, Prepared>;
}

export function sourceLookup(sources: Prepared[]): SourceLookup {
  const byWords = new Map<string, Prepared[]>();
  for (const s of sources) {
    const key = wordsKey(s.rawWords);
    let list = byWords.get(key);
    if (!list) byWords.set(key, (list = []));
    list.push(s);
  }
  return { byWords, byPath: new Map(sources.map((s) => [s.field.path, s])) };
}

/**
 * The sources a remembered decision speaks for with this target: the same paths, or a source whose words are the
 * target's with the pattern's target words swapped for its source words (`billing_zip` for `billing_postal_code`
 * after `zip → postal_code`). First pattern wins.
 */
export function memoryMatches(set: PatternSet, t: Prepared, lookup: SourceLookup): Map<Prepared, MemoryPattern> {
  const found = new Map<Prepared, MemoryPattern>();
  for (const pattern of set.exact.get(t.field.path) ?? []) {
    const s = lookup.byPath.get(pattern.pair.source);
    if (s && !found.has(s)) found.set(s, pattern);
  }
  for (const word of new Set(t.rawWords))
    for (const pattern of set.byTargetWord.get(word) ?? []) {
      if (!pattern.tDiff.every((w) => t.rawWords.includes(w))) continue;
      for (const s of lookup.byWords.get(wordsKey([...without(t.rawWords, pattern.tDiff), ...pattern.sDiff])) ?? []) if (!found.has(s)) found.set(s, pattern);
    }
  return found;
}
