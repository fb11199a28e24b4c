// Field-mapping suggestions: for each leaf field of a target entity, the source leaf fields most
// likely to fill it, scored 0..1 with the reasons. Pure: no I/O.
//
// Signals: name terms (case styles, abbreviations, stemming, synonym concepts, IDF-like weights), path
// context (parent objects, array elements), type/format compatibility, enum overlap, description
// overlap; then a sibling boost under parents that match well, a greedy one-to-one pass, and what the
// analyst accepted or rejected before.
import type { CatalogueEntity } from '../../../shared/catalogue';
import { lastName, numeric, ownerTerms, prepare, Vocabulary, type Prepared, type Term } from './prepare';
import { conceptWords, nameTerms, relatedTerms, splitWords, termLabel, termSimilarity, termWeight } from './tokens';

export interface SuggestionCandidate {
  /**
   * The source leaf path, or for a concatenation several source leaf paths joined with ` + ` in the
   * order they are concatenated (`first_name + last_name`; reason `concatenation: first name + last name`).
   */
  source: string;
  score: number;
  reasons: string[];
}
export interface TargetSuggestion {
  target: string;
  candidates: SuggestionCandidate[];
}
export interface SuggestOptions {
  learned?: { accepted: Array<{ source: string; target: string }>; rejected: Array<{ source: string; target: string }> };
}

/** Candidates scoring below this are not shown. */
export const SUGGESTION_THRESHOLD = 0.5;
/** Once the best candidate reaches SUGGESTION_THRESHOLD, alternatives down to this are shown too. */
export const ALTERNATIVE_THRESHOLD = 0.42;
const MAX_CANDIDATES = 3;
/** Pairs scoring below this are dropped before the assignment. */
const CANDIDATE_FLOOR = Math.min(SUGGESTION_THRESHOLD * 0.75, ALTERNATIVE_THRESHOLD * 0.8);

/** Soft weighted Dice between two term lists (each term's best match on the other side). */
function softDice(a: Term[], aSum: number, b: Term[], bSum: number): number {
  if (aSum === 0 || bSum === 0) return 0;
  let matched = 0;
  for (let i = 0; i < a.length; i++) matched += bestMatch(a[i]!, b) * a[i]!.weight;
  for (let j = 0; j < b.length; j++) matched += bestMatch(b[j]!, a) * b[j]!.weight;
  return matched / (aSum + bSum);
}

/** A set of term ids, emptied by a new stamp: marking and testing index an array (no hashing, no allocation). */
class IdMarks {
  private stamps = new Uint32Array(1024);
  private stamp = 0;

  mark(ids: readonly number[]): void {
    this.clear();
    for (let i = 0; i < ids.length; i++) this.add(ids[i]!);
  }

  markTerms(terms: readonly Term[]): void {
    this.clear();
    for (let i = 0; i < terms.length; i++) this.add(terms[i]!.id);
  }

  has(id: number): boolean {
    return id < this.stamps.length && this.stamps[id] === this.stamp;
  }

  private clear(): void {
    if (this.stamp === 0xffffffff) {
      this.stamps.fill(0);
      this.stamp = 0;
    }
    this.stamp++;
  }

  private add(id: number): void {
    if (id >= this.stamps.length) this.grow(id);
    this.stamps[id] = this.stamp;
  }

  private grow(id: number): void {
    const grown = new Uint32Array(Math.max(id + 1, this.stamps.length * 2));
    grown.set(this.stamps);
    this.stamps = grown;
  }
}

const MATCH_SCRATCH = 64;

/** The pair scoring's working memory, one per run (see RunContext). */
class ScoreScratch {
  // The best matches of the last name comparison (see nameDice), reused by nameEvidence for the same two lists.
  readonly aBest = new Float64Array(MATCH_SCRATCH);
  readonly bBest = new Float64Array(MATCH_SCRATCH);
  bestOfA: Term[] | undefined = undefined;
  bestOfB: Term[] | undefined = undefined;
  // The two names' term ids: a target's are marked once for all its candidates, a source's per pair.
  readonly namesOfA = new IdMarks();
  readonly namesOfB = new IdMarks();
  markedA: Term[] | undefined = undefined;
  /** The larger description bag of the pair being scored. */
  readonly bagMarks = new IdMarks();
}

/** What one suggestMappings run works with: made per run, so two runs never share state. */
interface RunContext {
  vocabulary: Vocabulary;
  scratch: ScoreScratch;
}

/** bestMatch against a marked list: 1 for the same term, else the similarity of its closest related term there. */
function markedMatch(x: Term, others: IdMarks): number {
  if (others.has(x.id)) return 1;
  let best = 0;
  for (let r = 0; r < x.relatedIds.length; r++) if (x.relatedSimilarities[r]! > best && others.has(x.relatedIds[r]!)) best = x.relatedSimilarities[r]!;
  return best;
}

