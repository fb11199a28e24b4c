// The one contract between the renderer and main: every call's name, input and output.
// Main validates inputs against these schemas at runtime; the static types below are
// derived from the same schemas, so the two cannot drift apart.
import { z } from 'zod';
import type { CallName } from './call-names';
import type { Catalogue, CatalogueEntity } from './catalogue';
import type { CatalogueDiff, MappingImpact } from './catalogue-diff';

const MAX_TEXT = 20_000;

/** Free text typed by the analyst: bounded, and without NUL characters SQLite and Excel choke on. */
const text = (max = MAX_TEXT) =>
  z
    .string()
    .max(max, `must be at most ${max} characters`)
    .refine((value) => !value.includes('\u0000'), 'must not contain NUL characters');

const name = text(200).trim().min(1, 'must not be empty');

const filePath = text(4096).trim().min(1, 'must name a file');

const noInput = z.strictObject({});

export const integrationStatuses = ['draft', 'in_review', 'approved'] as const;
export const questionKinds = ['question', 'corner_case'] as const;
export const questionStatuses = ['open', 'answered', 'closed'] as const;
export const triggerKinds = ['event', 'schedule', 'query', 'file_drop', 'manual'] as const;
export const outcomeKinds = ['success', 'failure'] as const;
export const mappingTypes = ['direct', 'derived', 'constant', 'lookup', 'conditional', 'concatenation', 'split'] as const;
export const mappingStatuses = ['suggested', 'accepted', 'rejected', 'needs_decision', 'not_needed'] as const;
export const checkKinds = [
  'required_unmapped',
  'type_mismatch',
  'max_length',
  'enum_unmapped',
  'read_only_target',
  'source_missing',
  'entity_missing',
] as const;

const Counts = z.object({
  systems: z.number().int(),
  flows: z.number().int(),
  useCases: z.number().int(),
  mappings: z.number().int(),
  testCases: z.number().int(),
  openQuestions: z.number().int(),
});

export const WorkspaceSummary = z.object({
  path: z.string(),
  fileName: z.string(),
  schemaVersion: z.number().int(),
  integration: z.object({ name: z.string(), status: z.enum(integrationStatuses) }),
  counts: Counts,
});

export const RecentWorkspace = z.object({
  path: z.string(),
  name: z.string(),
  openedAt: z.string(),
  exists: z.boolean(),
});

