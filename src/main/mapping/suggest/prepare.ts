// Fields made ready for the pair loop: name terms (numbered in the run's Vocabulary, weighted, with their weakly
// related terms), path context, description bag, types, enumeration keys and the facts the scoring asks of a field
// (flattened, reference, owned by its parent, parties), computed once per field instead of once per pair.
import type { CatalogueField } from '../../../shared/catalogue';
import type { PathView } from './naming-views';
import { namesPlace, PARTIES, PARTY_MARKERS, PLACE_PARTY_MARKERS } from './lexicon';
import { BLANK, idBits, isConcept, mentionKey, nameIds, PHRASE_END, phraseTerms, type SideNames } from './mentions';
import { familyKey, familySimilarity, formsApply } from './word-forms';
import { abbreviationRelations, acronymShape, type SideWords } from './acronyms';
import { numeric } from './score';
import { anyPerson, isRole } from './person-roles';
import { isBareReference } from './bare-references';
import type { Lifecycle } from './lifecycle-dates';
import { conceptOf, hasSynonyms, nameTerms, normalWords, ownValue, relatedMap, splitWords, termWeight, textTerms, wordsToTerms } from './tokens';


export interface Term {
  term: string;
  /** The term's number in this run's Vocabulary: pairs compare numbers, not strings. */
  id: number;
  weight: number;
  /** Weakly related terms (their ids) with their similarity; empty when none. Words of one family are added once a run's words are known. */
  relatedIds: readonly number[];
  relatedSimilarities: readonly number[];
  /** A word repeating the owner's name (`card.card_type`): weighs little, yet says whose value it is. */
  owner: boolean;
  /** One of ROLE_WORDS. */
  role: boolean;
}

/** Term strings numbered for one suggestMappings run (not kept across runs, so it does not grow with every document). */
export class Vocabulary {
  private readonly ids = new Map<string, number>();
  private readonly contexts = new Map<string, Context>();
  /** The Term objects of each plain word (see word-forms.ts), to link the words of one family once all are known. */
  private readonly plain = new Map<string, Term[]>();
  private readonly families = new Map<string, string[]>();

  /** Keeps a plain word's Term for linkFamilies. */
  keep(term: Term): void {
    if (!(formsApply(term.term) || acronymShape(term.term)) || termWeight(term.term) < 1) return;
    const list = this.plain.get(term.term);
    if (list) list.push(term);
    else this.plain.set(term.term, [term]);
  }

  /**
   * Relates the plain words of one family (`shipped` ~ `ship`, `variant` ~ `variation`) among all the words of this
   * run: each Term gets the others as related terms, with their similarity. So are acronyms with the words of a phrase
   * the other side's names (`sides`: each side's names as normal words) spell out, and shortened words (acronyms.ts).
   */
  linkFamilies(sides: readonly SideWords[] = []): void {
    const byKey = new Map<string, string[]>();
    for (const word of this.plain.keys()) {
      if (!formsApply(word)) continue;
      const key = familyKey(word);
      const list = byKey.get(key);
      if (list) list.push(word);
      else byKey.set(key, [word]);
    }
    const shortened = abbreviationRelations(this.plain.keys(), sides);
    for (const [word, terms] of this.plain) {
      const others = new Map<string, number>();
      for (const other of formsApply(word) ? byKey.get(familyKey(word))! : NO_WORDS) {
        const similarity = other === word ? 0 : familySimilarity(word, other);
        if (similarity > 0) others.set(other, similarity);
      }
      for (const [other, similarity] of shortened.get(word) ?? []) if (!others.has(other)) others.set(other, similarity);
      if (others.size === 0) continue;
      this.families.set(word, [...others.keys()]);
      const ids = [...others.keys()].map((other) => this.id(other));
      const similarities = [...others.values()];
      for (const term of terms) {
        term.relatedIds = [...term.relatedIds, ...ids];
        term.relatedSimilarities = [...term.relatedSimilarities, ...similarities];
      }
    }
  }

  /** The other words of this word's family in this run (after linkFamilies). */
  family(term: string): readonly string[] {
    return this.families.get(term) ?? NO_WORDS;
  }