/** softDice for two names, keeping each term's best match for nameEvidence. */
function nameDice(scratch: ScoreScratch, a: Term[], aSum: number, b: Term[], bSum: number): number {
  if (a.length > MATCH_SCRATCH || b.length > MATCH_SCRATCH) {
    scratch.bestOfA = scratch.bestOfB = undefined;
    return softDice(a, aSum, b, bSum);
  }
  const { aBest, bBest, namesOfA, namesOfB } = scratch;
  if (a !== scratch.markedA) {
    namesOfA.markTerms(a);
    scratch.markedA = a;
  }
  namesOfB.markTerms(b);
  for (let i = 0; i < a.length; i++) aBest[i] = markedMatch(a[i]!, namesOfB);
  for (let j = 0; j < b.length; j++) bBest[j] = markedMatch(b[j]!, namesOfA);
  scratch.bestOfA = a;
  scratch.bestOfB = b;
  if (aSum === 0 || bSum === 0) return 0;
  let matched = 0;
  for (let i = 0; i < a.length; i++) matched += aBest[i]! * a[i]!.weight;
  for (let j = 0; j < b.length; j++) matched += bBest[j]! * b[j]!.weight;
  return matched / (aSum + bSum);
}

/** A match this close is evidence on its own; weaker relations (reference ~ id: 0.55) are not. */
const STRONG = 0.6;

/** Content terms weigh fully; generic words (id, name, type...) and words repeating the owner weigh less. */
const CONTENT = 0.75;

/**
 * 'generic only': the match rests on generic words while a content word stays unmatched on either side
 * (`tags[].id` vs `author.id`). 'roles differ': both sides keep a different unmatched generic word
 * (`account.name` vs `account_type`: a name is not a type). 'role unmatched': one side only keeps one
 * (`emails[].type` vs `email`: an email's type is not the email). 'ok' otherwise.
 */
function nameEvidence(
  scratch: ScoreScratch,
  a: Term[],
  b: Term[],
  aOwners?: Set<string>,
  bOwners?: Set<string>,
  aTop = false,
  bTop = false,
): 'generic only' | 'kinds differ' | 'roles differ' | 'role unmatched' | 'ok' {
  let strong = false;
  let unmatchedContent = false;
  let aContent = false;
  let bContent = false;
  let aRole = false;
  let bRole = false;
  const known = scratch.bestOfA === a && scratch.bestOfB === b;
  const { aBest, bBest } = scratch;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const m = known ? aBest[i]! : bestMatch(x, b);
    if (x.weight >= CONTENT) {
      if (m >= STRONG) strong = true;
      else unmatchedContent = aContent = true;
    } else if (x.owner && m < 0.5 && !bOwners?.has(x.term) && !(aTop && bTop)) unmatchedContent = true;
    else if (m < 0.5 && x.weight >= 0.3 && x.role) aRole = true;
  }
  for (let j = 0; j < b.length; j++) {
    const y = b[j]!;
    const m = known ? bBest[j]! : bestMatch(y, a);
    if (y.weight >= CONTENT) {
      if (m < STRONG) unmatchedContent = bContent = true;
    } else if (y.owner && m < 0.5 && !aOwners?.has(y.term) && !(aTop && bTop)) unmatchedContent = true;
    else if (m < 0.5 && y.weight >= 0.3 && y.role) bRole = true;
  }
  if (!strong && unmatchedContent) return 'generic only';
  // One side says what kind of value it is (name), the other says another thing (email): `customer.name` vs `buyer_email`.
  if ((aRole && bContent) || (bRole && aContent)) return 'kinds differ';
  if (aRole && bRole) return 'roles differ';
  if (aRole || bRole) return 'role unmatched';
  return 'ok';
}

/** String formats and the name terms that promise them. */
const FORMAT_TERMS: Record<string, string[]> = {
  email: ['c:email'],
  uri: ['c:url', 'c:photo', 'link'],
  url: ['c:url', 'c:photo', 'link'],
};

/** `a` has a string format (email, uri) that `b` neither declares nor names: that format, else undefined. */
function formatUnnamed(a: Prepared, b: Prepared): string | undefined {
  const format = a.baseType === 'string' ? a.format : undefined;
  const named = format ? FORMAT_TERMS[format] : undefined;
  if (!named || b.baseType !== 'string' || b.format === format || (format !== 'email' && b.format && FORMAT_TERMS[b.format])) return undefined;
  if (b.terms.some((x) => named.includes(x.term)) || b.context.some((x) => named.includes(x.term))) return undefined;
  return format === 'email' ? 'an email address' : 'a link';
}

