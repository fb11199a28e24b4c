// Open questions & corner cases: a grid with inline editing of question, owner, status and answer, and an add form.
import { useMemo, useState } from 'react';
import type { CellEditRequestEvent, ColDef, GetRowIdParams } from 'ag-grid-community';
import type { CustomCellRendererProps } from 'ag-grid-react';
import type { CallInput, OpenQuestion } from '../../../shared/contract';
import { api } from '../api/client';
import { Alert } from '../components/Alert';
import { EmptyState } from '../components/EmptyState';
import { PlusIcon, QuestionIcon } from '../components/icons';
import { Unloaded } from '../components/Unloaded';
import { useAddForm } from '../components/use-add-form';
import { formatDateTime, formatRelative, questionKindLabels, questionStatusLabels } from '../format';
import { DataGrid } from '../grid/DataGrid';
import { useApp } from '../state/app-context';
import { replaceById } from '../state/list-edits';
import { useCall, useCallCache } from '../state/queries';
import { errorMessage } from '../state/save-state';

type Kind = OpenQuestion['kind'];
type Status = OpenQuestion['status'];
type EditableField = 'question' | 'owner' | 'status' | 'answer';

const kinds = Object.keys(questionKindLabels) as Kind[];
const statuses = Object.keys(questionStatusLabels) as Status[];

const statusTone: Record<Status, string> = {
  open: 'badge badge-warning badge-dot',
  answered: 'badge badge-success badge-dot',
  closed: 'badge badge-dot',
};

function KindCell({ value }: CustomCellRendererProps<OpenQuestion, Kind>) {
  if (!value) return null;
  return <span className={value === 'corner_case' ? 'badge badge-violet' : 'badge badge-info'}>{questionKindLabels[value]}</span>;
}

function StatusCell({ value }: CustomCellRendererProps<OpenQuestion, Status>) {
  if (!value) return null;
  return <span className={statusTone[value]}>{questionStatusLabels[value]}</span>;
}

/** Text, or a quiet placeholder saying what belongs in the empty cell. */
const textOr = (placeholder: string) =>
  function TextCell({ value }: CustomCellRendererProps<OpenQuestion, string>) {
    return value ? <span className="cell-text">{value}</span> : <span className="cell-placeholder">{placeholder}</span>;
  };

/** The question, and a warning for each Map ID it quotes that no row has. */
function QuestionCell({ value, data }: CustomCellRendererProps<OpenQuestion, string>) {
  const missing = (data?.mentions ?? []).filter((mention) => !mention.exists);
  return (
    <span className="cell-text">
      {value}
      {missing.map((mention) => (
        <span key={mention.mapId} className="cell-warning">
          {' '}
          ({mention.mapId}: no row has this Map ID)
        </span>
      ))}
    </span>
  );
}

const OwnerCell = textOr('Unassigned');
const AnswerCell = textOr('No answer yet');

const getRowId = (params: GetRowIdParams<OpenQuestion>) => String(params.data.id);

