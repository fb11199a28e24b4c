// The records a workbook carries back: which of their fields a stakeholder may edit, how each is
// shown in a cell and read from one, where it lives in the workspace, and its value in a SpecDocument.
import { mappingStatuses } from '../../../shared/contract';
import type { SqliteDatabase } from '../../workspace/sqlite';
import type { SpecDocument } from '../spec-document';
import { comparable } from './cell-text';

export type RecordKind = 'mapping' | 'question' | 'testCase' | 'requirement' | 'useCase' | 'signOff' | 'pairing';

export interface Choice {
  value: string;
  label: string;
}

export interface FieldDef {
  /** Property name, also used in change ids. */
  field: string;
  /** The column's header in the workbook. */
  header: string;
  type: 'text' | 'choice' | 'date';
  choices?: readonly Choice[];
  /** An empty value cannot be stored (a question without its text). */
  required?: boolean;
}

const choices = (values: readonly string[]): Choice[] =>
  values.map((value) => ({ value, label: (value.charAt(0).toUpperCase() + value.slice(1)).replace(/_/g, ' ') }));

export const MAPPING_STATUS = choices(mappingStatuses);
export const QUESTION_STATUS = choices(['open', 'answered', 'closed']);
export const QUESTION_KIND = choices(['question', 'corner_case']);
export const TEST_STATUS = choices(['not_run', 'passed', 'failed', 'blocked']);
export const YES_NO: Choice[] = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
];

export const label = (options: readonly Choice[], value: string) => options.find((option) => option.value === value)?.label ?? value;

/** Reads a choice from a cell: its label or its value, in any case. */
export function parseChoice(options: readonly Choice[], text: string): string | undefined {
  const wanted = text.trim().toLowerCase().replace(/[\s-]+/g, '_');
  return options.find((option) => option.value === wanted || option.label.toLowerCase().replace(/[\s-]+/g, '_') === wanted)?.value;
}

const text = (field: string, header: string, required = false): FieldDef => ({ field, header, type: 'text', required });
const choice = (field: string, header: string, options: readonly Choice[]): FieldDef => ({ field, header, type: 'choice', choices: options });

/** What a stakeholder may edit, per record kind. The mapping sheets' "Open question" column adds a new question. */
export const EDITABLE: Record<RecordKind, FieldDef[]> = {
  mapping: [
    text('transformation', 'Transformation'),
    text('condition', 'Condition'),
    text('defaultValue', 'Default'),
    choice('status', 'Status', MAPPING_STATUS),
    text('notes', 'Notes'),
    text('owner', 'Owner'),
  ],
  question: [
    choice('kind', 'Kind', QUESTION_KIND),
    text('question', 'Question', true),
    text('owner', 'Owner'),
    choice('status', 'Status', QUESTION_STATUS),
    text('answer', 'Answer'),
  ],
  testCase: [choice('status', 'Status', TEST_STATUS), text('notes', 'Notes')],
  requirement: [text('answer', 'Answer')],
  useCase: [text('title', 'Title', true), text('story', 'Story'), choice('descoped', 'Descoped', YES_NO)],
  signOff: [text('name', 'Name'), { field: 'date', header: 'Date', type: 'date' }, text('note', 'Note')],
  pairing: [text('filter', 'Filter'), text('notes', 'Notes')],
};

export const editable = (kind: RecordKind, field: string) => EDITABLE[kind].find((def) => def.field === field)!;

/** One record as the workbook shows it: the hidden row id, the id people quote, the editable values. */
export interface RecordValues {
  kind: RecordKind;
  key: string;
  /** M-0003, Q-4, TC-2, UC-1, the requirement's key, "Sign-off: reviewed". */
  ref: string;
  values: Record<string, string>;
}

/** The sign-off sheet's Role column. */
export const SIGN_OFF_ROLE: Record<'prepared' | 'reviewed' | 'approved', string> = { prepared: 'Prepared by', reviewed: 'Reviewed by', approved: 'Approved by' };

/** The heading of the column that shows each record's id people quote (its sheet's first column). */
export const REF_HEADER: Record<RecordKind, string> = { mapping: 'Map ID', question: 'Ref', testCase: 'Ref', requirement: 'Key', useCase: 'Ref', signOff: 'Role', pairing: 'Pair ID' };

/** What that column shows for a record: read back, it tells a hidden id pasted onto another record's row. */
export const shownRef = (record: RecordValues): string =>
  record.kind === 'signOff' ? (SIGN_OFF_ROLE[record.key as keyof typeof SIGN_OFF_ROLE] ?? record.key) : record.ref;

/** The hidden id written in each row: "mapping:12", "requirement:trigger", "signOff:reviewed". */
export const rowId = (kind: RecordKind, key: string | number) => `${kind}:${key}`;

export function parseRowId(id: string): { kind: RecordKind; key: string } | null {
  const match = /^(mapping|question|testCase|requirement|useCase|signOff|pairing):(.+)$/.exec(id.trim());
  return match ? { kind: match[1] as RecordKind, key: match[2]! } : null;
}

