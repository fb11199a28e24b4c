// Data flows (one direction, source entity → target entity) and their field mappings.
import { z } from 'zod';
import { call, name, noInput, text } from './fields';
import { TestCase } from './specification';

export const triggerKinds = ['event', 'schedule', 'query', 'file_drop', 'manual'] as const;
export const outcomeKinds = ['success', 'failure'] as const;
export const mappingTypes = ['direct', 'derived', 'constant', 'lookup', 'conditional', 'concatenation', 'split'] as const;
export const mappingStatuses = ['suggested', 'accepted', 'rejected', 'needs_decision', 'not_needed'] as const;
export const checkKinds = [
  'required_unmapped',
  'type_mismatch',
  'max_length',
  'enum_unmapped',
  'free_text_enum',
  'array_to_single',
  'lookup_empty',
  'read_only_target',
  'source_missing',
  'target_missing',
  'entity_missing',
  'discovered_source',
  'array_unpaired',
  'pairing_invalid',
] as const;
/** How a flow writes the target: a new record each time, an existing one found by its match key, or either. */
export const writeModes = ['create', 'update', 'upsert'] as const;
export const pairingStatuses = ['suggested', 'accepted'] as const;

const EntityRef = z.object({ system: z.string(), entity: z.string() });
/** One side of a flow: `root` is the object inside the entity it maps ('' for the entity itself); row paths are relative to it. */
const FlowSide = EntityRef.extend({ root: z.string() });

export const FlowSummary = z.object({
  id: z.number().int(),
  name: z.string(),
  /** The use case's title, or null. */
  useCase: z.string().nullable(),
  useCaseId: z.number().int().nullable(),
  source: FlowSide,
  target: FlowSide,
  trigger: z.object({ kind: z.enum(triggerKinds), detail: z.string() }),
  mappings: z.object({ total: z.number().int(), accepted: z.number().int() }),
  /**
   * The catalogue operations the flow reads the source with and writes the target with (operation ids
   * such as "GET /orders/{orderId}"), how it writes, and for update and upsert the target field that
   * finds the existing record. Null until chosen.
   */
  endpoints: z.object({
    sourceOperation: z.string().nullable(),
    targetOperation: z.string().nullable(),
    writeMode: z.enum(writeModes).nullable(),
    matchKey: z.string(),
  }),
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
  /** The array pairing whose element this row describes (paths stay full paths); null outside any pairing. */
  pairingId: z.number().int().nullable(),
  /** The JSONata expression an analyst wrote; null: generated from the row (see RowExpression). */
  expression: z.string().nullable(),
  /** The pseudocode or the written expression changed without the other: they may disagree. */
  expressionDrift: z.boolean(),
});

/**
 * A target array of objects filled from a source as a whole. `targetPath` is the array with its `[]`
 * (`line_items[]`); `sourcePath` a source array with its `[]` (one target element per source element:
 * `lines[]`) or a source object (one element: `billingAddress`). Rows with this `pairingId` describe the
 * element: a source path under `sourcePath` + "." is read from the current source element, any other
 * from the record's root. Several pairings on one target array make a discriminated array, each with
 * its discriminator: the element field (relative: `address_type`) and the constant it gets. `filter`
 * (pseudocode) selects source elements; '' takes all. A nested pairing (`line_items[].taxes[]` ←
 * `lines[].taxes[]`) names the pairing of the element it lies in as `parentId`.
 */
export const ArrayPairing = z.object({
  id: z.number().int(),
  /** Stable id quoted in the workbook and reviews: P-0001. */
  pairId: z.string(),
  flowId: z.number().int(),
  parentId: z.number().int().nullable(),
  targetPath: z.string(),
  sourcePath: z.string(),
  discriminator: z.object({ path: z.string(), value: z.string() }).nullable(),
  filter: z.string(),
  /** 'suggested' when the suggestion engine proposed it and nobody confirmed it yet. */
  status: z.enum(pairingStatuses),
  confidence: z.number().nullable(),
  notes: z.string(),
  updatedAt: z.string(),
});

