// Field-mapping suggestions: for each leaf field of a target entity, the source leaf fields most
// likely to fill it, scored 0..1 with the reasons. Pure: no I/O.
//
// Signals: name terms (case styles, abbreviations, stemming, synonym concepts, IDF-like weights), path
// context (parent objects, array elements), type/format compatibility, enum overlap, description
// overlap; then a sibling boost under parents that match well, a greedy one-to-one pass, and what the
// analyst accepted or rejected before.
import type { CatalogueEntity } from '../../../shared/catalogue';
import { addConcatenations } from './combine';
import { lastName, ownerTerms, prepare, type Prepared } from './prepare';
import { newRunContext } from './run-context';
import { CONTENT, maxBy, pairScore, scorePair, type Scored } from './score';
import { ALTERNATIVE_THRESHOLD, CANDIDATE_FLOOR, SUGGESTION_THRESHOLD } from './thresholds';
import { conceptWords, nameTerms, relatedTerms, splitWords, termLabel, termWeight } from './tokens';

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

export { ALTERNATIVE_THRESHOLD, SUGGESTION_THRESHOLD } from './thresholds';

const MAX_CANDIDATES = 3;

/** One target is the other written differently: same parent, same words but for words of form. */
const sameValueOtherForm = (a: Prepared, b: Prepared): boolean => a.formKey !== '' && a.formKey === b.formKey && a.words.length !== b.words.length;

/** Suggests, for each target leaf field in catalogue order, up to three source leaf fields, best first. */
export function suggestMappings(source: CatalogueEntity, target: CatalogueEntity, options: SuggestOptions = {}): TargetSuggestion[] {
  const sourceTerms = ownerTerms(source.name);
  const targetTerms = ownerTerms(target.name);
  const run = newRunContext();
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

