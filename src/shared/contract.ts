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

/** What a native file dialog is for: it decides open or save, title and file types. */
export const filePurposes = ['open', 'create', 'export-xlsx', 'export-json', 'export-md', 'read-workbook'] as const;
export type FilePurpose = (typeof filePurposes)[number];

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
  /** The analyst's version of the spec, e.g. "0.3". */
  specVersion: z.string(),
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
  /** The use case's title, or null. */
  useCase: z.string().nullable(),
  useCaseId: z.number().int().nullable(),
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
  /** The flow it concerns, or null. */
  flowId: z.number().int().nullable(),
  /** The mapping row it was raised on (Map ID), or null. */
  mapId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const useCaseFields = {
  title: text(500).trim().min(1, 'must not be empty'),
  story: text(),
};

export const UseCase = z.object({
  id: z.number().int(),
  /** Stable reference quoted in the workbook: UC-1. */
  ref: z.string(),
  title: z.string(),
  story: z.string(),
  descoped: z.boolean(),
  /** Names of the flows serving it. */
  flows: z.array(z.string()),
});

export const inputKinds = ['credential', 'option', 'custom_field', 'other'] as const;

export const ConfigurableInput = z.object({
  id: z.number().int(),
  ref: z.string(),
  name: z.string(),
  kind: z.enum(inputKinds),
  /** The system's name, or null. */
  system: z.string().nullable(),
  description: z.string(),
  required: z.boolean(),
  defaultValue: z.string(),
});

export const testStatuses = ['not_run', 'passed', 'failed', 'blocked'] as const;

export const TestCase = z.object({
  id: z.number().int(),
  ref: z.string(),
  title: z.string(),
  useCaseId: z.number().int().nullable(),
  givenInput: z.string(),
  expectedResult: z.string(),
  status: z.enum(testStatuses),
  notes: z.string(),
  /** Map IDs of the mapping rows it covers. */
  covers: z.array(z.string()),
});

export const Requirement = z.object({
  key: z.string(),
  group: z.enum(['functional', 'non_functional']),
  question: z.string(),
  answer: z.string(),
  /** Filled in from the API documents or flows and not yet confirmed or rewritten by the analyst. */
  inferred: z.boolean(),
  confirmed: z.boolean(),
  /** What the inference read. */
  evidence: z.array(z.string()),
});

export const ChangeLogEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  version: z.string(),
  author: z.string(),
  summary: z.string(),
});

export const signOffRoles = ['prepared', 'reviewed', 'approved'] as const;

export const SignOff = z.object({ role: z.enum(signOffRoles), name: z.string(), date: z.string(), note: z.string() });

export const exportFormats = ['xlsx', 'json', 'md'] as const;

/** One difference between a workbook read back and the app. */
export const WorkbookChange = z.object({
  /** Stable within its report: pass it to spec.applyWorkbook to apply this change. */
  id: z.string(),
  sheet: z.string(),
  /** The record: M-0003, Q-4, TC-2, or "new question (row 14)". */
  record: z.string(),
  /** The column, as headed in the workbook. */
  field: z.string(),
  /** edit: the workbook changed it, the app did not; conflict: both changed it since the export; new: a row added in the workbook. */
  kind: z.enum(['edit', 'conflict', 'new']),
  /** At export; null when the workbook's export is unknown to this workspace or the row is new. */
  exported: z.string().nullable(),
  workbook: z.string(),
  /** In the app now; null for a new row. */
  current: z.string().nullable(),
});

