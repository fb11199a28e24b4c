// Samples: JSON bodies attached to an entity of a system's catalogue, with their provenance (system,
// operation, status, environment, document version, the redacted request, the history entry), each
// checked against the document when saved. Bodies live in the workspace, never in workbook cells.
import fs from 'node:fs';
import type { Catalogue, CatalogueEntity, CatalogueOperation } from '../../../shared/catalogue';
import { UserError } from '../../errors';
import { PayloadValidator } from '../../openapi/payload/validator';
import { getStoredDocument } from '../../openapi/systems';
import { storedApiDocument, type SystemImports } from '../../openapi/system-import';
import type { Redactor } from '../../platform/redact';
import type { Workspace } from '../../workspace/workspace';
import { BodyCache } from '../store/body-cache';
import { WITHIN_LIMIT } from '../store/history';
import { checkSample, type SampleFinding } from './contract-check';
import { relativeTo } from './field-path';

export type SampleDirection = 'response' | 'request';

/** What a sample is saved from: a body given as text, or a history entry's response body. */
export type SampleSource =
  | { kind: 'body'; body: string; status?: number; contentType?: string; environment?: string; method?: string; url?: string }
  | { kind: 'history'; historyId: number };

export interface SampleInput {
  systemId: number;
  /** The catalogue entity id: `schema:Customer`. */
  entity: string;
  /** The catalogue operation id (`GET /customers/{customerId}`); optional when the entity is used by one operation in this direction. */
  operation?: string;
  direction: SampleDirection;
  source: SampleSource;
}

export interface StoredFinding extends SampleFinding {
  /** False when the finding lies outside the entity in the body (a page wrapper's fields); `field` is then the body's path. */
  inEntity: boolean;
}

export interface SampleSummary {
  id: number;
  systemId: number;
  entity: string;
  operation: string | null;
  direction: SampleDirection;
  status: number | null;
  contentType: string | null;
  environment: string | null;
  /** The system's imported_at when the sample was saved. */
  documentVersion: string;
  apiVersion: string;
  method: string | null;
  /** Redacted. */
  url: string | null;
  historyId: number | null;
  capturedAt: string;
  findings: StoredFinding[];
}

export interface Sample extends SampleSummary {
  body: unknown;
}

export interface SampleContext {
  workspace: Workspace;
  systems: SystemImports;
  redactor: Redactor;
  /** The response bodies of history (needed to save from a history entry). */
  bodies?: BodyCache;
}

/** The largest body kept as a sample. */
export const MAX_SAMPLE_BYTES = 16 * 1024 * 1024;

