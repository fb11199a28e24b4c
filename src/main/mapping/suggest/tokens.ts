// Turning field names and descriptions into weighted terms: split case styles and digits, lower-case,
// expand abbreviations, stem plurals, then map known phrases to concepts (`c:<concept>`).
import { ABBREVIATIONS, CONCEPT_GROUPS, GENERIC, RELATED, STOP_WORDS } from './lexicon';
import { readRoles } from './person-roles';

/** Splits camelCase, PascalCase, snake_case, kebab-case, dotted names and digits into lower-case words. */
export function splitWords(name: string): string[] {
  return memo(SPLIT_CACHE, name, splitWordsOf);
}

function splitWordsOf(name: string): string[] {
  return name
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/([A-Za-z])(\d)/g, '$1 $2')
    .replace(/(\d)([A-Za-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word.toLowerCase());
}

const KEEP_S = /(ss|us|is|ous|ics|news|sms|gps|utc)$/;

/** Light stemming: plurals to singular. */
export function stem(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/(ch|sh|x|ss|zz)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s') && !KEEP_S.test(word)) return word.slice(0, -1);
  return word;
}

/** Words of a name after abbreviation expansion and stemming (no concepts yet). */
export function normalWords(name: string): string[] {
  return memo(NORMAL_CACHE, name, normalWordsOf);
}

// Field names and descriptions repeat (parents, common leaves, the same entity suggested again): their words
// are worked out once. Callers do not mutate them.
const SPLIT_CACHE = new Map<string, string[]>();
const NORMAL_CACHE = new Map<string, string[]>();
const TERMS_CACHE = new Map<string, string[]>();
const TEXT_CACHE = new Map<string, string[]>();

function memo(cache: Map<string, string[]>, key: string, make: (key: string) => string[]): string[] {
  const cached = cache.get(key);
  if (cached) return cached;
  if (cache.size > 50_000) cache.clear();
  const value = make(key);
  cache.set(key, value);
  return value;
}

/** A table's own entry: a field named `constructor` is a word, not the table's prototype. */
export const ownValue = <T>(table: Record<string, T>, key: string): T | undefined => (Object.hasOwn(table, key) ? table[key] : undefined);

function normalWordsOf(name: string): string[] {
  const out: string[] = [];
  for (const word of splitWords(name)) {
    const expanded = ownValue(ABBREVIATIONS, word) ?? ownValue(ABBREVIATIONS, stem(word));
    if (expanded) out.push(...expanded.split(' '));
    else out.push(stem(word));
  }
  return out;
}

// Phrase (space-joined normal words) → concept term id.
const PHRASES = new Map<string, string>();
/** First words of phrases of two or more words: a longer phrase is looked up only from one of these. */
const PHRASE_STARTS = new Set<string>();
let longestPhrase = 1;
for (const group of CONCEPT_GROUPS) {
  const id = `c:${normalWords(group[0]!).join(' ')}`;
  for (const phrase of group) {
    const words = normalWords(phrase);
    longestPhrase = Math.max(longestPhrase, words.length);
    if (words.length > 1) PHRASE_STARTS.add(words[0]!);
    if (!PHRASES.has(words.join(' '))) PHRASES.set(words.join(' '), id);
  }
}

// Two-word phrases keyed by their words swapped (`total net` → `net total`): English and API names put a
// qualifier on either side (`TotalNet`, `net_total`). Consulted only when the words in order match nothing.
const SWAPPED = new Map<string, string>();
for (const [phrase, id] of PHRASES) {
  const words = phrase.split(' ');
  if (words.length !== 2) continue;
  const swapped = `${words[1]} ${words[0]}`;
  if (!PHRASES.has(swapped) && !SWAPPED.has(swapped)) {
    SWAPPED.set(swapped, id);
    PHRASE_STARTS.add(words[1]!);
  }
}

// Concept term id → the words of all its phrases.
const CONCEPT_WORDS = new Map<string, Set<string>>();
for (const group of CONCEPT_GROUPS) {
  const id = PHRASES.get(normalWords(group[0]!).join(' '))!;
  const words = CONCEPT_WORDS.get(id) ?? new Set<string>();
  for (const phrase of group) for (const word of normalWords(phrase)) words.add(word);
  CONCEPT_WORDS.set(id, words);
}

/** A concept with more than one phrase (`payment method` ~ `tender`): a name that is one is known as a whole. */
export const hasSynonyms = (term: string): boolean => (SYNONYM_COUNT.get(term) ?? 0) > 1;
const SYNONYM_COUNT = new Map<string, number>();
for (const group of CONCEPT_GROUPS) SYNONYM_COUNT.set(`c:${normalWords(group[0]!).join(' ')}`, group.length);

/** The words terms stand for: a concept's words from all its phrases, a plain word itself. */
export function conceptWords(terms: string[]): string[] {
  const out = new Set<string>();
  for (const term of terms) for (const word of CONCEPT_WORDS.get(term) ?? [term]) if (!JOINERS.has(word)) out.add(word);
  return [...out];
}

/** The concept a phrase belongs to, if any. */
export function conceptOf(phrase: string): string | undefined {
  return PHRASES.get(normalWords(phrase).join(' '));
}

/** Terms of a name: concepts for known phrases (longest first), normal words otherwise. */
export function nameTerms(name: string): string[] {
  return memo(TERMS_CACHE, name, (key) => wordsToTerms(normalWords(key)));
}

export function wordsToTerms(words: string[]): string[] {
  const terms: string[] = [];
  for (let i = 0; i < words.length; ) {
    let matched = 0;
    const longest = PHRASE_STARTS.has(words[i]!) ? Math.min(longestPhrase, words.length - i) : 1;
    for (let n = longest; n >= 1; n--) {
      const phrase = n === 1 ? words[i]! : words.slice(i, i + n).join(' ');
      const concept = PHRASES.get(phrase) ?? (n === 2 ? SWAPPED.get(phrase) : undefined);
      // `tax_amount`, `discount_amount`: an amount of something else says what kind of value it is, not a total.
      if (concept && n === 1 && QUALIFIED_HEADS.has(phrase) && words.some((word, j) => j !== i && !(word in GENERIC) && !QUALIFIED_HEADS.has(word))) {
        terms.push(phrase);
        matched = 1;
        break;
      }
      if (concept) {
        terms.push(concept);
        matched = n;
        break;
      }
    }
    if (matched === 0) {
      terms.push(words[i]!);
      matched = 1;
    }
    // `completed_by`, `approved_by`: who did it, not the deed (known phrases such as `created by` matched above).
    if (words[i + matched] === 'by') {
      terms.push(`${termLabel(terms.pop()!)} by`);
      matched++;
    }
    i += matched;
  }
  return readRoles([...new Set(terms.filter((term) => !JOINERS.has(term)))], roleTerm);
}

/** A role's "X by" phrase as a term: its concept when known (`modified by` is `updated by`). */
const roleTerm = (phrase: string) => PHRASES.get(phrase) ?? phrase;

/** Words that name a total alone and only a kind of value beside another word (`tax amount`). */
const QUALIFIED_HEADS = new Set(['amount']);

/** Words joining the parts of a name (`countryOrRegion`): no meaning of their own. */
const JOINERS = new Set(['or', 'and', 'the', 'of', 'a', 'an']);

/** Terms of free text (descriptions): stop words dropped. */
export function textTerms(text: string): string[] {
  return memo(TEXT_CACHE, text, textTermsOf);
}

function textTermsOf(text: string): string[] {
  const words = text
    .split(/[^A-Za-z0-9_]+/)
    .filter((word) => word.length > 1 && !STOP_WORDS.has(word.toLowerCase()))
    .flatMap((word) => normalWords(word));
  return wordsToTerms(words).filter((term) => !STOP_WORDS.has(term));
}

/** How much a term counts (generic words less). */
export function termWeight(term: string): number {
  if (/^\d+$/.test(term)) return 0.5;
  return ownValue(GENERIC, term) ?? 1;
}

const RELATED_MAP = new Map<string, Map<string, number>>();
for (const [a, b, similarity] of RELATED) {
  for (const [x, y] of [
    [a, b],
    [b, a],
  ] as Array<[string, string]>) {
    if (!RELATED_MAP.has(x)) RELATED_MAP.set(x, new Map());
    RELATED_MAP.get(x)!.set(y, similarity);
  }
}

/** Similarity of two terms: 1 when equal, partial when weakly related, else 0. */
export function termSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  return RELATED_MAP.get(a)?.get(b) ?? 0;
}

/** Terms weakly related to this one with their similarity (undefined when none). */
export const relatedMap = (term: string): Map<string, number> | undefined => RELATED_MAP.get(term);

/** Terms weakly related to this one (for candidate look-up). */
export function relatedTerms(term: string): string[] {
  return [...(RELATED_MAP.get(term)?.keys() ?? [])];
}

/** Readable form of a term id. */
export const termLabel = (term: string) => (term.startsWith('c:') ? term.slice(2) : term);
