// Array pairings: a list of objects in the target (`Lines[]`) filled element by element from a list in the source
// (`items.data[]`), read off the leaf suggestions: the source list most of the target list's element leaves are
// suggested from. The element rows are then relative to that pairing.
import type { CatalogueEntity } from '../../../shared/catalogue';
import type { SuggestionCandidate, TargetSuggestion } from './index';

/** A pairing is offered when at least this share of the element leaves that have a suggestion agree on one source list. */
const MIN_SHARE = 0.5;
const MAX_CANDIDATES = 3;

const objectLists = (entity: CatalogueEntity) => entity.fields.filter((field) => field.type === 'array' && !field.leaf).map((field) => field.path);

/** The innermost list of `lists` a source path is an element value of (`items.data[].amount` → `items.data`). */
function innermostList(path: string, lists: string[]): string | undefined {
  let best: string | undefined;
  for (const list of lists) if (path.startsWith(`${list}[].`) && (!best || list.length > best.length)) best = list;
  return best;
}

/**
 * For each list of objects in the target, the source lists its element leaves are suggested from, best first,
 * as `{ target: "Lines[]", candidates: [{ source: "items.data[]", score, reasons }] }`; lists nothing fills are left out.
 */
export function suggestArrayPairings(source: CatalogueEntity, target: CatalogueEntity, suggestions: TargetSuggestion[]): TargetSuggestion[] {
  const sourceLists = objectLists(source);
  if (sourceLists.length === 0) return [];
  const out: TargetSuggestion[] = [];
  for (const list of objectLists(target)) {
    const prefix = `${list}[].`;
    // Leaves of this list's own elements, not of lists nested in them (those pair on their own).
    const elements = suggestions.filter((s) => s.target.startsWith(prefix) && innermostList(s.target, objectLists(target)) === list);
    const suggested = elements.filter((s) => s.candidates.length > 0 && !s.candidates[0]!.source.includes(' + '));
    if (suggested.length === 0) continue;
    const votes = new Map<string, { count: number; score: number }>();
    for (const s of suggested) {
      const from = innermostList(s.candidates[0]!.source, sourceLists);
      if (!from) continue;
      const vote = votes.get(from) ?? { count: 0, score: 0 };
      vote.count++;
      vote.score += s.candidates[0]!.score;
      votes.set(from, vote);
    }
    const candidates: SuggestionCandidate[] = [...votes]
      .filter(([, vote]) => vote.count / suggested.length >= MIN_SHARE || vote.count >= 3)
      .map(([from, vote]) => ({
        source: `${from}[]`,
        // The mean score of the agreeing element leaves, scaled by how many of the list's leaves agree.
        score: Math.round((vote.score / vote.count) * Math.sqrt(vote.count / Math.max(suggested.length, 1)) * 1000) / 1000,
        reasons: [`array pairing: ${vote.count} of ${elements.length} element fields are suggested from ${from}[]`, 'element rows relative to this pairing'],
      }))
      .sort((a, b) => b.score - a.score)
      .slice(0, MAX_CANDIDATES);
    if (candidates.length > 0) out.push({ target: `${list}[]`, candidates });
  }
  return out;
}

/** Leaf suggestions with each array pairing placed just before its list's first element leaf. */
export function withArrayPairings(suggestions: TargetSuggestion[], pairings: TargetSuggestion[]): TargetSuggestion[] {
  if (pairings.length === 0) return suggestions;
  const out: TargetSuggestion[] = [];
  const placed = new Set<TargetSuggestion>();
  for (const s of suggestions) {
    for (const p of pairings) if (!placed.has(p) && s.target.startsWith(`${p.target}.`)) {
      out.push(p);
      placed.add(p);
    }
    out.push(s);
  }
  return [...out, ...pairings.filter((p) => !placed.has(p))];
}
