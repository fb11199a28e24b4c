// General English meaning from WordNet 3.1, cut to the words of API field names (data/wordnet.json, built by
// bench/wordnet-cut.ts): two words sharing their first (most frequent) sense are synonyms (`class` ~ `category`), a word
// whose sense sits one level above the other's is broader (`cost` above `expense`). Weak evidence: a synonym counts less
// than a word of one family, a broader word less than a synonym, and neither is enough on its own (below STRONG in
// score.ts): WordNet's synonyms are English ones, not always an API's (`case` ~ `event`).
import cut from './data/wordnet.json';

export const SYNONYM_SIMILARITY = 0.55;
export const BROADER_SIMILARITY = 0.45;

interface Cut {
  senses: Record<string, number[]>;
  hypernyms: number[][];
  short: string;
}

const { senses, hypernyms } = cut as Cut;
const SHORT_WORDS = new Set((cut as Cut).short.split(' '));
const NONE: number[] = [];

const sensesOf = (word: string): number[] => (Object.hasOwn(senses, word) ? senses[word]! : NONE);

/** The sense keys a word is grouped by (its own senses and those one level above them). */
export function lexicalKeys(word: string): number[] {
  const own = sensesOf(word);
  if (own.length === 0) return own;
  const keys = new Set(own);
  for (const sense of own) for (const h of hypernyms[sense]!) keys.add(h);
  return [...keys];
}

/** How alike two different words are in meaning: a synonym, a broader word (either way), else 0. */
export function lexicalSimilarity(a: string, b: string): number {
  const x = sensesOf(a);
  const y = sensesOf(b);
  if (x.length === 0 || y.length === 0) return 0;
  if (x.some((sense) => y.includes(sense))) return SYNONYM_SIMILARITY;
  return Math.max(broader(x, y), broader(y, x));
}

/** `upper` holds a sense one hypernym level above one of `lower`'s. */
function broader(lower: number[], upper: number[]): number {
  return lower.some((sense) => hypernyms[sense]!.some((h) => upper.includes(h))) ? BROADER_SIMILARITY : 0;
}

/** The related pairs among a run's words: word → other word → similarity (only words with a relation). */
export function lexicalRelations(words: Iterable<string>): Map<string, Map<string, number>> {
  // Each word is compared only with the words whose own sense is one of its senses or above them; a narrower word
  // finds the broader one, and the relation is recorded both ways.
  const holders = new Map<number, string[]>();
  const all = [...words];
  for (const word of all)
    for (const sense of sensesOf(word)) {
      const list = holders.get(sense);
      if (list) list.push(word);
      else holders.set(sense, [word]);
    }
  const out = new Map<string, Map<string, number>>();
  const relate = (a: string, b: string, similarity: number) => {
    let map = out.get(a);
    if (!map) out.set(a, (map = new Map()));
    map.set(b, similarity);
  };
  for (const word of all)
    for (const key of lexicalKeys(word))
      for (const other of holders.get(key) ?? NONE_WORDS) {
        if (other === word || out.get(word)?.has(other)) continue;
        const similarity = lexicalSimilarity(word, other);
        if (similarity === 0) continue;
        relate(word, other, similarity);
        relate(other, word, similarity);
      }
  return out;
}

const NONE_WORDS: string[] = [];

/** A short word (two to four letters) of API names that is an English word WordNet knows (`go`, `tax`, not `po`). */
export const shortEnglishWord = (word: string): boolean => SHORT_WORDS.has(word);
