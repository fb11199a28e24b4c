// Entities: every named schema (components.schemas / definitions) and every inline object body,
// each with its flattened fields and the operations whose bodies carry it.
//
// Which entity a body carries: the named schema it is (`$ref`, possibly through a nullable or
// single-member allOf/anyOf wrapper), or an array of one; otherwise, when the body is an inline
// object (or an array of inline objects), a `body` entity of its own. Nothing looks further in:
// a page wrapper `OrderPage { data: Order[] }` is used by `listOrders`, Order is not — Order is
// reachable through OrderPage's fields (`data[].id`), and one entity per body keeps "which entity
// does this operation send/return" unambiguous.
import type { CatalogueEntity, CatalogueEntityUse, CatalogueLimits } from '../../../shared/catalogue';
import { Flattener } from './fields';
import { escapePointerSegment } from '../load/pointer';
import { isObject, pointerOf, type JsonObject, type Where } from './refs';
import type { SchemaViews } from './schema-view';

export interface BodyTarget {
  /** Type text of the body schema. */
  type: string;
  /** Entity id, when the body is an object (or an array of objects). */
  entity?: string;
  array: boolean;
}

/** Where a body is: what its use records, and what an inline entity for it would be named and pointed at. */
export interface BodySite {
  /** CatalogueOperation.id */
  operation: string;
  /** operationId, else `METHOD path`. */
  label: string;
  role: 'request' | 'response';
  status: string | undefined;
  mediaType: string | undefined;
  /** Where the request body / response object / Swagger body parameter is. */
  base: Where;
  /** 3.x: the media type key under `content` holding the schema; Swagger 2.0: undefined (`schema` is right under base). */
  contentKey: string | undefined;
}

interface KnownBody {
  target: BodyTarget;
  entity: CatalogueEntity | undefined;
}

function namedSchemas(document: JsonObject): { container: JsonObject; base: string } | undefined {
  const components = document.components;
  if (isObject(components) && isObject(components.schemas)) return { container: components.schemas, base: '#/components/schemas/' };
  if (isObject(document.definitions)) return { container: document.definitions, base: '#/definitions/' };
  return undefined;
}

export class EntityRegistry {
  readonly entities: CatalogueEntity[] = [];
  private readonly byId = new Map<string, CatalogueEntity>();
  private readonly bodies = new Map<object, CatalogueEntity>();
  private readonly bodyNames = new Set<string>();
  /** What each body schema object resolved to: shared responses (`#/components/responses/Error`) are worked out once. */
  private readonly known = new Map<object, KnownBody>();
  private readonly flattener: Flattener;
  /** Entities whose fields are left out until `withFields` asks for them, with their schemas. */
  private readonly deferred = new Map<CatalogueEntity, unknown>();

  constructor(
    private readonly views: SchemaViews,
    limits: CatalogueLimits,
    private readonly deferFields = false,
  ) {
    this.flattener = new Flattener(views, limits);
  }

  /** The entity with its fields listed (flattening them now if they were deferred). */
  withFields(id: string): CatalogueEntity | undefined {
    const entity = this.byId.get(id);
    if (!entity || !this.deferred.has(entity)) return entity;
    const flat = this.flattener.flatten(this.deferred.get(entity));
    const { fieldsDeferred: _, ...listed } = entity;
    const complete: CatalogueEntity = { ...listed, fields: flat.fields };
    if (flat.depthCapReached) complete.depthCapReached = true;
    if (flat.fieldCapReached) complete.fieldCapReached = true;
    return complete;
  }

  /** Adds every named schema as a `schema` entity, in document order. */
  addNamedSchemas(document: JsonObject): void {
    const named = namedSchemas(document);
    if (!named) return;
    for (const [name, schema] of Object.entries(named.container)) {
      this.add('schema', name, `${named.base}${escapePointerSegment(name)}`, schema);
    }
  }

  get(id: string): CatalogueEntity | undefined {
    return this.byId.get(id);
  }

  /**
   * The entity a request or response body carries, creating an inline `body` entity when needed
   * (`<label> request`, `<label> <status> response`), and records the use on it.
   */
  body(schema: unknown, site: BodySite): BodyTarget {
    let known = isObject(schema) ? this.known.get(schema) : undefined;
    if (!known) {
      known = this.resolveBody(schema, site);
      if (isObject(schema)) this.known.set(schema, known);
    }
    const { entity, target } = known;
    if (entity) {
      const use: CatalogueEntityUse =
        site.status === undefined
          ? { operation: site.operation, role: site.role, array: target.array }
          : { operation: site.operation, role: site.role, status: site.status, array: target.array };
      if (site.mediaType !== undefined) use.mediaType = site.mediaType;
      entity.usedBy.push(use);
    }
    return target;
  }

  private resolveBody(schema: unknown, site: BodySite): KnownBody {
    const view = this.views.of(schema);
    // A named schema referenced directly is the entity, whatever its shape (an array alias too).
    const named = view.ref === undefined ? undefined : this.byId.get(`schema:${view.ref}`);
    if (named) return { entity: named, target: { type: view.type, entity: named.id, array: false } };
    let target = view;
    let array = false;
    if (view.kind === 'array') {
      const element = this.views.element(view);
      if (element.dims === 1) {
        target = element.view;
        array = true;
      }
    }
    let entity: CatalogueEntity | undefined;
    if (target.ref !== undefined) entity = this.byId.get(`schema:${target.ref}`);
    if (!entity && target.kind === 'object') {
      entity = this.bodies.get(target.key);
      if (!entity) {
        const name = site.role === 'request' ? `${site.label} request` : `${site.label} ${site.status ?? ''} response`;
        let unique = name;
        for (let n = 2; this.bodyNames.has(unique); n++) unique = `${name} (${n})`;
        this.bodyNames.add(unique);
        const base = pointerOf(site.base);
        let pointer = site.contentKey === undefined ? `${base}/schema` : `${base}/content/${escapePointerSegment(site.contentKey)}/schema`;
        if (array) pointer += '/items';
        entity = this.add('body', unique, pointer, array ? view.items : schema);
        this.bodies.set(target.key, entity);
      }
    }
    return { entity, target: entity ? { type: view.type, entity: entity.id, array } : { type: view.type, array: false } };
  }

  private add(kind: CatalogueEntity['kind'], name: string, pointer: string, schema: unknown): CatalogueEntity {
    const id = `${kind}:${name}`;
    let entity: CatalogueEntity;
    if (this.deferFields) {
      entity = { id, kind, name, pointer, shape: this.flattener.shape(schema), fields: [], fieldsDeferred: true, usedBy: [] };
      this.deferred.set(entity, schema);
    } else {
      const flat = this.flattener.flatten(schema);
      entity = { id, kind, name, pointer, shape: flat.shape, fields: flat.fields, usedBy: [] };
      if (flat.depthCapReached) entity.depthCapReached = true;
      if (flat.fieldCapReached) entity.fieldCapReached = true;
    }
    this.entities.push(entity);
    this.byId.set(entity.id, entity);
    return entity;
  }
}
