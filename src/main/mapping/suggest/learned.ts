// What the analyst accepted or rejected before, read for one run: pairs left out, pairs put first, and analogies
// (the words that differ on each side of an accepted pair) that raise pairs differing the same way.
import { lastName, type Prepared } from './prepare';
import { splitWords } from './tokens';
import { readMemory, type MemoryIndex } from './memory-evidence';

export interface LearnedPair {
  source: string;
  target: string;
}

export interface LearnedDecisions {
  accepted: LearnedPair[];
  rejected: LearnedPair[];
  /** Decided in other workspaces (the mapping memory): evidence, never enough alone to make a suggestion. */
  memory?: { accepted: LearnedPair[]; rejected: LearnedPair[] };
}

export interface Analogy {
  pair: LearnedPair;
  tDiff: string[];
  sDiff: string[];
}

export interface LearnedIndex {
  /** Pairs as `${target}\u0000${source}`. */
  accepted: Set<string>;
  rejected: Set<string>;
  /** Some pair was accepted or rejected. */
  any: boolean;
  /** Target path → the sources accepted for it, in the order accepted: always candidates. */
  acceptedSources: Map<string, Prepared[]>;
  analogies: Analogy[];
  memory: MemoryIndex;
}

export function readLearned(decisions: LearnedDecisions | undefined, sources: Prepared[], targets: Prepared[]): LearnedIndex {
  const rejected = new Set((decisions?.rejected ?? []).map((pair) => `${pair.target}\u0000${pair.source}`));
  const accepted = new Set((decisions?.accepted ?? []).map((pair) => `${pair.target}\u0000${pair.source}`));
  const bySourcePath = new Map(sources.map((s) => [s.field.path, s]));
  const byTargetPath = new Map(targets.map((t) => [t.field.path, t]));
  const acceptedSources = new Map<string, Prepared[]>();
  for (const pair of decisions?.accepted ?? []) {
    const s = bySourcePath.get(pair.source);
    if (!s) continue;
    let list = acceptedSources.get(pair.target);
    if (!list) acceptedSources.set(pair.target, (list = []));
    list.push(s);
  }

  // Analogies from accepted pairs: the words that differ on each side.
  const analogies = (decisions?.accepted ?? [])
    .map((pair) => {
      const t = byTargetPath.get(pair.target);
      const s = bySourcePath.get(pair.source);
      const tWords = t ? t.rawWords : splitWords(lastName(pair.target));
      const sWords = s ? s.rawWords : splitWords(lastName(pair.source));
      return { pair, tDiff: tWords.filter((w) => !sWords.includes(w)), sDiff: sWords.filter((w) => !tWords.includes(w)) };
    })
    .filter((analogy) => analogy.tDiff.length > 0 && analogy.sDiff.length > 0);
  return { accepted, rejected, any: rejected.size > 0 || accepted.size > 0, acceptedSources, analogies, memory: readMemory(decisions?.memory) };
}
