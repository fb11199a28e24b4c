// Pair scoring: how well a source field fills a target field, from name, path context, description, type/format
// and enumeration evidence, lowered where the names' evidence is weak; with the reasons when asked for them.
import type { Prepared, Term } from './prepare';
import { conversion } from './durations';
import { recordDateName, recordDateReason } from './record-dates';
import { LIFECYCLE_NAME, lifecycleReason } from './lifecycle-dates';
import { DESCRIPTION_NAME, namedByDescription } from './description-names';
import { IdMarks } from './id-marks';
import { urlRoleFactor, urlRoleReason } from './url-roles';
import { GUID_AGAINST_NUMBER } from './guid-ids';
import { OTHER_EVENT, otherEvent } from './event-dates';
import { isLookupPair, LOOKUP_CONFIDENCE, lookupReason } from './lookup-ids';
import { findMention } from './mentions';
import { splitWords, termLabel, termSimilarity } from './tokens';

/** Soft weighted Dice between two term lists (each term's best match on the other side). */
function softDice(a: Term[], aSum: number, b: Term[], bSum: number): number {
  if (aSum === 0 || bSum === 0) return 0;
  let matched = 0;
  for (let i = 0; i < a.length; i++) matched += bestMatch(a[i]!, b) * a[i]!.weight;
  for (let j = 0; j < b.length; j++) matched += bestMatch(b[j]!, a) * b[j]!.weight;
  return matched / (aSum + bSum);
}

const MATCH_SCRATCH = 64;

