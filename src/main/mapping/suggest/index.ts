// Field-mapping suggestions: for each leaf field of a target entity, the source leaf fields most
// likely to fill it, scored 0..1 with the reasons. Pure: no I/O.
//
// Signals: name terms (case styles, abbreviations, stemming, synonym concepts, IDF-like weights), path
// context (parent objects, array elements), type/format compatibility, enum overlap, description
// overlap; then a sibling boost under parents that match well, a greedy one-to-one pass, and what the
// analyst accepted or rejected before.
//
// One module per step: prepare (each field once), candidates (the sources worth scoring for each target,
// scored by score), assign (one-to-one, what each target shows), combine (concatenations); learned reads
// the past decisions. Each run has its own RunContext (vocabulary, scratch buffers): runs share no state.
import type { CatalogueEntity } from '../../../shared/catalogue';
import { sideNames } from './acronyms';
import { assignOneToOne, shownCandidates } from './assign';
import { boostSiblings, findCandidates } from './candidates';
import { addConcatenations } from './combine';
import { namingViews } from './naming-views';
import { markMoneyParts } from './money';
import { markDurations } from './durations';
import { markDateRoles } from './record-dates';
import { markLifecycleEnds } from './lifecycle-dates';
import { markDescriptionNames } from './description-names';
import { markUrlRoles } from './url-roles';
import { markSecondGuids } from './guid-ids';
import { markEvents } from './event-dates';
import { markLookups } from './lookup-ids';
import { readLearned, type LearnedDecisions, type LearnedPair } from './learned';
import { joinRoot, rootEntity, singleWrapper, underRoot } from '../roots';

export type { LearnedDecisions } from './learned';
import { markSideNames } from './mentions';
import { markRecordLists, ownerTerms, prepare } from './prepare';
import { newRunContext } from './run-context';
import { addSplits } from './split';
import { scorePair } from './score';

export { ALTERNATIVE_THRESHOLD, SUGGESTION_THRESHOLD } from './thresholds';
export { suggestArrayPairings, withArrayPairings } from './arrays';

export interface SuggestionCandidate {
  /**
   * The source leaf path, or for a concatenation several source leaf paths joined with ` + ` in the
   * order they are concatenated (`first_name + last_name`; reason `concatenation: first name + last name`).
   * A split (part of one source's value, `name` → given name) names the one source; its reasons start with
   * `split:` and give the transformation in pseudocode.
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
  learned?: LearnedDecisions;
}

/**
 * Suggests, for each target leaf field in catalogue order, up to three source leaf fields, best first.
 * An object wrapping every field of one side (`{ Employee: { FirstName… } }`) is looked through, so a
 * subtree one level deeper on one side is compared at the same depth; paths come back as the entities write them.
 */
export function suggestMappings(source: CatalogueEntity, target: CatalogueEntity, options: SuggestOptions = {}): TargetSuggestion[] {
  const sourceRoot = singleWrapper(source);
  const targetRoot = singleWrapper(target);
  if (sourceRoot === '' && targetRoot === '') return suggestAligned(source, target, options);
  const inside = (root: string, pairs: LearnedPair[], side: 'source' | 'target') =>
    pairs.flatMap((pair) => {
      const path = underRoot(root, pair[side]);
      return path === undefined ? [] : [{ ...pair, [side]: path }];
    });
  const learned = options.learned && {
    accepted: inside(targetRoot, inside(sourceRoot, options.learned.accepted, 'source'), 'target'),
    rejected: inside(targetRoot, inside(sourceRoot, options.learned.rejected, 'source'), 'target'),
    // Other workspaces' pairs are read as naming patterns, whatever their roots.
    memory: options.learned.memory,
  };
  const sourcePath = (joined: string) => joined.split(' + ').map((part) => joinRoot(sourceRoot, part)).join(' + ');
  return suggestAligned(rootEntity(source, sourceRoot), rootEntity(target, targetRoot), { learned }).map((suggestion) => ({
    target: joinRoot(targetRoot, suggestion.target),
    candidates: suggestion.candidates.map((candidate) => ({ ...candidate, source: sourcePath(candidate.source) })),
  }));
}

function suggestAligned(source: CatalogueEntity, target: CatalogueEntity, options: SuggestOptions): TargetSuggestion[] {
  const run = newRunContext();
  const sourceTerms = ownerTerms(source.name);
  const targetTerms = ownerTerms(target.name);
  const sourceViews = namingViews(source);
  const targetViews = namingViews(target);
  const sources = source.fields.filter((field) => field.leaf).map((field, i) => prepare(field, i, sourceTerms, run.vocabulary, sourceViews.get(field.path)));
  const targets = target.fields.filter((field) => field.leaf).map((field, i) => prepare(field, i, targetTerms, run.vocabulary, targetViews.get(field.path)));
  markRecordLists(sources, sourceTerms, run.vocabulary);
  markRecordLists(targets, targetTerms, run.vocabulary);
  // After the money parts: their owners' terms (`variation`, `variant`) need their families linked too.
  markMoneyParts(sources, sourceTerms, run.vocabulary);
  markMoneyParts(targets, targetTerms, run.vocabulary);
  markDurations(sources, source.name);
  markDurations(targets, target.name);
  markDateRoles(sources, source.name);
  markDateRoles(targets, target.name);
  markLifecycleEnds(sources);
  markLifecycleEnds(targets);
  markEvents(sources, source.name);
  markEvents(targets, target.name);
  markDescriptionNames(sources);
  markUrlRoles(sources);
  markUrlRoles(targets);
  markSecondGuids(sources);
  markSecondGuids(targets);
  markLookups(sources);
  markLookups(targets);
  run.vocabulary.linkFamilies([sideNames(source), sideNames(target)]);
  markSideNames(sources);
  markSideNames(targets);
  const learned = readLearned(options.learned, sources, targets);

  const perTarget = findCandidates(run, sources, targets, target, learned);
  boostSiblings(targets, perTarget);
  const takenBy = assignOneToOne(perTarget);
  // Concatenations (several sources into one target) come after the one-to-one pass: they reuse sources.
  addConcatenations(source, sources, targets, perTarget, targetTerms, learned.rejected, run);
  addSplits(source, sources, targets, perTarget, targetTerms, learned.rejected, run);

  return targets.map((t, i) => ({
    target: t.field.path,
    candidates: shownCandidates(targets, i, perTarget[i]!, takenBy).map((c) => ({
      source: c.joined ?? c.source.field.path,
      score: Math.round(c.score * 1000) / 1000,
      reasons: c.explained ? c.reasons : [...(c.lead ?? []), ...scorePair(run.scratch, t, c.source, true).reasons, ...c.reasons],
    })),
  }));
}
