// Descriptions as evidence in both directions: a field whose description names the other side's field
// (`body` "The message text." ← `text` "Message body…") is about that field, whatever their names share.
// A description names a field in the noun phrase a sentence opens with ("The phone number that…", "Name of the tax
// rate" = tax rate name, "The merchant name or transaction description"): the field's name, ending on the phrase's
// head (its last word: "most recent user event" is an event, not a user). Phrases are worked out once per field.
import { STOP_WORDS } from './lexicon';
import type { Prepared, Term } from './prepare';
import { textTerms } from './tokens';

/** Content terms weigh at least this (generic words — id, name, text — less): see CONTENT in score. */
const CONTENT_WEIGHT = 0.75;
/** In a field's phrase ids: a term naming the field's own record or owner. */
export const BLANK = -1;
/** In a field's phrase ids: the end of a phrase. */
export const PHRASE_END = -2;

export interface Mention {
  /** The target's description names the source. */
  inTarget: boolean;
  /** The source's description names the target. */
  inSource: boolean;
  /**
   * The field whose description names the other's leaf is named as that leaf's parent: `from` "The phone number
   * that…" ← `from.phone_number`.
   */
  ofParent: boolean;
}

/** Words a description's sentence may open with before its noun phrase ("Indicates the currency…"). */
const LEAD_WORDS = new Set(['usually', 'typically', 'generally', 'often', 'always', 'optional', 'optionally', 'indicates', 'represents', 'contains', 'specifies', 'identifies', 'defines', 'describes', 'returns', 'holds', 'stores']);
const DETERMINERS = new Set(['a', 'an', 'the', 'this', 'these', 'its', 'their']);
/** Words joining alternative phrases ("merchant name or transaction description"). */
const ALTERNATIVES = new Set(['or', 'and']);

/**
 * The noun phrases a description's sentences open with, as words: "The name of the shipping provider" → shipping
 * provider name; "The merchant name or transaction description" → both.
 */
export function openingPhrases(description: string): string[][] {
  const phrases: string[][] = [];
  // Asides in brackets go; a hyphenated compound (`end-to-end`, `non-empty`) is one word, not its parts.
  const text = description.replace(/\([^)]*\)/g, ' ').replace(/([A-Za-z])-(?=[A-Za-z])/g, '$1');
  for (const sentence of text.split(/[.;:!?\n]+|\s[-–—]\s/)) {
    const words = sentence.split(/[^A-Za-z0-9_]+/).filter((word) => word.length > 1);
    // "If…", "When…", "For…": a condition, not what the field is.
    if (words.length === 0 || (STOP_WORDS.has(words[0]!.toLowerCase()) && !DETERMINERS.has(words[0]!.toLowerCase()))) continue;
    let i = 0;
    const skip = (set: Set<string>) => {
      while (i < words.length && set.has(words[i]!.toLowerCase())) i++;
    };
    const run = () => {
      const start = i;
      while (i < words.length && !STOP_WORDS.has(words[i]!.toLowerCase())) i++;
      return words.slice(start, i);
    };
    skip(STOP_WORDS);
    while (i < words.length && LEAD_WORDS.has(words[i]!.toLowerCase())) {
      i++;
      skip(STOP_WORDS);
    }
    for (;;) {
      let phrase = run();
      if (phrase.length === 0) break;
      // "name of the provider" is the provider name.
      if (words[i]?.toLowerCase() === 'of') {
        i++;
        skip(STOP_WORDS);
        phrase = [...run(), ...phrase];
      }
      phrases.push(phrase);
      if (!ALTERNATIVES.has(words[i]?.toLowerCase() ?? '')) break;
      i++;
      skip(STOP_WORDS);
    }
  }
  return phrases;
}

/** Terms standing for a known phrase (`c:currency`): kinds of value. */
export const isConcept = (term: string) => term.startsWith('c:');

/** A description's opening phrases as terms, each phrase followed by PHRASE_END; memoised (descriptions repeat). */
export function phraseTerms(description: string): (string | typeof PHRASE_END)[] {
  let terms = PHRASE_CACHE.get(description);
  if (!terms) {
    if (PHRASE_CACHE.size > 20_000) PHRASE_CACHE.clear();
    terms = [];
    for (const phrase of openingPhrases(description)) {
      const own = textTerms(phrase.join(' '));
      if (own.length > 0) terms.push(...own, PHRASE_END);
    }
    PHRASE_CACHE.set(description, terms);
  }
  return terms;
}
const PHRASE_CACHE = new Map<string, (string | typeof PHRASE_END)[]>();

/** The ids a field's name is found by in a description: its name terms but those repeating its owner. */
export function nameIds(terms: readonly Term[]): number[] {
  const ids: number[] = [];
  for (const term of terms) if (!term.owner) ids.push(term.id);
  return ids;
}

