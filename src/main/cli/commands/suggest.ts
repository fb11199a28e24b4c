import type { CatalogueEntity } from '../../../shared/catalogue';
import { UserError } from '../../errors';
import { suggestMappings } from '../../mapping/suggest';
import { importApiDocument } from '../../openapi/import';
import type { Services } from '../../platform/services';
import type { Flags, Io } from '../io';
import { UsageError } from '../usage';

/** `crosswalk suggest <source-api-doc> <source-entity> <target-api-doc> <target-entity> [--json]`: suggested field mappings. */
export async function suggestCommand(args: string[], flags: Flags, io: Io, services: Services): Promise<number> {
  const [sourceDoc, sourceName, targetDoc, targetName, ...extra] = args;
  if (!sourceDoc || !sourceName || !targetDoc || !targetName || extra.length > 0) throw new UsageError('suggest takes the source document and entity, then the target document and entity.');
  const source = await loadEntity(sourceDoc, sourceName, flags, services);
  const target = await loadEntity(targetDoc, targetName, flags, services);
  const suggestions = suggestMappings(source, target);
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

async function loadEntity(apiDoc: string, name: string, flags: Flags, services: Services): Promise<CatalogueEntity> {
  const result = await importApiDocument(apiDoc, { http: services.http, workers: services.workers, allowAll: flags.allowRefs ?? false, validation: false });
  if (result.status === 'needs-consent') throw new UserError('API_DOC_REFS_NOT_ALLOWED', `${result.message.replace(/\.$/, '')} (run again with --allow-refs).`);
  const schemas = result.catalogue.entities.filter((entity) => entity.kind === 'schema');
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
