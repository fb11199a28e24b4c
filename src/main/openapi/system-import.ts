// Systems in a workspace, as the analyst adds and re-imports them: the import pipeline on one side,
// the workspace store on the other, and the previews of re-imports waiting for the analyst's decision.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Catalogue, CatalogueEntity } from '../../shared/catalogue';
import type { CatalogueDiff, MappingImpact, MappingReference } from '../../shared/catalogue-diff';
import type { ExternalReference, ImportSource, SystemSummary } from '../../shared/contract';
import { UserError } from '../errors';
import { discoveredFields, withDiscovered } from '../sandbox/samples/discovered';
import { openWorkspace, type Workspace } from '../workspace/workspace';
import { buildCatalogue, buildCatalogueOutline, type CatalogueOutline } from './catalogue';
import { requestImpact, savedRequestOrigins } from '../sandbox/draft/request-impact';
import { diffCatalogues, mappingImpact } from './diff';
import { joinRoot } from '../mapping/roots';
import { importApiDocument, type ApiDocSource, type ImportedApiDocument, type ImportResult, type ValidationResult } from './import';
import type { Consent } from './load/references';
import type { Services } from '../platform/services';
import { parseText } from './load/parse';
import { DEFAULT_IMPORT_LIMITS } from './load/limits';
import { unpackUpload } from './load/upload';
import {
  addSystem,
  getStoredDocument,
  getSystem,
  recordValidation,
  replaceSystemDocument,
  type MappingReview,
  type StoredDocument,
} from './systems';

export type Imported = {
  status: 'imported';
  system: SystemSummary;
  validation: Promise<SystemSummary | undefined>;
  /** Placeholders that replace credentials the document had (see ImportedApiDocument.removedCredentials). */
  removedCredentials: string[];
};
type NeedsConsent = { status: 'needs-consent'; references: ExternalReference[] };

export interface ReimportPreview {
  status: 'ready';
  previewId: string;
  title: string;
  apiVersion: string;
  diff: CatalogueDiff;
  impact: MappingImpact[];
}

const PREVIEW_LIFETIME_MS = 30 * 60 * 1000;
// Each outline keeps its parsed document in memory to flatten fields on demand: keep few.
const CATALOGUES_KEPT = 4;

/** Imports, catalogues and re-imports the systems of whichever workspace is open. */
export class SystemImports {
  /** The services imports use (downloads, validation's worker); the process's defaults where not given. */
  constructor(private readonly services: Partial<Pick<Services, 'http' | 'workers'>> = {}) {}

  private readonly outlines = new Map<string, CatalogueOutline>();
  private readonly previews = new Map<
    string,
    { workspace: string; systemId: number; importedAt: string; imported: ImportedApiDocument; sourceLabel?: string; expires: number }
  >();

  async import(workspace: Workspace, name: string, source: ImportSource, consent: Consent = {}, signal?: AbortSignal): Promise<Imported | NeedsConsent> {
    const { result, sourceLabel } = await withPipelineSource(source, (pipeline) =>
      importApiDocument(pipeline, { ...consent, catalogue: 'outline', http: this.services.http, workers: this.services.workers, signal }),
    );
    if (result.status === 'needs-consent') return { status: 'needs-consent', references: result.refs.map(contractReference) };
    let system: SystemSummary;
    try {
      ensureOpen(workspace);
      system = addSystem(workspace, name, storedDocument(result, sourceLabel));
    } catch (error) {
      result.cancelValidation();
      throw error;
    }
    this.remember(workspace, system, { catalogue: result.catalogue, entity: result.entity });
    return { status: 'imported', system, validation: this.recordWhenValidated(workspace, system, result.validation), removedCredentials: result.removedCredentials };
  }

  /** The system's catalogue as an outline (entities' fields deferred: see `entity`), built from the stored document once. */
  async catalogue(workspace: Workspace, id: number): Promise<Catalogue> {
    return (await this.outline(workspace, id)).catalogue;
  }

  /** One entity of the system's catalogue, with its fields. */
  async entity(workspace: Workspace, id: number, entityId: string): Promise<CatalogueEntity> {
    const entity = (await this.outline(workspace, id)).entity(entityId);
    if (!entity) throw new UserError('ENTITY_NOT_FOUND', `The system has no entity "${entityId}" (its document may have been re-imported): reload the catalogue.`);
    // Keyed on the samples, read now: the outline cache knows nothing of them.
    const discovered = discoveredFields(workspace, id, entityId);
    return discovered.length === 0 ? entity : { ...entity, fields: withDiscovered(entity.fields, discovered) };
  }

  private async outline(workspace: Workspace, id: number): Promise<CatalogueOutline> {
    const stored = getStoredDocument(workspace, id);
    const key = cacheKey(workspace, id, stored.importedAt);
    const cached = this.outlines.get(key);
    if (cached) return cached;
    const outline = buildCatalogueOutline(await storedApiDocument(stored));
    this.cache(key, outline);
    return outline;
  }

