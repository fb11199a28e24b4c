// What each sheet of the workbook holds: its name, columns and rows, read from a SpecDocument.
// The writer lays these out; the reader finds editable columns by the same headers.
import type { MappingType } from '../../../shared/contract';
import { describePairing } from '../../../shared/array-pairing-paths';
import type {
  SpecChange,
  SpecDocument,
  SpecDrift,
  SpecEndpoint,
  SpecFlow,
  SpecInput,
  SpecMapping,
  SpecPairing,
  SpecQuestion,
  SpecRequirement,
  SpecSignOff,
  SpecTestCase,
  SpecUseCase,
} from '../spec-document';
import { sideLabel } from '../spec-document';
import {
  EDITABLE,
  label,
  MAPPING_STATUS,
  QUESTION_KIND,
  QUESTION_STATUS,
  REF_HEADER,
  SIGN_OFF_ROLE,
  TEST_STATUS,
  type FieldDef,
  type RecordKind,
} from './records';

export type CellInput = string | number | Date | null | undefined;

export interface ColumnDef<R> {
  header: string;
  value: (row: R) => CellInput;
  /** Width in characters: at least the first, at most the second; the content decides in between. */
  width: [number, number];
  /** A stakeholder may edit this column; it is read back. */
  field?: FieldDef;
  numFmt?: string;
  center?: boolean;
}

export type SheetKind =
  | 'requirements'
  | 'useCases'
  | 'flows'
  | 'mapping'
  | 'pairings'
  | 'valueMaps'
  | 'testCases'
  | 'questions'
  | 'inputs'
  | 'endpoints'
  | 'changeLog'
  | 'signOff'
  | 'drift';

export interface SheetDef<R = unknown> {
  kind: SheetKind;
  name: string;
  /** Printed at the top of each page. */
  title: string;
  /** One line in the cover's table of contents. */
  description: string;
  columns: ColumnDef<R>[];
  rows: R[];
  /** Rows carry a hidden id column so that edits find their record again. */
  record?: { kind: RecordKind; key: (row: R) => string | number };
  /** Columns kept in view while scrolling sideways. */
  freezeColumns: number;
  /** Empty rows prepared (drop-downs, borders) for new entries. */
  blankRows?: number;
  /** The flow a mapping sheet belongs to. */
  flow?: SpecFlow;
  rowHeight?: number;
}

export const ID_HEADER = 'Row id (do not edit)';
/** The mapping sheets' column where a stakeholder raises a new question on a row. */
export const QUESTION_HEADER = 'Open question';

interface ValueMapItem {
  flow: SpecFlow;
  row: SpecMapping;
  entry: { source: string; target: string };
}

const MAPPING_TYPE_LABEL: Record<MappingType, string> = {
  direct: 'Direct',
  derived: 'Derived',
  constant: 'Constant',
  lookup: 'Lookup / value map',
  conditional: 'Conditional',
  concatenation: 'Concatenation',
  split: 'Split',
};

const yesNo = (value: boolean) => (value ? 'Yes' : 'No');
const day = (iso: string) => (iso ? iso.slice(0, 10) : '');
const lines = (values: readonly string[]) => values.join('\n');
const edit = (kind: RecordKind, field: string) => EDITABLE[kind].find((def) => def.field === field)!;

function column<R>(header: string, value: (row: R) => CellInput, width: [number, number], extra: Partial<ColumnDef<R>> = {}): ColumnDef<R> {
  return { header, value, width, ...extra };
}

function editableColumn<R>(kind: RecordKind, field: string, value: (row: R) => CellInput, width: [number, number]): ColumnDef<R> {
  const def = edit(kind, field);
  return { header: def.header, value, width, field: def, center: def.type === 'choice' };
}

/** Excel sheet names: at most 31 characters, none of : \ / ? * [ ] (nor !, which links use), unique regardless of case. */
export function sheetName(wanted: string, taken: Set<string>): string {
  const base = wanted.replace(/[:\\/?*[\]!]/g, ' ').replace(/\s+/g, ' ').trim().replace(/^'+|'+$/g, '') || 'Sheet';
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? '' : ` (${n})`;
    const name = base.slice(0, 31 - suffix.length).trimEnd() + suffix;
    if (!taken.has(name.toLowerCase())) {
      taken.add(name.toLowerCase());
      return name;
    }
  }
}

export function targetType(row: SpecMapping): string {
  let type = row.targetType;
  if (row.targetFormat) type += ` (${row.targetFormat})`;
  if (row.targetMaxLength !== null) type += `, max ${row.targetMaxLength}`;
  return type;
}

