// The whole specification as one plain value: what every export (workbook, JSON, Markdown) is
// written from, and the JSON export itself. docs/spec-format.md documents it field by field;
// bump SPEC_FORMAT_VERSION on any change a reader would notice (a removed or renamed key, a new
// meaning) and describe the change there. Adding an optional key is not such a change.
import type { MappingCheck, MappingStatus, MappingType, TriggerKind, WriteMode } from '../../shared/contract';

export const SPEC_FORMAT = 'crosswalk-spec';
export const SPEC_FORMAT_VERSION = 1;

export interface SpecDocument {
  format: typeof SPEC_FORMAT;
  formatVersion: typeof SPEC_FORMAT_VERSION;
  /** ISO time the document was collected. */
  generatedAt: string;
  integration: SpecIntegration;
  systems: SpecSystem[];
  useCases: SpecUseCase[];
  flows: SpecFlow[];
  requirements: SpecRequirement[];
  inputs: SpecInput[];
  testCases: SpecTestCase[];
  questions: SpecQuestion[];
  /** The operations the flows read from and write to. */
  endpoints: SpecEndpoint[];
  changeLog: SpecChange[];
  signOff: SpecSignOff[];
  /** The drift report over the saved samples (what they show that the documents do not say); omitted when there is none. */
  drift?: SpecDrift[];
}

export interface SpecDrift {
  system: string;
  /** The catalogue entity id: `schema:Customer`. */
  entity: string;
  /** Catalogue form (`lines[].taxRate`); '' for the body as a whole. */
  field: string;
  kind: string;
  samples: number;
  firstSeen: string;
  lastSeen: string;
  example: string;
}

export interface SpecIntegration {
  name: string;
  businessCase: string;
  status: 'draft' | 'in_review' | 'approved';
  author: string;
  /** The analyst's version of the spec, e.g. "0.3". */
  specVersion: string;
  createdAt: string;
  updatedAt: string;
}

export interface SpecSystem {
  name: string;
  title: string;
  apiVersion: string;
  /** "2.0", "3.0.3", "3.1.0". */
  openapiVersion: string;
  /** Where the document was imported from (file path or URL, credentials redacted). */
  source: string;
  importedAt: string;
  servers: Array<{ url: string; description: string; environment: 'sandbox' | 'production' | 'unknown' }>;
  auth: Array<{ name: string; type: string; detail: string }>;
}

/** Every record carries `ref`, its stable id in the workbook and in reviews: UC-1, F-2, TC-3, CI-4, Q-5. */
export interface SpecUseCase {
  id: number;
  ref: string;
  title: string;
  story: string;
  descoped: boolean;
  /** `ref`s of the flows serving this use case. */
  flows: string[];
}

export interface SpecFlow {
  id: number;
  ref: string;
  name: string;
  /** The use case's `ref`, or null. */
  useCase: string | null;
  /** `root`: the object inside the entity the flow maps ('' for the entity itself); mapping paths are relative to it. */
  source: { system: string; entity: string; root: string };
  target: { system: string; entity: string; root: string };
  trigger: { kind: TriggerKind; detail: string };
  outcomes: Array<{ kind: 'success' | 'failure'; condition: string; handling: string }>;
  /** Percent of rows settled (0..100). */
  completeness: number;
  checks: MappingCheck[];
  mappings: SpecMapping[];
  /** The catalogue operations the flow reads and writes with (ids such as "POST /invoices"), its write rule and match key; omitted until one is chosen. */
  endpoints?: { sourceOperation: string | null; targetOperation: string | null; writeMode: WriteMode | null; matchKey: string };
  /** Target arrays filled from a source as a whole; the rows of each name it in `pairing`. Omitted when there is none. */
  pairings?: SpecPairing[];
}

/** A target array of objects filled from a source array (one element each) or a source object (one element). */
export interface SpecPairing {
  id: number;
  /** Stable id: P-0001. */
  pairId: string;
  /** The pairId of the pairing whose element holds this one, or null. */
  parent: string | null;
  /** The target array with its []: line_items[]. */
  targetPath: string;
  /** A source array with its [] (lines[]) or a source object (billingAddress). */
  sourcePath: string;
  /** The element field that tells the pairings of one array apart (relative to the element) and its constant. */
  discriminator: { path: string; value: string } | null;
  /** Which source elements are taken (pseudocode); '' for all. */
  filter: string;
  status: 'suggested' | 'accepted';
  confidence: number | null;
  notes: string;
  /** Map IDs of the rows describing the element. */
  mappings: string[];
}