  id(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) this.ids.set(term, (id = this.ids.size));
    return id;
  }

  /** The context of the path segments, built once: fields under one parent share it. */
  context(segments: string[]): Context {
    const key = segments.join('.');
    let context = this.contexts.get(key);
    if (!context) {
      const weights = contextWeights(segments);
      context = { weights, terms: [...weights].map(([term, weight]) => makeTerm(this, term, weight)) };
      this.contexts.set(key, context);
    }
    return context;
  }
}

interface Context {
  /** Term → weight: the last segment's terms weigh fully, those above it half. */
  weights: Map<string, number>;
  terms: Term[];
}

function contextWeights(segments: string[]): Map<string, number> {
  const weights = new Map<string, number>();
  segments.forEach((segment, position) => {
    const weight = position === segments.length - 1 ? 1 : 0.5;
    for (const term of nameTerms(segment.replace(/\[\]/g, ''))) weights.set(term, Math.max(weights.get(term) ?? 0, weight * termWeight(term)));
  });
  return weights;
}

const NONE: readonly number[] = [];
const NO_WORDS: readonly string[] = [];

export function makeTerm(vocabulary: Vocabulary, term: string, weight: number, owner = false): Term {
  const related = relatedMap(term);
  const made: Term = {
    term,
    id: vocabulary.id(term),
    weight,
    relatedIds: related ? [...related.keys()].map((other) => vocabulary.id(other)) : NONE,
    relatedSimilarities: related ? [...related.values()] : NONE,
    owner,
    role: ROLE_WORDS.has(term),
  };
  vocabulary.keep(made);
  return made;
}