export const Integration = z.object({
  name: z.string(),
  businessCase: z.string(),
  status: z.enum(integrationStatuses),
  author: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

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
  specVersion: z.string(),
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

const EntityRef = z.object({ system: z.string(), entity: z.string() });

export const FlowSummary = z.object({
  id: z.number().int(),
  name: z.string(),
  useCase: z.string().nullable(),
  source: EntityRef,
  target: EntityRef,
  trigger: z.object({ kind: z.enum(triggerKinds), detail: z.string() }),
  mappings: z.object({ total: z.number().int(), accepted: z.number().int() }),
});

export const FlowOutcome = z.object({
  id: z.number().int(),
  kind: z.enum(outcomeKinds),
  condition: z.string(),
  handling: z.string(),
});

export const FlowDetail = FlowSummary.extend({ outcomes: z.array(FlowOutcome) });

export const ValueMapEntry = z.object({ source: z.string(), target: z.string() });

/** One target leaf field of a flow and what fills it. */
export const MappingRow = z.object({
  id: z.number().int(),
  /** Stable id analysts quote: M-0001. */
  mapId: z.string(),
  flowId: z.number().int(),
  targetPath: z.string(),
  /** Several for a concatenation. */
  sourcePaths: z.array(z.string()),
  mappingType: z.enum(mappingTypes),
  status: z.enum(mappingStatuses),
  /** The suggestion's score, 0..1; null once a person chose the source. */
  confidence: z.number().nullable(),
  transformation: z.string(),
  defaultValue: z.string().nullable(),
  valueMap: z.array(ValueMapEntry),
  condition: z.string(),
  notes: z.string(),
  owner: z.string(),
  updatedAt: z.string(),
  /** Why a re-import put this row in question; null when nothing is pending. */
  review: z.array(z.string()).nullable(),
});

/** The candidates the suggestion engine sees for one target leaf, best first, with its reasons. */
export const TargetSuggestion = z.object({
  target: z.string(),
  candidates: z.array(z.object({ source: z.string(), score: z.number(), reasons: z.array(z.string()) })),
});

export const MappingCheck = z.object({
  /** Null when the flow's rows were not created yet (or the check concerns the whole flow). */
  rowId: z.number().int().nullable(),
  mapId: z.string().nullable(),
  targetPath: z.string(),
  kind: z.enum(checkKinds),
  severity: z.enum(['error', 'warning']),
  message: z.string(),
});

export const MappingSheet = z.object({
  flow: FlowDetail,
  rows: z.array(MappingRow),
  checks: z.array(MappingCheck),
  /** Percent (0..100) of rows accepted or not needed, with a source, constant or default. */
  completeness: z.number(),
});

const entityRefInput = z.strictObject({ system: name, entity: text(2000).trim().min(1, 'must not be empty') });

export const OpenQuestion = z.object({
  id: z.number().int(),
  kind: z.enum(questionKinds),
  question: z.string(),
  owner: z.string(),
  status: z.enum(questionStatuses),
  answer: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const AppInfo = z.object({
  version: z.string(),
  host: z.enum(['desktop', 'browser']),
  nativeDialogs: z.boolean(),
  latestSchemaVersion: z.number().int(),
});

const call = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output });

export const contract = {
  'app.info': call(noInput, AppInfo),

  'workspace.current': call(noInput, WorkspaceSummary.nullable()),
  'workspace.recent': call(noInput, z.array(RecentWorkspace)),
  'workspace.open': call(z.strictObject({ path: filePath }), WorkspaceSummary),
  'workspace.create': call(z.strictObject({ path: filePath, name }), WorkspaceSummary),
  'workspace.openDemo': call(noInput, WorkspaceSummary),
  'workspace.choosePath': call(
    z.strictObject({ purpose: z.enum(['open', 'create']) }),
    z.object({ path: z.string().nullable() }),
  ),
  'workspace.forgetRecent': call(z.strictObject({ path: filePath }), z.array(RecentWorkspace)),

  'integration.get': call(noInput, Integration),
  'integration.update': call(
    z.strictObject({
      name: name.optional(),
      businessCase: text().optional(),
      status: z.enum(integrationStatuses).optional(),
      author: text(200).optional(),
    }),
    Integration,
  ),

  'systems.list': call(noInput, z.array(SystemSummary)),
  'systems.import': call(
    z.strictObject({ name, source: ImportSource, allowedRefs }),
    z.discriminatedUnion('status', [z.object({ status: z.literal('imported'), system: SystemSummary }), NeedsConsent]),
  ),
  /** The catalogue as an outline: every entity's `fields` is deferred (`fieldsDeferred`); systems.entity lists them. */
  'systems.catalogue': call(z.strictObject({ id: z.number().int().positive() }), z.custom<Catalogue>()),
  'systems.entity': call(z.strictObject({ id: z.number().int().positive(), entity: text(2000) }), z.custom<CatalogueEntity>()),
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
  'flows.list': call(noInput, z.array(FlowSummary)),
  /** Creates the flow and one mapping row per target leaf field, pre-filled with the best suggestion. */
  'flows.create': call(
    z.strictObject({
      source: entityRefInput,
      target: entityRefInput,
      /** Default: "<source entity> to <target entity>". */
      name: name.optional(),
      useCase: text(2000).trim().optional(),
      trigger: z.strictObject({ kind: z.enum(triggerKinds), detail: text(2000).default('') }).optional(),
      outcomes: z
        .array(z.strictObject({ kind: z.enum(outcomeKinds), condition: text(2000).default(''), handling: text(2000).default('') }))
        .max(100)
        .default([]),
    }),
    FlowDetail,
  ),
  'flows.get': call(z.strictObject({ id: z.number().int().positive() }), FlowDetail),

  'mapping.sheet': call(z.strictObject({ flowId: z.number().int().positive() }), MappingSheet),
  'mapping.updateRow': call(
    z.strictObject({
      rowId: z.number().int().positive(),
      sourcePaths: z.array(text(2000).trim().min(1, 'must not be empty')).max(50).optional(),
      mappingType: z.enum(mappingTypes).optional(),
      status: z.enum(mappingStatuses).optional(),
      transformation: text().optional(),
      defaultValue: text().nullable().optional(),
      valueMap: z.array(z.strictObject({ source: text(2000), target: text(2000) })).max(1000).optional(),
      condition: text(2000).optional(),
      notes: text().optional(),
      owner: text(200).optional(),
    }),
    MappingRow,
  ),
  'mapping.decide': call(z.strictObject({ rowId: z.number().int().positive(), decision: z.enum(['accept', 'reject']) }), MappingRow),
  'mapping.acceptAbove': call(
    z.strictObject({ flowId: z.number().int().positive(), threshold: z.number().min(0).max(1) }),
    z.object({ accepted: z.number().int(), rows: z.array(MappingRow) }),
  ),
  /** Suggested value map for a row whose source and target are both enumerations (not stored). */
  'mapping.suggestValueMap': call(
    z.strictObject({ rowId: z.number().int().positive() }),
    z.array(z.object({ source: z.string(), target: z.string().nullable(), score: z.number(), reason: z.string() })),
  ),
  /** For each target leaf of the flow, the engine's candidates computed now (learned decisions applied; not stored). */
  'mapping.suggestions': call(z.strictObject({ flowId: z.number().int().positive() }), z.array(TargetSuggestion)),
  /** Marks rows reviewed: clears the flags a re-import set on them (all or none); answers the rows. */
  'mapping.clearReview': call(z.strictObject({ rowIds: z.array(z.number().int().positive()).min(1).max(10_000) }), z.array(MappingRow)),

  'questions.list': call(noInput, z.array(OpenQuestion)),
  'questions.add': call(
    z.strictObject({
      question: text().trim().min(1, 'must not be empty'),
      kind: z.enum(questionKinds).default('question'),
      owner: text(200).default(''),
    }),
    OpenQuestion,
  ),
  'questions.update': call(
    z.strictObject({
      id: z.number().int().positive(),
      question: text().trim().min(1, 'must not be empty').optional(),
      owner: text(200).optional(),
      status: z.enum(questionStatuses).optional(),
      answer: text().optional(),
    }),
    OpenQuestion,
  ),
} satisfies Record<CallName, { input: z.ZodType; output: z.ZodType }>;

export type Contract = typeof contract;
export type CallInput<N extends CallName> = z.input<Contract[N]['input']>;
/** What a handler receives: the input after validation, defaults filled in. */
export type ParsedInput<N extends CallName> = z.output<Contract[N]['input']>;
export type CallOutput<N extends CallName> = z.output<Contract[N]['output']>;

/** The renderer's view of main: one async function per call. */
export type CrosswalkApi = { [N in CallName]: (input: CallInput<N>) => Promise<CallOutput<N>> };

/** What travels over either transport: a value, or an error a person can act on. */
export type CallResult<T = unknown> =
  | { ok: true; value: T }
  | { ok: false; error: { code: string; message: string } };

export type WorkspaceSummary = z.infer<typeof WorkspaceSummary>;
export type RecentWorkspace = z.infer<typeof RecentWorkspace>;
export type Integration = z.infer<typeof Integration>;
export type SystemSummary = z.infer<typeof SystemSummary>;
export type ImportSource = z.infer<typeof ImportSource>;
export type ExternalReference = z.infer<typeof ExternalReference>;
export type ValidationState = z.infer<typeof ValidationState>;
export type FlowSummary = z.infer<typeof FlowSummary>;
export type OpenQuestion = z.infer<typeof OpenQuestion>;
export type FlowOutcome = z.infer<typeof FlowOutcome>;
export type FlowDetail = z.infer<typeof FlowDetail>;
export type MappingRow = z.infer<typeof MappingRow>;
export type MappingCheck = z.infer<typeof MappingCheck>;
export type TargetSuggestion = z.infer<typeof TargetSuggestion>;
export type MappingSheet = z.infer<typeof MappingSheet>;
export type MappingType = (typeof mappingTypes)[number];
export type MappingStatus = (typeof mappingStatuses)[number];
export type AppInfo = z.infer<typeof AppInfo>;
