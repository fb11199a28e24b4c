// The catalogue of one API document: its entities (named schemas and inline bodies) with their
// fields flattened to paths, its operations, security schemes and servers.
// Built in main by src/main/openapi/catalogue (buildCatalogue); plain data, safe to send to the renderer.
//
// Conventions
// - Optional keys are OMITTED when absent, never set to null or undefined. A key that is present
//   with the value null means the document says null (e.g. `default: null`).
// - The flags `required`, `nullable`, `readOnly`, `writeOnly`, `deprecated` and `leaf` are always
//   present (false when the document says nothing); `recursive`, `truncated` and `expandable` only
//   when true.
// - Values taken from the document (`enum`, `default`, `example`) are passed on as given, not copied
//   or coerced; they, and arrays such as the document-wide `security`, may be shared between
//   several entries. Treat the catalogue as read-only.
//
// Field paths
// - Dot-separated property names from the entity root: `billingAddress.city`.
// - An array's element is written `[]` after the array's name: `lines[].amount`. The array itself is
//   a field (`lines`, type "array"); there is no separate `lines[]` field. Arrays of arrays of objects
//   give `matrix[][].x`. An array of scalars is a leaf (`tags`, type "array", itemType "string").
// - An entity whose root is an array of objects lists its element's fields as `[].id`, `[].name`.
// - A map's values (`additionalProperties` with a schema) are written `{key}`: `metadata.{key}.value`.
// - A union's members' fields are listed under it; those not in every object member carry `variant`.
// - Intermediate objects are fields too (`billingAddress`, type "object"), listed before their
//   children (depth-first, document order), so the flat list is also the tree in pre-order.

/** The JSON types a field can have, or several of them joined with " | " (e.g. "string | object"). */
export type CatalogueTypeText = string;

/** What a schema says about one value, shared by fields and by entity roots. */
export interface CatalogueShape {
  /**
   * "string" | "number" | "integer" | "boolean" | "object" | "array" | "null", a union such as
   * "string | object", "any" when the schema constrains nothing, or "unknown" when its `$ref` cannot
   * be resolved.
   */
  type: CatalogueTypeText;
  /** 3.0 `nullable: true`, 3.1 `type: [..., "null"]`, Swagger `x-nullable: true`, or a null member of a oneOf/anyOf. */
  nullable: boolean;
  readOnly: boolean;
  writeOnly: boolean;
  deprecated: boolean;
  format?: string;
  /** `enum` as given (3.1 `const` becomes a one-value enum). */
  enum?: unknown[];
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  /**
   * Always a number (the 3.1 form). Swagger 2.0 / 3.0 `exclusiveMinimum: true` is converted:
   * `{ minimum: 0, exclusiveMinimum: true }` becomes `{ exclusiveMinimum: 0 }` with no `minimum`.
   */
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  pattern?: string;
  minItems?: number;
  maxItems?: number;
  default?: unknown;
  /** 2.0/3.0 `example`, or the first of 3.1 `examples`. */
  example?: unknown;
  /** Trimmed; omitted when empty. */
  description?: string;
  /** The named schema (`components.schemas` / `definitions` key) this value's schema is, if any. */
  ref?: string;
  /** Arrays: the element's type ("string", "object", "string[]" for arrays of arrays, a union text…). */
  itemType?: CatalogueTypeText;
  /** Arrays: the named schema of the element, if any. */
  itemRef?: string;
  /** Arrays: the element's `format` and `enum`, when the element is a scalar. */
  itemFormat?: string;
  itemEnum?: unknown[];
  /** Objects without properties but with a schema for `additionalProperties` (maps): the value type. Its fields are listed under `<map>.{key}`. */
  mapValueType?: CatalogueTypeText;
  /** A free-form map: `additionalProperties: true` or `{}` and no properties, so any keys with any values. */
  freeForm?: true;
  /**
   * oneOf/anyOf with two or more non-null members: one label per member, the named schema when the
   * member is a `$ref`, otherwise its type text. The members' fields are listed under it: fields every
   * object member has as they are, the others with `variant` naming the members that have them.
   */
  variants?: string[];
  /**
   * A related entity the API returns only when asked (Microsoft Graph `x-ms-navigationProperty`,
   * Stripe `x-expansionResources`): listed with its `ref`/`itemRef`, its fields not expanded here.
   */
  expandable?: true;
}