function mappingColumns(document: SpecDocument, flow: SpecFlow): ColumnDef<SpecMapping>[] {
  const questionText = new Map(document.questions.map((question) => [question.ref, question.question]));
  const pairingText = new Map((flow.pairings ?? []).map((pairing) => [pairing.pairId, describePairing(pairing)] as const));
  return [
    column('Map ID', (row) => row.mapId, [8, 9]),
    column('Target field', (row) => row.targetPath, [16, 30]),
    column('Target type', targetType, [10, 18]),
    column('Required', (row) => yesNo(row.targetRequired), [9, 9], { center: true }),
    column('Source field(s)', (row) => lines(row.sourcePaths), [16, 30]),
    column('Source type(s)', (row) => lines(row.sourceTypes), [10, 14]),
    column('Mapping type', (row) => MAPPING_TYPE_LABEL[row.mappingType] ?? row.mappingType, [12, 14]),
    // Only on the sheets of flows with array pairings: the element rows' pairing (export-only).
    ...(flow.pairings?.length ? [column<SpecMapping>('Array pairing', (row) => (row.pairing ? `${row.pairing}: ${pairingText.get(row.pairing) ?? ''}` : ''), [12, 28])] : []),
    editableColumn('mapping', 'transformation', (row) => row.transformation, [16, 28]),
    editableColumn('mapping', 'condition', (row) => row.condition, [12, 24]),
    editableColumn('mapping', 'defaultValue', (row) => row.defaultValue, [10, 16]),
    column('Value map', (row) => lines(row.valueMap.map((entry) => `${entry.source} → ${entry.target}`)), [12, 24]),
    editableColumn('mapping', 'status', (row) => label(MAPPING_STATUS, row.status), [15, 15]),
    column('Confidence', (row) => row.confidence, [11, 11], { numFmt: '0%', center: true }),
    editableColumn('mapping', 'notes', (row) => row.notes, [16, 28]),
    editableColumn('mapping', 'owner', (row) => row.owner, [10, 16]),
    {
      header: QUESTION_HEADER,
      value: (row) => lines(row.questions.map((ref) => `${ref}: ${questionText.get(ref) ?? ''}`)),
      width: [16, 28],
      field: { field: 'newQuestion', header: QUESTION_HEADER, type: 'text' },
    },
    // The template columns: what the documents say about each field. Export-only (edits are not read back);
    // printed on the pages after the mapping itself, with Map ID and target field repeated.
    column('Target description', (row) => row.targetDescription, [24, 48]),
    column('Allowed values', (row) => lines(row.targetAllowedValues), [14, 28]),
    column('Max length', (row) => row.targetMaxLength ?? '', [11, 11], { center: true }),
    column('Nullable', (row) => yesNo(row.targetNullable), [9, 9], { center: true }),
    column('Format', (row) => row.targetFormat ?? '', [10, 16]),
    column('Example', (row) => row.targetExample, [12, 28]),
    column('Source description', (row) => lines(row.sourceDescriptions.map((text, index) => (row.sourcePaths.length > 1 && text ? `${row.sourcePaths[index]}: ${text}` : text)).filter(Boolean)), [24, 48]),
    column('Source allowed values', (row) => lines(row.sourceAllowedValues.map((values, index) => (row.sourcePaths.length > 1 && values.length ? `${row.sourcePaths[index]}: ${values.join(', ')}` : values.join('\n'))).filter(Boolean)), [14, 28]),
  ];
}

/** The mapping sheets' columns that only describe the documents: a stakeholder's edits there are not read back. */
export const TEMPLATE_HEADERS = ['Target description', 'Allowed values', 'Max length', 'Nullable', 'Format', 'Example', 'Source description', 'Source allowed values'] as const;