  async previewReimport(workspace: Workspace, id: number, source: ImportSource, consent: Consent = {}, signal?: AbortSignal): Promise<ReimportPreview | NeedsConsent> {
    const before = buildCatalogue(await storedApiDocument(getStoredDocument(workspace, id)));
    // Validation starts now and runs while the analyst reviews the changes.
    const { result: imported, sourceLabel } = await withPipelineSource(source, (pipeline) =>
      importApiDocument(pipeline, { ...consent, http: this.services.http, workers: this.services.workers, signal }),
    );
    if (imported.status === 'needs-consent') return { status: 'needs-consent', references: imported.refs.map(contractReference) };
    const diff = diffCatalogues(before, imported.catalogue);
    this.dropExpiredPreviews();
    const previewId = randomUUID();
    const { importedAt } = getSystem(workspace, id);
    this.previews.set(previewId, { workspace: workspace.path, systemId: id, importedAt, imported, ...(sourceLabel ? { sourceLabel } : {}), expires: Date.now() + PREVIEW_LIFETIME_MS });
    return {
      status: 'ready',
      previewId,
      title: imported.title,
      apiVersion: imported.version,
      diff,
      impact: mappingImpact(diff, mappingReferences(workspace, id)),
    };
  }

  /** Stores the previewed document; the mappings the preview found affected are flagged for review, none deleted. */
  async applyReimport(workspace: Workspace, previewId: string): Promise<Imported> {
    const preview = this.previews.get(previewId);
    const current = preview && preview.workspace === workspace.path ? findSystem(workspace, preview.systemId) : undefined;
    // The system must still hold the document the preview was compared with (not re-imported, not removed meanwhile).
    if (!preview || !current || current.importedAt !== preview.importedAt || preview.expires < Date.now()) {
      throw new UserError('PREVIEW_EXPIRED', 'This re-import preview is no longer available: re-import the document again to see its changes.');
    }
    const before = buildCatalogue(await storedApiDocument(getStoredDocument(workspace, preview.systemId)));
    const diff = diffCatalogues(before, preview.imported.catalogue);
    const impact = mappingImpact(diff, mappingReferences(workspace, preview.systemId));
    const brokenRequests = requestImpact(diff, savedRequestOrigins(workspace, preview.systemId));
    const reviews: MappingReview[] = impact.map((affected) => ({
      mappingId: Number(affected.reference.id),
      reasons: affected.reasons.map((reason) => reason.message),
    }));
    ensureOpen(workspace);
    const system = replaceSystemDocument(workspace, preview.systemId, storedDocument(preview.imported, preview.sourceLabel), reviews, brokenRequests);
    this.previews.delete(previewId);
    this.remember(workspace, system, buildCatalogueOutline(preview.imported.document));
    return {
      status: 'imported',
      system,
      validation: this.recordWhenValidated(workspace, system, preview.imported.validation),
      removedCredentials: preview.imported.removedCredentials,
    };
  }

  /** Settles with the system as stored after validation, or undefined when the workspace was closed meanwhile. */
  private recordWhenValidated(workspace: Workspace, system: SystemSummary, validation: Promise<ValidationResult>): Promise<SystemSummary | undefined> {
    return validation.then(async (result) => {
      const outcome = { valid: result.valid, errors: result.errors, ...(result.incomplete ? { incomplete: result.incomplete } : {}) };
      if (workspace.isOpen) {
        recordValidation(workspace, system.id, system.importedAt, outcome);
        return getSystem(workspace, system.id);
      }
      // The analyst switched workspaces meanwhile: the result still belongs in the file it was run for
      // (unless that file is gone).
      if (!fs.existsSync(workspace.path)) return undefined;
      const reopened = await openWorkspace(workspace.path);
      try {
        recordValidation(reopened, system.id, system.importedAt, outcome);
      } finally {
        reopened.close();
      }
      return undefined;
    });
  }

  private remember(workspace: Workspace, system: SystemSummary, outline: CatalogueOutline) {
    this.cache(cacheKey(workspace, system.id, system.importedAt), outline);
  }

  private cache(key: string, outline: CatalogueOutline) {
    this.outlines.delete(key);
    this.outlines.set(key, outline);
    while (this.outlines.size > CATALOGUES_KEPT) this.outlines.delete(this.outlines.keys().next().value!);
  }

  private dropExpiredPreviews() {
    const now = Date.now();
    for (const [id, preview] of this.previews) {
      if (preview.expires < now) {
        preview.imported.cancelValidation();
        this.previews.delete(id);
      }
    }
  }
}

function ensureOpen(workspace: Workspace) {
  if (!workspace.isOpen) {
    throw new UserError('WORKSPACE_CLOSED', `${workspace.path} was closed while the document was being read (another workspace was opened): nothing was stored; import it again there.`);
  }
}

function findSystem(workspace: Workspace, id: number): SystemSummary | undefined {
  try {
    return getSystem(workspace, id);
  } catch {
    return undefined;
  }
}