export function QuestionsPanel() {
  const { trackSave, refreshWorkspace } = useApp();
  const cache = useCallCache();
  const questions = useCall('questions.list', {});
  const [error, setError] = useState<string | null>(null);

  const columns = useMemo<ColDef<OpenQuestion>[]>(
    () => [
      { field: 'kind', headerName: 'Kind', width: 118, cellRenderer: KindCell, resizable: false },
      {
        field: 'question',
        headerName: 'Question',
        flex: 3,
        minWidth: 200,
        editable: true,
        wrapText: true,
        autoHeight: true,
        cellRenderer: QuestionCell,
        cellEditor: 'agLargeTextCellEditor',
        cellEditorPopup: true,
        cellEditorParams: { maxLength: 20000, rows: 6, cols: 60 },
      },
      {
        field: 'owner',
        headerName: 'Owner',
        width: 140,
        editable: true,
        cellRenderer: OwnerCell,
        cellEditorParams: { maxLength: 200 },
      },
      {
        field: 'status',
        headerName: 'Status',
        width: 120,
        editable: true,
        cellRenderer: StatusCell,
        cellEditor: 'agSelectCellEditor',
        cellEditorParams: { values: statuses },
        refData: questionStatusLabels,
      },
      {
        field: 'answer',
        headerName: 'Answer',
        flex: 2,
        minWidth: 160,
        editable: true,
        wrapText: true,
        autoHeight: true,
        cellRenderer: AnswerCell,
        cellEditor: 'agLargeTextCellEditor',
        cellEditorPopup: true,
        cellEditorParams: { maxLength: 20000, rows: 6, cols: 50 },
      },
      {
        field: 'updatedAt',
        headerName: 'Updated',
        width: 112,
        valueFormatter: (params) => (params.value ? formatRelative(params.value as string) : ''),
        tooltipValueGetter: (params) => (params.value ? formatDateTime(params.value as string) : ''),
        cellClass: 'cell-muted',
      },
    ],
    [],
  );

  const show = (question: OpenQuestion) => cache.update('questions.list', {}, (current) => replaceById(current, question));

  // The grid edits nothing itself (readOnlyEdit): the typed value shows at once, and the stored one comes
  // back if main refuses it.
  const onCellEditRequest = async (event: CellEditRequestEvent<OpenQuestion>) => {
    const field = event.colDef.field as EditableField | undefined;
    const row = event.data;
    if (!field || !row || event.newValue === event.oldValue) return;
    const value = String(event.newValue ?? '');

    const changes: CallInput<'questions.update'> = { id: row.id };
    if (field === 'question') {
      if (!value.trim()) {
        setError('A question cannot be empty; the previous text was kept.');
        return;
      }
      changes.question = value;
    } else if (field === 'status') {
      changes.status = value as Status;
    } else {
      changes[field] = value;
    }

    setError(null);
    show({ ...row, [field]: value });
    try {
      show(await trackSave(api['questions.update'](changes)));
      if (field === 'status') void refreshWorkspace();
    } catch (failure) {
      show(row);
      setError(errorMessage(failure));
    }
  };

  const list = questions.data;
  const open = list?.filter((question) => question.status === 'open').length ?? 0;
  const answered = list?.filter((question) => question.status === 'answered').length ?? 0;

  return (
    <section className="panel questions-panel" id="questions" tabIndex={-1} aria-labelledby="questions-title">
      <div className="panel-header">
        <h2 className="panel-title" id="questions-title">
          Open questions &amp; corner cases
        </h2>
        {list && list.length > 0 && (
          <span className="panel-subtitle">
            {open} open · {answered} answered · {list.length - open - answered} closed
          </span>
        )}
      </div>
      <AddQuestionForm
        onAdded={(added) => {
          cache.update('questions.list', {}, (current) => [...current, added]);
          void refreshWorkspace();
        }}
      />
      {error && (
        <div className="panel-alert">
          <Alert onDismiss={() => setError(null)}>{error}</Alert>
        </div>
      )}
      {!list ? (
        <Unloaded query={questions} title="The questions could not be loaded" frame="panel-alert" />
      ) : list.length === 0 ? (
        <EmptyState icon={QuestionIcon} title="No open questions yet" compact>
          Write down everything you still need to find out, and every corner case the developers must handle (missing
          values, limits, duplicates, failures), with who can answer it. Add the first one above.
        </EmptyState>
      ) : (
        <>
          <DataGrid<OpenQuestion>
            label="Open questions and corner cases"
            flush
            rowData={list}
            columnDefs={columns}
            getRowId={getRowId}
            domLayout="autoHeight"
            readOnlyEdit
            onCellEditRequest={(event) => void onCellEditRequest(event)}
            tooltipShowDelay={500}
          />
          <p className="panel-footnote">
            Double-click a cell, or select it and press Enter, to edit the question, owner, status or answer. Changes are saved
            as soon as you leave the cell.
          </p>
        </>
      )}
    </section>
  );
}

function AddQuestionForm({ onAdded }: { onAdded: (question: OpenQuestion) => void }) {
  const [kind, setKind] = useState<Kind>('question');
  const [owner, setOwner] = useState('');
  const form = useAddForm({ required: 'Type the question or corner case first.', add: (question) => api['questions.add']({ question, kind, owner: owner.trim() }), onAdded });

  return (
    <form className="question-form" onSubmit={form.onSubmit} aria-label="Add a question or corner case">
      <div className="question-form-row">
        <label className="visually-hidden" htmlFor="new-question-kind">
          Kind
        </label>
        <select id="new-question-kind" className="select question-kind" value={kind} onChange={(event) => setKind(event.target.value as Kind)}>
          {kinds.map((value) => (
            <option key={value} value={value}>
              {questionKindLabels[value]}
            </option>
          ))}
        </select>
        <label className="visually-hidden" htmlFor="new-question-text">
          Question or corner case
        </label>
        <input
          id="new-question-text"
          {...form.field}
          className="input question-text"
          maxLength={20000}
          placeholder={kind === 'corner_case' ? 'Describe the corner case, e.g. what happens when the order has no lines?' : 'What do you need to find out?'}
        />
        <label className="visually-hidden" htmlFor="new-question-owner">
          Owner
        </label>
        <input
          id="new-question-owner"
          className="input question-owner"
          value={owner}
          maxLength={200}
          placeholder="Owner (optional)"
          onChange={(event) => setOwner(event.target.value)}
        />
        <button type="submit" className="btn btn-primary" disabled={form.busy}>
          <PlusIcon />
          Add
        </button>
      </div>
      {form.error}
    </form>
  );
}