export const WorkbookReport = z.object({
  previewId: z.string(),
  file: z.string(),
  /** The export this workbook came from, when this workspace made it. */
  exportId: z.string().nullable(),
  exportedAt: z.string().nullable(),
  changes: z.array(WorkbookChange),
  /** Cells or rows that could not be read, and why. */
  unreadable: z.array(z.object({ sheet: z.string(), cell: z.string(), message: z.string() })),
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
  /** The desktop app's native Open/Save dialog for one purpose; null when cancelled. `suggested`: a path to start from. */
  'workspace.choosePath': call(
    z.strictObject({ purpose: z.enum(filePurposes), suggested: text(4096).optional() }),
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
      specVersion: text(40).trim().min(1, 'must not be empty').optional(),
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
  /** Renames the flow, links it to a use case (null: none), sets its trigger, or replaces its outcomes (in order). */
  'flows.update': call(
    z.strictObject({
      id: z.number().int().positive(),
      name: name.optional(),
      useCaseId: z.number().int().positive().nullable().optional(),
      trigger: z.strictObject({ kind: z.enum(triggerKinds), detail: text(2000).default('') }).optional(),
      outcomes: z
        .array(z.strictObject({ kind: z.enum(outcomeKinds), condition: text(2000).default(''), handling: text(2000).default('') }))
        .max(100)
        .optional(),
    }),
    FlowDetail,
  ),

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
      flowId: z.number().int().positive().nullable().default(null),
      /** Raise it on one mapping row (its flow is then the row's flow). */
      mapId: text(40).nullable().default(null),
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

  'useCases.list': call(noInput, z.array(UseCase)),
  'useCases.add': call(z.strictObject({ title: useCaseFields.title, story: useCaseFields.story.default('') }), UseCase),
  'useCases.update': call(
    z.strictObject({ id: z.number().int().positive(), title: useCaseFields.title.optional(), story: useCaseFields.story.optional(), descoped: z.boolean().optional() }),
    UseCase,
  ),
  /** Its flows and test cases stay, no longer linked to a use case. */
  'useCases.remove': call(z.strictObject({ id: z.number().int().positive() }), z.object({ removed: z.literal(true) })),

  'inputs.list': call(noInput, z.array(ConfigurableInput)),
  'inputs.add': call(
    z.strictObject({
      name,
      kind: z.enum(inputKinds).default('option'),
      system: text(200).trim().nullable().default(null),
      description: text().default(''),
      required: z.boolean().default(true),
      defaultValue: text(2000).default(''),
    }),
    ConfigurableInput,
  ),
  'inputs.update': call(
    z.strictObject({
      id: z.number().int().positive(),
      name: name.optional(),
      kind: z.enum(inputKinds).optional(),
      system: text(200).trim().nullable().optional(),
      description: text().optional(),
      required: z.boolean().optional(),
      defaultValue: text(2000).optional(),
    }),
    ConfigurableInput,
  ),
  'inputs.remove': call(z.strictObject({ id: z.number().int().positive() }), z.object({ removed: z.literal(true) })),

  'testCases.list': call(noInput, z.array(TestCase)),
  'testCases.add': call(
    z.strictObject({
      title: text(500).trim().min(1, 'must not be empty'),
      useCaseId: z.number().int().positive().nullable().default(null),
      givenInput: text().default(''),
      expectedResult: text().default(''),
      covers: z.array(text(40)).max(5000).default([]),
    }),
    TestCase,
  ),
  'testCases.update': call(
    z.strictObject({
      id: z.number().int().positive(),
      title: text(500).trim().min(1, 'must not be empty').optional(),
      useCaseId: z.number().int().positive().nullable().optional(),
      givenInput: text().optional(),
      expectedResult: text().optional(),
      status: z.enum(testStatuses).optional(),
      notes: text().optional(),
      covers: z.array(text(40)).max(5000).optional(),
    }),
    TestCase,
  ),
  'testCases.remove': call(z.strictObject({ id: z.number().int().positive() }), z.object({ removed: z.literal(true) })),

  /** The checklist, answers inferred from the API documents and flows where the analyst has not answered. */
  'requirements.list': call(noInput, z.array(Requirement)),
  /** Typing an answer confirms it; `confirmed: true` alone accepts the inferred answer. */
  'requirements.update': call(
    z.strictObject({ key: text(200), answer: text().optional(), confirmed: z.boolean().optional() }),
    Requirement,
  ),

  'changeLog.list': call(noInput, z.array(ChangeLogEntry)),
  'changeLog.add': call(z.strictObject({ summary: text().trim().min(1, 'must not be empty'), author: text(200).default('') }), ChangeLogEntry),
  'signOff.list': call(noInput, z.array(SignOff)),
  'signOff.update': call(
    z.strictObject({
      role: z.enum(signOffRoles),
      name: text(200).optional(),
      date: z.union([z.literal(''), z.iso.date()]).optional(),
      note: text(2000).optional(),
    }),
    SignOff,
  ),

  /** Writes the whole spec to `path` on this machine (the workbook, the JSON spec or the Markdown document). */
  'spec.export': call(
    z.strictObject({ format: z.enum(exportFormats), path: filePath }),
    z.object({ path: z.string(), bytes: z.number().int() }),
  ),
  /** Reads a workbook a stakeholder edited and reports what differs; nothing is written. */
  'spec.previewWorkbook': call(z.strictObject({ path: filePath }), WorkbookReport),
  /** Applies exactly the listed changes of a preview, in one transaction. */
  'spec.applyWorkbook': call(
    z.strictObject({ previewId: text(100), changeIds: z.array(text(400)).max(100_000) }),
    z.object({ applied: z.number().int(), skipped: z.number().int() }),
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
export type TriggerKind = (typeof triggerKinds)[number];
export type MappingStatus = (typeof mappingStatuses)[number];
export type AppInfo = z.infer<typeof AppInfo>;
export type UseCase = z.infer<typeof UseCase>;
export type ConfigurableInput = z.infer<typeof ConfigurableInput>;
export type TestCase = z.infer<typeof TestCase>;
export type Requirement = z.infer<typeof Requirement>;
export type ChangeLogEntry = z.infer<typeof ChangeLogEntry>;
export type SignOff = z.infer<typeof SignOff>;
export type WorkbookChange = z.infer<typeof WorkbookChange>;
export type WorkbookReport = z.infer<typeof WorkbookReport>;
export type ExportFormat = (typeof exportFormats)[number];
