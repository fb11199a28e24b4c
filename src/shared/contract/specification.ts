// The specification, the analyst's deliverable: integration, use cases, questions, configurable inputs,
// test cases, requirements, change log, sign-off, its exports and the workbook read back.
import { z } from 'zod';
import { call, filePath, name, noInput, text } from './fields';

export const integrationStatuses = ['draft', 'in_review', 'approved'] as const;
export const questionKinds = ['question', 'corner_case'] as const;
export const questionStatuses = ['open', 'answered', 'closed'] as const;

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
  /** Map IDs typed in the question or answer (M-0012), and whether a row has each. */
  mentions: z.array(z.object({ mapId: z.string(), exists: z.boolean() })),
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
  /** The flow it runs, when it holds an input payload (a test case that runs). */
  flowId: z.number().int().nullable(),
  /** It holds an input payload and an expectation (a target payload or checks), so it can run. */
  runnable: z.boolean(),
  /** When its last recorded run was, and what differed ('' when it passed). */
  lastRunAt: z.string().nullable(),
  lastDiff: z.string(),
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

export const specificationCalls = {
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
  /** The whole spec in one format as a file's bytes (base64), for a browser to download. */
  'spec.download': call(
    z.strictObject({ format: z.enum(exportFormats) }),
    z.object({ fileName: z.string(), mediaType: z.string(), content: z.string(), bytes: z.number().int() }),
  ),
  /** Reads a workbook a stakeholder edited and reports what differs; nothing is written. */
  'spec.previewWorkbook': call(z.strictObject({ path: filePath }), WorkbookReport),
  /** Applies exactly the listed changes of a preview, in one transaction. */
  'spec.applyWorkbook': call(
    z.strictObject({ previewId: text(100), changeIds: z.array(text(400)).max(100_000) }),
    z.object({ applied: z.number().int(), skipped: z.number().int() }),
  ),
};

export type Integration = z.infer<typeof Integration>;
export type OpenQuestion = z.infer<typeof OpenQuestion>;
export type UseCase = z.infer<typeof UseCase>;
export type ConfigurableInput = z.infer<typeof ConfigurableInput>;
export type TestCase = z.infer<typeof TestCase>;
export type Requirement = z.infer<typeof Requirement>;
export type ChangeLogEntry = z.infer<typeof ChangeLogEntry>;
export type SignOff = z.infer<typeof SignOff>;
export type WorkbookChange = z.infer<typeof WorkbookChange>;
export type WorkbookReport = z.infer<typeof WorkbookReport>;
export type ExportFormat = (typeof exportFormats)[number];
