// Operations matched by method and path template (path parameter names ignored), with their
// parameters, request body, responses and security.
import type {
  CatalogueBody,
  CatalogueOperation,
  CatalogueParameter,
  CatalogueRequestBody,
  CatalogueResponse,
  CatalogueSecurityRequirement,
} from '../../../shared/catalogue';
import type {
  AddedRemovedChanged,
  AspectChange,
  DiffOperation,
  DiffParameter,
  DiffResponse,
  OperationChange,
  ParameterChange,
  ResponseChange,
} from '../../../shared/catalogue-diff';
import { defaultChange, enumChange, flagChange, textChange } from './aspects';
import { type EntityLookup, entitySwap } from './body-entities';
import { worst } from './severity';
import { compareText, listDelta } from './values';

const METHOD_ORDER = ['GET', 'PUT', 'POST', 'DELETE', 'OPTIONS', 'HEAD', 'PATCH', 'TRACE'];
const methodRank = (method: string) => {
  const rank = METHOD_ORDER.indexOf(method.toUpperCase());
  return rank === -1 ? METHOD_ORDER.length : rank;
};
const byPathThenMethod = (a: DiffOperation, b: DiffOperation) =>
  compareText(a.path, b.path) || methodRank(a.method) - methodRank(b.method) || compareText(a.method, b.method);

const operationKey = (operation: CatalogueOperation) =>
  `${operation.webhook ? 'webhook' : 'path'} ${operation.method.toUpperCase()} ${operation.path.replace(/\{[^}]*\}/g, '{}')}`;

function operationRef(operation: CatalogueOperation, severity: DiffOperation['severity']): DiffOperation {
  const { id, method, path, operationId } = operation;
  return operationId === undefined ? { id, method, path, severity } : { id, method, path, operationId, severity };
}

const defined = (changes: Array<AspectChange | undefined>) => changes.filter((change): change is AspectChange => change !== undefined);

// ---- parameters

/** Path parameters by their position in the template (renaming `{id}` to `{orderId}` changes nothing on the wire); the rest by location and name. */
function parameterKeys(operation: CatalogueOperation): Map<string, CatalogueParameter> {
  const template = [...operation.path.matchAll(/\{([^}]*)\}/g)].map((match) => match[1]);
  const keys = new Map<string, CatalogueParameter>();
  for (const parameter of operation.parameters) {
    const position = parameter.in === 'path' ? template.indexOf(parameter.name) : -1;
    const key =
      position >= 0 ? `path#${position}` : `${parameter.in}:${parameter.in === 'header' ? parameter.name.toLowerCase() : parameter.name}`;
    keys.set(key, parameter);
  }
  return keys;
}

function parameterChanges(before: CatalogueParameter, after: CatalogueParameter): AspectChange[] {
  const values = enumChange('enum', before.enum, after.enum);
  // The integration sends parameters: a value it may now also send is no risk.
  if (values && values.removed?.length === 0 && values.direction === undefined) values.severity = 'info';
  return defined([
    textChange('name', before.name, after.name, 'info'),
    textChange('type', before.type, after.type, 'breaking'),
    textChange('itemType', before.itemType, after.itemType, 'breaking'),
    textChange('format', before.format, after.format, 'risky'),
    flagChange('required', before.required, after.required, 'breaking', 'info'),
    values,
    flagChange('deprecated', before.deprecated, after.deprecated, 'risky', 'info'),
    defaultChange(before, after),
  ]);
}

const parameterRef = (parameter: CatalogueParameter, severity: DiffParameter['severity']): DiffParameter => ({
  name: parameter.name,
  in: parameter.in,
  required: parameter.required,
  type: parameter.type,
  severity,
});

function diffParameters(before: CatalogueOperation, after: CatalogueOperation): OperationChange['parameters'] {
  const old = parameterKeys(before);
  const now = parameterKeys(after);
  const changed: ParameterChange[] = [];
  for (const [key, parameter] of now) {
    const previous = old.get(key);
    if (!previous) continue;
    const changes = parameterChanges(previous, parameter);
    if (changes.length > 0) changed.push({ name: parameter.name, in: parameter.in, severity: worst(...changes), changes });
  }
  return {
    added: [...now].filter(([key]) => !old.has(key)).map(([, parameter]) => parameterRef(parameter, parameter.required ? 'breaking' : 'info')),
    removed: [...old].filter(([key]) => !now.has(key)).map(([, parameter]) => parameterRef(parameter, 'breaking')),
    changed,
  };
}

// ---- bodies

const bodyLabel = (body: CatalogueBody) => body.entity ?? body.type ?? body.mediaType ?? 'a body without a schema';

/** Entity, type and array changes at `shape` severity; media type changes are risky. */
function bodyChanges(before: CatalogueBody, after: CatalogueBody, shape: 'breaking' | 'risky', entities: EntityLookup | undefined): AspectChange[] {
  return defined([
    ...(before.entity !== after.entity ? entitySwap(before.entity, after.entity, shape, entities) : []),
    textChange('type', before.type, after.type, shape),
    flagChange('array', before.array, after.array, shape, shape),
    textChange('mediaType', before.mediaType, after.mediaType, 'risky'),
  ]);
}

