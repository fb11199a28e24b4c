import type { CatalogueEntity, CatalogueField } from '../../../shared/catalogue';
import { UserError } from '../../errors';
import { importApiDocument } from '../../openapi/import';
import type { Services } from '../../platform/services';
import type { Flags, Io } from '../io';
import { UsageError } from '../usage';

/** `crosswalk entities <api-doc> [<entity>] [--json]`: the named schemas of a document, flattened to field paths. */
export async function entitiesCommand([apiDoc, entityName, ...extra]: string[], flags: Flags, io: Io, services: Services): Promise<number> {
  if (!apiDoc || extra.length > 0) throw new UsageError('entities takes the API document and, optionally, one entity name.');
  const result = await importApiDocument(apiDoc, { http: services.http, workers: services.workers, allowAll: flags.allowRefs ?? false, validation: false });
  if (result.status === 'needs-consent') throw new UserError('API_DOC_REFS_NOT_ALLOWED', `${result.message.replace(/\.$/, '')} (run again with --allow-refs).`);

  const schemas = result.catalogue.entities.filter((entity) => entity.kind === 'schema');
  const chosen = entityName === undefined ? schemas : [findEntity(schemas, entityName, apiDoc)];
  if (flags.json) {
    io.out(JSON.stringify(chosen.map((entity) => ({ name: entity.name, fields: entity.fields.map(jsonField) }))));
    return 0;
  }
  for (const entity of chosen) {
    io.out(`${entity.name} (${entity.fields.length} field${entity.fields.length === 1 ? '' : 's'})`);
    for (const field of entity.fields) io.out(`  ${'  '.repeat(field.depth)}${textField(field)}`);
  }
  return 0;
}

function findEntity(schemas: CatalogueEntity[], name: string, apiDoc: string): CatalogueEntity {
  const exact = schemas.find((entity) => entity.name === name) ?? schemas.find((entity) => entity.name.toLowerCase() === name.toLowerCase());
  if (exact) return exact;
  const near = schemas.filter((entity) => entity.name.toLowerCase().includes(name.toLowerCase())).slice(0, 5);
  throw new UserError(
    'ENTITY_NOT_FOUND',
    `${apiDoc} has no schema named "${name}"${near.length ? `: did you mean ${near.map((entity) => `"${entity.name}"`).join(', ')}?` : '; run "crosswalk entities <api-doc>" to list them.'}`,
  );
}

const jsonField = (field: CatalogueField) => ({
  path: field.path,
  type: field.type,
  format: field.format ?? null,
  required: field.required,
  enum: field.enum ?? null,
  description: field.description ?? null,
});

function textField(field: CatalogueField): string {
  const notes = [
    field.format,
    field.required && 'required',
    field.nullable && 'nullable',
    field.readOnly && 'read-only',
    field.writeOnly && 'write-only',
    field.maxLength !== undefined && `max ${field.maxLength}`,
    field.enum && `one of ${field.enum.map((value) => JSON.stringify(value)).join(', ')}`,
  ].filter(Boolean);
  return `${field.path}: ${field.type}${notes.length ? ` (${notes.join('; ')})` : ''}`;
}
