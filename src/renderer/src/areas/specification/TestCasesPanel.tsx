// Test cases: given an input, the expected result; each linked to a use case and to the mapping rows
// it covers, with the tester's status and notes.
import { useState } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import type { CallInput, FlowSummary, TestCase, UseCase } from '../../../../shared/contract';
import { testStatuses } from '../../../../shared/contract';
import { api } from '../../api/client';
import { Alert } from '../../components/Alert';
import { EmptyState } from '../../components/EmptyState';
import { useAddForm } from '../../components/use-add-form';
import { LinkIcon, PlusIcon, TestIcon, TrashIcon } from '../../components/icons';
import { plural } from '../../format';
import { useApp } from '../../state/app-context';
import { removeById, replaceById } from '../../state/list-edits';
import { useCallCache } from '../../state/queries';
import { ConfirmRemove } from './ConfirmRemove';
import { CoversDialog } from './CoversDialog';
import { InlineField } from './InlineField';
import { SectionFrame } from './SectionFrame';
import { flowsOf } from './flows-of';
import { useSaveNow } from './use-save-now';
import { RunTestsButton, RunTestsStatus, TestRunResult, useTestRuns, type TestRun } from './TestRuns';

type Status = TestCase['status'];

export const testStatusLabels: Record<Status, string> = {
  not_run: 'Not run',
  passed: 'Passed',
  failed: 'Failed',
  blocked: 'Blocked',
};

const statusClass: Record<Status, string> = {
  not_run: 'test-status-not_run',
  passed: 'test-status-passed',
  failed: 'test-status-failed',
  blocked: 'test-status-blocked',
};

interface TestCasesPanelProps {
  testCases: UseQueryResult<TestCase[]>;
  useCases: UseQueryResult<UseCase[]>;
  flows: UseQueryResult<FlowSummary[]>;
}

export function TestCasesPanel({ testCases, useCases, flows }: TestCasesPanelProps) {
  const { refreshWorkspace } = useApp();
  const cache = useCallCache();
  const list = testCases.data;
  const useCaseList = useCases.data ?? [];
  const testRuns = useTestRuns();
  const counts = Object.fromEntries(testStatuses.map((status) => [status, list?.filter((test) => test.status === status).length ?? 0])) as Record<Status, number>;

  return (
    <SectionFrame
      id="test-cases"
      title="Test cases"
      subtitle="What the testers run: given this input, this result — each tied to a use case and to the mapping rows it proves."
      actions={
        list &&
        list.length > 0 && (
          <>
            <span className="spec-counts">
              {plural(list.length, 'test')} · {counts.passed} passed · {counts.failed} failed · {counts.blocked} blocked
            </span>
            <RunTestsButton tests={list} running={testRuns.running} onRun={() => void testRuns.runAll()} />
          </>
        )
      }
      loading={{ query: testCases, what: 'test cases' }}
    >
      <RunTestsStatus summary={testRuns.summary} error={testRuns.error} onDismissError={testRuns.dismissError} />
      <AddTestCaseForm
        useCases={useCaseList}
        onAdded={(added) => {
          cache.update('testCases.list', {}, (current) => [...current, added]);
          void refreshWorkspace();
        }}
      />
      {list && list.length === 0 ? (
        <EmptyState icon={TestIcon} title="No test cases yet" compact>
          For each use case, write what the testers feed in and what must come out, e.g. “Given a confirmed order with two lines
          and 20% VAT, a draft invoice exists with the same two lines and the VAT amounts.”
        </EmptyState>
      ) : (
        <ol className="test-list">
          {list?.map((test) => (
            <TestCaseCard
              key={test.id}
              test={test}
              useCases={useCaseList}
              flows={flows.data ?? []}
              run={testRuns.runs.get(test.id)}
              onUpdated={(updated) => cache.update('testCases.list', {}, (current) => replaceById(current, updated))}
              onRemoved={() => {
                cache.update('testCases.list', {}, (current) => removeById(current, test.id));
                void refreshWorkspace();
              }}
            />
          ))}
        </ol>
      )}
    </SectionFrame>
  );
}

function UseCaseSelect({ id, value, useCases, onChange, label }: { id: string; value: number | null; useCases: UseCase[]; onChange: (value: number | null) => void; label: string }) {
  return (
    <>
      <label className="visually-hidden" htmlFor={id}>
        {label}
      </label>
      <select id={id} className="select" value={value ?? ''} onChange={(event) => onChange(event.target.value ? Number(event.target.value) : null)}>
        <option value="">No use case</option>
        {useCases.map((useCase) => (
          <option key={useCase.id} value={useCase.id}>
            {useCase.ref} {useCase.title}
            {useCase.descoped ? ' (descoped)' : ''}
          </option>
        ))}
      </select>
    </>
  );
}

