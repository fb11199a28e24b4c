// What changed between two catalogues of one API (an analyst re-imports a new version), and which
// mapping rows that change affects. Built in main by src/main/openapi/diff (diffCatalogues,
// mappingImpact); plain data, safe to send to the renderer, and the JSON that
// `crosswalk diff --json` prints:
//
// {
//   "summary": { "breaking": 3, "risky": 2, "info": 4, "total": 9 },
//   "entities": {
//     "added":   [{ "id": "schema:Refund", "kind": "schema", "name": "Refund", "severity": "info" }],
//     "removed": [{ "id": "schema:Legacy", "kind": "schema", "name": "Legacy", "severity": "breaking" }],
//     "changed": [{ "id": "schema:Order", "kind": "schema", "name": "Order", "severity": "breaking",
//                   "root": [],
//                   "fields": {
//                     "added":   [{ "path": "channel", "name": "channel", "type": "string", "required": false, "severity": "info" }],
//                     "removed": [{ "path": "shipping", "name": "shipping", "type": "object", "required": false,
//                                   "descendants": ["shipping.city"], "severity": "breaking" }],
//                     "changed": [{ "path": "status", "severity": "breaking",
//                                   "changes": [{ "aspect": "enum", "removed": ["cancelled"], "added": [], "severity": "breaking" }] }],
//                     "renamed": [{ "from": { "path": "postcode", … }, "to": { "path": "postal_code", … },
//                                   "reason": "similar-name", "changes": [], "severity": "risky" }] } }]
//   },
//   "operations":      { "added": [...], "removed": [...], "changed": [{ "id": "GET /orders", …, "parameters": {…}, "request": [...], "responses": {…} }] },
//   "securitySchemes": { "added": [...], "removed": [...], "changed": [{ "name": "oauth", "type": "oauth2", "changes": [...] }] },
//   "servers":         { "added": [...], "removed": [...], "changed": [{ "url": "https://api.example.com/v1", "changes": [{ "aspect": "url", … }] }] }
// }
//
// Conventions
// - Optional keys are omitted when absent. `before`/`after` are omitted when that side has no value
//   (a format that appeared has only `after`).
// - Every reported item carries a `severity`; a changed item's is its most severe change.
// - `summary` counts reported items (an entity, field, operation, scheme or server added, removed,
//   renamed or changed; an entity root that changed) by severity: a changed item counts once.
// - Order: entities by name; fields in catalogue order (removed ones in the old catalogue's order);
//   operations by path, then method; schemes by name; servers in document order.
// - Added/removed fields list only the top-most field of a subtree; the paths under it are in
//   `descendants`, so a removed parent object also names every child path it takes with it.
import type { CatalogueEntityKind, CatalogueEnvironment, CatalogueTypeText } from './catalogue';

/**
 * - breaking: what worked may stop working (removed field/entity/operation, type changed, enum
 *   value removed, field became required, limits tightened, became read-only or write-only).
 * - risky: may need a decision (nullable or format changed, enum value added, deprecated, limits
 *   loosened, rename candidate, default changed, response removed, server moved).
 * - info: nothing should break (added optional field, added operation, no longer deprecated…).
 */
export type DiffSeverity = 'breaking' | 'risky' | 'info';

export interface DiffSummary {
  breaking: number;
  risky: number;
  info: number;
  total: number;
}