export interface Prepared {
  field: CatalogueField;
  index: number;
  /** The field has no parent (`field.parent` and `field.format` are copied here so the pair loop reads one shape). */
  top: boolean;
  /** The parent it is read under (containers looked through, see naming-views.ts). */
  parent: string | undefined;
  format: string | undefined;
  terms: Term[];
  termWeightSum: number;
  words: string[];
  rawWords: string[];
  context: Term[];
  contextWeightSum: number;
  inArray: boolean;
  /** The parent's name is part of this field's name terms. */
  flattened: boolean;
  hasId: boolean;
  /** Named only for another record (`created_by`, `owner`, `customer`) and a scalar: it holds that record's identifier. */
  reference: boolean;
  /** Some name term says what kind of value it is (ROLE_WORDS). */
  hasRole: boolean;
  /** Parent path and the name's words but for words of form (`unit_amount_decimal` → `unit amount`). */
  formKey: string;
  /** Some ancestor is a list: this is a value of each element. */
  element: boolean;
  /**
   * A leaf that says what kind of thing its parent is or which one (`emails[].type`, `phone_numbers[].id`): read with
   * its parent's name, yet it holds a type or an identifier, never the parent's value itself. The leaf's term.
   */
  kindOfParent: Term | undefined;
  /**
   * Inside a list of other records (`cards[].billing_address.country`: the cards have ids of their own): that
   * record's terms (set by markRecordLists). Such a field belongs to that record, not to the one being mapped.
   */
  inRecord: Term[] | undefined;
  /** The roles of people on the path (`author.name`, `assigned_to.id`, `closed_by`): term ids; empty when none. */
  personRoles: number[];
  /** Names a person without a role (`user_id`): a person in a role fills it less well than another plain person. */
  anyPerson: boolean;
  /** Names a person acting in a role on the record (`created_by`, `assignee.id`). */
  actingRole: boolean;
  /** A duration's unit ('' when not said), undefined for anything else (set by markDurations). */
  duration: string | undefined;
  /** A point in time (a date or date-time, or named as one; set by markDurations). */
  instant: boolean;
  /** A top-level date's role (the record's own date, issued, start, created; set by markDateRoles). */
  dateRole: string | undefined;
  /** The record's description, standing for its name where it has none (set by markDescriptionNames). */
  namesRecord: boolean;
  /** A point in time naming when the record's life starts or ends (set by markLifecycleEnds). */
  lifecycle: Lifecycle | undefined;
  /** A link's role: the record's own link, or what it is for (set by markUrlRoles; see url-roles.ts). */
  urlRole: 'self' | readonly string[] | undefined;
  /** A point in time's event: the record's own creation or change, or another thing's (set by markEvents). */
  event: 'record' | 'other' | undefined;
  /** A GUID beside the record's whole-number identifier (set by markSecondGuids, see guid-ids.ts). */
  guid: boolean;
  /** A field of some members of a union only (one-of variants): a main path of the record ranks above it. */
  variant: boolean;
  /** The lookup table a field names alone, by an id (`countryID`) or a code (`country`); set by markLookups. */
  lookup: string | undefined;
  /** The identifier in a list of links to other records (`relation.contact[]`): that list's path (relation-lists.ts). */
  linkList: string | undefined;
  /** Parent terms of a leaf every record has (`milestone.created_at`): whose it is. */
  ownedBy: Term[] | undefined;
  /**
   * A part of a money object (`cashback.amount.currency`, `tax_money.amount`): whose money it is (`cashback`, `tax`),
   * empty for the record's own amount (`amount`, `total_money`). Set by markMoneyParts.
   */
  moneyOwner: Term[] | undefined;
  /** An amount in minor units (cents): its name is read without them. */
  minorUnits: boolean;
  /** Whose field this is: the parent's terms, or the entity's at the top. */
  owners: Set<string>;
  /** Bit sets of PARTIES anywhere on the path / among the ancestors. */
  parties: number;
  ancestorParties: number;
  /** Name and description terms (ids) with their weights, in first-seen order. */
  bagIds: number[];
  bagWeights: number[];
  descTerms: string[];
  /**
   * The term ids of the phrases the description's sentences open with, each ended by PHRASE_END, BLANK for words
   * naming the field's own record or owner: where a name of the other side is looked for (see mentions). With a bit
   * set of them, the name's ids and its look-up key.
   */
  mentionIds: number[];
  mentionBits: number;
  /** The ids in mentionIds standing for known phrases (concepts such as currency, email). */
  mentionConcepts: number[];
  nameIds: number[];
  /** The name's ids with those of the leaf name read alone (`amount` → total): what a description restating it names. */
  selfIds: number[];
  nameBits: number;
  mentionKey: number;
  /** The bit of mentionKey in such bit sets, 0 without one: a description naming this field has it. */
  keyBit: number;
  /** The fields of this side by the ids of their names (set by markSideNames). */
  sideNames: SideNames;
  baseType: string;
  itemType: string;
  enumKeys: Set<string> | undefined;
  /** A value in list elements, named with its list (`images[].url` → image, url): read against a list of values. */
  listTerms: Term[] | undefined;
  listWeightSum: number;
  /** The context above that list. */
  listContext: Term[];
  listContextWeightSum: number;
}