/** The stored document as parsed: the bundle of a multi-file document, else its one text. */
export async function storedApiDocument(stored: StoredDocument): Promise<Record<string, unknown>> {
  return stored.bundle ?? ((await parseText(stored.text, stored.source, DEFAULT_IMPORT_LIMITS)).value as Record<string, unknown>);
}

const cacheKey = (workspace: Workspace, id: number, importedAt: string) => `${workspace.path}\u0000${id}\u0000${importedAt}`;

function pipelineSource(source: Exclude<ImportSource, { kind: 'upload' }>): ApiDocSource {
  switch (source.kind) {
    case 'file':
      return { file: source.path };
    case 'url':
      return { url: source.url };
    case 'text':
      return { text: source.text };
  }
}

/**
 * Runs an import on the source; an upload is unpacked into a temporary folder first (removed after) and
 * recorded as "uploaded <name>". A single uploaded file whose references need other files says so.
 */
async function withPipelineSource<T extends ImportResult>(source: ImportSource, run: (pipeline: ApiDocSource) => Promise<T>): Promise<{ result: T; sourceLabel?: string }> {
  if (source.kind !== 'upload') return { result: await run(pipelineSource(source)) };
  const upload = unpackUpload(source, DEFAULT_IMPORT_LIMITS);
  try {
    const result = await run({ file: upload.file });
    if (result.status === 'needs-consent' && result.refs.some((ref) => ref.kind === 'outside-folder')) {
      const outside = result.refs.filter((ref) => ref.kind === 'outside-folder').map((ref) => ref.ref);
      throw new UserError('UPLOAD_REFS_OUTSIDE', `${upload.name} refers to files outside what was uploaded (${outside.slice(0, 3).join(', ')}${outside.length > 3 ? ', …' : ''}): upload the folder that holds them all, or a zip of it, or use the File path option.`);
    }
    return { result, sourceLabel: `uploaded ${upload.name}` };
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    // Messages name the files as uploaded, not by the temporary folder they were read from.
    const message = error.message.split(upload.folder + path.sep).join('').split(upload.folder).join('');
    if (upload.count === 1 && (error.code === 'API_DOC_REF_MISSING' || error.code === 'API_DOC_NOT_FOUND')) {
      throw new UserError(
        'UPLOAD_NEEDS_FILES',
        `${upload.name} refers to other files that were not uploaded (${message.replace(/: add the file or fix the reference\.$/, '')}). Upload the folder that holds the document and its files, or a zip of it; or use the File path option so that Crosswalk reads them itself.`,
      );
    }
    throw new UserError(error.code, message);
  } finally {
    upload.remove();
  }
}

const contractReference = (ref: ExternalReference): ExternalReference => ({ ref: ref.ref, from: ref.from, kind: ref.kind, target: ref.target });

function storedDocument(imported: ImportedApiDocument, sourceLabel?: string): StoredDocument {
  const root = imported.source.location;
  const relative = (location: string) =>
    imported.source.kind === 'file' && !/^https?:/i.test(location) ? path.relative(path.dirname(root), location) : location;
  return {
    text: imported.text,
    files: Object.fromEntries(imported.files.map((file) => [relative(file.location), file.text])),
    ...(imported.files.length > 0 ? { bundle: imported.document } : {}),
    format: imported.format,
    title: imported.title,
    apiVersion: imported.version,
    openapiVersion: imported.openapiVersion,
    source: sourceLabel ?? (imported.source.kind === 'text' ? 'pasted text' : imported.source.location),
  };
}

/** Every mapping row that uses a field of this system, as source or as target (paths as the entity writes them, roots included). */
function mappingReferences(workspace: Workspace, systemId: number): MappingReference[] {
  const rows = workspace.read(
    (db) =>
      db
        .prepare(
          `SELECT m.id, m.target_path, m.source_paths, m.value_map,
                  f.source_system_id, f.source_entity, f.target_system_id, f.target_entity, f.source_root, f.target_root
           FROM field_mapping m JOIN data_flow f ON f.id = m.flow_id
           WHERE f.source_system_id = ? OR f.target_system_id = ?`,
        )
        .all(systemId, systemId) as {
        id: number;
        target_path: string;
        source_paths: string;
        value_map: string;
        source_system_id: number;
        source_entity: string;
        target_system_id: number;
        target_entity: string;
        source_root: string;
        target_root: string;
      }[],
  );
  return rows.flatMap((row) => {
    const references: MappingReference[] = [];
    const valueMap = JSON.parse(row.value_map) as { source?: unknown; target?: unknown }[];
    if (row.target_system_id === systemId) {
      references.push({ id: row.id, entity: row.target_entity, path: joinRoot(row.target_root, row.target_path), side: 'target', values: valueMap.map((entry) => entry.target) });
    }
    if (row.source_system_id === systemId) {
      for (const sourcePath of JSON.parse(row.source_paths) as string[]) {
        references.push({ id: row.id, entity: row.source_entity, path: joinRoot(row.source_root, sourcePath), side: 'source', values: valueMap.map((entry) => entry.source) });
      }
    }
    return references;
  });
}