export interface CatalogueField extends CatalogueShape {
  /** See "Field paths" above. Unique within the entity. */
  path: string;
  /** The property name (last path segment, without `[]`). */
  name: string;
  /** The path of the parent field; omitted for top-level fields. */
  parent?: string;
  /** 0 for top-level fields; parent's depth + 1 otherwise. */
  depth: number;
  /** The parent object's `required` list names this property. */
  required: boolean;
  /** No child fields are listed under this field (scalars, unions, maps, recursive or truncated objects). */
  leaf: boolean;
  /** This field's schema is already being expanded further up the path (a cycle); it is not expanded again. `ref` names it when it is a named schema. */
  recursive?: true;
  /** With `recursive`: the path of the field where that schema is expanded ('' for the entity itself): where the cycle was cut. */
  cycleOf?: string;
  /** A field of some members of a union only: their labels (as in the union's `variants`), joined with " | ". */
  variant?: string;
  /** This object (or array of objects) has properties that were not listed because the depth cap was reached. */
  truncated?: true;
  /**
   * Not in the document: seen in saved samples of the entity (src/main/sandbox/samples/discovered.ts).
   * `samples`: how many samples showed it; `examples`: up to 3 of its values as text; `types`: the JSON
   * types observed ("string", "integer", "null"…).
   */
  discovered?: { samples: number; examples: string[]; types: string[] };
}

export type CatalogueEntityKind = 'schema' | 'body';

export interface CatalogueEntityUse {
  /** `CatalogueOperation.id`. */
  operation: string;
  role: 'request' | 'response';
  /** Responses: the status key as written ("200", "4XX", "default"). */
  status?: string;
  mediaType?: string;
  /** The body is an array of this entity. */
  array: boolean;
}

export interface CatalogueEntity {
  /** Unique within the catalogue: `schema:<name>` or `body:<name>`. */
  id: string;
  kind: CatalogueEntityKind;
  /**
   * Schemas: the key exactly as in components.schemas / definitions. Bodies: `<operationId> request`,
   * `<operationId> <status> response`, falling back to `POST /orders request`; " (2)" etc. appended
   * if two operations share an operationId. One inline schema object reused by several operations
   * (a shared `components/responses` entry) is one body entity, named after the first.
   */
  name: string;
  /** JSON pointer of the schema in the document (`#/components/schemas/Order`, `#/paths/~1orders/post/requestBody/content/application~1json/schema`). */
  pointer: string;
  /** The root value's own shape (an enum string schema or an array alias shows here). */
  shape: CatalogueShape;
  fields: CatalogueField[];
  /**
   * The catalogue was built as an outline: `fields` is empty until asked for entity by entity
   * (the list of a large API's entities is ready long before all their fields would be).
   */
  fieldsDeferred?: true;
  /** Some objects were cut at the depth cap (their fields carry `truncated: true`). */
  depthCapReached?: true;
  /** The field list stopped at the per-entity field cap. */
  fieldCapReached?: true;
  /**
   * Operations whose request or response body is this entity: referenced directly (also through a
   * nullable / single-member allOf/anyOf wrapper), or as the items of an array body (`array: true`).
   * A body carries exactly one entity: a page wrapper `OrderPage { data: Order[] }` is used by
   * `listOrders`, Order is not (its fields are OrderPage's `data[].…`). A union body carries none.
   */
  usedBy: CatalogueEntityUse[];
  /** Set when the entity is seen from a flow's root (mapping/roots.ts): the object `fields` are relative to. */
  root?: string;
}

export interface CatalogueParameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie' | 'formData' | string;
  required: boolean;
  type: CatalogueTypeText;
  format?: string;
  enum?: unknown[];
  itemType?: CatalogueTypeText;
  default?: unknown;
  example?: unknown;
  description?: string;
  deprecated: boolean;
  /** The named schema of the parameter's schema, if any. */
  ref?: string;
}

export interface CatalogueBody {
  mediaType?: string;
  /** Type text of the body schema ("object", "array", "string"…); omitted when the body has no schema. */
  type?: CatalogueTypeText;
  /** `CatalogueEntity.id` of the entity the body carries, when it is an object (named or inline). */
  entity?: string;
  /** The body is an array of `entity`. */
  array: boolean;
}

export interface CatalogueRequestBody extends CatalogueBody {
  required: boolean;
}

