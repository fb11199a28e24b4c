// The catalogue builder: from an already-parsed OpenAPI document (Swagger 2.0, OpenAPI 3.0 or 3.1,
// `$ref`s internal) to its entities, fields, operations, security schemes and servers.
// Pure: no I/O. Refs are resolved lazily while walking; the document is never dereferenced as a whole.
import type { Catalogue, CatalogueEntity, CatalogueLimits } from '../../../shared/catalogue';
import { EntityRegistry } from './entities';
import { DEFAULT_LIMITS } from './fields';
import { buildOperations } from './operations';
import { createRefResolver, isObject } from './refs';
import { SchemaViews } from './schema-view';
import { buildSecuritySchemes } from './security';
import { buildServers } from './servers';

export { DEFAULT_LIMITS } from './fields';
export { environmentOf, environmentOfText } from './servers';

/**
 * Builds the catalogue of `document`. Throws a TypeError when it is not a Swagger 2.0 / OpenAPI 3.x
 * document object; everything else (unresolvable refs, odd schemas) ends up in `warnings` or as
 * best-effort fields.
 */
export function buildCatalogue(document: unknown, limits: Partial<CatalogueLimits> = {}): Catalogue {
  return build(document, limits, false).catalogue;
}

export interface CatalogueOutline {
  /** Every entity with `fields: []` and `fieldsDeferred: true`; operations, schemes and servers complete. */
  catalogue: Catalogue;
  /** One entity with its fields, flattened on demand; undefined for an unknown id. */
  entity(id: string): CatalogueEntity | undefined;
}

/** The catalogue without fields, and the fields of one entity at a time: what browsing a large API needs first. */
export function buildCatalogueOutline(document: unknown, limits: Partial<CatalogueLimits> = {}): CatalogueOutline {
  const { catalogue, entities } = build(document, limits, true);
  return { catalogue, entity: (id) => entities.withFields(id) };
}

function build(document: unknown, limits: Partial<CatalogueLimits>, deferFields: boolean) {
  if (!isObject(document)) throw new TypeError('An OpenAPI document must be an object.');
  const version = document.openapi ?? document.swagger;
  if (typeof version !== 'string' || !/^(2\.|3\.)/.test(version)) {
    throw new TypeError('Not an OpenAPI 3.x or Swagger 2.0 document: it has no "openapi: 3.x" or "swagger: 2.0" field.');
  }
  const effective: CatalogueLimits = { ...DEFAULT_LIMITS, ...limits };
  const refs = createRefResolver(document);
  const views = new SchemaViews(refs);
  const entities = new EntityRegistry(views, effective, deferFields);
  entities.addNamedSchemas(document);
  const operations = buildOperations({ document, swagger2: version.startsWith('2.'), refs, views, entities });
  const catalogue: Catalogue = {
    openapiVersion: version,
    limits: effective,
    entities: entities.entities,
    operations,
    securitySchemes: buildSecuritySchemes(document, refs),
    servers: buildServers(document),
    warnings: [...refs.warnings],
  };
  return { catalogue, entities };
}
