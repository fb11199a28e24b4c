import type { SystemSummary, ValidationState } from '../../shared/contract';
import { UserError } from '../errors';
import type { Workspace } from '../workspace/workspace';

/** An API document as the workspace keeps it: verbatim, with the files it references. */
export interface StoredDocument {
  text: string;
  /** Referenced files, verbatim, keyed by their path relative to the root document. */
  files: Record<string, string>;
  /** A multi-file document with every reference bundled in; absent for a single file. */
  bundle?: Record<string, unknown>;
  format: 'json' | 'yaml';
  title: string;
  apiVersion: string;
  /** The value of the document's `openapi` or `swagger` field, e.g. "3.1.0" or "2.0". */
  openapiVersion: string;
  /** Where it was imported from: a file path, a URL, or "pasted text". */
  source: string;
}

export interface StoredValidation {
  valid: boolean;
  errors: { message: string; path: string; line?: number; column?: number }[];
  /** Set when validation could not finish; says why. */
  incomplete?: string;
}

interface SystemRow {
  id: number;
  name: string;
  title: string;
  api_version: string;
  openapi_version: string;
  format: SystemSummary['format'];
  source: string;
  size_bytes: number;
  imported_at: string;
  previous_versions: number;
  validation: string | null;
}

const summaryQuery = `
  SELECT s.id, s.name, s.title, s.api_version, s.openapi_version, s.format, s.source,
         length(CAST(s.document AS BLOB)) AS size_bytes, s.imported_at, s.validation,
         (SELECT count(*) FROM system_version v WHERE v.system_id = s.id) AS previous_versions
  FROM system s`;

function toSummary(row: SystemRow): SystemSummary {
  const validation: ValidationState = row.validation
    ? { state: 'done', ...(JSON.parse(row.validation) as StoredValidation) }
    : { state: 'pending' };
  return {
    id: row.id,
    name: row.name,
    title: row.title,
    apiVersion: row.api_version,
    openapiVersion: row.openapi_version,
    format: row.format,
    source: row.source,
    sizeBytes: row.size_bytes,
    importedAt: row.imported_at,
    previousVersions: row.previous_versions,
    validation,
  };
}

export function listSystems(workspace: Workspace): SystemSummary[] {
  return workspace.read((db) => (db.prepare(`${summaryQuery} ORDER BY s.id`).all() as SystemRow[]).map(toSummary));
}

export function getSystem(workspace: Workspace, id: number): SystemSummary {
  const row = workspace.read((db) => db.prepare(`${summaryQuery} WHERE s.id = ?`).get(id) as SystemRow | undefined);
  if (!row) throw new UserError('SYSTEM_NOT_FOUND', `System ${id} is not in this workspace (it may have been removed): reload the list.`);
  return toSummary(row);
}

export function findSystemByName(workspace: Workspace, name: string): SystemSummary | undefined {
  const row = workspace.read((db) => db.prepare(`${summaryQuery} WHERE s.name = ?`).get(name) as SystemRow | undefined);
  return row && toSummary(row);
}

export function getStoredDocument(workspace: Workspace, id: number): StoredDocument & { importedAt: string } {
  const row = workspace.read(
    (db) =>
      db.prepare('SELECT title, api_version, openapi_version, format, source, document, files, bundle, imported_at FROM system WHERE id = ?').get(id) as
        | {
            title: string;
            api_version: string;
            openapi_version: string;
            format: 'json' | 'yaml';
            source: string;
            document: string;
            files: string;
            bundle: string | null;
            imported_at: string;
          }
        | undefined,
  );
  if (!row) throw new UserError('SYSTEM_NOT_FOUND', `System ${id} is not in this workspace (it may have been removed): reload the list.`);
  return {
    text: row.document,
    files: JSON.parse(row.files) as Record<string, string>,
    ...(row.bundle ? { bundle: JSON.parse(row.bundle) as Record<string, unknown> } : {}),
    format: row.format,
    title: row.title,
    apiVersion: row.api_version,
    openapiVersion: row.openapi_version,
    source: row.source,
    importedAt: row.imported_at,
  };
}

/** The system columns a stored document fills, and their values in the same order. */
const DOCUMENT_COLUMNS = ['title', 'api_version', 'openapi_version', 'format', 'source', 'document', 'files', 'bundle'] as const;

const documentValues = (document: StoredDocument) => [
  document.title,
  document.apiVersion,
  document.openapiVersion,
  document.format,
  document.source,
  document.text,
  JSON.stringify(document.files),
  document.bundle ? JSON.stringify(document.bundle) : null,
];