/** The pair scoring's working memory, one per run (see RunContext). */
export class ScoreScratch {
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

/**
 * The name similarity a description naming the other field stands for: one description; both naming each other, or
 * one naming the other's leaf and named as its parent.
 */
const MENTION_ONE = 0.6;
const MENTION_BOTH = 0.8;

/** A match this close is evidence on its own; weaker relations (reference ~ id: 0.55) are not. */
const STRONG = 0.6;

/** Content terms weigh fully; generic words (id, name, type...) and words repeating the owner weigh less. */
export const CONTENT = 0.75;

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

/** Two money parts of different owners (a cashback's and the record's own; see money.ts). */
function moneyOwnersDiffer(a: Prepared, b: Prepared): boolean {
  if (!a.moneyOwner || !b.moneyOwner) return false;
  if (a.moneyOwner.length === 0 || b.moneyOwner.length === 0) return a.moneyOwner.length !== b.moneyOwner.length;
  return !a.moneyOwner.some((x) => bestMatch(x, b.moneyOwner!) >= STRONG);
}

const ownerLabel = (p: Prepared) => (p.moneyOwner?.length ? p.moneyOwner.map((x) => termLabel(x.term)).join(' ') : 'the record');

const kindUnmatched = (kind: Term | undefined, others: Term[]) => kind !== undefined && bestMatch(kind, others) < 0.5;

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

/** A source candidate of a target, with its score. */
export interface Scored {
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
  /** A split: part of the source's value (a full name's given name), not all of it. */
  split?: boolean;
}

/** A field as a reason names it: a link list's id by its whole path (`relation.contact[].entity.id`), not as a bare `id`. */
const describe = (p: Prepared) => (p.linkList ? p.field.path : p.field.name);

export const numeric = (type: string) => type === 'number' || type === 'integer';
const NUMERIC_FORMATS = new Set(['decimal', 'double', 'float', 'int32', 'int64', 'integer', 'number', 'money', 'currency']);

/** A duration against a duration in any unit reads as a name this alike. */
const DURATION_NAME = 0.85;

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
export function scorePair(scratch: ScoreScratch, t: Prepared, s: Prepared, explain: boolean, floor = 0): Scored {
  const reasons: string[] | undefined = explain ? [] : undefined;
  return { source: s, score: pairScore(scratch, t, s, reasons, floor), reasons: reasons ?? [] };
}

/**
 * The score of a pair; its reasons go to `reasons` when given. Without them, a pair that cannot reach `floor`
 * returns early with a score below it.
 */
export function pairScore(scratch: ScoreScratch, t: Prepared, s: Prepared, reasons: string[] | undefined, floor = 0): number {
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
  // A description naming the other field says what the names may not (`body` "The message text." ← `text`).
  const mention = ((t.mentionBits & s.keyBit) | (s.mentionBits & t.keyBit)) !== 0 && name < MENTION_BOTH ? findMention(t, s) : undefined;
  const mentionName = mention ? ((mention.inTarget && mention.inSource) || mention.ofParent ? MENTION_BOTH : MENTION_ONE) : 0;
  const named = mentionName > name;
  if (reasons && name > 0 && !named) {
    if (t.rawWords.join(' ') === s.rawWords.join(' ')) reasons.push(`name: ${describe(s)} = ${describe(t)}`);
    else if (name >= 0.99) {
      const how = t.words.join(' ') === s.words.join(' ') ? 'abbreviation' : 'synonym';
      reasons.push(`name: ${describe(s)} ≈ ${describe(t)} (${how})`);
    } else {
      const shared = t.terms.filter((x) => s.terms.some((y) => termSimilarity(x.term, y.term) > 0)).map((x) => termLabel(x.term));
      reasons.push(`name: ${describe(s)} ~ ${describe(t)} (shares ${shared.join(', ')})`);
    }
  }
  if (named) {
    name = mentionName;
    if (reasons && mention!.inTarget) reasons.push(`named in the target's description: ${describe(s)}${mention!.ofParent ? ` (of ${s.field.parent})` : ''}`);
    if (reasons && mention!.inSource) reasons.push(`the target named in the source's description: ${describe(t)}${mention!.ofParent && !mention!.inTarget ? ` (of ${t.field.parent})` : ''}`);
  }

  // A duration fills a duration in another unit (`Duration` ← `timeSpentSeconds`): the conversion is the reason.
  const durations = t.duration !== undefined && s.duration !== undefined && name < DURATION_NAME;
  if (durations) {
    name = DURATION_NAME;
    if (reasons) reasons.push(conversion(s.duration!, t.duration!));
  }

  // A record's own date (`EntryDate`) ← when it was issued, started or created.
  const recordDate = !durations && t.dateRole !== undefined && s.dateRole !== undefined ? recordDateName(t, s) : 0;
  const byDateRole = recordDate > name;
  if (byDateRole) {
    name = recordDate;
    if (reasons) reasons.push(recordDateReason(t, s));
  }
  // `expirationDate` ← `SubscriptionEndDate`: both name when the record's life ends.
  const byLifecycle = !durations && !byDateRole && t.lifecycle !== undefined && t.lifecycle === s.lifecycle && name < LIFECYCLE_NAME;
  if (byLifecycle) {
    name = LIFECYCLE_NAME;
    if (reasons) reasons.push(lifecycleReason(t.lifecycle!));
  }
  // `title` ← `description` when the source record has no name of its own.
  const byDescription = !durations && !byDateRole && !byLifecycle && name < DESCRIPTION_NAME && namedByDescription(t, s);
  if (byDescription) {
    name = DESCRIPTION_NAME;
    if (reasons) reasons.push('the description names the record (it has no name or title)');
  }

  // `countryID` ← `country`: the same thing, an id on one side and a code on the other (lookup-ids.ts).
  const byLookup = t.lookup !== undefined && isLookupPair(t, s);

  // Without reasons, a pair stops as soon as it certainly cannot reach `floor` (see scoreCeiling).
  const typeFactor = byLookup ? LOOKUP_CONFIDENCE : typeCompatibility(t, s, undefined);
  const enumBonus = t.enumKeys && s.enumKeys ? ENUM_BONUS : 0;
  if (!reasons && scoreCeiling(name, 1, typeFactor, enumBonus) < floor) return 0;

  let context: number;
  if (tContext.length === 0 && sContext.length === 0) context = 1;
  else if (tContext.length === 0 || sContext.length === 0) context = 0.3;
  else {
    context = softDice(tContext, tContextSum, sContext, sContextSum);
    if (t.inArray !== s.inArray) context *= 0.7;
    if (reasons && context >= 0.6) {
      const parentLabel = t.parent ? splitWords(t.parent.replace(/\[\]/g, '')).join(' ') : '';
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

  // The same factor, now with its reason (after the name's, context's and description's).
  if (reasons) {
    if (byLookup) reasons.push(lookupReason(t, s));
    else typeCompatibility(t, s, reasons);
  }
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
  if (name > 0 && !named && !durations && !byDateRole && !byLifecycle && !byDescription && !byLookup) {
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
  }
  // An identifier is filled from an identifier.
  if (name > 0 && t.hasId !== s.hasId && !referenceById && !byLookup) {
    score *= 0.8;
    if (reasons) reasons.push(t.hasId ? 'target is an identifier, source is not' : 'source is an identifier, target is not');
  }
  // `emails[].type` is the kind of an email, not the email (`email_address`); `phones[].id` is not a phone number.
  // Against a list of values (`labels` ← `tags[].name`) an element's name or code is the value.
  const listOfValues = (t.baseType === 'array' && s.element) || (s.baseType === 'array' && t.element);
  const kindGap = name > 0 && !referenceById && !listOfValues ? (kindUnmatched(t.kindOfParent, sTerms) ? t : kindUnmatched(s.kindOfParent, tTerms) ? s : undefined) : undefined;
  if (kindGap) {
    score *= 0.6;
    if (reasons) reasons.push(`the ${termLabel(kindGap.kindOfParent!.term)} of ${kindGap.field.parent}, not its value`);
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
  // `cards[].billing_address.country` is a card's: the contact's addresses (another list) do not fill it unless they name
  // cards; a value of the whole record (its currency) may still be copied into it.
  const otherRecord = s.inRecord && !ownerNamed(s.inRecord, t) ? s : t.inRecord && !ownerNamed(t.inRecord, s) ? t : undefined;
  if (otherRecord) {
    score *= (otherRecord === s ? t : s).element ? 0.5 : 0.85;
    if (reasons) reasons.push(`inside another record (${otherRecord.inRecord!.map((x) => termLabel(x.term)).join(' ')})`);
  }
  // A money object's parts are its owner's: the cashback's currency is not the transaction amount's.
  if (moneyOwnersDiffer(t, s)) {
    score *= 0.55;
    if (reasons) reasons.push(`the money of another thing (${ownerLabel(s)} / ${ownerLabel(t)})`);
  }
  // People in different roles (the author's name is not the assignee's); a generic user fills any role.
  if (t.personRoles.length > 0 && s.personRoles.length > 0 && !t.personRoles.some((id) => s.personRoles.includes(id))) {
    score *= 0.7;
    if (reasons) reasons.push('people in different roles');
  }
  // Any person's id (`user_id`) is filled by any person's before one in a role (`created_by_user_id`).
  if (((t.anyPerson && s.actingRole) || (s.anyPerson && t.actingRole)) && t.hasId && s.hasId) {
    score *= 0.9;
    if (reasons) reasons.push('a person in a role against any person');
  }
  // The record's own link (`url`) is not its webhook's or its logo's; nor is a webhook's link its logo's.
  const urlRoles = t.urlRole !== undefined && s.urlRole !== undefined ? urlRoleFactor(t, s) : 1;
  if (urlRoles < 1) {
    score *= urlRoles;
    if (reasons) reasons.push(urlRoleReason(t, s));
  }
  // A record's GUID beside its whole-number id is a second scheme: another record's whole-number id is not it.
  if ((t.guid && numeric(s.baseType)) || (s.guid && numeric(t.baseType))) {
    score *= GUID_AGAINST_NUMBER;
    if (reasons) reasons.push('a GUID against a whole number (an identifier of another scheme)');
  }
  // When the stage changed is not when the record changed (`date_stage_changed` vs `updated_at`).
  if (t.event !== undefined && s.event !== undefined && otherEvent(t, s)) {
    score *= OTHER_EVENT;
    if (reasons) reasons.push("another thing's event against the record's own");
  }
  // A duration is not a point in time (`time_spent` vs `start_time`).
  if ((t.duration !== undefined && s.instant) || (s.duration !== undefined && t.instant)) {
    score *= 0.5;
    if (reasons) reasons.push('a duration against a point in time');
  }
  // A field of one variant of a union ranks below the record's main path.
  if (s.variant !== t.variant) {
    score *= 0.92;
    if (reasons) reasons.push('one side is a field of one variant only');
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
  // A list of links to records (`relation.contact[]`) against a reference to one such record: the first link's, or a list of one.
  if (s.linkList || t.linkList) score *= linkFit(t, s, reasons);

  // A one-value enumeration (`object: "refund"`, box's `type: "file"`) is a constant naming the record's kind:
  // it fills, and is filled by, only the same constant. Unless it is one of the values of a same-named enumeration
  // (`direction: [outbound]` for `direction: [inbound, outbound-api…]`): then it is that field, restricted to one value.
  const tConstant = t.enumKeys?.size === 1;
  const sConstant = s.enumKeys?.size === 1;
  if (
    (tConstant || sConstant) &&
    !(tConstant && sConstant && [...t.enumKeys!][0] === [...s.enumKeys!][0]) &&
    !(name >= 0.99 && (tConstant ? constantAmongValues(t, s) : constantAmongValues(s, t)))
  ) {
    score *= 0.4;
    if (reasons) reasons.push('a constant (one-value enumeration) against another value');
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

/**
 * How well a list of links' identifier and the other side fit: a reference's head (`invoice_template_id` names a
 * template) must be the linked record; a link is no element of a list of other records (`cards[].customer_id`).
 */
function linkFit(t: Prepared, s: Prepared, reasons: string[] | undefined): number {
  const [link, other] = s.linkList ? [s, t] : [t, s];
  if (other.linkList) return 1;
  const record = link.terms.filter((x) => x.term !== 'c:identifier');
  const head = [...other.terms].reverse().find((x) => x.term !== 'c:identifier');
  if (head && bestMatch(head, record) < 0.5) {
    reasons?.push(`${link.linkList} links ${record.map((x) => termLabel(x.term)).join(' ')}, not ${termLabel(head.term)}`);
    return 0.6;
  }
  if (other.element && other.baseType !== 'array') {
    reasons?.push(`${link.linkList} is a list of links, not the elements of ${other.field.parent}`);
    return 0.5;
  }
  if (other.baseType !== 'array') reasons?.push(link === s ? `first of a list: the id of the first element of ${link.linkList}` : `a list of one: this id as the one element of ${link.linkList}`);
  return 1;
}

/** Every word of the constant's one value is a word of the other field's values (two or more of them). */
function constantAmongValues(constant: Prepared, other: Prepared): boolean {
  const values = other.field.enum ?? other.field.itemEnum;
  if (!values || values.length < 2) return false;
  const words = new Set(values.flatMap((value) => splitWords(String(value))));
  const own = splitWords(String((constant.field.enum ?? constant.field.itemEnum)![0]));
  return own.length > 0 && own.every((word) => words.has(word));
}

export function maxBy(list: Scored[]): Scored | undefined {
  let best: Scored | undefined;
  for (const item of list) if (!best || item.score > best.score) best = item;
  return best;
}