export function prepare(field: CatalogueField, index: number, entityTerms: Set<string>, vocabulary: Vocabulary, view: PathView = field): Prepared {
  const parentName = view.parent ? lastName(view.parent) : undefined;
  const parentTerms = parentName ? nameTerms(parentName) : [];
  // A map's entries (`metadata.{key}`) hold its values: the placeholder names a value, not a key.
  const own = view.readAs ?? (MAP_ENTRY.test(field.name) ? 'value' : field.name);
  // An amount in minor units (`valueInBaseUnits`, `amount_cents`) is the amount written another way.
  const minor = MINOR_UNITS.exec(normalWords(own).join(' '));
  const name = minor ? minor[1]! : own;
  const leafTerms = (!view.parent && entityPrefixed(name, entityTerms)) || nameTerms(name);
  // A leaf that only says "id", "name", "type", "amount"... or repeats its parent (`emails[].email`,
  // `phone_numbers[].number`) is named by its parent: `customer.id` reads as `customer_id`.
  const leafWords = normalWords(name);
  const parentWords = parentName ? new Set(normalWords(parentName)) : undefined;
  const repeatsParent =
    parentTerms.length > 0 && (leafWords.every((word) => parentWords!.has(word)) || leafTerms.every((term) => parentTerms.includes(term)));
  // A bare link (`avatar.href`, `links.html.url`) is its parent's link.
  const bareLink = leafWords.length > 0 && leafWords.every((word) => LINK_WORDS.has(word));
  const plainFlattened = repeatsParent || (parentTerms.length > 0 && (bareLink || leafTerms.every((term) => termWeight(term) < 1 || VALUE_TERMS.has(term))));
  // A group of dates (`dates.startDate`) names what its fields are, not whose they are.
  const owned = !plainFlattened && parentTerms.length > 0 && !parentTerms.every((term) => DATE_GROUPS.has(term)) && leafTerms.every((term) => termWeight(term) < 1 || OWNED_TERMS.has(term));
  // A phrase read across the parent and the leaf (`email[].address`, `discounts[].percentage`, `start.date`) is one name.
  const parentWordList = parentName ? normalWords(parentName) : [];
  // Only a phrase in its own order, and only when the leaf's first word is not part of a phrase of the leaf (`start.timeZone`).
  const phraseAcross =
    !repeatsParent && parentWordList.length > 0 && leafWords.length > 0 && wordsToTerms(leafWords.slice(0, 1))[0] === leafTerms[0] &&
    conceptOf(`${parentWordList[parentWordList.length - 1]} ${leafWords[0]}`) !== undefined;
  const across = phraseAcross ? wordsToTerms([...parentWordList, ...leafWords]) : [];
  const flattened = plainFlattened || owned || phraseAcross;
  let terms: Term[];
  if (phraseAcross) terms = across.filter((term) => !entityTerms.has(term)).map((term) => makeTerm(vocabulary, term, termWeight(term)));
  else if (flattened) {
    const seen = new Set<string>();
    terms = [];
    // A link to another record of the record's own kind (`relation.account[]` on an account) names that other record.
    for (const term of parentTerms)
      if (!seen.has(term) && (!entityTerms.has(term) || view.linkList !== undefined)) {
        seen.add(term);
        terms.push(makeTerm(vocabulary, term, termWeight(term)));
      }
    if (!repeatsParent)
      for (const term of leafTerms)
        if (!seen.has(term)) {
          seen.add(term);
          terms.push(makeTerm(vocabulary, term, termWeight(term) * (terms.length > 0 && (VALUE_TERMS.has(term) || bareLink) ? 0.5 : 1)));
        }
  } else {
    // A word repeating the owner's name (`contact.contact_id`, Invoice's `invoice_id`) says little.
    const owner = view.parent ? new Set(parentTerms) : entityTerms;
    terms = leafTerms.map((term) => (owner.has(term) ? makeTerm(vocabulary, term, termWeight(term) * 0.3, true) : makeTerm(vocabulary, term, termWeight(term))));
  }
  // A telephone's country code is its calling code (+44), not a country.
  if (leafWords.includes('code') && (parentTerms.includes('c:telephone') || leafTerms.includes('c:telephone'))) {
    const at = terms.findIndex((term) => term.term === 'c:country');
    if (at >= 0) terms[at] = makeTerm(vocabulary, 'calling code', 1);
  }
  // When the parent is part of the name, the context starts above it.
  const segments = view.path.split('.').slice(0, flattened ? -2 : -1);
  const { weights: contextTerms, terms: context } = vocabulary.context(segments);
  const descTerms = field.description ? textTerms(field.description).slice(0, 40) : [];
  const values = field.enum ?? field.itemEnum;
  let parties = 0;
  let ancestorParties = 0;
  PARTIES.forEach((party, bit) => {
    if (contextTerms.has(party)) ancestorParties |= 1 << bit;
    if (contextTerms.has(party) || terms.some((term) => term.term === party)) parties |= 1 << bit;
  });
  const pathTerms = [...contextTerms.keys(), ...terms.map((x) => x.term)];
  const place = namesPlace(pathTerms);
  for (const term of pathTerms) {
    const party = ownValue(PARTY_MARKERS, term) ?? (place ? ownValue(PLACE_PARTY_MARKERS, term) : undefined);
    if (party) parties |= 1 << PARTIES.indexOf(party);
  }
  // `images[].url` under a list named for what it holds: a list of values (`images`) is filled from it.
  let listTerms: Term[] | undefined;
  if (!flattened && parentName && view.path.split('.').slice(-2, -1)[0]?.endsWith('[]') && leafWords.every((word) => LIST_VALUE_WORDS.has(word))) {
    const seen = new Set<string>();
    listTerms = [];
    for (const term of parentTerms)
      if (!seen.has(term)) {
        seen.add(term);
        listTerms.push(makeTerm(vocabulary, term, termWeight(term)));
      }
    for (const term of terms)
      if (!seen.has(term.term)) {
        seen.add(term.term);
        listTerms.push(makeTerm(vocabulary, term.term, term.weight * 0.3));
      }
  }
  // In a list (`tags[].name`) the element's name is what the list holds: only a lone object's name is a kind of leaf.
  const kindOfParent = flattened && !phraseAcross && !repeatsParent && leafTerms.length === 1 && KIND_LEAVES.has(leafTerms[0]!) && !(leafTerms[0] === 'name' && view.path.includes('[]')) ? terms.find((term) => term.term === leafTerms[0]) : undefined;
  const listContext = listTerms ? vocabulary.context(view.path.split('.').slice(0, -2)).terms : [];
  const type = baseType(field);
  const bag = bagOf([...terms.map((term) => term.term), ...descTerms], vocabulary);
  const owners = view.parent ? new Set(parentTerms) : entityTerms;
  const mentionIds = field.description
    ? phraseTerms(field.description).map((term) => (term === PHRASE_END ? PHRASE_END : owners.has(term) || entityTerms.has(term) ? BLANK : vocabulary.id(term)))
    : NO_IDS;
  const ownNameIds = nameIds(terms);
  const key = mentionKey(terms);
  const personRoles = [...new Set([...terms, ...context].filter((term) => isPersonRole(term.term)).map((term) => term.id))];
  // One object literal without spreads or optional keys: every Prepared has the same shape, which keeps the pair loop fast.
  return {
    field,
    index,
    top: !view.parent,
    parent: view.parent,
    format: field.format,
    terms,
    listTerms,
    listWeightSum: listTerms ? listTerms.reduce((sum, term) => sum + term.weight, 0) : 0,
    listContext,
    listContextWeightSum: weightSum(listContext),
    termWeightSum: terms.reduce((sum, term) => sum + term.weight, 0),
    words: normalWords(name),
    rawWords: splitWords(name),
    context,
    contextWeightSum: context.reduce((sum, term) => sum + term.weight, 0),
    inArray: segments.some((segment) => segment.endsWith('[]')),
    element: view.path.includes('[]'),
    kindOfParent,
    inRecord: undefined,
    moneyOwner: undefined,
    minorUnits: minor !== null,
    personRoles,
    anyPerson: anyPerson(terms, personRoles),
    actingRole: [...terms, ...context].some((term) => isRole(term.term)),
    duration: undefined,
    instant: false,
    dateRole: undefined,
    lifecycle: undefined,
    urlRole: undefined,
    guid: false,
    event: undefined,
    namesRecord: false,
    variant: field.variant !== undefined,
    linkList: view.linkList,
    lookup: undefined,
    flattened,
    hasId: terms.some((term) => term.term === 'c:identifier'),
    formKey: formKey(field.name, view.parent),
    hasRole: terms.some((term) => ROLE_WORDS.has(term.term)),
    owners,
    ownedBy: owned ? parentTerms.filter((term) => !entityTerms.has(term)).map((term) => makeTerm(vocabulary, term, termWeight(term))) : undefined,
    reference:
      terms.length === 1 &&
      ((REFERENCE_TERMS.has(terms[0]!.term) && (type === 'string' || numeric(type))) || (termWeight(terms[0]!.term) >= 1 && isBareReference(field, terms[0]!.term, type))),
    parties,
    ancestorParties,
    bagIds: bag.ids,
    bagWeights: bag.weights,
    descTerms,
    mentionIds,
    mentionBits: idBits(mentionIds),
    mentionConcepts: field.description ? phraseTerms(field.description).flatMap((term) => (term !== PHRASE_END && isConcept(term) ? [vocabulary.id(term)] : [])) : NO_IDS,
    nameIds: ownNameIds,
    selfIds: [...new Set([...ownNameIds, ...nameTerms(name).map((term) => vocabulary.id(term))])],
    nameBits: idBits(ownNameIds),
    mentionKey: key,
    keyBit: key >= 0 ? idBits([key]) : 0,
    sideNames: NO_NAMES,
    baseType: type,
    itemType: (field.itemType ?? 'any').split('|')[0]!.trim(),
    enumKeys: values && values.length > 0 ? new Set(values.map(enumKey)) : undefined,
  };
}

