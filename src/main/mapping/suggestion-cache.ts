// The suggestion engine's answer for a whole flow, computed once and kept in main: on a flow of
// thousands of fields it takes seconds, and the same answer serves the rows' creation, the detail
// panel's candidates and every reload after. An entry is found only under the exact inputs it was
// computed from — the workspace file, the flow, both systems' stored documents (a re-import changes
// imported_at), the two entities and what analysts decided between them — so a decision or a
// re-import simply misses and computes anew; nothing has to remember to invalidate.
import { createHash } from 'node:crypto';
import type { CatalogueEntity } from '../../shared/catalogue';
import type { SqliteDatabase } from '../workspace/sqlite';
import type { Learned } from './rows';
import { suggestMappings, type TargetSuggestion } from './suggest';

/** Flows kept: each holds up to three candidates with reasons per target leaf (a few MB for 5,000 leaves). */
const KEPT = 4;
const entries = new Map<string, TargetSuggestion[]>();
let computed = 0;

/** The engine's answer for the flow with what analysts decided so far (`learnedIn`), from the cache when its inputs are unchanged. */
export function flowCandidatesIn(db: SqliteDatabase, flowId: number, source: CatalogueEntity, target: CatalogueEntity, learned: Learned): TargetSuggestion[] {
  const key = cacheKey(db, flowId, source, target, learned);
  const cached = entries.get(key);
  if (cached) {
    // Most recently used last.
    entries.delete(key);
    entries.set(key, cached);
    return cached;
  }
  const answer = suggestMappings(source, target, { learned });
  computed++;
  entries.set(key, answer);
  while (entries.size > KEPT) entries.delete(entries.keys().next().value!);
  return answer;
}

function cacheKey(db: SqliteDatabase, flowId: number, source: CatalogueEntity, target: CatalogueEntity, learned: Learned): string {
  const documents = db
    .prepare(
      `SELECT s.id || '@' || s.imported_at AS source, t.id || '@' || t.imported_at AS target
       FROM data_flow f JOIN system s ON s.id = f.source_system_id JOIN system t ON t.id = f.target_system_id WHERE f.id = ?`,
    )
    .get(flowId) as { source: string; target: string };
  const decided = (pairs: Learned['accepted']) => pairs.map((pair) => `${pair.source}\u0000${pair.target}`).sort();
  const hash = createHash('sha256');
  for (const part of [
    db.name,
    String(flowId),
    documents.source,
    documents.target,
    `${source.id}\u0000${source.fields.length}`,
    `${target.id}\u0000${target.fields.length}`,
    ...decided(learned.accepted).map((pair) => `+${pair}`),
    ...decided(learned.rejected).map((pair) => `-${pair}`),
  ]) {
    hash.update(part).update('\u0001');
  }
  return hash.digest('hex');
}

/** How many times the engine ran through this cache (tests read it to tell a hit from a miss). */
export const suggestionComputations = () => computed;

/** Drops every entry (tests; a closed workspace's entries are simply never asked for again). */
export function clearSuggestionCache(): void {
  entries.clear();
}