export interface CatalogueResponse extends CatalogueBody {
  /** The status key as written: "200", "4XX", "default". */
  status: string;
  description?: string;
}

/** One alternative of an operation's security: all of these schemes together. */
export type CatalogueSecurityRequirement = Array<{ scheme: string; scopes: string[] }>;

export interface CatalogueOperation {
  /** Unique: `GET /orders/{orderId}`; webhooks: `POST orderConfirmed`. */
  id: string;
  method: string;
  /** The path template; for webhooks, the webhook's name. */
  path: string;
  webhook: boolean;
  operationId?: string;
  summary?: string;
  description?: string;
  tags: string[];
  deprecated: boolean;
  /** Path-level and operation-level parameters merged (operation wins), refs resolved. Swagger `in: body` is the request body, not a parameter. */
  parameters: CatalogueParameter[];
  request?: CatalogueRequestBody;
  responses: CatalogueResponse[];
  /** Alternatives (any one suffices), from the operation or else the document. Empty: no authentication. */
  security: CatalogueSecurityRequirement[];
}

export interface CatalogueOAuthFlow {
  /** Swagger 2.0 `accessCode` and `application` appear as authorizationCode and clientCredentials. */
  type: 'authorizationCode' | 'clientCredentials' | 'password' | 'implicit';
  authorizationUrl?: string;
  tokenUrl?: string;
  refreshUrl?: string;
  scopes: Array<{ name: string; description: string }>;
}

interface SecuritySchemeBase {
  /** The scheme's key in securitySchemes / securityDefinitions. */
  name: string;
  description?: string;
}

export type CatalogueSecurityScheme =
  | (SecuritySchemeBase & { type: 'apiKey'; in: 'header' | 'query' | 'cookie'; parameterName: string })
  | (SecuritySchemeBase & { type: 'basic' })
  | (SecuritySchemeBase & { type: 'bearer'; bearerFormat?: string })
  | (SecuritySchemeBase & { type: 'oauth2'; flows: CatalogueOAuthFlow[] })
  | (SecuritySchemeBase & { type: 'openIdConnect'; openIdConnectUrl: string })
  | (SecuritySchemeBase & { type: 'mutualTLS' })
  /** Other HTTP authentication schemes (digest, hoba, …), `scheme` lower-cased. */
  | (SecuritySchemeBase & { type: 'http'; scheme: string })
  | (SecuritySchemeBase & { type: 'unknown'; originalType: string });

export type CatalogueEnvironment = 'sandbox' | 'production' | 'unknown';

export interface CatalogueServerVariable {
  name: string;
  default: string;
  enum?: string[];
  description?: string;
}

export interface CatalogueServer {
  /** As written (3.x), or built from Swagger 2.0 scheme, host and basePath. */
  url: string;
  /** `url` with every `{variable}` replaced by its default. */
  resolvedUrl: string;
  /** The URL has no scheme and host (relative to wherever the document was served from). */
  relative: boolean;
  description?: string;
  variables: CatalogueServerVariable[];
  environment: CatalogueEnvironment;
}

export interface CatalogueLimits {
  /** Fields deeper than this are not listed (top-level fields are depth 0). */
  maxDepth: number;
  /** At most this many fields per entity. */
  maxFieldsPerEntity: number;
}

export interface Catalogue {
  /** The document's `openapi` or `swagger` value, e.g. "3.1.0" or "2.0". */
  openapiVersion: string;
  limits: CatalogueLimits;
  /** Named schemas in document order, then inline bodies in operation order. */
  entities: CatalogueEntity[];
  operations: CatalogueOperation[];
  securitySchemes: CatalogueSecurityScheme[];
  /** Document-level servers (3.x `servers`, or Swagger 2.0 schemes × host + basePath); path- and operation-level `servers` are not listed. */
  servers: CatalogueServer[];
  /** Problems met while building (unresolvable or external `$ref`s, ref cycles without content), deduplicated, at most 100. */
  warnings: string[];
}

/** "3.1.0" → "OpenAPI 3.1.0", "2.0" → "Swagger 2.0"; anything already labelled is kept. */
export function openapiVersionLabel(version: string): string {
  if (!/^\d/.test(version)) return version;
  return version.startsWith('2') ? `Swagger ${version}` : `OpenAPI ${version}`;
}