/**
 * Marks the fields nested in objects inside lists whose elements are records of their own (a list with an
 * identifier leaf, `cards[].id`) with that record's terms (the innermost such list).
 */
export function markRecordLists(fields: Prepared[], entityTerms: Set<string>, vocabulary: Vocabulary): void {
  const lists = new Set<string>();
  for (const p of fields) {
    const element = `[].${p.field.name}`;
    if (p.field.path.endsWith(element) && nameTerms(p.field.name).length === 1 && nameTerms(p.field.name)[0] === 'c:identifier') lists.add(`${p.field.path.slice(0, -element.length)}[]`);
  }
  if (lists.size === 0) return;
  for (const p of fields) {
    let best: string | undefined;
    for (const list of lists) if (p.field.path.startsWith(`${list}.`) && (!best || list.length > best.length)) best = list;
    // The record's own leaves (`cards[].brand`) may still match; what is nested deeper in it (`cards[].billing_address.country`) is its own.
    if (!best || !p.field.path.slice(best.length + 1).includes('.')) continue;
    const terms = nameTerms(lastName(best)).filter((term) => !entityTerms.has(term) && termWeight(term) >= 1 && !CONTAINER_WORDS.has(term));
    if (terms.length > 0) p.inRecord = terms.map((term) => makeTerm(vocabulary, term, 1));
  }
}

