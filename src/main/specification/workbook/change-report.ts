// Three-way comparison of a workbook read back: what it says, what it said when exported (the
// snapshot kept in spec_export), and what the app holds now. A field the stakeholder changed and the
// app did not is an edit; one both changed differently is a conflict; a row added is new.
import type { WorkbookChange } from '../../../shared/contract';
import type { SpecDocument } from '../spec-document';
import { comparable } from './cell-text';
import type { Unreadable, WorkbookContents, WorkbookRow } from './read-workbook';
import { EDITABLE, parseChoice, QUESTION_KIND, QUESTION_STATUS, recordsOf, rowId, shownRef, type RecordKind, type RecordValues } from './records';

export interface QuestionFromWorkbook {
  kind: 'question' | 'corner_case';
  question: string;
  owner: string;
  status: 'open' | 'answered' | 'closed';
  answer: string;
  flowId: number | null;
  mappingId: number | null;
}

/** What applying one change does; kept with the preview, never shown. */
export type PlannedChange =
  | {
      id: string;
      type: 'field';
      change: WorkbookChange['kind'];
      kind: RecordKind;
      key: string;
      field: string;
      value: string;
      /** The app's value when the preview was made (comparable form): applying is skipped if it changed since. */
      expected: string;
    }
  | { id: string; type: 'newQuestion'; question: QuestionFromWorkbook };

export interface Comparison {
  changes: WorkbookChange[];
  unreadable: Unreadable[];
  plan: PlannedChange[];
}

interface Working extends Comparison {
  existingQuestions: Set<string>;
}

const questionLines = (document: SpecDocument, refs: readonly string[]) => {
  const text = new Map(document.questions.map((question) => [question.ref, question.question]));
  return refs.map((ref) => comparable(`${ref}: ${text.get(ref) ?? ''}`));
};

export function compareWorkbook(contents: WorkbookContents, base: SpecDocument | null, current: SpecDocument): Comparison {
  const mappingIds = new Map(current.flows.flatMap((flow) => flow.mappings.map((row) => [row.mapId, row.id] as const)));
  const existingQuestions = new Set(current.questions.map((question) => questionKey(question.mapId ? (mappingIds.get(question.mapId) ?? null) : null, question.question)));
  const result: Working = { changes: [], unreadable: [], plan: [], existingQuestions };
  const now = recordsOf(current);
  const then = base ? recordsOf(base) : null;
  const mappings = new Map(current.flows.flatMap((flow) => flow.mappings.map((row) => [String(row.id), { row, flow }] as const)));
  const baseMappings = base ? new Map(base.flows.flatMap((flow) => flow.mappings.map((row) => [String(row.id), row] as const))) : null;
  const seen = new Set<string>();

  for (const row of contents.rows) {
    if (row.key === null) {
      newQuestionRow(row, current, result);
      continue;
    }
    const id = rowId(row.kind, row.key);
    const present = now.get(id);
    const exported = then?.get(id) ?? null;
    if (!present && !exported) {
      result.unreadable.push({ sheet: row.sheet, cell: `A${row.row}`, message: `Row ${row.row} of "${row.sheet}" names a record this workspace does not have (${id}): it was exported from another workspace, or removed; its edits are not read.` });
      continue;
    }
    const record = (present ?? exported)!;
    // A hidden id pasted onto another record's row (or edited to name one) would carry that row's values to the wrong record.
    if (row.shownRef !== '' && row.shownRef.toLowerCase() !== shownRef(record).toLowerCase()) {
      result.unreadable.push({
        sheet: row.sheet,
        cell: `A${row.row}`,
        message: `Row ${row.row} of "${row.sheet}" shows "${clip(row.shownRef)}" but its hidden row id is ${record.ref}'s (${id}): the id was edited or copied from another row, so its edits are not read. Restore the row id, or type the edits on ${record.ref}'s own row.`,
      });
      continue;
    }
    if (seen.has(id)) {
      result.unreadable.push({ sheet: row.sheet, cell: `A${row.row}`, message: `${record.ref} appears twice in "${row.sheet}" (row ${row.row} repeats it): only the first row's edits are read; delete the copy.` });
      continue;
    }
    seen.add(id);
    for (const def of EDITABLE[row.kind]) {
      const cell = row.cells[def.field];
      if (!cell) continue;
      const refused = row.kind === 'mapping' ? refusedStatus(row, def.field, cell, mappings.get(row.key)?.row) : null;
      if (refused) {
        result.unreadable.push({ sheet: row.sheet, cell: cell.cell, message: refused });
        continue;
      }
      compareField(row, def.field, def.header, cell, present ?? null, exported, result);
    }
    const raised = row.cells.newQuestion;
    if (row.kind === 'mapping' && raised && raised.value !== '') {
      const mapping = mappings.get(row.key);
      const before = baseMappings ? questionLines(base!, baseMappings.get(row.key)?.questions ?? []) : mapping ? questionLines(current, mapping.row.questions) : [];
      const added = raised.value
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== '' && !before.includes(line))
        .join('\n');
      if (added === '') continue;
      if (!mapping) {
        result.unreadable.push({ sheet: row.sheet, cell: raised.cell, message: `The question in ${row.sheet}!${raised.cell} is on a mapping row that was deleted in Crosswalk since the export: raise it on "Open questions". It read: "${clip(added)}".` });
        continue;
      }
      addNewQuestion(result, `question:new:${row.sheet}!${raised.cell}`, row.sheet, `${mapping.row.mapId} new question`, {
        kind: 'question',
        question: added,
        owner: '',
        status: 'open',
        answer: '',
        flowId: mapping.flow.id,
        mappingId: mapping.row.id,
      });
    }
  }
  return { changes: result.changes, unreadable: result.unreadable, plan: result.plan };
}