/** Every editable record of a document, keyed by its row id, values in their stored form ('' for none). */
export function recordsOf(document: SpecDocument): Map<string, RecordValues> {
  const records = new Map<string, RecordValues>();
  const add = (kind: RecordKind, key: string | number, ref: string, values: Record<string, string | null | undefined>) => {
    const clean: Record<string, string> = {};
    for (const [field, value] of Object.entries(values)) clean[field] = value ?? '';
    records.set(rowId(kind, key), { kind, key: String(key), ref, values: clean });
  };
  for (const flow of document.flows) {
    for (const row of flow.mappings) {
      const { transformation, condition, defaultValue, status, notes, owner } = row;
      add('mapping', row.id, row.mapId, { transformation, condition, defaultValue, status, notes, owner });
    }
  }
  for (const question of document.questions) {
    const { kind, owner, status, answer } = question;
    add('question', question.id, question.ref, { kind, question: question.question, owner, status, answer });
  }
  for (const test of document.testCases) {
    add('testCase', test.id, test.ref, { status: test.status, notes: test.notes });
  }
  for (const requirement of document.requirements) add('requirement', requirement.key, requirement.key, { answer: requirement.answer });
  for (const useCase of document.useCases) {
    add('useCase', useCase.id, useCase.ref, { title: useCase.title, story: useCase.story, descoped: useCase.descoped ? 'yes' : 'no' });
  }
  for (const flow of document.flows) {
    for (const pairing of flow.pairings ?? []) add('pairing', pairing.id, pairing.pairId, { filter: pairing.filter, notes: pairing.notes });
  }
  for (const entry of document.signOff) add('signOff', entry.role, `Sign-off: ${entry.role}`, { name: entry.name, date: entry.date, note: entry.note });
  return records;
}

// ---- the workspace side, used when changes are applied ----

interface Storage {
  table: string;
  key: string;
  columns: Record<string, string>;
  /** Column stamped with the time of the change. */
  touched?: string;
  load?: (field: string, stored: unknown) => string;
  store?: (field: string, value: string) => string | number | null;
}

const STORAGE: Record<Exclude<RecordKind, 'requirement'>, Storage> = {
  mapping: {
    table: 'field_mapping',
    key: 'id',
    columns: { transformation: 'transformation', condition: 'condition', defaultValue: 'default_value', status: 'status', notes: 'notes', owner: 'owner' },
    touched: 'updated_at',
    store: (field, value) => (field === 'defaultValue' && value === '' ? null : value),
  },
  question: {
    table: 'open_question',
    key: 'id',
    columns: { kind: 'kind', question: 'question', owner: 'owner', status: 'status', answer: 'answer' },
    touched: 'updated_at',
  },
  testCase: { table: 'test_case', key: 'id', columns: { status: 'status', notes: 'notes' } },
  useCase: {
    table: 'use_case',
    key: 'id',
    columns: { title: 'title', story: 'story', descoped: 'descoped' },
    load: (field, stored) => (field === 'descoped' ? (stored ? 'yes' : 'no') : String(stored ?? '')),
    store: (field, value) => (field === 'descoped' ? (value === 'yes' ? 1 : 0) : value),
  },
  signOff: { table: 'sign_off', key: 'role', columns: { name: 'name', date: 'date', note: 'note' } },
  pairing: { table: 'array_pairing', key: 'id', columns: { filter: 'filter', notes: 'notes' }, touched: 'updated_at' },
};

/**
 * A field's value in the workspace now, in comparable form; undefined when the record is gone.
 * A requirement without a stored answer reads as null: its answer is inferred, nobody typed it.
 */
export function storedValue(db: SqliteDatabase, kind: RecordKind, key: string, field: string): string | null | undefined {
  if (kind === 'requirement') {
    const row = db.prepare('SELECT answer FROM requirement_answer WHERE key = ?').get(key) as { answer: string } | undefined;
    return row && row.answer !== '' ? comparable(row.answer) : null;
  }
  const storage = STORAGE[kind];
  const column = storage.columns[field];
  if (!column) throw new Error(`No column for ${kind}.${field}`);
  const row = db.prepare(`SELECT ${column} AS value FROM ${storage.table} WHERE ${storage.key} = ?`).get(key) as { value: unknown } | undefined;
  if (!row) return undefined;
  return comparable(storage.load ? storage.load(field, row.value) : String(row.value ?? ''));
}

/**
 * Writes one field (inside the caller's transaction); false when the record is gone. A requirement's
 * answer becomes a person's, as when typed in the app: confirmed, with no evidence from the documents.
 */
export function storeValue(db: SqliteDatabase, kind: RecordKind, key: string, field: string, value: string, now: string): boolean {
  if (kind === 'requirement') {
    db.prepare(
      `INSERT INTO requirement_answer (key, answer, inferred, confirmed, evidence, updated_at) VALUES (?, ?, 0, 1, '[]', ?)
       ON CONFLICT (key) DO UPDATE SET answer = excluded.answer, inferred = 0, confirmed = 1, evidence = '[]', updated_at = excluded.updated_at`,
    ).run(key, value, now);
    return true;
  }
  const storage = STORAGE[kind];
  const column = storage.columns[field]!;
  const stored = storage.store ? storage.store(field, value) : value;
  const touch = storage.touched ? `, ${storage.touched} = ?` : '';
  const parameters = storage.touched ? [stored, now, key] : [stored, key];
  return db.prepare(`UPDATE ${storage.table} SET ${column} = ?${touch} WHERE ${storage.key} = ?`).run(...parameters).changes > 0;
}
