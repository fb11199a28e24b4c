// Systems: API documents imported into the workspace, their catalogues and re-imports.
import { z } from 'zod';
import type { Catalogue, CatalogueEntity } from '../catalogue';
import type { CatalogueDiff, MappingImpact } from '../catalogue-diff';
import { call, filePath, name, noInput, text } from './fields';

export const ValidationProblem = z.object({
  message: z.string(),
  /** JSON pointer into the document. */
  path: z.string(),
  line: z.number().int().optional(),
  column: z.number().int().optional(),
});

/** Full validation runs after the import, in a worker: `pending` until it ends. */
export const ValidationState = z.discriminatedUnion('state', [
  z.object({ state: z.literal('pending') }),
  z.object({
    state: z.literal('done'),
    valid: z.boolean(),
    errors: z.array(ValidationProblem),
    /** Validation could not finish (time or memory limit); says why. */
    incomplete: z.string().optional(),
  }),
]);

export const SystemSummary = z.object({
  id: z.number().int(),
  name: z.string(),
  title: z.string(),
  apiVersion: z.string(),
  openapiVersion: z.string(),
  format: z.enum(['json', 'yaml']),
  source: z.string(),
  sizeBytes: z.number().int(),
  importedAt: z.string(),
  /** Earlier documents kept after re-imports. */
  previousVersions: z.number().int(),
  validation: ValidationState,
});

/** Where an API document comes from. */
export const ImportSource = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('file'), path: filePath }),
  z.strictObject({
    kind: z.literal('url'),
    url: text(4096)
      .trim()
      .refine((value) => /^https?:\/\/[^\s]+$/i.test(value), 'must be an http:// or https:// address'),
  }),
  z.strictObject({
    kind: z.literal('text'),
    text: z.string().min(1, 'must not be empty').max(64 * 1024 * 1024, 'must be at most 64 MB'),
  }),
  /** Uploaded from a browser: one document file, a folder's files (relative paths) or one zip; `root` names the document ('' = find it). */
  z.strictObject({
    kind: z.literal('upload'),
    root: text(1000),
    files: z
      .array(z.strictObject({ path: text(1000).min(1, 'must name the file'), content: z.string().max(64 * 1024 * 1024, 'must be at most 48 MB') }))
      .min(1, 'must hold the document')
      .max(500, 'must be at most 500 files'),
  }),
]);

/** A $ref the import did not follow: it points outside the document's folder or to the network. */
export const ExternalReference = z.object({
  ref: z.string(),
  /** Where it is written: file and JSON pointer. */
  from: z.string(),
  kind: z.enum(['outside-folder', 'remote']),
  /** The file or URL it resolves to: what the analyst allows by passing it in `allowedRefs`. */
  target: z.string(),
});

/**
 * Consent to follow exactly these references (their `target`s, as listed by a needs-consent answer).
 * A referenced file may refer further: those new references are listed in turn, never followed unseen.
 */
const allowedRefs = z.array(text(4096)).max(500).default([]);

const NeedsConsent = z.object({ status: z.literal('needs-consent'), references: z.array(ExternalReference) });

export const systemsCalls = {
  'systems.list': call(noInput, z.array(SystemSummary)),
  'systems.import': call(
    z.strictObject({ name, source: ImportSource, allowedRefs }),
    z.discriminatedUnion('status', [
      z.object({
        status: z.literal('imported'),
        system: SystemSummary,
        /** Placeholders ({{server_password}}…) that replaced credentials the document held: tell the analyst. */
        removedCredentials: z.array(z.string()).optional(),
      }),
      NeedsConsent,
    ]),
  ),
  /** The catalogue as an outline: every entity's `fields` is deferred (`fieldsDeferred`); systems.entity lists them. */
  'systems.catalogue': call(z.strictObject({ id: z.number().int().positive() }), z.custom<Catalogue>()),
  /** One entity with its fields; with `root`, seen from that object inside it (paths relative to it, as a rooted flow's rows are). */
  'systems.entity': call(z.strictObject({ id: z.number().int().positive(), entity: text(2000), root: text(2000).optional() }), z.custom<CatalogueEntity>()),
  'systems.previewReimport': call(
    z.strictObject({ id: z.number().int().positive(), source: ImportSource, allowedRefs }),
    z.discriminatedUnion('status', [
      z.object({
        status: z.literal('ready'),
        /** Pass to systems.applyReimport to store exactly what was previewed. */
        previewId: z.string(),
        title: z.string(),
        apiVersion: z.string(),
        diff: z.custom<CatalogueDiff>(),
        /** Mapping rows the change breaks or puts at risk. */
        impact: z.custom<MappingImpact[]>(),
      }),
      NeedsConsent,
    ]),
  ),
  'systems.applyReimport': call(z.strictObject({ previewId: text(100) }), SystemSummary),
  'systems.remove': call(z.strictObject({ id: z.number().int().positive() }), z.object({ removed: z.literal(true) })),
};

export type SystemSummary = z.infer<typeof SystemSummary>;
export type ImportSource = z.infer<typeof ImportSource>;
export type ExternalReference = z.infer<typeof ExternalReference>;
export type ValidationState = z.infer<typeof ValidationState>;