/** People in roles: who wrote, who was assigned, who changed or closed it (`closed by`): not the generic user. */
const PERSON_ROLES = new Set(['c:author', 'c:assignee', 'c:updated by', 'c:manager', 'c:supplier', 'c:customer', 'c:employee']);
const isPersonRole = (term: string) => PERSON_ROLES.has(term) || term.endsWith(' by');

/** Names of lists that say only that they hold things (`entries`, `items.data`): not what the things are. */
const CONTAINER_WORDS = new Set(['entry', 'data', 'result', 'record', 'node', 'edge', 'element', 'list', 'collection', 'object', 'value']);

function formKey(name: string, parent: string | undefined): string {
  const words = normalWords(name).filter((word) => !FORM_WORDS.has(word));
  return words.length > 0 ? `${(parent ?? '').replace(/\[\]/g, '')}\u0000${words.join(' ')}` : '';
}

function bagOf(terms: string[], vocabulary: Vocabulary) {
  const bag = new Map(terms.map((term) => [vocabulary.id(term), termWeight(term)]));
  return { ids: [...bag.keys()], weights: [...bag.values()] };
}

const NO_NAMES: SideNames = new Map();
const NO_IDS: number[] = [];

const weightSum = (terms: Term[]) => terms.reduce((sum, term) => sum + term.weight, 0);

/**
 * Leaves that are the value of a list element (`images[].url`, `phone_numbers[].number`, `tags[].name`): such a
 * list reads as a list of values. A part of each element (`addresses[].county`) does not.
 */
const LIST_VALUE_WORDS = new Set(['url', 'uri', 'href', 'link', 'number', 'name', 'value', 'identifier', 'code', 'text']);

const MAP_ENTRY = /^\{\w*\}$/;

/** A name ending in minor units (`value in base unit`, `amount cent`, `total in smallest currency unit`): the rest. */
const MINOR_UNITS = /^(.+?) (?:in )?(?:(?:base|minor|smallest)(?: currency)? unit|cent)$/;

/** Leaves naming a kind or an identity of their parent object (`emails[].type`), not its value. */
const KIND_LEAVES = new Set(['type', 'kind', 'category', 'c:identifier', 'code', 'name']);

/** Leaf names that hold the value of their parent object (`total_money.amount`). */
const VALUE_TERMS = new Set(['c:total', 'value']);
/**
 * What every record has (when it was created or changed, its status, description, title, when it is due, starts or
 * ends): under a nested object (`milestone.created_at`, `recurrence.end_date_time`) it is that object's, read with its name.
 */