/** What runs for one row: its expression (written or generated), where it runs, and what is wrong with it. */
export const RowExpression = z.object({
  rowId: z.number().int(),
  mapId: z.string(),
  /** Null when the row has nothing to run (unmapped, rejected, not needed). */
  expression: z.string().nullable(),
  generated: z.boolean(),
  /** The row takes part in a preview. */
  runs: z.boolean(),
  /** The source arrays (catalogue paths, outermost first) whose element is the expression's context; null: cannot run. */
  context: z.array(z.string()).nullable(),
  /** A parse error, or why the row cannot run; null when it can. */
  error: z.string().nullable(),
  mayDisagree: z.boolean(),
  /** Why pseudocode and expression may disagree ('' when they agree). */
  disagreement: z.string(),
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

/**
 * What the grid needs to draw a flow's rows. Its checks and expressions (SheetChecks) are a second call:
 * on a large flow they are a third of the answer and of its cost, and the first rows need neither.
 */
export const MappingSheet = z.object({
  flow: FlowDetail,
  rows: z.array(MappingRow),
  /** In target order; the rows with a pairingId belong to them. */
  pairings: z.array(ArrayPairing),
  /** Percent (0..100) of rows accepted or not needed, with a source, constant or default. */
  completeness: z.number(),
});

/** A sheet's checks, completeness and row expressions: asked right after the sheet, and again after each row edit. */
export const SheetChecks = z.object({
  checks: z.array(MappingCheck),
  /** As in MappingSheet, read again with the checks after an edit. */
  completeness: z.number(),
  /** Each row's expression, in the rows' order. */
  expressions: z.array(RowExpression),
});

/** A deleted flow kept for restoring. */
export const DeletedFlow = z.object({ deletedId: z.number().int(), flowId: z.number().int(), name: z.string(), deletedAt: z.string(), rows: z.number().int() });

const flowSideName = z.enum(['source', 'target']);
/** What repairing a flow after a re-import would do. */
export const RepairPlan = z.object({
  flowId: z.number().int(),
  /** `confidence` (0..1): how sure the diff is that `to` is `from` renamed. */
  renames: z.array(z.object({ rowId: z.number().int(), mapId: z.string(), side: flowSideName, from: z.string(), to: z.string(), why: z.string(), confidence: z.number() })),
  removed: z.array(z.object({ rowId: z.number().int(), mapId: z.string(), side: flowSideName, path: z.string(), version: z.string() })),
  added: z.array(z.string()),
});

/** One problem of a preview: a schema finding on the target payload or a row's failure, tied to its row when one is to blame. */
export const PreviewProblem = z.object({
  rowId: z.number().int().nullable(),
  mapId: z.string().nullable(),
  /** The target field (catalogue path). */
  path: z.string(),
  /** JSON pointer in the target payload ('' for a row's failure). */
  pointer: z.string(),
  /** required, type, format, enum, maxLength, pattern, x-crosswalk-forbidden (read-only sent), expression… */
  keyword: z.string(),
  message: z.string(),
});

/** Which row set a target value and the source values it read. */
export const ProvenanceEntry = z.object({
  pointer: z.string(),
  rowId: z.number().int(),
  mapId: z.string(),
  sources: z.array(z.object({ path: z.string(), pointer: z.string().nullable(), value: z.unknown() })),
});

export const PreviewResult = z.object({ target: z.unknown(), problems: z.array(PreviewProblem), provenance: z.array(ProvenanceEntry) });

/** Where a preview's source payload comes from. */
export const PayloadSource = z.discriminatedUnion('kind', [
  /** Pasted JSON, or a file's text read by the renderer. */
  z.strictObject({ kind: z.literal('json'), text: z.string().max(16 * 1024 * 1024) }),
  z.strictObject({ kind: z.literal('sample'), sampleId: z.number().int().positive() }),
  /** Generated from the source entity's schema with this seed. */
  z.strictObject({ kind: z.literal('generated'), seed: z.number().int().min(0).default(1) }),
]);

const entityRefInput = z.strictObject({ system: name, entity: text(2000).trim().min(1, 'must not be empty') });
/** A flow's side as given: the object inside the entity to root it at (`Employee`, `data.items[]`); the entity itself when omitted or ''. */
const flowSideInput = entityRefInput.extend({ root: text(2000).trim().optional() });

export const LearnedDecision = z.object({
  targetPath: z.string(),
  sourcePath: z.string(),
  decision: z.enum(['accepted', 'rejected']),
  decidedAt: z.string(),
});

/** A pair in the mapping memory (the settings folder's, across workspaces); see src/main/mapping/memory.ts. */
export const MemoryEntry = z.object({
  id: z.string(),
  decision: z.enum(['accepted', 'rejected']),
  source: z.string(),
  target: z.string(),
  sourceEntity: z.string(),
  targetEntity: z.string(),
  /** The words that differ on each side (`zip` → `postal code`). */
  pattern: z.object({ source: z.array(z.string()), target: z.array(z.string()) }),
  workspace: z.string(),
  decidedAt: z.string(),
});

export const mappingCalls = {
  'flows.list': call(noInput, z.array(FlowSummary)),
  /** Creates the flow and one mapping row per target leaf field, pre-filled with the best suggestion. */
  'flows.create': call(
    z.strictObject({
      source: flowSideInput,
      target: flowSideInput,
      /** Default: "<source entity> to <target entity>". */
      name: name.optional(),
      useCase: text(2000).trim().optional(),
      /** The story of a use case this creates ("As a …, I want … so that …"); the title is `useCase`. */
      useCaseStory: text(4000).trim().optional(),
      trigger: z.strictObject({ kind: z.enum(triggerKinds), detail: text(2000).default('') }).optional(),
      outcomes: z
        .array(z.strictObject({ kind: z.enum(outcomeKinds), condition: text(2000).default(''), handling: text(2000).default('') }))
        .max(100)
        .default([]),
    }),
    FlowDetail,
  ),
  /** The objects inside an entity a flow side can be rooted at, and the one Crosswalk proposes (a single-property wrapper, an envelope), if any. */
  'flows.roots': call(
    entityRefInput,
    z.object({ roots: z.array(z.string()), proposed: z.object({ root: z.string(), reason: z.string() }).nullable() }),
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

  /** Chooses the operations the flow reads and writes with (catalogue operation ids; null: none) and its write rule. */
  'flows.setEndpoints': call(
    z.strictObject({
      id: z.number().int().positive(),
      sourceOperation: text(2000).trim().min(1, 'must not be empty').nullable().optional(),
      targetOperation: text(2000).trim().min(1, 'must not be empty').nullable().optional(),
      writeMode: z.enum(writeModes).nullable().optional(),
      matchKey: text(2000).trim().optional(),
    }),
    FlowDetail,
  ),
  /** Deletes the flow, its outcomes and rows, keeping a copy flows.restore puts back (undo, or later from the change log's entry). */
  'flows.delete': call(z.strictObject({ id: z.number().int().positive() }), DeletedFlow),
  'flows.deleted': call(noInput, z.array(DeletedFlow)),
  'flows.restore': call(z.strictObject({ deletedId: z.number().int().positive() }), FlowDetail),

  /**
   * Points the flow at another entity or root (a side left out stays; a side given without root maps its
   * entity as a whole), keeping rows whose paths resolve there. While some do not, nothing is written
   * unless `unresolved` says what becomes of them: 'keep' (flagged for review) or 'remove'. `dryRun`
   * answers the same without writing, for a preview.
   */
  'flows.repoint': call(
    z.strictObject({
      id: z.number().int().positive(),
      source: flowSideInput.optional(),
      target: flowSideInput.optional(),
      unresolved: z.enum(['keep', 'remove']).optional(),
      dryRun: z.boolean().optional(),
    }),
    z.object({
      kept: z.number().int(),
      /** Kept rows whose paths change (relative to another root, or the same names in another entity). */
      moved: z.array(z.object({ rowId: z.number().int(), mapId: z.string(), targetPath: z.string(), sourcePaths: z.array(z.string()), newTargetPath: z.string(), newSourcePaths: z.array(z.string()) })),
      unresolved: z.array(z.object({ rowId: z.number().int(), mapId: z.string(), targetPath: z.string(), sourcePaths: z.array(z.string()), notes: z.string() })),
      added: z.number().int(),
      applied: z.boolean(),
    }),
  ),
  /** After a re-import: the rows whose field looks renamed, those whose field is gone, and target leaves without a row (nothing written). */
  'flows.repairPlan': call(z.strictObject({ flowId: z.number().int().positive() }), RepairPlan),
  /**
   * Applies the confirmed renames (row ids, or 'all'), flags rows whose field is gone (kept) except those
   * `remove` names (deleted: rows of the plan's removed only), and gives new target leaves rows.
   */
  'flows.repair': call(
    z.strictObject({
      flowId: z.number().int().positive(),
      confirm: z.union([z.literal('all'), z.array(z.number().int().positive()).max(10_000)]),
      remove: z.array(z.number().int().positive()).max(10_000).optional(),
    }),
    z.object({ renamed: z.number().int(), flagged: z.number().int(), removed: z.number().int(), added: z.number().int(), plan: RepairPlan }),
  ),

  'mapping.sheet': call(z.strictObject({ flowId: z.number().int().positive() }), MappingSheet),
  /** The sheet's checks, completeness and expressions: asked after the sheet, and again after each row edit instead of the whole sheet. */
  'mapping.checks': call(z.strictObject({ flowId: z.number().int().positive() }), SheetChecks),
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
      /** A JSONata expression written by hand; '' or null: generated from the row again. */
      expression: text(20_000).nullable().optional(),
      /** false: pseudocode and expression were reviewed and agree. */
      expressionDrift: z.literal(false).optional(),
    }),
    MappingRow,
  ),
  'mapping.decide': call(z.strictObject({ rowId: z.number().int().positive(), decision: z.enum(['accept', 'reject']) }), MappingRow),
  /**
   * Accepts every suggested row scoring at least `threshold` except those a check shows an error on
   * (listed in `skipped` with the errors); `dryRun` answers the same without writing.
   */
  'mapping.acceptAbove': call(
    z.strictObject({ flowId: z.number().int().positive(), threshold: z.number().min(0).max(1), dryRun: z.boolean().default(false) }),
    z.object({
      accepted: z.number().int(),
      skipped: z.array(z.object({ rowId: z.number().int(), mapId: z.string(), targetPath: z.string(), reasons: z.array(z.string()) })),
      rows: z.array(MappingRow),
    }),
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
  /**
   * Pairs a target array with a source array (or object) as a whole. The first pairing of a target
   * array takes its unpaired element rows; a further one (a discriminated array) gets element rows of
   * its own, filled from the engine's candidates under its source, and its discriminator row set to the
   * constant. Answers the pairing and its rows.
   */
  'mapping.createPairing': call(
    z.strictObject({
      flowId: z.number().int().positive(),
      targetPath: text(2000).trim().min(1, 'must not be empty'),
      sourcePath: text(2000).trim().min(1, 'must not be empty'),
      parentId: z.number().int().positive().nullable().default(null),
      discriminator: z.strictObject({ path: text(2000).trim().min(1, 'must not be empty'), value: text(2000).min(1, 'must not be empty') }).nullable().default(null),
      filter: text(2000).default(''),
      notes: text().default(''),
      status: z.enum(pairingStatuses).default('accepted'),
      confidence: z.number().min(0).max(1).nullable().default(null),
    }),
    z.object({ pairing: ArrayPairing, rows: z.array(MappingRow) }),
  ),
  /** Changes a pairing's source, discriminator (null: none), filter, notes or status; answers it with its rows. */
  'mapping.updatePairing': call(
    z.strictObject({
      pairingId: z.number().int().positive(),
      sourcePath: text(2000).trim().min(1, 'must not be empty').optional(),
      discriminator: z.strictObject({ path: text(2000).trim().min(1, 'must not be empty'), value: text(2000).min(1, 'must not be empty') }).nullable().optional(),
      filter: text(2000).optional(),
      notes: text().optional(),
      status: z.enum(pairingStatuses).optional(),
    }),
    z.object({ pairing: ArrayPairing, rows: z.array(MappingRow) }),
  ),
  /**
   * Removes a pairing (and those nested in it). Its element rows become unpaired again when no other
   * pairing of the array keeps rows for the same fields, and are deleted otherwise. Answers the flow's rows.
   */
  'mapping.deletePairing': call(z.strictObject({ pairingId: z.number().int().positive() }), z.object({ rows: z.array(MappingRow), pairings: z.array(ArrayPairing) })),
  /** What the engine learned between this flow's two entities (from any flow): each accepted or rejected pair. */
  'mapping.learned': call(z.strictObject({ flowId: z.number().int().positive() }), z.array(LearnedDecision)),
  /** Forgets one learned pair (accepted or rejected), so it counts for nothing again; rows keep their values. */
  /** Runs the flow on a source payload: the target payload, its problems tied to rows, and each value's provenance. */
  'mapping.preview': call(z.strictObject({ flowId: z.number().int().positive(), payload: PayloadSource }), PreviewResult.extend({ source: z.unknown() })),
  /** Runs the test cases that hold a payload (of one flow, or all): pass or fail with a structural diff; `record` writes status, date and summary. */
  'mapping.runTests': call(
    z.strictObject({ flowId: z.number().int().positive().optional(), record: z.boolean().default(true) }),
    z.array(
      z.object({
        id: z.number().int(),
        ref: z.string(),
        title: z.string(),
        flow: z.string(),
        status: z.enum(['passed', 'failed']),
        differences: z.array(z.object({ pointer: z.string(), kind: z.enum(['missing', 'unexpected', 'changed']), expected: z.unknown().optional(), actual: z.unknown().optional() })),
        failures: z.array(z.string()),
        summary: z.string(),
        ranAt: z.string(),
      }),
    ),
  ),
  /** A test case from a payload (a sample, a preview's input): the flow's current output is its expectation, to be reviewed. */
  'mapping.makeTestCase': call(z.strictObject({ flowId: z.number().int().positive(), payload: PayloadSource, title: text(500).optional() }), TestCase),
  'mapping.forgetLearned': call(z.strictObject({ flowId: z.number().int().positive(), targetPath: text(2000), sourcePath: text(2000) }), z.array(LearnedDecision)),
  /** The mapping memory across workspaces, newest first. */
  'mapping.memory': call(noInput, z.array(MemoryEntry)),
  /** Erases one remembered pair (its id), or all of them without an id. */
  'mapping.eraseMemory': call(z.strictObject({ id: text(100).optional() }), z.object({ erased: z.number().int(), entries: z.array(MemoryEntry) })),
  /** The mapping memory as a file's text, for a team to share. */
  'mapping.exportMemory': call(noInput, z.object({ fileName: z.string(), text: z.string() })),
  /** Merges a shared memory file's pairs in (read by the renderer); a bad file is refused and changes nothing. */
  'mapping.importMemory': call(z.strictObject({ text: z.string().max(16 * 1024 * 1024), fileName: text(500).optional() }), z.object({ added: z.number().int(), entries: z.array(MemoryEntry) })),
};

export type LearnedDecision = z.infer<typeof LearnedDecision>;
export type MemoryEntry = z.infer<typeof MemoryEntry>;
export type ArrayPairing = z.infer<typeof ArrayPairing>;
export type WriteMode = (typeof writeModes)[number];
export type DeletedFlow = z.infer<typeof DeletedFlow>;
export type RepairPlan = z.infer<typeof RepairPlan>;
export type FlowSummary = z.infer<typeof FlowSummary>;
export type FlowOutcome = z.infer<typeof FlowOutcome>;
export type FlowDetail = z.infer<typeof FlowDetail>;
export type MappingRow = z.infer<typeof MappingRow>;
export type MappingCheck = z.infer<typeof MappingCheck>;
export type TargetSuggestion = z.infer<typeof TargetSuggestion>;
export type MappingSheet = z.infer<typeof MappingSheet>;
export type SheetChecks = z.infer<typeof SheetChecks>;
export type RowExpression = z.infer<typeof RowExpression>;
export type PreviewProblem = z.infer<typeof PreviewProblem>;
export type ProvenanceEntry = z.infer<typeof ProvenanceEntry>;
export type PreviewResult = z.infer<typeof PreviewResult>;
export type PayloadSource = z.infer<typeof PayloadSource>;
export type MappingType = (typeof mappingTypes)[number];
export type TriggerKind = (typeof triggerKinds)[number];
export type MappingStatus = (typeof mappingStatuses)[number];
