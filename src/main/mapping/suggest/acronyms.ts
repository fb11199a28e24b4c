// Acronyms and shortened words read from the run itself, not from a hand list: a short word (`po`, `gl`, `ssn`) whose
// letters are the initials of a phrase the other side's names spell out (`purchaseOrderNumber`, `general_ledger_code`,
// `social_security_number`) stands for that phrase; a short non-word holding the letters of one longer word of the
// other side in order (`mgr`, `whse`) stands for that word. A two-letter acronym must not be an English word of its own (`go`, not
// `po`: data/short-words.json, built from WordNet by bench/short-words.ts); longer phrases make a chance match rare.
import type { CatalogueEntity } from '../../../shared/catalogue';
import { normalWords, wordsToTerms } from './tokens';
import shortWords from './data/short-words.json';

const SHORT_ENGLISH_WORDS = new Set(shortWords.words.split(' '));
const shortEnglishWord = (word: string) => SHORT_ENGLISH_WORDS.has(word);

/** How alike an acronym and each word of its phrase are: as close as one family's words, short of the same word. */
export const ACRONYM_SIMILARITY = 0.85;

/** A word that may be an acronym: two to four letters. */
export const acronymShape = (word: string) => word.length >= 2 && word.length <= 4 && /^[a-z]+$/.test(word);

/** The names of one side of a run (each a list of normal words). */
export type SideWords = ReadonlyArray<readonly string[]>;

/**
 * Acronym → the words of the phrases it stands for. An acronym is a word of one side's names (among `words`, the run's
 * plain words) whose phrase the other side's names spell out: on its own side a phrase is another field's name
 * (`ip_address` beside `item_price`), not what the acronym means.
 */
export function acronymRelations(words: Iterable<string>, sides: readonly SideWords[]): Map<string, Set<string>> {
  const plain = new Set<string>();
  for (const word of words) if (acronymShape(word)) plain.add(word);
  const out = new Map<string, Set<string>>();
  if (plain.size === 0) return out;
  sides.forEach((side, at) => {
    const wanted = new Set(side.flatMap((name) => name.filter((word) => plain.has(word))));
    if (wanted.size === 0) return;
    sides.forEach((other, otherAt) => {
      if (otherAt !== at) for (const name of other) addPhrases(name, wanted, out);
    });
  });
  return out;
}

function addPhrases(name: readonly string[], wanted: Set<string>, out: Map<string, Set<string>>): void {
  for (let n = 2; n <= 4; n++)
    for (let i = 0; i + n <= name.length; i++) {
      const phrase = name.slice(i, i + n);
      if (!phrase.every((word) => word.length >= 3 && /^[a-z]+$/.test(word))) continue;
      const initials = phrase.map((word) => word[0]).join('');
      if (!wanted.has(initials) || (n === 2 && shortEnglishWord(initials))) continue;
      let set = out.get(initials);
      if (!set) out.set(initials, (set = new Set()));
      for (const word of phrase) set.add(word);
    }
}

/**
 * Shortened words (`qty`, `amt`, `mgr`, `nbr`, `whse`): a short word of one side that is not English, whose letters
 * appear in order in exactly one longer word of the other side beginning with the same letter, stands for that word.
 * Only the run's plain words (`words`) are read, and an acronym (`acronyms`) is not read again as a shortened word.
 */
export function shortenedRelations(words: Iterable<string>, sides: readonly SideWords[], acronyms: ReadonlyMap<string, unknown> = new Map()): Map<string, string> {
  const plain = new Set(words);
  const sideWords = sides.map((side) => new Set(side.flatMap((name) => name.filter((word) => plain.has(word)))));
  const out = new Map<string, string>();
  sideWords.forEach((own, at) => {
    for (const short of own) {
      if (short.length < 3 || !acronymShape(short) || shortEnglishWord(short) || acronyms.has(short)) continue;
      let found: string | undefined;
      let count = 0;
      sideWords.forEach((other, otherAt) => {
        if (otherAt !== at) for (const word of other) if (word.length >= short.length + 2 && word[0] === short[0] && inOrder(short, word) && ++count === 1) found = word;
      });
      if (count === 1) out.set(short, found!);
    }
  });
  return out;
}

function inOrder(short: string, word: string): boolean {
  let at = 0;
  for (const letter of short) {
    at = word.indexOf(letter, at) + 1;
    if (at === 0) return false;
  }
  return true;
}

/**
 * The run's acronyms and shortened words related both ways to what they stand for (word → other → similarity). An
 * acronym is related to each word of its phrase, as that word's term (`tax` is the concept `c:tax`).
 */
export function abbreviationRelations(words: Iterable<string>, sides: readonly SideWords[]): Map<string, Map<string, number>> {
  const all = [...words];
  const out = new Map<string, Map<string, number>>();
  const relate = (a: string, b: string) => {
    for (const [x, y] of [[a, b], [b, a]] as const) {
      if (!out.has(x)) out.set(x, new Map());
      out.get(x)!.set(y, ACRONYM_SIMILARITY);
    }
  };
  const acronyms = acronymRelations(all, sides);
  for (const [acronym, phraseWords] of acronyms) for (const word of phraseWords) relate(acronym, wordsToTerms([word])[0] ?? word);
  for (const [short, word] of shortenedRelations(all, sides, acronyms)) relate(short, word);
  return out;
}

/** The names of one side of a run, where acronyms and their phrases are looked for: its entity's name and every segment of its paths. */
export function sideNames(entity: CatalogueEntity): string[][] {
  const segments = new Set<string>([entity.name.split('.').pop()!]);
  for (const field of entity.fields) for (const segment of field.path.split('.')) segments.add(segment.replace(/\[\]/g, ''));
  return [...segments].map((segment) => normalWords(segment));
}