/** The app's rule, applied to a workbook too: a row is accepted only when something fills the target. */
function refusedStatus(row: WorkbookRow, field: string, cell: { value: string; cell: string }, mapping: SpecDocument['flows'][number]['mappings'][number] | undefined): string | null {
  if (field !== 'status' || cell.value !== 'accepted' || !mapping || mapping.status === 'accepted') return null;
  const defaultValue = row.cells.defaultValue?.value ?? mapping.defaultValue ?? '';
  if (mapping.sourcePaths.length > 0 || mapping.mappingType === 'constant' || defaultValue !== '') return null;
  return `${mapping.mapId} (${mapping.targetPath}) is marked Accepted in ${row.sheet}!${cell.cell}, but nothing fills it: no source field, constant or default. Give it a default in the workbook, or choose its source in Crosswalk.`;
}

function compareField(
  row: WorkbookRow,
  field: string,
  header: string,
  cell: { value: string; cell: string },
  present: RecordValues | null,
  exported: RecordValues | null,
  result: Comparison,
) {
  const workbook = cell.value;
  const def = EDITABLE[row.kind].find((candidate) => candidate.field === field)!;
  const before = exported ? comparable(exported.values[field]) : null;
  if (before !== null && workbook === before) return;
  const ref = present?.ref ?? exported?.ref ?? row.key!;
  if (!present) {
    result.unreadable.push({ sheet: row.sheet, cell: cell.cell, message: `${ref} was deleted in Crosswalk since the export, so its ${header} from ${row.sheet}!${cell.cell} cannot be applied. It read: "${clip(workbook)}".` });
    return;
  }
  const now = comparable(present.values[field]);
  if (workbook === now) return;
  if (def.required && workbook === '') {
    result.unreadable.push({ sheet: row.sheet, cell: cell.cell, message: `${header} of ${ref} is empty in ${row.sheet}!${cell.cell}; it cannot be removed: type it again or leave it as exported.` });
    return;
  }
  const kind: WorkbookChange['kind'] = before !== null && now !== before ? 'conflict' : 'edit';
  const id = `${row.kind}:${row.key}:${field}`;
  result.changes.push({ id, sheet: row.sheet, record: ref, field: header, kind, exported: before, workbook, current: now });
  result.plan.push({ id, type: 'field', change: kind, kind: row.kind, key: row.key!, field, value: workbook, expected: now });
}

function newQuestionRow(row: WorkbookRow, current: SpecDocument, result: Working) {
  const value = (field: string) => row.cells[field]?.value ?? '';
  const question = value('question');
  if (question === '') {
    result.unreadable.push({ sheet: row.sheet, cell: `C${row.row}`, message: `Row ${row.row} of "${row.sheet}" is a new row without a question: type the question in its Question cell, or clear the row.` });
    return;
  }
  const flowRef = value('flow');
  const mapId = value('mapId');
  const flow = flowRef ? current.flows.find((candidate) => candidate.ref.toLowerCase() === flowRef.toLowerCase()) : undefined;
  const mapping = mapId ? current.flows.flatMap((candidate) => candidate.mappings.map((entry) => ({ flow: candidate, entry }))).find(({ entry }) => entry.mapId.toLowerCase() === mapId.toLowerCase()) : undefined;
  if (flowRef && !flow) result.unreadable.push({ sheet: row.sheet, cell: row.cells.flow!.cell, message: `Flow "${clip(flowRef)}" in ${row.sheet}!${row.cells.flow!.cell} is not a flow of this workspace (F-1, F-2, …): the new question is added without a flow.` });
  if (mapId && !mapping) result.unreadable.push({ sheet: row.sheet, cell: row.cells.mapId!.cell, message: `Map ID "${clip(mapId)}" in ${row.sheet}!${row.cells.mapId!.cell} is not a mapping row of this workspace: the new question is added without one.` });
  addNewQuestion(result, `question:new:${row.sheet}!${row.row}`, row.sheet, `new question (row ${row.row})`, {
    kind: (parseChoice(QUESTION_KIND, value('kind')) ?? 'question') as QuestionFromWorkbook['kind'],
    question,
    owner: value('owner'),
    status: (parseChoice(QUESTION_STATUS, value('status')) ?? 'open') as QuestionFromWorkbook['status'],
    answer: value('answer'),
    flowId: mapping?.flow.id ?? flow?.id ?? null,
    mappingId: mapping?.entry.id ?? null,
  });
}

function addNewQuestion(result: Working, id: string, sheet: string, record: string, question: QuestionFromWorkbook) {
  // Already in the app on the same row (the same workbook read back twice): not new again.
  if (result.existingQuestions.has(questionKey(question.mappingId, question.question))) return;
  result.changes.push({ id, sheet, record, field: 'Question', kind: 'new', exported: null, workbook: question.question, current: null });
  result.plan.push({ id, type: 'newQuestion', question });
}

/** A question told apart by its text and the mapping row it was raised on: the same words on another row are another question. */
const questionKey = (mappingId: number | null, text: string) => `${mappingId ?? ''}\u0000${comparable(text)}`;

const clip = (text: string) => (text.length > 80 ? `${text.slice(0, 80)}…` : text);