/** A flow's side as the spec states it: `Payroll Employee`, or `Payroll Employee › Employee` when rooted inside it. */
export const sideLabel = (side: SpecFlow['source']) => `${side.system} ${side.entity}${side.root ? ` › ${side.root}` : ''}`;

export interface SpecMapping {
  id: number;
  /** Stable Map ID: M-0001. */
  mapId: string;
  targetPath: string;
  /** From the target entity's catalogue; "unknown" when the field is gone from the document. */
  targetType: string;
  targetFormat: string | null;
  targetRequired: boolean;
  targetMaxLength: number | null;
  /** The template columns (export-only): the target field's description, enum values as text, nullability and an example value. */
  targetDescription: string;
  targetAllowedValues: string[];
  targetNullable: boolean;
  /** The document's example, else one seen in saved samples; '' when neither has one. */
  targetExample: string;
  sourcePaths: string[];
  /** One per source path, in the same order: its description ('' when none) and enum values. */
  sourceDescriptions: string[];
  sourceAllowedValues: string[][];
  /** One per source path, in the same order ("unknown" when gone). */
  sourceTypes: string[];
  /** The source paths that are discovered fields (seen in samples, not in the document); omitted when none. */
  discoveredSources?: string[];
  mappingType: MappingType;
  status: MappingStatus;
  confidence: number | null;
  transformation: string;
  defaultValue: string | null;
  condition: string;
  valueMap: Array<{ source: string; target: string }>;
  notes: string;
  owner: string;
  /** `ref`s of open questions raised on this row. */
  questions: string[];
  updatedAt: string;
  /** The pairId of the array pairing whose element this row describes; omitted outside any pairing. */
  pairing?: string;
}

export interface SpecRequirement {
  /** Stable key, e.g. "trigger", "auth.<system>", "nfr.paging". */
  key: string;
  group: 'functional' | 'non_functional';
  question: string;
  answer: string;
  /** The answer was filled in from the API documents or flows, not typed by the analyst. */
  inferred: boolean;
  /** The analyst confirmed the answer (inferred or typed). */
  confirmed: boolean;
  /** What the inference read, e.g. "CRM: securitySchemes bearerAuth (http bearer)". */
  evidence: string[];
}

export interface SpecInput {
  id: number;
  ref: string;
  name: string;
  kind: 'credential' | 'option' | 'custom_field' | 'other';
  /** The system it configures, or null. */
  system: string | null;
  description: string;
  required: boolean;
  /** Never a secret: credentials have their shape described, not their value. */
  defaultValue: string;
}

export interface SpecTestCase {
  id: number;
  ref: string;
  title: string;
  useCase: string | null;
  givenInput: string;
  expectedResult: string;
  status: 'not_run' | 'passed' | 'failed' | 'blocked';
  notes: string;
  /** Map IDs of the mapping rows this test covers. */
  covers: string[];
}

export interface SpecQuestion {
  id: number;
  ref: string;
  kind: 'question' | 'corner_case';
  question: string;
  owner: string;
  status: 'open' | 'answered' | 'closed';
  answer: string;
  /** The flow's `ref`, or null. */
  flow: string | null;
  /** The mapping row's Map ID, or null. */
  mapId: string | null;
  /** Map IDs typed in the question or answer; `exists` false for an ID no row has. */
  mentions: { mapId: string; exists: boolean }[];
  createdAt: string;
  updatedAt: string;
}

export interface SpecEndpoint {
  system: string;
  method: string;
  path: string;
  operationId: string;
  summary: string;
  /** Flows using it and how; `rule`: the flow's write rule ("upsert matched on reference") when chosen. */
  usedBy: Array<{ flow: string; role: 'reads source' | 'writes target'; rule?: string }>;
}

export interface SpecChange {
  at: string;
  version: string;
  author: string;
  summary: string;
}

export interface SpecSignOff {
  role: 'prepared' | 'reviewed' | 'approved';
  name: string;
  /** ISO date (YYYY-MM-DD) or empty. */
  date: string;
  note: string;
}
