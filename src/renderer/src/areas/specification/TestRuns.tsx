// Test cases that run (they hold a flow, an input payload and an expectation): "Run tests" runs them all
// and records status, date and diff summary; each card shows its last result and, after a run here,
// the structural diff in full.
import { useState } from 'react';
import type { CallOutput, TestCase } from '../../../../shared/contract';
import { api } from '../../api/client';
import { Alert } from '../../components/Alert';
import { CheckCircleIcon, AlertIcon } from '../../components/icons';
import { formatDateTime, plural } from '../../format';
import { useApp } from '../../state/app-context';
import { useCallCache } from '../../state/queries';
import { errorMessage } from '../../state/save-state';

export type TestRun = CallOutput<'mapping.runTests'>[number];

/** The Run tests button and what the last run here gave, by test case id. */
export function useTestRuns() {
  const { trackSave } = useApp();
  const cache = useCallCache();
  const [runs, setRuns] = useState<Map<number, TestRun>>(new Map());
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [summary, setSummary] = useState<string | null>(null);

  const runAll = async () => {
    setRunning(true);
    setError(null);
    try {
      const results = await trackSave(api['mapping.runTests']({ record: true }));
      setRuns(new Map(results.map((result) => [result.id, result])));
      const failed = results.filter((result) => result.status === 'failed').length;
      setSummary(results.length === 0 ? 'No test case holds a payload to run yet: make one from a flow’s preview.' : `Ran ${plural(results.length, 'test')}: ${results.length - failed} passed, ${failed} failed.`);
      cache.invalidate('testCases.list');
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setRunning(false);
    }
  };
  return { runs, running, error, summary, runAll, dismissError: () => setError(null) };
}

export function RunTestsButton({ tests, running, onRun }: { tests: TestCase[] | undefined; running: boolean; onRun: () => void }) {
  const runnable = tests?.filter((test) => test.runnable).length ?? 0;
  return (
    <button type="button" className="btn btn-sm" onClick={onRun} aria-disabled={running || runnable === 0} disabled={runnable === 0} title={runnable ? `Run the ${plural(runnable, 'test case')} that hold a payload` : 'No test case holds a payload yet: make one from a flow’s preview'}>
      {running ? 'Running tests…' : 'Run tests'}
    </button>
  );
}

export function RunTestsStatus({ summary, error, onDismissError }: { summary: string | null; error: string | null; onDismissError: () => void }) {
  if (error) return <Alert onDismiss={onDismissError}>{error}</Alert>;
  return summary ? (
    <p className="test-run-summary" role="status">
      {summary}
    </p>
  ) : null;
}

/** A runnable test case's last result: pass or fail with its date, and the differences. */
export function TestRunResult({ test, run }: { test: TestCase; run: TestRun | undefined }) {
  if (!test.runnable) return null;
  const status = run?.status ?? (test.lastRunAt ? test.status : null);
  const ranAt = run?.ranAt ?? test.lastRunAt;
  return (
    <div className={`test-run test-run-${status ?? 'not_run'}`} aria-label={`Last run of ${test.ref}`} role="group">
      <p className="test-run-line">
        {status === 'passed' ? <CheckCircleIcon size={14} /> : status === 'failed' ? <AlertIcon size={14} /> : null}
        <strong>{status === 'passed' ? 'Passed' : status === 'failed' ? 'Failed' : 'Not run yet'}</strong>
        {ranAt && <span className="muted">· last run {formatDateTime(ranAt)}</span>}
        {!run && test.lastDiff && <span className="test-run-diff-summary">· {test.lastDiff}</span>}
      </p>
      {run && (run.differences.length > 0 || run.failures.length > 0) && (
        <table className="test-diff">
          <caption className="visually-hidden">Differences of {test.ref}</caption>
          <thead>
            <tr>
              <th scope="col">Where</th>
              <th scope="col">Difference</th>
              <th scope="col">Expected</th>
              <th scope="col">Got</th>
            </tr>
          </thead>
          <tbody>
            {run.differences.map((difference) => (
              <tr key={`${difference.pointer}-${difference.kind}`}>
                <td className="mono">{difference.pointer || '(whole payload)'}</td>
                <td>{difference.kind}</td>
                <td className="mono">{difference.kind === 'unexpected' ? '—' : JSON.stringify(difference.expected)}</td>
                <td className="mono">{difference.kind === 'missing' ? '—' : JSON.stringify(difference.actual)}</td>
              </tr>
            ))}
            {run.failures.map((failure) => (
              <tr key={failure}>
                <td colSpan={4}>{failure}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