function TestCaseCard({ test, useCases, flows, run, onUpdated, onRemoved }: { test: TestCase; useCases: UseCase[]; flows: FlowSummary[]; run: TestRun | undefined; onUpdated: (value: TestCase) => void; onRemoved: () => void }) {
  const { trackSave } = useApp();
  const [removing, setRemoving] = useState(false);
  const [picking, setPicking] = useState(false);
  const useCase = useCases.find((item) => item.id === test.useCaseId);

  const save = async (changes: Omit<CallInput<'testCases.update'>, 'id'>) => onUpdated(await trackSave(api['testCases.update']({ id: test.id, ...changes })));
  const { saveNow, error, clearError } = useSaveNow(test, onUpdated, save);

  return (
    <li className={`record-card test-case${useCase?.descoped ? ' record-descoped' : ''}`} aria-label={`${test.ref} ${test.title}`}>
      <div className="record-head">
        <span className="record-ref">{test.ref}</span>
        <InlineField
          label={`Title of ${test.ref}`}
          hideLabel
          value={test.title}
          onSave={(title) => save({ title })}
          requiredMessage="A test case needs a title; the previous one was kept."
          maxLength={500}
          className="record-title"
          inputClassName="input-title"
        />
        <label className="visually-hidden" htmlFor={`test-status-${test.id}`}>
          Status of {test.ref}
        </label>
        <select
          id={`test-status-${test.id}`}
          className={`select test-status ${statusClass[test.status]}`}
          value={test.status}
          onChange={(event) => void saveNow({ status: event.target.value as Status })}
        >
          {testStatuses.map((status) => (
            <option key={status} value={status}>
              {testStatusLabels[status]}
            </option>
          ))}
        </select>
        <button type="button" className="btn btn-ghost btn-icon btn-sm btn-danger-ghost" onClick={() => setRemoving(true)} aria-label={`Remove ${test.ref}`} title="Remove">
          <TrashIcon size={14} />
        </button>
      </div>
      <div className="test-links">
        <UseCaseSelect id={`test-use-case-${test.id}`} label={`Use case of ${test.ref}`} value={test.useCaseId} useCases={useCases} onChange={(useCaseId) => void saveNow({ useCaseId })} />
        <div className="test-covers" aria-label={`Mapping rows ${test.ref} covers`} role="group">
          <LinkIcon size={13} />
          {test.covers.length ? (
            <ul className="chip-list">
              {test.covers.map((mapId) => (
                <li key={mapId} className="chip mono">
                  {mapId}
                </li>
              ))}
            </ul>
          ) : (
            <span className="faint">Covers no mapping row yet</span>
          )}
          <button type="button" className="btn btn-sm" onClick={() => setPicking(true)}>
            {test.covers.length ? 'Change rows…' : 'Choose rows…'}
          </button>
        </div>
      </div>
      <div className="test-grid">
        <InlineField label="Given input" multiline rows={3} value={test.givenInput} onSave={(givenInput) => save({ givenInput })} placeholder="Given … (the data and the state before)" />
        <InlineField label="Expected result" multiline rows={3} value={test.expectedResult} onSave={(expectedResult) => save({ expectedResult })} placeholder="Then … (what must be true after)" />
      </div>
      <TestRunResult test={test} run={run} />
      <InlineField label="Notes" multiline rows={1} value={test.notes} onSave={(notes) => save({ notes })} placeholder="What the tester saw, links to evidence" className="test-notes" />
      {error && <Alert onDismiss={clearError}>{error}</Alert>}
      {picking && (
        <CoversDialog
          title={`Rows ${test.ref} covers`}
          flows={flows}
          firstFlowId={useCase ? flowsOf(useCase, flows)[0]?.id : undefined}
          initial={test.covers}
          onClose={() => setPicking(false)}
          onSave={(covers) => save({ covers })}
        />
      )}
      {removing && (
        <ConfirmRemove record={test} what="test case" remove={api['testCases.remove']} onRemoved={onRemoved} onClose={() => setRemoving(false)}>
          <p>“{test.title}” and its results are removed from the spec.</p>
        </ConfirmRemove>
      )}
    </li>
  );
}

function AddTestCaseForm({ useCases, onAdded }: { useCases: UseCase[]; onAdded: (test: TestCase) => void }) {
  const [useCaseId, setUseCaseId] = useState<number | null>(null);
  const form = useAddForm({ required: 'Give the test case a title first.', add: (title) => api['testCases.add']({ title, useCaseId }), onAdded });

  return (
    <form className="spec-add-form" onSubmit={form.onSubmit} aria-label="Add a test case">
      <div className="spec-add-row">
        <label className="visually-hidden" htmlFor="new-test-title">
          New test case title
        </label>
        <input
          id="new-test-title"
          {...form.field}
          className="input spec-add-grow"
          maxLength={500}
          placeholder="New test case, e.g. Confirmed order with two lines becomes a draft invoice"
        />
        <UseCaseSelect id="new-test-use-case" label="New test case use case" value={useCaseId} useCases={useCases} onChange={setUseCaseId} />
        <button type="submit" className="btn btn-primary" disabled={form.busy}>
          <PlusIcon />
          Add test case
        </button>
      </div>
      {form.error}
    </form>
  );
}
