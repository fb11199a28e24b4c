// The candidates of each target: the sources found through the target's name terms (and related terms, its
// description, learned analogies and accepted pairs) or an enumeration value it is a flag for, scored and kept
// above CANDIDATE_FLOOR; then the sibling boost under parent pairs that already match well.
import type { CatalogueEntity } from '../../../shared/catalogue';
import type { LearnedIndex } from './learned';
import { memoryMatches, sourceLookup, type MemoryPattern } from './memory-evidence';
import type { Prepared } from './prepare';
import type { RunContext } from './run-context';
import { CONTENT, maxBy, pairScore, type Scored } from './score';
import { ALTERNATIVE_THRESHOLD, SUGGESTION_THRESHOLD } from './thresholds';
import { conceptWords, nameTerms, relatedTerms, termLabel, termWeight } from './tokens';

/** Pairs scoring below this are dropped before the assignment. */
const CANDIDATE_FLOOR = Math.min(SUGGESTION_THRESHOLD * 0.75, ALTERNATIVE_THRESHOLD * 0.8);
/** What an accept adds to a pair's own score. */
const LEARNED_LIFT = 0.3;
/** What a pair accepted in another workspace (the same naming pattern) adds: less than an accept here. */
const MEMORY_LIFT = 0.15;
/** What a pair rejected in another workspace loses. */
const MEMORY_PENALTY = 0.15;
/** Below this a pair's names and types say (almost) nothing for it. */
const OWN_EVIDENCE = SUGGESTION_THRESHOLD * 0.8;

/** The scored candidates of each target (same order as `targets`), not yet assigned. */
export function findCandidates(run: RunContext, sources: Prepared[], targets: Prepared[], target: CatalogueEntity, learned: LearnedIndex): Scored[][] {
  const { scratch } = run;
  // Read once: under tsx every read of an imported binding is a getter call, and the loop below runs per pair.
  const scoreOf = pairScore;
  const { accepted, rejected, analogies, memory } = learned;
  const learnedAny = learned.any;

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
  // Descriptions naming the other side's fields, both ways: sources by the key term of their name, and by the
  // terms of their descriptions' opening phrases.
  const byNameKey = new Map<number, Prepared[]>();
  const byDescription = new Map<number, Prepared[]>();
  for (const s of sources) {
    if (s.mentionKey >= 0) push(byNameKey, s.mentionKey, s);
    for (const id of new Set(s.mentionIds)) if (id >= 0) push(byDescription, id, s);
  }
  const durationSources = sources.filter((s) => s.duration !== undefined);
  const datedSources = sources.filter((s) => s.dateRole !== undefined);
  const issuedSources = datedSources.filter((s) => s.dateRole === 'issued');
  const lifecycleSources = sources.filter((s) => s.lifecycle !== undefined);
  const descriptionNames = sources.filter((s) => s.namesRecord);
  const entityWords = conceptWords(nameTerms(target.name.split('.').pop()!));
  const rawIndex = new Map<string, Prepared[]>();
  if (analogies.length > 0)
    for (const s of sources)
      for (const word of s.rawWords) {
        let list = rawIndex.get(word);
        if (!list) rawIndex.set(word, (list = []));
        list.push(s);
      }

  const lookup = memory.any ? sourceLookup(sources) : undefined;
  const candidates = new SourceSet(sources.length);
  const look = (term: string, always: boolean) => {
    const list = index.get(term);
    if (list && (always || list.length <= common)) for (const s of list) candidates.add(s);
  };
  const lookAll = (list: Prepared[] | undefined) => {
    if (list && list.length <= common) for (const s of list) candidates.add(s);
  };
  return targets.map((t) => {
    candidates.clear();
    for (const { term, weight } of t.terms) {
      const telling = weight >= 0.5 || t.terms.length === 1;
      look(term, telling);
      // Weakly related words widen the search only from words that say something (not from `number`, `code`).
      if (telling) {
        for (const related of relatedTerms(term)) look(related, false);
        for (const related of run.vocabulary.family(term)) look(related, false);
      }
    }
    for (const id of t.mentionIds) if (id >= 0) lookAll(byNameKey.get(id));
    // A duration in any unit (`Duration` ← `timeSpentSeconds`).
    if (t.duration !== undefined) lookAll(durationSources);
    // A record's own date ← when it was issued, started or created; an issue date ← a submit or send date.
    if (t.dateRole === 'record') lookAll(datedSources);
    else if (t.dateRole === 'issued') lookAll(issuedSources);
    // When its life starts or ends (`expirationDate` ← `SubscriptionEndDate`).
    if (t.lifecycle !== undefined) lookAll(lifecycleSources.filter((s) => s.lifecycle === t.lifecycle));
    // A name or title ← the description of a record without one.
    if (t.top) lookAll(descriptionNames);
    if (t.mentionKey >= 0) lookAll(byDescription.get(t.mentionKey));
    // Descriptions only widen the search when the name finds (almost) nothing.
    if (candidates.size < 5) for (const term of t.descTerms.slice(0, 12)) if (termWeight(term) >= 1) look(term, false);
    for (const analogy of analogies) {
      if (!analogy.tDiff.some((w) => t.rawWords.includes(w))) continue;
      for (const w of analogy.sDiff) for (const s of rawIndex.get(w) ?? []) candidates.add(s);
    }
    for (const s of learned.acceptedSources.get(t.field.path) ?? []) candidates.add(s);
    const liked = lookup ? memoryMatches(memory.accepted, t, lookup) : NO_MATCHES;
    const disliked = lookup ? memoryMatches(memory.rejected, t, lookup) : NO_MATCHES;
    for (const s of liked.keys()) candidates.add(s);

    const scored: Scored[] = [];
    // A flag named for a state (`active`, `is_archived`) is read from an enumeration holding that value.
    const flagKey = t.baseType === 'boolean' ? t.rawWords.filter((w) => !FLAG_WORDS.has(w)).join('') : '';
    const flagSources = flagKey.length >= 4 ? (enumIndex.get(flagKey) ?? []) : [];
    for (const s of flagSources) {
      if (candidates.has(s) || rejected.has(`${t.field.path}\u0000${s.field.path}`)) continue;
      const score = Math.max(scoreOf(scratch, t, s, undefined), FLAG_FROM_ENUM);
      scored.push({ source: s, score, reasons: [], lead: [`flag from an enumeration value: ${s.field.name} = ${flagKey}`] });
    }
    for (const s of candidates.items) {
      const key = learnedAny ? `${t.field.path}\u0000${s.field.path}` : '';
      if (learnedAny && rejected.has(key)) continue;
      // Score only; the reasons are worked out for what is shown.
      let quick = scoreOf(scratch, t, s, undefined, CANDIDATE_FLOOR);
      if (quick < CANDIDATE_FLOOR) {
        if (!accepted.has(key) && analogies.length === 0 && !liked.has(s)) continue;
        quick = scoreOf(scratch, t, s, undefined);
      }
      const result: Scored = { source: s, score: quick, reasons: [] };
      if (accepted.has(key)) {
        result.score = liftedByAcceptance(quick);
        result.lead = ['learned: accepted before'];
      } else
        for (const analogy of analogies) {
          if (analogy.tDiff.some((w) => t.rawWords.includes(w)) && analogy.sDiff.some((w) => s.rawWords.includes(w))) {
            result.score = Math.min(1, result.score + 0.2);
            result.reasons.push(`learned: like ${analogy.pair.target} ← ${analogy.pair.source}`);
            break;
          }
        }
      if (lookup && !accepted.has(key)) weighMemory(result, liked.get(s), disliked.get(s));
      const fit = qualifierFit(t, s, entityWords);
      if (fit) {
        result.score = Math.min(1, result.score + 0.05);
        result.reasons.push(`qualifier ${fit} fits ${target.name}`);
      }
      if (result.score >= CANDIDATE_FLOOR) scored.push(result);
    }
    return scored;
  });
}