/** The owner of an owned leaf is named on the other side: in its name, its context or its owners. */
function ownerNamed(ownedBy: Term[], other: Prepared): boolean {
  if (ownedBy.length === 0) return true;
  return ownedBy.some((x) => bestMatch(x, other.terms) >= STRONG || bestMatch(x, other.context) >= STRONG || other.owners.has(x.term));
}

function bestMatch(x: Term, others: Term[]): number {
  let best = 0;
  const related = x.relatedIds;
  for (let k = 0; k < others.length; k++) {
    const id = others[k]!.id;
    if (id === x.id) return 1;
    for (let r = 0; r < related.length; r++) if (related[r] === id && x.relatedSimilarities[r]! > best) best = x.relatedSimilarities[r]!;
  }
  return best;
}

/** The type/format fit of a pair (a factor ≤ 1); with `reasons`, its reason is added there. */
function typeCompatibility(t: Prepared, s: Prepared, reasons?: string[]): number {
  const a = t.baseType;
  const b = s.baseType;
  // Optional calls: without `reasons` no reason text is built.
  if (a === 'any' || b === 'any' || a === 'unknown' || b === 'unknown') return reasons?.push(`type ${b}/${a} (unchecked)`), 0.9;
  if (a === b) {
    const fa = t.format;
    const fb = s.format;
    if (fa === fb || !fa || !fb) return reasons?.push(`type ${b}/${a}`), 1;
    if (/^date/.test(fa) && /^date/.test(fb)) return reasons?.push(`type ${b}/${a}, ${fb} → ${fa}`), 0.9;
    return reasons?.push(`type ${b}/${a}, ${fb} → ${fa}`), 0.95;
  }
  // A list of values filled from a value inside list elements (`phones` ← `phone_numbers[].number`), or the reverse.
  if (a === 'array' && s.element && (t.itemType === b || t.itemType === 'any')) return reasons?.push(`type ${b}/${a} (list of values ← values in a list)`), 0.9;
  if (b === 'array' && t.element && (s.itemType === a || s.itemType === 'any')) return reasons?.push(`type ${b}/${a} (values in a list ← list of values)`), 0.9;
  if (numeric(a) && numeric(b)) return reasons?.push(`type ${b}/${a}`), 0.95;
  if ((a === 'string' && numeric(b)) || (numeric(a) && b === 'string')) {
    // A string holding a number (format decimal, int64...) takes a number as it is.
    const stringFormat = a === 'string' ? t.format : s.format;
    if (stringFormat && NUMERIC_FORMATS.has(stringFormat)) return reasons?.push(`type ${b}/${a} (${stringFormat} string)`), 0.95;
    return reasons?.push(`type ${b}/${a} (convert)`), 0.75;
  }
  if (a === 'boolean' || b === 'boolean') return reasons?.push(`type ${b}/${a} (poor fit)`), 0.5;
  // An object leaf is opaque (free-form, or a structure the document does not spell out): a value may fit it.
  if ((a === 'object' && b === 'string') || (b === 'object' && a === 'string')) return reasons?.push(`type ${b}/${a} (opaque object: check its structure)`), 0.6;
  if (a === 'object' || b === 'object') return reasons?.push(`type ${b}/${a} (structure differs)`), 0.25;
  if (a === 'array' || b === 'array') return reasons?.push(`type ${b}/${a} (list vs single value)`), 0.5;
  return reasons?.push(`type ${b}/${a} (convert)`), 0.6;
}

interface Scored {
  source: Prepared;
  score: number;
  /**
   * Reasons added after scoring the pair (learned, qualifier, siblings...). The pair's own reasons are worked
   * out only for the candidates shown (see `explained`), between `lead` and these.
   */
  reasons: string[];
  lead?: string[];
  /** `reasons` already hold everything (concatenations). */
  explained?: boolean;
  /** A concatenation: the source paths joined with ` + ` (its `source` is a stand-in for the whole). */
  joined?: string;
}

const describe = (p: Prepared) => p.field.name;

const NUMERIC_FORMATS = new Set(['decimal', 'double', 'float', 'int32', 'int64', 'integer', 'number', 'money', 'currency']);

/** One target is the other written differently: same parent, same words but for words of form. */
const sameValueOtherForm = (a: Prepared, b: Prepared): boolean => a.formKey !== '' && a.formKey === b.formKey && a.words.length !== b.words.length;

/** The most two fields' shared enumeration values add. */
const ENUM_BONUS = 0.1;

/**
 * The most a pair can score given its name and context similarity and type factor: the description adds at most
 * 0.12, the enum bonus at most `enumBonus`, and everything else only lowers the score. The margin covers rounding
 * (a Dice similarity can come out a hair above 1, and 1 stands in for a context not yet compared).
 */
const scoreCeiling = (name: number, context: number, typeFactor: number, enumBonus: number) =>
  (0.68 * name + 0.2 * context + 0.12) * typeFactor + enumBonus + 1e-9;

