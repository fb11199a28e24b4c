// Samples, drift and "sample N records": JSON bodies attached to an entity of a system's catalogue with
// their provenance, the contract check's findings per sample, the drift report that accumulates them,
// and a profile of records read through a list operation's paging.
import { z } from 'zod';
import { call, text } from './fields';
import { requestRef } from './sandbox';

const id = z.number().int().positive();

export const driftKinds = ['undocumented-field', 'missing-required', 'type', 'format', 'enum', 'null', 'other', 'undocumented-status', 'undocumented-content-type'] as const;

export const SampleFinding = z.object({
  kind: z.enum(driftKinds),
  /** JSON pointer in the body ('' for the body as a whole). */
  pointer: z.string(),
  /** Catalogue form, relative to the entity (`lines[].taxRate`); relative to the body when `inEntity` is false. */
  field: z.string(),
  inEntity: z.boolean(),
  /** Where in the document the schema is (a JSON pointer). */
  schemaPath: z.string(),
  message: z.string(),
});

export const SampleSummary = z.object({
  id,
  systemId: id,
  /** Catalogue entity id: `schema:Customer`. */
  entity: z.string(),
  /** Catalogue operation id: `GET /customers/{customerId}`. */
  operation: z.string().nullable(),
  direction: z.enum(['response', 'request']),
  status: z.number().int().nullable(),
  contentType: z.string().nullable(),
  environment: z.string().nullable(),
  /** The system's imported_at when saved. */
  documentVersion: z.string(),
  apiVersion: z.string(),
  method: z.string().nullable(),
  /** Redacted. */
  url: z.string().nullable(),
  historyId: id.nullable(),
  capturedAt: z.string(),
  findings: z.array(SampleFinding),
});

const SampleSourceInput = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('body'),
    /** The JSON text; anything else is refused. */
    body: text(16 * 1024 * 1024),
    status: z.number().int().min(100).max(599).optional(),
    contentType: text(200).optional(),
    environment: text(200).optional(),
    method: text(20).optional(),
    url: text(4096).optional(),
  }),
  /** The history entry's response body (or, for a request sample, its JSON request body). */
  z.strictObject({ kind: z.literal('history'), historyId: id }),
]);

export const SaveSampleInput = z.strictObject({
  systemId: id,
  entity: text(500),
  /** Optional when the entity is the body of one operation only in this direction. */
  operation: text(2000).optional(),
  direction: z.enum(['response', 'request']).default('response'),
  source: SampleSourceInput,
});

export const DriftRow = z.object({
  systemId: id,
  system: z.string(),
  entity: z.string(),
  field: z.string(),
  inEntity: z.boolean(),
  kind: z.enum(driftKinds),
  samples: z.number().int(),
  firstSeen: z.string(),
  lastSeen: z.string(),
  example: z.string(),
});

export const DriftReport = z.object({ generatedAt: z.string(), samples: z.number().int(), rows: z.array(DriftRow) });

export const FieldProfile = z.object({
  path: z.string(),
  present: z.number().int(),
  nulls: z.number().int(),
  types: z.array(z.string()),
  top: z.array(z.object({ value: z.string(), count: z.number().int() })),
  distinct: z.number().int(),
  distinctCapped: z.boolean(),
  min: z.number().optional(),
  max: z.number().optional(),
  minLength: z.number().int().optional(),
  maxLength: z.number().int().optional(),
  /** The operation's documented response does not list it (or a field above it). */
  undocumented: z.boolean(),
});

export const SampleRecordsResult = z.object({
  records: z.number().int(),
  pages: z.number().int(),
  paging: z.enum(['cursor', 'offset', 'page', 'none', 'link']),
  stoppedBecause: z.enum(['limit', 'last-page', 'page-bound']),
  profile: z.object({ records: z.number().int(), fields: z.array(FieldProfile) }),
  /** The samples saved, one per page, when `entity` was given. */
  samples: z.array(id),
  /** The contract check's findings over those samples. */
  findings: z.number().int(),
});

export const samplesCalls = {
  /** Saves a JSON body as a sample of the entity and checks it against the document (closed mode). */
  'sandbox.saveSample': call(SaveSampleInput, SampleSummary),
  'sandbox.samples': call(z.strictObject({ systemId: id, entity: text(500).optional() }), z.array(SampleSummary)),
  'sandbox.deleteSample': call(z.strictObject({ id }), z.object({ removed: z.literal(true) })),
  /**
   * Reads up to `limit` records through a list operation's paging and profiles them; cancellable, with
   * progress per page. Each page is saved as a sample of `entity` when given.
   */
  'sandbox.sampleRecords': call(
    z.strictObject({
      /** A list operation's GET, saved or a draft: every page goes through the send path (variables, auth, OAuth, history). */
      request: requestRef,
      environmentId: id.nullable().default(null),
      variables: z.record(z.string().max(200), z.string().max(1_000_000)).default({}),
      /** The catalogue operation; default the one the request was made from. */
      operation: text(2000).optional(),
      limit: z.number().int().min(1).max(1000).default(100),
      pageSize: z.number().int().min(1).max(100).optional(),
      maxPages: z.number().int().min(1).max(200).optional(),
      entity: text(500).optional(),
    }),
    SampleRecordsResult,
  ),
  /** Re-checks samples saved against an older document, then reports. */
  'sandbox.drift': call(z.strictObject({ systemId: id.optional(), entity: text(500).optional() }), DriftReport),
};

export type SampleSummary = z.infer<typeof SampleSummary>;
export type SaveSampleInput = z.output<typeof SaveSampleInput>;
export type DriftReport = z.infer<typeof DriftReport>;
export type SampleRecordsResult = z.infer<typeof SampleRecordsResult>;