/** The first content term of a name (what it is looked up by in descriptions), -1 when it has none. */
export function mentionKey(terms: readonly Term[]): number {
  for (const term of terms) if (!term.owner && term.weight >= CONTENT_WEIGHT) return term.id;
  return -1;
}

/** A bit per id (modulo 32): a set of ids that may hold another has all its bits. */
export function idBits(ids: readonly number[]): number {
  let bits = 0;
  for (const id of ids) if (id >= 0) bits |= 1 << (id & 31);
  return bits;
}

/**
 * Gives the fields of one side the names of all of them, by each of their terms: a description naming one of its own
 * side's fields (`note`: "The order status." beside `order_status`) speaks of that field, not of the other side's.
 */
export function markSideNames(fields: Prepared[]): void {
  const names = new Map<number, Prepared[]>();
  for (const p of fields)
    for (const id of new Set(p.nameIds)) {
      const list = names.get(id);
      if (list) list.push(p);
      else names.set(id, [p]);
    }
  for (const p of fields) p.sideNames = names;
}

/** A side's fields by the ids of their names. */
export type SideNames = ReadonlyMap<number, readonly Prepared[]>;

/** What the two descriptions say of the pair, or undefined when neither names the other. */
export function findMention(t: Prepared, s: Prepared): Mention | undefined {
  // Two enumerations without a value in common classify different things, whatever the descriptions call them.
  if (t.enumKeys && s.enumKeys && ![...t.enumKeys].some((key) => s.enumKeys!.has(key))) return undefined;
  const inTarget = named(t, s);
  const inSource = named(s, t);
  if (inTarget === 'none' && inSource === 'none') return undefined;
  // Generic words alone (`text`, `name`) are in many descriptions: they count only when the other description agrees.
  if (inTarget !== 'content' && inSource !== 'content') return undefined;
  const ofParent = (inTarget !== 'none' && namesParent(t, s)) || (inSource !== 'none' && namesParent(s, t));
  return { inTarget: inTarget !== 'none', inSource: inSource !== 'none', ofParent };
}

/** Every term of `a`'s name is a term of `b`'s parents. */
function namesParent(a: Prepared, b: Prepared): boolean {
  return a.nameIds.length > 0 && b.context.length > 0 && a.nameIds.every((id) => b.context.some((term) => term.id === id));
}

/** Whether one of `describing`'s opening phrases names `other` (holds its name, ends on one of its terms), and with which words. */
function named(describing: Prepared, other: Prepared): 'none' | 'generic' | 'content' {
  const sequence = describing.mentionIds;
  const wanted = other.nameIds;
  if (sequence.length === 0 || wanted.length === 0 || (other.nameBits & ~describing.mentionBits) !== 0) return 'none';
  // A description repeating its own field's name ("The amount of money") says nothing new of the other field.
  if (wanted.every((id) => describing.selfIds.includes(id))) return 'none';
  let start = 0;
  for (let end = 0; end < sequence.length; end++) {
    if (sequence[end] !== PHRASE_END) continue;
    if (phraseNames(sequence, start, end, wanted) && !narrower(describing, other, start, end) && !siblingNamed(describing, sequence, start, end, wanted))
      return other.mentionKey >= 0 ? 'content' : 'generic';
    start = end + 1;
  }
  return 'none';
}

/** The phrase holds every wanted id and ends on one of them. */
function phraseNames(sequence: readonly number[], start: number, end: number, wanted: readonly number[]): boolean {
  if (!wanted.includes(sequence[end - 1]!)) return false;
  return wanted.every((id) => holds(sequence, start, end, id));
}

/**
 * The phrase qualifies the name with a word naming a kind of value the other field's path does not hold ("The currency
 * symbol…" is not a security's `symbol`): it names something narrower.
 */
function narrower(describing: Prepared, other: Prepared, start: number, end: number): boolean {
  const sequence = describing.mentionIds;
  for (let i = start; i < end; i++) {
    const id = sequence[i]!;
    if (id < 0 || other.nameIds.includes(id) || !describing.mentionConcepts.includes(id)) continue;
    if (!other.context.some((term) => term.id === id)) return true;
  }
  return false;
}

/** Another field of the describing side is named by the phrase at least as fully as `wanted`: the phrase is about it. */
function siblingNamed(describing: Prepared, sequence: readonly number[], start: number, end: number, wanted: readonly number[]): boolean {
  for (const sibling of describing.sideNames.get(sequence[end - 1]!) ?? []) {
    if (sibling === describing) continue;
    if (wanted.every((id) => sibling.nameIds.includes(id)) && phraseNames(sequence, start, end, sibling.nameIds)) return true;
  }
  return false;
}

function holds(sequence: readonly number[], start: number, end: number, id: number): boolean {
  for (let i = start; i < end; i++) if (sequence[i] === id) return true;
  return false;
}