function diffRequest(before: CatalogueRequestBody | undefined, after: CatalogueRequestBody | undefined, entities: EntityLookup | undefined): AspectChange[] {
  if (!before && !after) return [];
  if (!before) return [{ aspect: 'body', severity: after!.required ? 'breaking' : 'info', after: bodyLabel(after!) }];
  if (!after) return [{ aspect: 'body', severity: 'breaking', before: bodyLabel(before) }];
  return defined([...bodyChanges(before, after, 'breaking', entities), flagChange('required', before.required, after.required, 'breaking', 'info')]);
}

function responseRef(response: CatalogueResponse, severity: DiffResponse['severity']): DiffResponse {
  const result: DiffResponse = { status: response.status, severity };
  if (response.entity !== undefined) result.entity = response.entity;
  return result;
}

function diffResponses(before: CatalogueResponse[], after: CatalogueResponse[], entities: EntityLookup | undefined): OperationChange['responses'] {
  const old = new Map(before.map((response) => [response.status, response]));
  const now = new Map(after.map((response) => [response.status, response]));
  const changed: ResponseChange[] = [];
  for (const response of after) {
    const previous = old.get(response.status);
    if (!previous) continue;
    // What a success response carries is what an integration reads; error bodies matter less.
    const changes = bodyChanges(previous, response, /^2/.test(response.status) ? 'breaking' : 'risky', entities);
    if (changes.length > 0) changed.push({ status: response.status, severity: worst(...changes), changes });
  }
  return {
    added: after.filter((response) => !old.has(response.status)).map((response) => responseRef(response, 'info')),
    // Usually a status code moved (200 → 201): the data may still come, under another status.
    removed: before.filter((response) => !now.has(response.status)).map((response) => responseRef(response, 'risky')),
    changed,
  };
}

// ---- security

const ANONYMOUS = 'none';

function alternativeLabel(requirement: CatalogueSecurityRequirement): string {
  if (requirement.length === 0) return ANONYMOUS;
  return [...requirement]
    .map(({ scheme, scopes }) => (scopes.length > 0 ? `${scheme}(${[...scopes].sort().join(', ')})` : scheme))
    .sort()
    .join(' + ');
}

/** Removing an alternative may remove the one the integration uses (risky); requiring authentication where none was needed is breaking. */
function securityChange(before: CatalogueSecurityRequirement[], after: CatalogueSecurityRequirement[]): AspectChange | undefined {
  const old = before.length === 0 ? [ANONYMOUS] : before.map(alternativeLabel);
  const now = after.length === 0 ? [ANONYMOUS] : after.map(alternativeLabel);
  const { added, removed } = listDelta(old, now);
  if (added.length === 0 && removed.length === 0) return undefined;
  const severity = removed.includes(ANONYMOUS) ? 'breaking' : removed.length > 0 ? 'risky' : 'info';
  return { aspect: 'security', severity, added, removed };
}

function diffOperation(before: CatalogueOperation, after: CatalogueOperation, entities: EntityLookup | undefined): OperationChange | undefined {
  const changes = defined([
    textChange('operationId', before.operationId, after.operationId, 'info'),
    flagChange('deprecated', before.deprecated, after.deprecated, 'risky', 'info'),
    securityChange(before.security, after.security),
  ]);
  const parameters = diffParameters(before, after);
  const request = diffRequest(before.request, after.request, entities);
  const responses = diffResponses(before.responses, after.responses, entities);
  const items = [
    ...changes,
    ...parameters.added,
    ...parameters.removed,
    ...parameters.changed,
    ...request,
    ...responses.added,
    ...responses.removed,
    ...responses.changed,
  ];
  if (items.length === 0) return undefined;
  return { ...operationRef(after, worst(...items)), changes, parameters, request, responses };
}

/** `entities`: the two catalogues' entities, to tell what a body swapped for another entity means (see body-entities). */
export function diffOperations(before: CatalogueOperation[], after: CatalogueOperation[], entities?: EntityLookup): AddedRemovedChanged<DiffOperation, OperationChange> {
  const old = new Map(before.map((operation) => [operationKey(operation), operation]));
  const now = new Map(after.map((operation) => [operationKey(operation), operation]));
  const changed: OperationChange[] = [];
  for (const [key, operation] of now) {
    const previous = old.get(key);
    const change = previous && diffOperation(previous, operation, entities);
    if (change) changed.push(change);
  }
  return {
    added: [...now].filter(([key]) => !old.has(key)).map(([, operation]) => operationRef(operation, 'info')).sort(byPathThenMethod),
    removed: [...old].filter(([key]) => !now.has(key)).map(([, operation]) => operationRef(operation, 'breaking')).sort(byPathThenMethod),
    changed: changed.sort(byPathThenMethod),
  };
}