/** Scores a pair, explained when given `reasons`. */
function scorePair(scratch: ScoreScratch, t: Prepared, s: Prepared, explain: boolean, floor = 0): Scored {
  const reasons: string[] | undefined = explain ? [] : undefined;
  return { source: s, score: pairScore(scratch, t, s, reasons, floor), reasons: reasons ?? [] };
}

/**
 * The score of a pair; its reasons go to `reasons` when given. Without them, a pair that cannot reach `floor`
 * returns early with a score below it.
 */
function pairScore(scratch: ScoreScratch, t: Prepared, s: Prepared, reasons: string[] | undefined, floor = 0): number {
  let name = nameDice(scratch, t.terms, t.termWeightSum, s.terms, s.termWeightSum);
  let tTerms = t.terms;
  let sTerms = s.terms;
  let tContext = t.context;
  let tContextSum = t.contextWeightSum;
  let sContext = s.context;
  let sContextSum = s.contextWeightSum;
  // A list of values ↔ a value in the elements of a list named alike.
  if (t.baseType === 'array' && s.listTerms) {
    const asList = softDice(t.terms, t.termWeightSum, s.listTerms, s.listWeightSum);
    if (asList > name) {
      name = asList;
      sTerms = s.listTerms;
      sContext = s.listContext;
      sContextSum = s.listContextWeightSum;
    }
  } else if (s.baseType === 'array' && t.listTerms) {
    const asList = softDice(t.listTerms, t.listWeightSum, s.terms, s.termWeightSum);
    if (asList > name) {
      name = asList;
      tTerms = t.listTerms;
      tContext = t.listContext;
      tContextSum = t.listContextWeightSum;
    }
  }
  if (reasons && name > 0) {
    if (t.rawWords.join(' ') === s.rawWords.join(' ')) reasons.push(`name: ${describe(s)} = ${describe(t)}`);
    else if (name >= 0.99) {
      const how = t.words.join(' ') === s.words.join(' ') ? 'abbreviation' : 'synonym';
      reasons.push(`name: ${describe(s)} ≈ ${describe(t)} (${how})`);
    } else {
      const shared = t.terms.filter((x) => s.terms.some((y) => termSimilarity(x.term, y.term) > 0)).map((x) => termLabel(x.term));
      reasons.push(`name: ${describe(s)} ~ ${describe(t)} (shares ${shared.join(', ')})`);
    }
  }

  // Without reasons, a pair stops as soon as it certainly cannot reach `floor` (see scoreCeiling).
  const typeFactor = typeCompatibility(t, s, undefined);
  const enumBonus = t.enumKeys && s.enumKeys ? ENUM_BONUS : 0;
  if (!reasons && scoreCeiling(name, 1, typeFactor, enumBonus) < floor) return 0;

  let context: number;
  if (tContext.length === 0 && sContext.length === 0) context = 1;
  else if (tContext.length === 0 || sContext.length === 0) context = 0.3;
  else {
    context = softDice(tContext, tContextSum, sContext, sContextSum);
    if (t.inArray !== s.inArray) context *= 0.7;
    if (reasons && context >= 0.6) {
      const parentLabel = t.field.parent ? splitWords(t.field.parent.replace(/\[\]/g, '')).join(' ') : '';
      reasons.push(t.inArray && s.inArray ? `both in lists (${s.field.parent} / ${t.field.parent})` : `both under ${parentLabel}`);
    }
  }

  if (!reasons && scoreCeiling(name, context, typeFactor, enumBonus) < floor) return 0;

  let desc = 0;
  if (t.bagIds.length > 0 && s.bagIds.length > 0) {
    let overlap = 0;
    let total = 0;
    const small = t.bagIds.length <= s.bagIds.length ? t : s;
    const bagMarks = scratch.bagMarks;
    bagMarks.mark(small === t ? s.bagIds : t.bagIds);
    for (let i = 0; i < small.bagIds.length; i++) {
      total += small.bagWeights[i]!;
      if (bagMarks.has(small.bagIds[i]!)) overlap += small.bagWeights[i]!;
    }
    desc = total > 0 ? overlap / total : 0;
    if (reasons && desc >= 0.4 && (t.descTerms.length > 0 || s.descTerms.length > 0)) reasons.push('descriptions overlap');
  }

  if (reasons) typeCompatibility(t, s, reasons); // the same factor, now with its reason (after the name's, context's and description's)
  let score = (0.68 * name + 0.2 * context + 0.12 * desc) * typeFactor;
  // What follows lowers the score, except the enum bonus.
  if (!reasons && score + enumBonus < floor) return score;
  // `created_by` ← `author.id`: a reference to a record is filled from that record's identifier.
  const referenceById = (t.reference && s.hasId) || (s.reference && t.hasId);
  if (referenceById) {
    if (t.reference) sTerms = sTerms.filter((x) => x.term !== 'c:identifier');
    else tTerms = tTerms.filter((x) => x.term !== 'c:identifier');
    if (reasons) reasons.push('a reference filled from the identifier of what it names');
  }
  // A reference holds an identifier: it is not the record's name, type or login (`modified_by.type` vs `last_editor`).
  const referenceVsRole = (t.reference && !s.hasId && s.hasRole) || (s.reference && !t.hasId && t.hasRole);
  if (name > 0) {
    // Two top-level fields belong to the two records being mapped: their owners correspond.
    const evidence = nameEvidence(scratch, tTerms, sTerms, t.owners, s.owners, t.top, s.top);
    if (evidence === 'generic only') {
      score *= 0.6;
      if (reasons) reasons.push('only generic words in common');
    } else if (evidence === 'kinds differ') {
      score *= 0.72;
      if (reasons) reasons.push('one side names a kind of value, the other something else');
    } else if (evidence === 'roles differ') {
      score *= 0.8;
      if (reasons) reasons.push('different kinds of value (e.g. name vs type)');
    } else if (evidence === 'role unmatched') {
      score *= 0.88;
      if (reasons) reasons.push('one side names a kind of value the other lacks');
    }
    // An identifier is filled from an identifier.
    if (t.hasId !== s.hasId && !referenceById) {
      score *= 0.8;
      if (reasons) reasons.push(t.hasId ? 'target is an identifier, source is not' : 'source is an identifier, target is not');
    }
  }
  if (referenceVsRole && name > 0) {
    score *= 0.6;
    if (reasons) reasons.push('a reference (an identifier) against another kind of value');
  }
  // `milestone.created_at` is the milestone's: it fills the record's `created_at` only when the other side names it too.
  if ((s.ownedBy && !ownerNamed(s.ownedBy, t)) || (t.ownedBy && !ownerNamed(t.ownedBy, s))) {
    score *= 0.7;
    if (reasons) reasons.push(`another object's ${termLabel((s.ownedBy ? s : t).terms[(s.ownedBy ? s : t).terms.length - 1]!.term)}`);
  }
  // A string format (email, uri) the other side neither declares nor names (`created_by.login` is an email, `username` is not).
  const formatGap = formatUnnamed(t, s) ?? formatUnnamed(s, t);
  if (formatGap) {
    score *= 0.75;
    if (reasons) reasons.push(`${formatGap} expected, the other side does not say it holds one`);
  }
  // A field about one party (supplier.address.city) is not filled from a field that is not about it.
  if ((t.ancestorParties & ~s.parties) !== 0 || (s.ancestorParties & ~t.parties) !== 0) {
    score *= 0.5;
    if (reasons) reasons.push('about a different party');
  }
  // One value from a list element (which element?) fits a single value less well.
  if (s.inArray && !t.element && t.baseType !== 'array') {
    score *= 0.85;
    if (reasons) reasons.push('source is inside a list');
  }

  if (t.enumKeys && s.enumKeys) {
    let shared = 0;
    for (const key of s.enumKeys) if (t.enumKeys.has(key)) shared++;
    if (shared > 0) {
      score += ENUM_BONUS * (shared / Math.max(t.enumKeys.size, s.enumKeys.size));
      if (reasons) reasons.push(`enum overlap ${shared}/${t.enumKeys.size}`);
    } else if (reasons) reasons.push('both enumerations (values differ: map them)');
  }
  const maxT = t.field.maxLength;
  const maxS = s.field.maxLength;
  if (reasons && maxT !== undefined && maxS !== undefined && maxS > maxT) reasons.push(`may be cut: max ${maxS} → ${maxT}`);
  return Math.min(1, score);
}