/** The sheets after the cover, in order. */
export function sheetsOf(document: SpecDocument): SheetDef[] {
  const taken = new Set(['cover', '_crosswalk']);
  const name = (wanted: string) => sheetName(wanted, taken);
  const useCaseTitle = new Map(document.useCases.map((useCase) => [useCase.ref, useCase.title]));
  const sheets: SheetDef[] = [];
  const add = <R>(sheet: SheetDef<R>) => sheets.push(sheet as unknown as SheetDef);

  add<SpecRequirement>({
    kind: 'requirements',
    name: name('Requirements'),
    title: 'Requirements',
    description: 'Functional and non-functional questions with their answers and what they were inferred from.',
    rows: document.requirements,
    record: { kind: 'requirement', key: (row) => row.key },
    freezeColumns: 1,
    columns: [
      column('Key', (row) => row.key, [10, 22]),
      column('Group', (row) => (row.group === 'functional' ? 'Functional' : 'Non-functional'), [12, 14]),
      column('Question', (row) => row.question, [30, 50]),
      editableColumn('requirement', 'answer', (row) => row.answer, [30, 60]),
      column('Inferred', (row) => yesNo(row.inferred), [9, 9], { center: true }),
      column('Confirmed', (row) => yesNo(row.confirmed), [10, 10], { center: true }),
      column('Evidence', (row) => lines(row.evidence), [24, 50]),
    ],
  });
  add<SpecUseCase>({
    kind: 'useCases',
    name: name('Use cases'),
    title: 'Use cases',
    description: 'What the integration does for whom, and which data flows serve each use case.',
    rows: document.useCases,
    record: { kind: 'useCase', key: (row) => row.id },
    freezeColumns: 1,
    columns: [
      column('Ref', (row) => row.ref, [7, 8]),
      editableColumn('useCase', 'title', (row) => row.title, [24, 40]),
      editableColumn('useCase', 'story', (row) => row.story, [40, 80]),
      editableColumn('useCase', 'descoped', (row) => yesNo(row.descoped), [10, 10]),
      column('Data flows', (row) => lines(row.flows), [12, 20]),
    ],
  });
  add<SpecFlow>({
    kind: 'flows',
    name: name('Data flows'),
    title: 'Data flows',
    description: 'Each flow: source and target entity, trigger, outcomes and how complete its mapping is.',
    rows: document.flows,
    freezeColumns: 2,
    columns: [
      column('Ref', (row) => row.ref, [7, 8]),
      column('Name', (row) => row.name, [20, 32]),
      column('Use case', (row) => (row.useCase ? `${row.useCase}: ${useCaseTitle.get(row.useCase) ?? ''}` : ''), [16, 36]),
      column('Source', (row) => `${row.source.system}: ${row.source.entity}`, [16, 28]),
      column('Target', (row) => `${row.target.system}: ${row.target.entity}`, [16, 28]),
      column('Trigger', (row) => `${row.trigger.kind.replace('_', ' ')}${row.trigger.detail ? `: ${row.trigger.detail}` : ''}`, [20, 40]),
      column('Reads with', (row) => row.endpoints?.sourceOperation ?? '', [14, 28]),
      column('Writes with', (row) => (row.endpoints?.targetOperation ? `${row.endpoints.targetOperation}${row.endpoints.writeMode ? ` (${row.endpoints.writeMode}${row.endpoints.matchKey ? ` on ${row.endpoints.matchKey}` : ''})` : ''}` : ''), [14, 32]),
      column('Outcomes', (row) => lines(row.outcomes.map((outcome) => `${outcome.kind === 'success' ? 'Success' : 'Failure'}: ${outcome.condition}${outcome.handling ? ` → ${outcome.handling}` : ''}`)), [24, 48]),
      column('Mapping rows', (row) => row.mappings.length, [13, 13], { center: true }),
      column('Complete', (row) => row.completeness / 100, [10, 10], { numFmt: '0%', center: true }),
      column('Problems', (row) => row.checks.filter((check) => check.severity === 'error').length, [10, 10], { center: true }),
    ],
  });
  for (const flow of document.flows) {
    add<SpecMapping>({
      kind: 'mapping',
      name: name(`${flow.ref} ${flow.name}`),
      title: `${flow.ref} ${flow.name}: ${sideLabel(flow.source)} → ${sideLabel(flow.target)}`,
      description:
        `Source-to-target mapping of ${sideLabel(flow.source)} to ${sideLabel(flow.target)}.` +
        (flow.source.root || flow.target.root ? ` Paths are relative to ${[flow.source.root && `the source's ${flow.source.root}`, flow.target.root && `the target's ${flow.target.root}`].filter(Boolean).join(' and ')}.` : ''),
      rows: flow.mappings,
      record: { kind: 'mapping', key: (row) => row.id },
      freezeColumns: 2,
      flow,
      columns: mappingColumns(document, flow),
    });
  }
  const pairings = document.flows.flatMap((flow) => (flow.pairings ?? []).map((pairing) => ({ flow, pairing })));
  if (pairings.length > 0) {
    add<{ flow: SpecFlow; pairing: SpecPairing }>({
      kind: 'pairings',
      name: name('Array pairings'),
      title: 'Array pairings',
      description: 'Target arrays filled from a source as a whole: one target element per source element (or one from a source object), with their discriminators and filters.',
      rows: pairings,
      record: { kind: 'pairing', key: (item) => item.pairing.id },
      freezeColumns: 1,
      columns: [
        column('Pair ID', (item) => item.pairing.pairId, [8, 9]),
        column('Flow', (item) => item.flow.ref, [7, 8]),
        column('Target array', (item) => item.pairing.targetPath, [16, 30]),
        column('Source', (item) => `${item.pairing.sourcePath}${item.pairing.sourcePath.endsWith('[]') ? ' (each element)' : ' (one element)'}`, [16, 30]),
        column('Inside', (item) => item.pairing.parent ?? '', [8, 9]),
        column('Discriminator', (item) => (item.pairing.discriminator ? `${item.pairing.discriminator.path} = "${item.pairing.discriminator.value}"` : ''), [14, 28]),
        editableColumn('pairing', 'filter', (item) => item.pairing.filter, [14, 30]),
        column('Status', (item) => (item.pairing.status === 'accepted' ? 'Accepted' : 'Suggested'), [11, 11], { center: true }),
        column('Element rows', (item) => item.pairing.mappings.join(', '), [14, 30]),
        editableColumn('pairing', 'notes', (item) => item.pairing.notes, [16, 30]),
      ],
    });
  }
  const valueMaps: ValueMapItem[] = document.flows.flatMap((flow) =>
    flow.mappings.flatMap((row) => row.valueMap.map((entry) => ({ flow, row, entry }))),
  );
  add<ValueMapItem>({
    kind: 'valueMaps',
    name: name('Value maps'),
    title: 'Value maps',
    description: 'Source values and the target value each becomes, per mapping row.',
    rows: valueMaps,
    freezeColumns: 0,
    columns: [
      column('Flow', (item) => item.flow.ref, [7, 8]),
      column('Map ID', (item) => item.row.mapId, [8, 9]),
      column('Target field', (item) => item.row.targetPath, [16, 36]),
      column('Source value', (item) => item.entry.source, [14, 36]),
      column('Target value', (item) => item.entry.target, [14, 36]),
    ],
  });
  add<SpecTestCase>({
    kind: 'testCases',
    name: name('Test cases'),
    title: 'Test cases',
    description: 'What to feed the integration, what must come out, and the mapping rows each test covers.',
    rows: document.testCases,
    record: { kind: 'testCase', key: (row) => row.id },
    freezeColumns: 1,
    columns: [
      column('Ref', (row) => row.ref, [7, 8]),
      column('Title', (row) => row.title, [20, 36]),
      column('Use case', (row) => row.useCase ?? '', [9, 10]),
      column('Given input', (row) => row.givenInput, [24, 44]),
      column('Expected result', (row) => row.expectedResult, [24, 44]),
      column('Covers', (row) => row.covers.join(', '), [10, 20]),
      editableColumn('testCase', 'status', (row) => label(TEST_STATUS, row.status), [10, 10]),
      editableColumn('testCase', 'notes', (row) => row.notes, [20, 40]),
    ],
  });
  add<SpecQuestion>({
    kind: 'questions',
    name: name('Open questions'),
    title: 'Open questions and corner cases',
    description: 'Questions for stakeholders and corner cases to decide; add new ones in the empty rows.',
    rows: document.questions,
    record: { kind: 'question', key: (row) => row.id },
    freezeColumns: 1,
    blankRows: 50,
    columns: [
      column('Ref', (row) => row.ref, [7, 8]),
      editableColumn('question', 'kind', (row) => label(QUESTION_KIND, row.kind), [12, 12]),
      editableColumn('question', 'question', (row) => row.question, [36, 60]),
      { ...column('Flow', (row) => row.flow ?? '', [7, 8]), field: { field: 'flow', header: 'Flow', type: 'text' } },
      { ...column('Map ID', (row) => row.mapId ?? '', [8, 9]), field: { field: 'mapId', header: 'Map ID', type: 'text' } },
      editableColumn('question', 'owner', (row) => row.owner, [12, 20]),
      editableColumn('question', 'status', (row) => label(QUESTION_STATUS, row.status), [11, 11]),
      editableColumn('question', 'answer', (row) => row.answer, [30, 60]),
      column('Raised', (row) => day(row.createdAt), [11, 11], { center: true }),
      column('Updated', (row) => day(row.updatedAt), [11, 11], { center: true }),
    ],
  });
  add<SpecInput>({
    kind: 'inputs',
    name: name('Configuration'),
    title: 'Configurable inputs',
    description: 'What each customer provides when the integration is set up: credentials (their shape only), options, custom fields.',
    rows: document.inputs,
    freezeColumns: 1,
    columns: [
      column('Ref', (row) => row.ref, [7, 8]),
      column('Name', (row) => row.name, [16, 30]),
      column('Kind', (row) => ({ credential: 'Credential', option: 'Option', custom_field: 'Custom field', other: 'Other' })[row.kind], [12, 13]),
      column('System', (row) => row.system ?? '', [10, 16]),
      column('Description', (row) => row.description, [30, 60]),
      column('Required', (row) => yesNo(row.required), [9, 9], { center: true }),
      // A credential's value is never exported, whatever the document holds.
      column('Default', (row) => (row.kind === 'credential' ? '' : row.defaultValue), [12, 30]),
    ],
  });
  add<SpecEndpoint>({
    kind: 'endpoints',
    name: name('Endpoints'),
    title: 'Endpoints used',
    description: 'The API operations the flows read from and write to.',
    rows: document.endpoints,
    freezeColumns: 0,
    columns: [
      column('System', (row) => row.system, [10, 16]),
      column('Method', (row) => row.method.toUpperCase(), [8, 8], { center: true }),
      column('Path', (row) => row.path, [20, 44]),
      column('Operation ID', (row) => row.operationId, [14, 28]),
      column('Summary', (row) => row.summary, [24, 50]),
      column('Used by', (row) => lines(row.usedBy.map((use) => `${use.flow} (${use.role}${use.rule ? `: ${use.rule}` : ''})`)), [20, 36]),
    ],
  });
  add<SpecChange>({
    kind: 'changeLog',
    name: name('Change log'),
    title: 'Change log',
    description: 'What changed in the specification, when, in which version and by whom.',
    rows: document.changeLog,
    freezeColumns: 0,
    columns: [
      column('Date', (row) => row.at.slice(0, 16).replace('T', ' '), [17, 17]),
      column('Version', (row) => row.version, [9, 10], { center: true }),
      column('Author', (row) => row.author, [12, 24]),
      column('Summary', (row) => row.summary, [40, 90]),
    ],
  });
  add<SpecSignOff>({
    kind: 'signOff',
    name: name('Sign-off'),
    title: `Sign-off: ${document.integration.name}, specification version ${document.integration.specVersion}`,
    description: 'Who prepared, reviewed and approved this version of the specification.',
    rows: document.signOff,
    record: { kind: 'signOff', key: (row) => row.role },
    freezeColumns: 0,
    rowHeight: 36,
    columns: [
      column(REF_HEADER.signOff, (row) => SIGN_OFF_ROLE[row.role], [14, 14]),
      editableColumn('signOff', 'name', (row) => row.name, [24, 30]),
      { ...editableColumn('signOff', 'date', (row) => (/^\d{4}-\d{2}-\d{2}$/.test(row.date) ? new Date(`${row.date}T00:00:00Z`) : row.date), [12, 12]), numFmt: 'yyyy-mm-dd' },
      column('Signature', () => '', [30, 30]),
      column('Spec version', () => document.integration.specVersion, [13, 13], { center: true }),
      editableColumn('signOff', 'note', (row) => row.note, [30, 50]),
    ],
  });
  if (document.drift && document.drift.length > 0) {
    add<SpecDrift>({
      kind: 'drift',
      name: name('Drift'),
      title: 'Drift: what saved samples show that the API documents do not say. Export-only: edits on this sheet are not read back.',
      description: 'Per entity and field, the contract check findings across saved samples (export-only).',
      rows: document.drift,
      freezeColumns: 0,
      columns: [
        column('System', (row) => row.system, [10, 16]),
        column('Entity', (row) => row.entity.replace(/^(schema|body):/, ''), [14, 30]),
        column('Field', (row) => row.field || '(whole body)', [14, 36]),
        column('Finding', (row) => row.kind.replace(/-/g, ' '), [14, 26]),
        column('Samples', (row) => row.samples, [8, 9], { center: true }),
        column('First seen', (row) => row.firstSeen.slice(0, 16).replace('T', ' '), [17, 17]),
        column('Last seen', (row) => row.lastSeen.slice(0, 16).replace('T', ' '), [17, 17]),
        column('Example (export-only sheet: edits are not read back)', (row) => row.example, [30, 80]),
      ],
    });
  }
  return sheets;
}