const OWNED_TERMS = new Set(['c:created', 'c:updated', 'c:deleted', 'c:completed at', 'c:status', 'c:description', 'c:title', 'c:due date', 'c:start date', 'c:end date']);
/** Parent names that group dates: `dates.deadline` is the record's deadline. */
const DATE_GROUPS = new Set(['date', 'time', 'timestamp']);
/** Words of a bare link (after abbreviations: href, uri → url). */
const LINK_WORDS = new Set(['url', 'link']);

const enumKey = (value: unknown) => String(value).toLowerCase().replace(/[^a-z0-9]/g, '');

function baseType(field: CatalogueField): string {
  const types = field.type.split('|').map((part) => part.trim()).filter((part) => part !== 'null');
  const type = types[0] ?? 'any';
  return type;
}

/** Other records a field can be named after: a scalar named only so holds the record's identifier. */
const REFERENCE_TERMS = new Set([
  'c:author', 'c:assignee', 'c:updated by', 'c:customer', 'c:supplier', 'c:employee', 'c:manager', 'user', 'person', 'member',
  'product', 'order', 'c:invoice', 'invoice', 'account', 'project', 'subscription', 'payment',
]);

/** Generic words that say what kind of value a field holds: two different ones do not fill each other. */
const ROLE_WORDS = new Set(['c:identifier', 'name', 'code', 'type', 'number', 'date', 'timestamp', 'time', 'value', 'text', 'flag', 'amount']);

/** Words naming how a value is written, not what it is (`unit_amount_decimal` is `unit_amount` in another form). */
const FORM_WORDS = new Set(['decimal', 'string', 'text', 'formatted', 'format', 'display', 'iso', 'utc', 'unix', 'ms', 'raw', 'html', 'plain', 'markdown', 'local', 'localized', 'rendered', 'encoded']);

/**
 * What an entity is: the head (last) term of its name. The words before it name other things
 * (CatalogItemVariation is a variation; its `item_id` is the item's id, not its own).
 */
export function ownerTerms(entityName: string): Set<string> {
  const words = [...normalWords(entityName.split('.').pop()!)];
  while (words.length > 1 && (ENTITY_SUFFIXES.has(words[words.length - 1]!) || /^\d+$/.test(words[words.length - 1]!))) words.pop();
  const terms = wordsToTerms(words);
  return new Set(terms.length > 0 ? [terms[terms.length - 1]!] : []);
}

/**
 * A top-level name that starts with its entity's name (`OrderNumber` on Order, `invoice_date` on Invoice): the
 * entity word, then the rest read on its own, so `number` and the record's own `number` meet (the entity word then
 * weighs little, as any word repeating the owner's name).
 */
function entityPrefixed(name: string, entityTerms: Set<string>): string[] | undefined {
  const words = normalWords(name);
  if (words.length < 2 || hasSynonyms(nameTerms(name)[0]!)) return undefined;
  const head = wordsToTerms(words.slice(0, 1))[0];
  if (head === undefined || !entityTerms.has(head)) return undefined;
  // `TimesheetEntryID` on a timesheet: the entry is the record itself, so the rest is its id.
  const from = words.length > 2 && RECORD_WORDS.has(words[1]!) ? 2 : 1;
  const rest = wordsToTerms(words.slice(from));
  return rest.includes(head) ? undefined : [head, ...rest];
}

/** Words naming an entry of the record's kind (`TimesheetEntry`, `LedgerRecord`). */
const RECORD_WORDS = new Set(['entry', 'record']);

/** Words API documents add to a record's name (`ContactResponse`, `contact-details3`, `TaskDTO`): not what it is. */
const ENTITY_SUFFIXES = new Set(['response', 'request', 'detail', 'details', 'info', 'data', 'object', 'model', 'dto', 'schema', 'resource', 'entity', 'record', 'input', 'output', 'payload', 'body', 'full', 'base', 'api', 'summary', 'view', 'create', 'update', 'result']);

export const lastName = (path: string) => path.split('.').pop()!.replace(/\[\]/g, '');