/**
 * One accept is evidence, not certainty: it raises a pair by a fixed amount, and a pair with no evidence of its
 * own (an accidental accept of a nonsense pair) stays below the suggestion bar — shown, but never suggested.
 */
export function liftedByAcceptance(ownScore: number): number {
  if (ownScore < OWN_EVIDENCE) return Math.min(ownScore + LEARNED_LIFT, SUGGESTION_THRESHOLD - 0.01);
  return Math.min(ownScore + LEARNED_LIFT, 0.97);
}

const NO_MATCHES: ReadonlyMap<Prepared, MemoryPattern> = new Map();

/** Other workspaces' decisions on the same naming pattern: evidence for or against, shown as a reason. */
function weighMemory(result: Scored, liked: MemoryPattern | undefined, disliked: MemoryPattern | undefined): void {
  if (liked) {
    result.score = liftedByMemory(result.score);
    result.reasons.push(`accepted in another workspace: ${liked.label}`);
    return;
  }
  if (disliked) {
    result.score = Math.max(0, result.score - MEMORY_PENALTY);
    result.reasons.push(`rejected in another workspace: ${disliked.label}`);
  }
}

/**
 * Another workspace's accept is evidence like an accept here, only weaker, and never enough alone: a pair
 * below the suggestion bar stays below it unless its own names and types already say something for it.
 */
export function liftedByMemory(ownScore: number): number {
  if (ownScore < OWN_EVIDENCE) return Math.max(ownScore, Math.min(ownScore + MEMORY_LIFT, SUGGESTION_THRESHOLD - 0.01));
  return Math.max(ownScore, Math.min(ownScore + MEMORY_LIFT, 0.95));
}

/** Structure: siblings under parent pairs whose children already match well get a boost. */
export function boostSiblings(targets: Prepared[], perTarget: Scored[][]): void {
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
}

function push(index: Map<number, Prepared[]>, key: number, s: Prepared): void {
  const list = index.get(key);
  if (list) list.push(s);
  else index.set(key, [s]);
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