/** Suggests, for each target leaf field in catalogue order, up to three source leaf fields, best first. */
export function suggestMappings(source: CatalogueEntity, target: CatalogueEntity, options: SuggestOptions = {}): TargetSuggestion[] {
  const sourceTerms = ownerTerms(source.name);
  const targetTerms = ownerTerms(target.name);
  const run: RunContext = { vocabulary: new Vocabulary(), scratch: new ScoreScratch() };
  const { scratch } = run;
  const sources = source.fields.filter((field) => field.leaf).map((field, i) => prepare(field, i, sourceTerms, run.vocabulary));
  const targets = target.fields.filter((field) => field.leaf).map((field, i) => prepare(field, i, targetTerms, run.vocabulary));
  const rejected = new Set((options.learned?.rejected ?? []).map((pair) => `${pair.target}\u0000${pair.source}`));
  const accepted = new Set((options.learned?.accepted ?? []).map((pair) => `${pair.target}\u0000${pair.source}`));
  const learnedAny = rejected.size > 0 || accepted.size > 0;
  const bySourcePath = new Map(sources.map((s) => [s.field.path, s]));
  const byTargetPath = new Map(targets.map((t) => [t.field.path, t]));

  // Inverted index: name term → sources.
  const index = new Map<string, Prepared[]>();
  for (const s of sources)
    for (const { term } of s.listTerms ? [...s.terms, ...s.listTerms.filter((x) => !s.terms.some((y) => y.term === x.term))] : s.terms) {
      let list = index.get(term);
      if (!list) index.set(term, (list = []));
      list.push(s);
    }
  const common = Math.max(50, sources.length * 0.2);
  // Enumeration values → the string sources holding them (a flag `active` ← `status` = "active").
  const enumIndex = new Map<string, Prepared[]>();
  for (const s of sources)
    if (s.enumKeys && s.baseType === 'string' && !s.element)
      for (const key of s.enumKeys) {
        let list = enumIndex.get(key);
        if (!list) enumIndex.set(key, (list = []));
        list.push(s);
      }
  const entityWords = conceptWords(nameTerms(target.name.split('.').pop()!));

  // Analogies from accepted pairs: the words that differ on each side.
  const analogies = (options.learned?.accepted ?? [])
    .map((pair) => {
      const t = byTargetPath.get(pair.target);
      const s = bySourcePath.get(pair.source);
      const tWords = t ? t.rawWords : splitWords(lastName(pair.target));
      const sWords = s ? s.rawWords : splitWords(lastName(pair.source));
      return { pair, tDiff: tWords.filter((w) => !sWords.includes(w)), sDiff: sWords.filter((w) => !tWords.includes(w)) };
    })
    .filter((analogy) => analogy.tDiff.length > 0 && analogy.sDiff.length > 0);
  const rawIndex = new Map<string, Prepared[]>();
  if (analogies.length > 0)
    for (const s of sources)
      for (const word of s.rawWords) {
        let list = rawIndex.get(word);
        if (!list) rawIndex.set(word, (list = []));
        list.push(s);
      }

  const candidates = new SourceSet(sources.length);
  const look = (term: string, always: boolean) => {
    const list = index.get(term);
    if (list && (always || list.length <= common)) for (const s of list) candidates.add(s);
  };
  const perTarget: Scored[][] = targets.map((t) => {
    candidates.clear();
    for (const { term, weight } of t.terms) {
      const telling = weight >= 0.5 || t.terms.length === 1;
      look(term, telling);
      // Weakly related words widen the search only from words that say something (not from `number`, `code`).
      if (telling) for (const related of relatedTerms(term)) look(related, false);
    }
    // Descriptions only widen the search when the name finds (almost) nothing.
    if (candidates.size < 5) for (const term of t.descTerms.slice(0, 12)) if (termWeight(term) >= 1) look(term, false);
    const analogyHits: string[] = [];
    for (const analogy of analogies) {
      if (!analogy.tDiff.some((w) => t.rawWords.includes(w))) continue;
      for (const w of analogy.sDiff) for (const s of rawIndex.get(w) ?? []) candidates.add(s);
      analogyHits.push(analogy.pair.target);
    }
    for (const pair of options.learned?.accepted ?? []) {
      const s = pair.target === t.field.path ? bySourcePath.get(pair.source) : undefined;
      if (s) candidates.add(s);
    }

    const scored: Scored[] = [];
    // A flag named for a state (`active`, `is_archived`) is read from an enumeration holding that value.
    const flagKey = t.baseType === 'boolean' ? t.rawWords.filter((w) => !FLAG_WORDS.has(w)).join('') : '';
    const flagSources = flagKey.length >= 4 ? (enumIndex.get(flagKey) ?? []) : [];
    for (const s of flagSources) {
      if (candidates.has(s) || rejected.has(`${t.field.path}\u0000${s.field.path}`)) continue;
      const score = Math.max(pairScore(scratch, t, s, undefined), FLAG_FROM_ENUM);
      scored.push({ source: s, score, reasons: [], lead: [`flag from an enumeration value: ${s.field.name} = ${flagKey}`] });
    }
    for (const s of candidates.items) {
      const key = learnedAny ? `${t.field.path}\u0000${s.field.path}` : '';
      if (learnedAny && rejected.has(key)) continue;
      // Score only; the reasons are worked out for what is shown.
      let quick = pairScore(scratch, t, s, undefined, CANDIDATE_FLOOR);
      if (quick < CANDIDATE_FLOOR) {
        if (!accepted.has(key) && analogies.length === 0) continue;
        quick = pairScore(scratch, t, s, undefined);
      }
      const result: Scored = { source: s, score: quick, reasons: [] };
      if (accepted.has(key)) {
        result.score = Math.max(result.score, 0.97);
        result.lead = ['learned: accepted before'];
      } else
        for (const analogy of analogies) {
          if (analogy.tDiff.some((w) => t.rawWords.includes(w)) && analogy.sDiff.some((w) => s.rawWords.includes(w))) {
            result.score = Math.min(1, result.score + 0.2);
            result.reasons.push(`learned: like ${analogy.pair.target} ← ${analogy.pair.source}`);
            break;
          }
        }
      const fit = qualifierFit(t, s, entityWords);
      if (fit) {
        result.score = Math.min(1, result.score + 0.05);
        result.reasons.push(`qualifier ${fit} fits ${target.name}`);
      }
      if (result.score >= CANDIDATE_FLOOR) scored.push(result);
    }
    return scored;
  });

  // Structure: siblings under parent pairs whose children already match well get a boost.
  const parentVotes = new Map<string, number>();
  targets.forEach((t, i) => {
    const best = maxBy(perTarget[i]!);
    if (best && best.score >= 0.7 && t.field.parent && best.source.field.parent) {
      const key = `${t.field.parent}\u0000${best.source.field.parent}`;
      parentVotes.set(key, (parentVotes.get(key) ?? 0) + 1);
    }
  });
  targets.forEach((t, i) => {
    if (!t.field.parent) return;
    for (const candidate of perTarget[i]!) {
      const parent = candidate.source.field.parent;
      if (!parent || (parentVotes.get(`${t.field.parent}\u0000${parent}`) ?? 0) < 2) continue;
      candidate.score = Math.min(1, candidate.score + 0.05);
      candidate.reasons.push(`siblings match (${parent} → ${t.field.parent})`);
    }
  });

  // Assignment: greedy one-to-one on the score matrix; a source already taken by a better target counts less elsewhere.
  const pairs: Array<{ t: number; c: Scored }> = [];
  perTarget.forEach((list, t) => list.forEach((c) => c.score >= SUGGESTION_THRESHOLD && pairs.push({ t, c })));
  pairs.sort((a, b) => b.c.score - a.c.score || a.t - b.t || a.c.source.index - b.c.source.index);
  const takenBy = new Map<Prepared, { t: number; score: number }>();
  const assigned = new Set<number>();
  for (const { t, c } of pairs) {
    if (assigned.has(t) || takenBy.has(c.source) || c.score < SUGGESTION_THRESHOLD) continue;
    assigned.add(t);
    takenBy.set(c.source, { t, score: c.score });
  }

  // Concatenations (several sources into one target) come after the one-to-one pass: they reuse sources.
  addConcatenations(source, sources, targets, perTarget, targetTerms, rejected, run);

  return targets.map((t, i) => {
    const shown = perTarget[i]!
      .map((c) => {
        const owner = c.joined ? undefined : takenBy.get(c.source);
        if (owner && owner.t !== i && owner.score > c.score && !c.lead?.includes('learned: accepted before') && !sameValueOtherForm(t, targets[owner.t]!)) {
          return { ...c, score: c.score * 0.88, reasons: [...c.reasons, `better fit for ${targets[owner.t]!.field.path}`] };
        }
        return c;
      })
      .filter((c) => c.score >= ALTERNATIVE_THRESHOLD)
      .sort((a, b) => b.score - a.score || a.source.index - b.source.index)
      .slice(0, MAX_CANDIDATES)
      .filter((c, _, all) => all[0]!.score >= SUGGESTION_THRESHOLD);
    return {
      target: t.field.path,
      candidates: shown.map((c) => ({
        source: c.joined ?? c.source.field.path,
        score: Math.round(c.score * 1000) / 1000,
        reasons: c.explained ? c.reasons : [...(c.lead ?? []), ...scorePair(scratch, t, c.source, true).reasons, ...c.reasons],
      })),
    };
  });
}