/** What about a field, parameter, body, operation, scheme or server changed. */
export type ChangeAspect =
  // fields, entity roots and parameters (see CatalogueShape)
  | 'type'
  | 'format'
  | 'required'
  | 'nullable'
  | 'enum'
  | 'minLength'
  | 'maxLength'
  | 'minimum'
  | 'maximum'
  | 'exclusiveMinimum'
  | 'exclusiveMaximum'
  | 'pattern'
  | 'minItems'
  | 'maxItems'
  | 'readOnly'
  | 'writeOnly'
  | 'deprecated'
  | 'default'
  | 'ref'
  | 'itemType'
  | 'itemRef'
  | 'itemFormat'
  | 'itemEnum'
  | 'mapValueType'
  | 'variants'
  // parameters matched by position in the path template
  | 'name'
  // operations: request body and responses
  | 'operationId'
  | 'security'
  | 'body'
  | 'entity'
  | 'array'
  | 'mediaType'
  // security schemes
  | 'schemeType'
  | 'in'
  | 'parameterName'
  | 'scheme'
  | 'bearerFormat'
  | 'openIdConnectUrl'
  | 'flows'
  | 'authorizationUrl'
  | 'tokenUrl'
  | 'refreshUrl'
  | 'scopes'
  // servers
  | 'url'
  | 'environment'
  | 'variables';

export interface AspectChange {
  aspect: ChangeAspect;
  severity: DiffSeverity;
  /** The old value (a type text, a boolean, a number, a pattern, a default as given…). */
  before?: unknown;
  /** The new value. */
  after?: unknown;
  /** Lists (enum, itemEnum, variants, scopes, flows, variables, security alternatives): what was added. */
  added?: unknown[];
  /** …and what was removed. */
  removed?: unknown[];
  /**
   * Limits (minLength…maxItems, pattern) and enums: `tightened` (a minimum rose, a maximum fell, or a
   * limit, pattern or enum appeared), `loosened` (the reverse, or it disappeared), `changed` (a
   * pattern was rewritten: no way to tell).
   */
  direction?: 'tightened' | 'loosened' | 'changed';
  /** Where inside the item: the OAuth flow (`authorizationCode`) or server variable (`region`). */
  within?: string;
}

/** A field as the added/removed/renamed lists show it. */
export interface FieldRef {
  path: string;
  name: string;
  type: CatalogueTypeText;
  required: boolean;
  /** Paths under this field that went (or came) with it, in catalogue order. */
  descendants?: string[];
}

export interface DiffField extends FieldRef {
  severity: DiffSeverity;
}

export interface FieldChange {
  path: string;
  severity: DiffSeverity;
  changes: AspectChange[];
}

/**
 * Why a removed and an added field of the same type look like one field renamed:
 * - similar-name: same parent, names alike (`postcode` → `postal_code`, `zip` → `zipCode`);
 * - same-description: same parent, identical description;
 * - moved: the path spells the same words at another depth (`accountHolderId` →
 *   `accountHolder.id`, `billing.address` → `billingAddress`).
 */
export type RenameReason = 'similar-name' | 'same-description' | 'moved';

/** A rename candidate: reported instead of the removed `from` and (when top-most) the added `to`. For the analyst to confirm. */
export interface FieldRename {
  from: FieldRef;
  to: FieldRef;
  reason: RenameReason;
  /** What else differs between the two (required, format…). */
  changes: AspectChange[];
  /** At least risky. */
  severity: DiffSeverity;
}

export interface FieldsDiff {
  added: DiffField[];
  removed: DiffField[];
  changed: FieldChange[];
  renamed: FieldRename[];
}

export interface DiffEntity {
  /** `CatalogueEntity.id`: `schema:<name>` or `body:<name>`. */
  id: string;
  kind: CatalogueEntityKind;
  name: string;
  severity: DiffSeverity;
}

export interface EntityChange extends DiffEntity {
  /** Changes of the entity's root value (an enum schema's values, an object that became an array…). */
  root: AspectChange[];
  fields: FieldsDiff;
  /**
   * One side's field list hit the catalogue's depth or field cap: fields beyond it were not listed,
   * so some "added"/"removed" fields may only have moved past the cap.
   */
  incomplete?: true;
}

export interface DiffOperation {
  /** `CatalogueOperation.id` (the new one for added operations and changes): `GET /orders/{orderId}`. */
  id: string;
  method: string;
  path: string;
  operationId?: string;
  severity: DiffSeverity;
}

export interface DiffParameter {
  name: string;
  in: string;
  required: boolean;
  type: CatalogueTypeText;
  severity: DiffSeverity;
}

