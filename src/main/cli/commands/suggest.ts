import path from 'node:path';
import type { CatalogueEntity } from '../../../shared/catalogue';
import { UserError } from '../../errors';
import { suggestArrayPairings, suggestMappings, withArrayPairings } from '../../mapping/suggest';
import { importApiDocument } from '../../openapi/import';
import type { Services } from '../../platform/services';
import type { Flags, Io } from '../io';
import { UsageError } from '../usage';

/** `crosswalk suggest <source-api-doc> <source-entity> <target-api-doc> <target-entity> [--json]`: suggested field mappings. */
export async function suggestCommand(args: string[], flags: Flags, io: Io, services: Services): Promise<number> {
  const [sourceDoc, sourceName, targetDoc, targetName, ...extra] = args;
  if (!sourceDoc || !sourceName || !targetDoc || !targetName || extra.length > 0) throw new UsageError('suggest takes the source document and entity, then the target document and entity.');
  // Source and target in one document (GitHub's full-repository → repository): it is parsed once.
  const sourceSchemas = await loadSchemas(sourceDoc, flags, services);
  const targetSchemas = sameDocument(sourceDoc, targetDoc) ? sourceSchemas : await loadSchemas(targetDoc, flags, services);
  const source = findEntity(sourceSchemas, sourceDoc, sourceName);
  const target = findEntity(targetSchemas, targetDoc, targetName);
  const leaves = suggestMappings(source, target);
  // Lists of objects paired whole (`Lines[]` ← `items.data[]`) appear before their element rows.
  const suggestions = withArrayPairings(leaves, suggestArrayPairings(source, target, leaves));
  if (flags.json) {
    io.out(JSON.stringify(suggestions));
    return 0;
  }
  const width = Math.max(6, ...suggestions.map((entry) => entry.target.length));
  io.out(`${'target'.padEnd(width)}  score  source (reasons)`);
  for (const entry of suggestions) {
    if (entry.candidates.length === 0) io.out(`${entry.target.padEnd(width)}      -  (no good source)`);
    entry.candidates.forEach((candidate, i) => {
      io.out(`${(i === 0 ? entry.target : '').padEnd(width)}  ${candidate.score.toFixed(2).padStart(5)}  ${candidate.source} (${candidate.reasons.join('; ')})`);
    });
  }
  return 0;
}

const sameDocument = (a: string, b: string) => a === b || (!/^https?:/i.test(a) && !/^https?:/i.test(b) && path.resolve(a) === path.resolve(b));

async function loadSchemas(apiDoc: string, flags: Flags, services: Services): Promise<CatalogueEntity[]> {
  const result = await importApiDocument(apiDoc, { http: services.http, workers: services.workers, allowAll: flags.allowRefs ?? false, validation: false });
  if (result.status === 'needs-consent') throw new UserError('API_DOC_REFS_NOT_ALLOWED', `${result.message.replace(/\.$/, '')} (run again with --allow-refs).`);
  return result.catalogue.entities.filter((entity) => entity.kind === 'schema');
}

function findEntity(schemas: CatalogueEntity[], apiDoc: string, name: string): CatalogueEntity {
  const found = schemas.find((entity) => entity.name === name) ?? schemas.find((entity) => entity.name.toLowerCase() === name.toLowerCase());
  if (found) return found;
  const lower = name.toLowerCase();
  const near = schemas
    .filter((entity) => { const other = entity.name.toLowerCase(); return other.includes(lower) || lower.includes(other) || other.startsWith(lower.slice(0, 3)); })
    .slice(0, 5);
  throw new UserError(
    'ENTITY_NOT_FOUND',
    `${apiDoc} has no schema named "${name}"${near.length ? `: did you mean ${near.map((entity) => `"${entity.name}"`).join(', ')}?` : `; it has ${schemas.slice(0, 8).map((entity) => `"${entity.name}"`).join(', ')}${schemas.length > 8 ? ', …' : ''}.`}`,
  );
}