/** Sources found for one target, in the order found; cleared per target without allocating (a stamp per source). */
class SourceSet {
  readonly items: Prepared[] = [];
  private readonly stamps: Uint32Array;
  private stamp = 0;

  constructor(sources: number) {
    this.stamps = new Uint32Array(sources);
  }

  get size(): number {
    return this.items.length;
  }

  clear(): void {
    this.items.length = 0;
    this.stamp++;
  }

  has(s: Prepared): boolean {
    return this.stamps[s.index] === this.stamp;
  }

  add(s: Prepared): void {
    if (this.stamps[s.index] === this.stamp) return;
    this.stamps[s.index] = this.stamp;
    this.items.push(s);
  }
}

/** Words around a flag's state (`is_active`, `has_children`). */
const FLAG_WORDS = new Set(['is', 'has', 'flag', 'enabled']);
/** The score of a flag read from an enumeration value (`active` ← `status` = "active"). */
const FLAG_FROM_ENUM = 0.6;

/** Target leaves that say only what kind of value they hold: which one depends on what the record is. */
const GENERIC_LEAVES = new Set(['c:status', 'type', 'category', 'kind']);

/**
 * When the target leaf is a generic word (`status`, `type`) and the source qualifies it
 * (`employment_status`, `marital_status`), the qualifier word that relates to the target entity
 * (TeamMember is an employee: employment): same word or a shared stem of 6+ letters. Else undefined.
 */