export function addSystem(workspace: Workspace, name: string, document: StoredDocument, validation?: StoredValidation): SystemSummary {
  const id = workspace.write((db) => {
    const taken = db.prepare('SELECT 1 FROM system WHERE name = ?').get(name);
    if (taken) throw new UserError('SYSTEM_EXISTS', `The workspace already has a system named "${name}": choose another name, or re-import that system.`);
    return db
      .prepare(
        `INSERT INTO system (name, ${DOCUMENT_COLUMNS.join(', ')}, validation, imported_at)
         VALUES (?, ${DOCUMENT_COLUMNS.map(() => '?').join(', ')}, ?, ?)`,
      )
      .run(name, ...documentValues(document), validation ? JSON.stringify(validation) : null, new Date().toISOString()).lastInsertRowid;
  });
  return getSystem(workspace, Number(id));
}

export function recordValidation(workspace: Workspace, id: number, importedAt: string, validation: StoredValidation): void {
  // Only for the document it was run on: a re-import meanwhile starts its own validation.
  workspace.write((db) =>
    db.prepare('UPDATE system SET validation = ? WHERE id = ? AND imported_at = ?').run(JSON.stringify(validation), id, importedAt),
  );
}

export interface MappingReview {
  mappingId: number;
  reasons: string[];
}

/**
 * Replaces a system's document with a new version, keeping the old one in system_version and
 * flagging the mappings the change breaks or puts at risk: one transaction, nothing deleted.
 */
export function replaceSystemDocument(
  workspace: Workspace,
  id: number,
  document: StoredDocument,
  reviews: MappingReview[],
  /** Saved sandbox requests the change breaks: flagged with the reason, nothing else of them changes. */
  brokenRequests: Array<{ requestId: number; reason: string }> = [],
): SystemSummary {
  workspace.write((db) => {
    const archived = db
      .prepare(
        `INSERT INTO system_version (system_id, title, api_version, openapi_version, format, source, document, files, bundle, imported_at, replaced_at)
         SELECT id, title, api_version, openapi_version, format, source, document, files, bundle, imported_at, ? FROM system WHERE id = ?`,
      )
      .run(new Date().toISOString(), id);
    if (archived.changes === 0) throw new UserError('SYSTEM_NOT_FOUND', `System ${id} is not in this workspace (it may have been removed): reload the list.`);
    db.prepare(`UPDATE system SET ${DOCUMENT_COLUMNS.map((column) => `${column} = ?`).join(', ')}, validation = NULL, imported_at = ? WHERE id = ?`).run(
      ...documentValues(document),
      new Date().toISOString(),
      id,
    );
    // Added to any reasons an earlier re-import left that nobody has reviewed yet.
    const pending = db.prepare('SELECT review FROM field_mapping WHERE id = ?');
    const flag = db.prepare('UPDATE field_mapping SET review = ?, updated_at = ? WHERE id = ?');
    for (const review of reviews) {
      const earlier = (pending.get(review.mappingId) as { review: string | null } | undefined)?.review;
      const reasons = [...new Set([...(earlier ? (JSON.parse(earlier) as string[]) : []), ...review.reasons])];
      flag.run(JSON.stringify(reasons), new Date().toISOString(), review.mappingId);
    }
    const flagRequest = db.prepare('UPDATE sandbox_request SET broken_reason = ?, broken_at = ? WHERE id = ? AND system_id = ?');
    for (const broken of brokenRequests) flagRequest.run(broken.reason, new Date().toISOString(), broken.requestId, id);
  });
  return getSystem(workspace, id);
}

/** Removes a system no data flow uses; a system in use is refused with the flows named. */
export function removeSystem(workspace: Workspace, id: number): void {
  workspace.write((db) => {
    const flows = (
      db.prepare('SELECT name FROM data_flow WHERE source_system_id = ? OR target_system_id = ? ORDER BY name').all(id, id) as { name: string }[]
    ).map((flow) => `"${flow.name}"`);
    const system = getSystem(workspace, id);
    if (flows.length > 0) {
      throw new UserError(
        'SYSTEM_IN_USE',
        `${system.name} is used by the data flow${flows.length > 1 ? 's' : ''} ${flows.join(', ')}: remove or change those flows first.`,
      );
    }
    db.prepare('DELETE FROM system WHERE id = ?').run(id);
  });
}