export interface ParameterChange {
  /** The new name (a path parameter renamed in the template shows a `name` change). */
  name: string;
  in: string;
  severity: DiffSeverity;
  changes: AspectChange[];
}

export interface DiffResponse {
  status: string;
  /** `CatalogueEntity.id` the response carries, if any. */
  entity?: string;
  severity: DiffSeverity;
}

export interface ResponseChange {
  status: string;
  severity: DiffSeverity;
  /** Aspects `entity`, `type`, `array`, `mediaType`. */
  changes: AspectChange[];
}

/**
 * Operations match by method and path template, path parameter names ignored (`/orders/{id}` is
 * `/orders/{orderId}`). Path parameters match by position, the others by `in` and name.
 */
export interface OperationChange extends DiffOperation {
  /** Aspects `operationId` (renames the operation's inline body entities), `deprecated`, `security` (alternatives added/removed, e.g. "ApiKey + OAuth2(read)"). */
  changes: AspectChange[];
  parameters: { added: DiffParameter[]; removed: DiffParameter[]; changed: ParameterChange[] };
  /** Aspects `body` (appeared/disappeared: before/after is the body's entity id or type), `required`, `entity`, `type`, `array`, `mediaType`. */
  request: AspectChange[];
  responses: { added: DiffResponse[]; removed: DiffResponse[]; changed: ResponseChange[] };
}

export interface DiffSecurityScheme {
  name: string;
  /** `CatalogueSecurityScheme.type`. */
  type: string;
  severity: DiffSeverity;
}

export interface SecuritySchemeChange extends DiffSecurityScheme {
  changes: AspectChange[];
}

export interface DiffServer {
  url: string;
  environment: CatalogueEnvironment;
  severity: DiffSeverity;
}

/** A server kept (same URL) or moved (same host, or the one server left on each side): a `url` aspect then says where to. */
export interface ServerChange extends DiffServer {
  /** The old URL. */
  url: string;
  changes: AspectChange[];
}

export interface AddedRemovedChanged<Item, Change> {
  added: Item[];
  removed: Item[];
  changed: Change[];
}

export interface CatalogueDiff {
  summary: DiffSummary;
  entities: AddedRemovedChanged<DiffEntity, EntityChange>;
  operations: AddedRemovedChanged<DiffOperation, OperationChange>;
  securitySchemes: AddedRemovedChanged<DiffSecurityScheme, SecuritySchemeChange>;
  servers: AddedRemovedChanged<DiffServer, ServerChange>;
}

// ---- Mapping impact -------------------------------------------------------------------------

/** One mapping row's use of a field of the re-imported system. */
export interface MappingReference {
  /** The caller's id for the row (e.g. `field_mapping.id`), passed back unchanged. */
  id: string | number;
  /** The entity's name as the flow stores it (`Order`), or its catalogue id (`schema:Order`). */
  entity: string;
  /** The field path (`lines[].amount`); "" for the entity as a whole. */
  path: string;
  side: 'source' | 'target';
  /** The enum values the row's value map uses on this side, when it has one: narrows enum reasons to those values. */
  values?: unknown[];
}

export type ImpactStatus = 'broken' | 'at-risk';

export interface ImpactReason {
  /** `entity-removed`, `field-removed`, `parent-removed` (an object above the path went), `renamed` (a rename candidate), or the aspect that changed. */
  code: 'entity-removed' | 'field-removed' | 'parent-removed' | 'renamed' | ChangeAspect;
  status: ImpactStatus;
  /** One sentence for the analyst: "The field shipping.city was removed with its parent shipping." */
  message: string;
  /** The change behind this reason, for aspect codes. */
  change?: AspectChange;
}

export interface MappingImpact<Reference extends MappingReference = MappingReference> {
  reference: Reference;
  /** broken when any reason is. */
  status: ImpactStatus;
  reasons: ImpactReason[];
  /** Where the field seems to be now (from a rename candidate): for the analyst to confirm, never applied. */
  suggestedPath?: string;
}