function qualifierFit(t: Prepared, s: Prepared, entityWords: string[]): string | undefined {
  if (entityWords.length === 0 || t.terms.length !== 1 || !GENERIC_LEAVES.has(t.terms[0]!.term) || s.terms.length < 2) return undefined;
  if (!s.terms.some((x) => x.term === t.terms[0]!.term)) return undefined;
  for (const x of s.terms) {
    if (x.term === t.terms[0]!.term || x.weight < CONTENT) continue;
    for (const word of termLabel(x.term).split(' ')) if (entityWords.some((e) => relatedWord(word, e))) return termLabel(x.term);
  }
  return undefined;
}

function relatedWord(a: string, b: string): boolean {
  if (a === b) return a.length >= 4;
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n >= 6;
}

/** A whole-name target (`name`, `full_name`, `displayName`, `contact_name`): these words and owner words only. */
const WHOLE_NAME = new Set(['name', 'c:display name']);
const PERSON_WORDS = new Set(['c:customer', 'c:employee', 'person', 'user', 'member', 'c:author', 'c:assignee', 'c:manager']);

/**
 * Concatenation candidates: a whole-name target filled from first + last name leaves under one parent,
 * scored as if that parent had a `full_name` leaf. Below a direct whole-name source, when there is one.
 */
function addConcatenations(
  entity: CatalogueEntity,
  sources: Prepared[],
  targets: Prepared[],
  perTarget: Scored[][],
  targetTerms: Set<string>,
  rejected: Set<string>,
  run: RunContext,
): void {
  const wholeName = (p: Prepared, owner: Set<string>) => {
    const parent = p.field.parent ? new Set(nameTerms(lastName(p.field.parent))) : owner;
    const terms = nameTerms(p.field.name).filter((term) => !PERSON_WORDS.has(term) && !owner.has(term) && !parent.has(term));
    return terms.length > 0 && terms.every((term) => WHOLE_NAME.has(term));
  };
  const targetIndexes = targets.map((t, i) => (t.baseType === 'string' && !t.element && wholeName(t, targetTerms) ? i : -1)).filter((i) => i >= 0);
  if (targetIndexes.length === 0) return;
  // First and last name leaves by parent.
  const sourceTerms = ownerTerms(entity.name);
  const parts = new Map<string, { first?: Prepared; last?: Prepared }>();
  for (const s of sources) {
    if (s.baseType !== 'string' || s.element) continue;
    const parent = s.field.parent ? new Set(nameTerms(lastName(s.field.parent))) : sourceTerms;
    const terms = nameTerms(s.field.name).filter((term) => !PERSON_WORDS.has(term) && !sourceTerms.has(term) && !parent.has(term));
    if (terms.length !== 1 || (terms[0] !== 'c:first name' && terms[0] !== 'c:last name')) continue;
    const key = s.field.parent ?? '';
    const entry = parts.get(key) ?? {};
    if (terms[0] === 'c:first name') entry.first ??= s;
    else entry.last ??= s;
    parts.set(key, entry);
  }
  for (const [parent, { first, last }] of parts) {
    if (!first || !last) continue;
    const joined = `${first.field.path} + ${last.field.path}`;
    const { description: _d, enum: _e, maxLength: _m, format: _f, ...rest } = first.field;
    const whole = prepare({ ...rest, path: parent ? `${parent}.full_name` : 'full_name', name: 'full_name' }, first.index, sourceTerms, run.vocabulary);
    for (const i of targetIndexes) {
      const t = targets[i]!;
      if (rejected.has(`${t.field.path}\u0000${joined}`)) continue;
      const result = scorePair(run.scratch, t, whole, true);
      let score = result.score * 0.95;
      const direct = maxBy(perTarget[i]!.filter((c) => !c.joined && wholeName(c.source, sourceTerms)));
      if (direct) score = Math.min(score, direct.score - 0.01);
      if (score < ALTERNATIVE_THRESHOLD) continue;
      const reasons = ['concatenation: first name + last name', ...result.reasons.filter((reason) => !reason.startsWith('name:'))];
      perTarget[i]!.push({ source: first, score, reasons, joined, explained: true });
    }
  }
}

function maxBy(list: Scored[]): Scored | undefined {
  let best: Scored | undefined;
  for (const item of list) if (!best || item.score > best.score) best = item;
  return best;
}