export async function saveSample(context: SampleContext, input: SampleInput): Promise<SampleSummary> {
  const { workspace } = context;
  const stored = getStoredDocument(workspace, input.systemId);
  const catalogue = await context.systems.catalogue(workspace, input.systemId);
  const entity = catalogue.entities.find((candidate) => candidate.id === input.entity);
  if (!entity) {
    throw new UserError('ENTITY_NOT_FOUND', `The system has no entity "${input.entity}" (its document may have been re-imported): take an entity id from the catalogue, such as "${catalogue.entities[0]?.id ?? 'schema:Name'}".`);
  }
  const operation = chooseOperation(catalogue, entity, input);
  const captured = readSource(context, input);
  const body = parseBody(captured.text, input.direction, captured.contentType);
  const document = await storedApiDocument(stored);
  const findings = checkSample(document, validatorFor(context.workspace, input.systemId, stored.importedAt, input.direction, document), {
    direction: input.direction,
    operation,
    status: captured.status,
    contentType: captured.contentType,
    body,
  });
  const prefix = await entityPrefix(context, input.systemId, catalogue, entity, operation, input.direction, captured.status);
  const located = findings.map((finding) => locate(finding, prefix));
  const capturedAt = new Date().toISOString();
  const id = workspace.write((db) => {
    const sampleId = Number(
      db
        .prepare(
          `INSERT INTO sandbox_sample (system_id, entity, operation, direction, status, content_type, environment, document_version, api_version,
             method, url, history_id, captured_at, checked_version, body)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          input.systemId,
          entity.id,
          operation.id,
          input.direction,
          captured.status,
          captured.contentType,
          captured.environment,
          stored.importedAt,
          stored.apiVersion,
          captured.method,
          captured.url === null ? null : context.redactor.url(captured.url),
          captured.historyId,
          capturedAt,
          stored.importedAt,
          JSON.stringify(body),
        ).lastInsertRowid,
    );
    insertFindings(db, sampleId, located);
    return sampleId;
  });
  return getSampleSummary(workspace, id);
}

/** The contract check of response bodies that are not kept (pages read without an entity to save them to). */
export async function checkResponseBodies(
  context: SampleContext,
  systemId: number,
  operation: CatalogueOperation,
  responses: ReadonlyArray<{ status: number; contentType: string | null; body: unknown }>,
): Promise<SampleFinding[][]> {
  const stored = getStoredDocument(context.workspace, systemId);
  const document = await storedApiDocument(stored);
  const closed = validatorFor(context.workspace, systemId, stored.importedAt, 'response', document);
  return responses.map((response) => checkSample(document, closed, { direction: 'response', operation, ...response }));
}

/** A sample's findings computed anew against the system's current document (after a re-import). */
export async function recheckStaleSamples(context: SampleContext, systemId: number): Promise<number> {
  const stored = getStoredDocument(context.workspace, systemId);
  const stale = context.workspace.read(
    (db) => db.prepare('SELECT id FROM sandbox_sample WHERE system_id = ? AND checked_version <> ?').pluck().all(systemId, stored.importedAt) as number[],
  );
  if (stale.length === 0) return 0;
  const catalogue = await context.systems.catalogue(context.workspace, systemId);
  const document = await storedApiDocument(stored);
  const rechecked: Array<{ id: number; findings: StoredFinding[] }> = [];
  for (const id of stale) {
    const sample = getSample(context.workspace, id);
    const entity = catalogue.entities.find((candidate) => candidate.id === sample.entity);
    const operation = catalogue.operations.find((candidate) => candidate.id === sample.operation);
    // An entity or operation the new document no longer has: the old findings stay, marked by their version.
    if (!entity || !operation) continue;
    const validator = validatorFor(context.workspace, systemId, stored.importedAt, sample.direction, document);
    const findings = checkSample(document, validator, { direction: sample.direction, operation, status: sample.status, contentType: sample.contentType, body: sample.body });
    const prefix = await entityPrefix(context, systemId, catalogue, entity, operation, sample.direction, sample.status);
    rechecked.push({ id, findings: findings.map((finding) => locate(finding, prefix)) });
  }
  context.workspace.write((db) => {
    for (const { id, findings } of rechecked) {
      db.prepare('DELETE FROM sandbox_sample_finding WHERE sample_id = ?').run(id);
      insertFindings(db, id, findings);
      db.prepare('UPDATE sandbox_sample SET checked_version = ? WHERE id = ?').run(stored.importedAt, id);
    }
  });
  return rechecked.length;
}

interface SampleRow {
  id: number;
  system_id: number;
  entity: string;
  operation: string | null;
  direction: SampleDirection;
  status: number | null;
  content_type: string | null;
  environment: string | null;
  document_version: string;
  api_version: string;
  method: string | null;
  url: string | null;
  history_id: number | null;
  captured_at: string;
}

interface FindingRow {
  sample_id: number;
  kind: StoredFinding['kind'];
  pointer: string;
  field: string;
  in_entity: number;
  schema_path: string;
  message: string;
}

const SAMPLE_COLUMNS = 'id, system_id, entity, operation, direction, status, content_type, environment, document_version, api_version, method, url, history_id, captured_at';

/** The samples of a system (of one entity when given), newest first, with their findings. */
export function listSamples(workspace: Workspace, query: { systemId: number; entity?: string }): SampleSummary[] {
  return workspace.read((db) => {
    const rows = (
      query.entity === undefined
        ? db.prepare(`SELECT ${SAMPLE_COLUMNS} FROM sandbox_sample WHERE system_id = ? ORDER BY id DESC`).all(query.systemId)
        : db.prepare(`SELECT ${SAMPLE_COLUMNS} FROM sandbox_sample WHERE system_id = ? AND entity = ? ORDER BY id DESC`).all(query.systemId, query.entity)
    ) as SampleRow[];
    const findings = db.prepare('SELECT sample_id, kind, pointer, field, in_entity, schema_path, message FROM sandbox_sample_finding WHERE sample_id = ? ORDER BY id');
    return rows.map((row) => toSummary(row, findings.all(row.id) as FindingRow[]));
  });
}

export function getSample(workspace: Workspace, id: number): Sample {
  const row = workspace.read((db) => db.prepare(`SELECT ${SAMPLE_COLUMNS}, body FROM sandbox_sample WHERE id = ?`).get(id) as (SampleRow & { body: string }) | undefined);
  if (!row) throw new UserError('SAMPLE_NOT_FOUND', `Sample ${id} is not in this workspace (it may have been deleted): reload the samples.`);
  return { ...getSampleSummary(workspace, id), body: JSON.parse(row.body) };
}

export function deleteSample(workspace: Workspace, id: number): void {
  const deleted = workspace.write((db) => db.prepare('DELETE FROM sandbox_sample WHERE id = ?').run(id).changes);
  if (deleted === 0) throw new UserError('SAMPLE_NOT_FOUND', `Sample ${id} is not in this workspace (it may have been deleted already): reload the samples.`);
}

function getSampleSummary(workspace: Workspace, id: number): SampleSummary {
  return workspace.read((db) => {
    const row = db.prepare(`SELECT ${SAMPLE_COLUMNS} FROM sandbox_sample WHERE id = ?`).get(id) as SampleRow | undefined;
    if (!row) throw new UserError('SAMPLE_NOT_FOUND', `Sample ${id} is not in this workspace (it may have been deleted): reload the samples.`);
    return toSummary(row, db.prepare('SELECT sample_id, kind, pointer, field, in_entity, schema_path, message FROM sandbox_sample_finding WHERE sample_id = ? ORDER BY id').all(id) as FindingRow[]);
  });
}

function toSummary(row: SampleRow, findings: FindingRow[]): SampleSummary {
  return {
    id: row.id,
    systemId: row.system_id,
    entity: row.entity,
    operation: row.operation,
    direction: row.direction,
    status: row.status,
    contentType: row.content_type,
    environment: row.environment,
    documentVersion: row.document_version,
    apiVersion: row.api_version,
    method: row.method,
    url: row.url,
    historyId: row.history_id,
    capturedAt: row.captured_at,
    findings: findings.map((finding) => ({
      kind: finding.kind,
      pointer: finding.pointer,
      field: finding.field,
      inEntity: finding.in_entity === 1,
      schemaPath: finding.schema_path,
      message: finding.message,
    })),
  };
}

function insertFindings(db: Parameters<Parameters<Workspace['write']>[0]>[0], sampleId: number, findings: StoredFinding[]) {
  const insert = db.prepare('INSERT INTO sandbox_sample_finding (sample_id, kind, pointer, field, in_entity, schema_path, message) VALUES (?, ?, ?, ?, ?, ?, ?)');
  for (const finding of findings) insert.run(sampleId, finding.kind, finding.pointer, finding.field, finding.inEntity ? 1 : 0, finding.schemaPath, finding.message);
}

function chooseOperation(catalogue: Catalogue, entity: CatalogueEntity, input: SampleInput): CatalogueOperation {
  if (input.operation !== undefined) {
    const operation = catalogue.operations.find((candidate) => candidate.id === input.operation);
    if (!operation) throw new UserError('OPERATION_NOT_FOUND', `The system has no operation "${input.operation}": name one as the catalogue does, such as "${catalogue.operations[0]?.id ?? 'GET /path'}".`);
    return operation;
  }
  const ids = [...new Set(entity.usedBy.filter((use) => use.role === input.direction).map((use) => use.operation))];
  if (ids.length !== 1) {
    throw new UserError(
      'SAMPLE_OPERATION_NEEDED',
      ids.length === 0
        ? `No operation of the document has ${entity.name} as its ${input.direction} body: name the operation the ${input.direction} came from.`
        : `${entity.name} is the ${input.direction} body of ${ids.length} operations (${ids.slice(0, 5).join(', ')}): name the one the ${input.direction} came from.`,
    );
  }
  return catalogue.operations.find((candidate) => candidate.id === ids[0])!;
}

interface Captured {
  text: string;
  status: number | null;
  contentType: string | null;
  environment: string | null;
  method: string | null;
  url: string | null;
  historyId: number | null;
}

function readSource(context: SampleContext, input: SampleInput): Captured {
  const { source } = input;
  if (source.kind === 'body') {
    if (Buffer.byteLength(source.body) > MAX_SAMPLE_BYTES) throw tooLarge();
    return {
      text: source.body,
      status: input.direction === 'response' ? (source.status ?? 200) : null,
      contentType: source.contentType ?? 'application/json',
      environment: source.environment ?? null,
      method: source.method ?? null,
      url: source.url ?? null,
      historyId: null,
    };
  }
  const row = context.workspace.read(
    (db) =>
      db
        .prepare(
          `SELECT h.system_id, h.method, h.url, h.status, h.content_type, h.body_id, h.detail, e.name AS environment
           FROM sandbox_history h LEFT JOIN sandbox_environment e ON e.id = h.environment_id WHERE h.id = ? AND ${WITHIN_LIMIT}`,
        )
        .get(source.historyId) as
        | { system_id: number | null; method: string; url: string; status: number | null; content_type: string | null; body_id: string | null; detail: string; environment: string | null }
        | undefined,
  );
  if (!row) throw new UserError('HISTORY_NOT_FOUND', `History entry ${source.historyId} is not in this workspace (it may have been pruned): reload the history.`);
  if (row.system_id !== null && row.system_id !== input.systemId) {
    throw new UserError('SAMPLE_WRONG_SYSTEM', `History entry ${source.historyId} was sent to another system: save it as a sample of that system.`);
  }
  const provenance = { status: row.status, environment: row.environment, method: row.method, url: row.url, historyId: source.historyId };
  if (input.direction === 'request') {
    const draft = (JSON.parse(row.detail) as { draft?: { body?: { kind: string; text?: string } } | null }).draft;
    if (draft?.body?.kind !== 'json' || draft.body.text === undefined) {
      throw new UserError('SAMPLE_NOT_JSON', `History entry ${source.historyId} sent no JSON body: a request sample must be a JSON body.`);
    }
    return { ...provenance, status: null, text: draft.body.text, contentType: 'application/json' };
  }
  if (row.status === null) throw new UserError('SAMPLE_NO_RESPONSE', `History entry ${source.historyId} got no response (the call failed): send it again and save that response.`);
  const bodies = context.bodies;
  if (!bodies || !bodies.has(row.body_id)) {
    throw new UserError(
      'SAMPLE_BODY_GONE',
      `The response body of history entry ${source.historyId} is no longer available (pruned from history or the cache folder was cleared): send the request again and save that response.`,
    );
  }
  const file = bodies.pathOf(row.body_id!);
  if (fs.statSync(file).size > MAX_SAMPLE_BYTES) throw tooLarge();
  return { ...provenance, text: fs.readFileSync(file, 'utf8'), contentType: row.content_type };
}

const tooLarge = () => new UserError('SAMPLE_TOO_LARGE', `The body is larger than ${MAX_SAMPLE_BYTES / 1024 / 1024} MB: save a smaller response (fewer records per page) as the sample.`);

function parseBody(text: string, direction: SampleDirection, contentType: string | null): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const declared = contentType && !/json/i.test(contentType) ? ` (its content type is ${contentType})` : '';
    throw new UserError('SAMPLE_NOT_JSON', `The ${direction} body is not JSON${declared}: ${(error as Error).message}. Only JSON bodies can be saved as samples.`);
  }
}

const VALIDATORS_KEPT = 4;
const validators = new Map<string, PayloadValidator>();

/** One closed validator per workspace, system, document version and direction, the few last used kept. */
function validatorFor(workspace: Workspace, systemId: number, importedAt: string, direction: SampleDirection, document: Record<string, unknown>): PayloadValidator {
  const key = `${workspace.path}\u0000${systemId}\u0000${importedAt}\u0000${direction}`;
  const validator = validators.get(key) ?? new PayloadValidator(document, { mode: 'closed', direction });
  validators.delete(key);
  validators.set(key, validator);
  while (validators.size > VALIDATORS_KEPT) validators.delete(validators.keys().next().value!);
  return validator;
}

/**
 * Where the entity sits in the operation's body, as a field path: '' when the body is the entity, `[]`
 * for an array of it, `data[]` when a page wrapper holds it; '' when it cannot be told (the body is read
 * as the entity).
 */
async function entityPrefix(
  context: SampleContext,
  systemId: number,
  catalogue: Catalogue,
  entity: CatalogueEntity,
  operation: CatalogueOperation,
  direction: SampleDirection,
  status: number | null,
): Promise<string> {
  const body =
    direction === 'request'
      ? operation.request
      : (() => {
          const code = String(status ?? 200);
          return (
            operation.responses.find((response) => response.status === code) ??
            operation.responses.find((response) => response.status.toUpperCase() === `${code[0]}XX`) ??
            operation.responses.find((response) => response.status === 'default')
          );
        })();
  if (!body?.entity) return '';
  if (body.entity === entity.id) return body.array ? '[]' : '';
  if (!catalogue.entities.some((candidate) => candidate.id === body.entity)) return '';
  const wrapper = await context.systems.entity(context.workspace, systemId, body.entity);
  const holder = wrapper.fields.find((field) => field.ref === entity.name) ?? wrapper.fields.find((field) => field.itemRef === entity.name);
  if (!holder) return '';
  return `${body.array ? '[]' : ''}${holder.ref === entity.name ? holder.path : `${holder.path}[]`}`;
}

function locate(finding: SampleFinding, prefix: string): StoredFinding {
  const relative = relativeTo(prefix, finding.field);
  return relative === undefined ? { ...finding, inEntity: false } : { ...finding, field: relative, inEntity: true };
}

/** The cache of history's response bodies for this workspace (CROSSWALK_HOME/cache/<workspace id>). */
export function workspaceBodyCache(workspace: Workspace, cacheRoot: string): BodyCache {
  const workspaceId = workspace.read((db) => db.prepare('SELECT workspace_id FROM workspace_identity WHERE id = 1').pluck().get() as string);
  return new BodyCache(cacheRoot, workspaceId);
}
