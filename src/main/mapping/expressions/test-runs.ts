// Test cases that run: a test case holding a flow, an input payload and an expectation (a whole target
// payload, or checks: a path equals a value, a path is absent, no problems) runs the flow on its input
// and passes or fails with a structural diff. Results are written only when asked (record).
import type { PayloadSource, TestCase } from '../../../shared/contract';
import { UserError } from '../../errors';
import type { SystemImports } from '../../openapi/system-import';
import { listTestCasesIn, testCaseRef } from '../../specification/test-cases';
import { resolveLocalPointer as valueAtPointer } from '../../openapi/load/pointer';
import type { Workspace } from '../../workspace/workspace';
import { getFlow, listFlows } from '../flows';
import { sourcePayload } from './payload-source';
import { evaluateFlow, prepareFlow, previewFlow, problemsOf, type RunOptions } from './preview';
import { describeDifference, structuralDiff, type Difference } from './structural-diff';

export type ExpectedCheck = { kind: 'equals'; pointer: string; value: unknown } | { kind: 'absent'; pointer: string } | { kind: 'no_problems' };

export interface TestRunResult {
  id: number;
  ref: string;
  title: string;
  flow: string;
  status: 'passed' | 'failed';
  differences: Difference[];
  /** Failed checks and problems, one sentence each. */
  failures: string[];
  /** One line: what differed ('' when it passed). */
  summary: string;
  ranAt: string;
}

interface StoredRun {
  id: number;
  flow_id: number;
  input_payload: string;
  expected_target: string | null;
  expected_checks: string;
}

/** Finds a flow by its name (or its id written as a number). */
export function findFlow(workspace: Workspace, name: string): number {
  const flows = listFlows(workspace);
  const found = flows.find((flow) => flow.name === name) ?? flows.find((flow) => flow.name.toLowerCase() === name.toLowerCase()) ?? flows.find((flow) => String(flow.id) === name);
  if (!found) throw new UserError('FLOW_NOT_FOUND', `The workspace has no data flow named "${name}"${flows.length ? `; it has ${flows.map((flow) => `"${flow.name}"`).join(', ')}` : ''}.`);
  return found.id;
}

/** Runs the runnable test cases (of one flow, or all); writes status, date and diff summary only when `record`. */
export async function runTestCases(workspace: Workspace, imports: SystemImports, options: RunOptions & { flowId?: number; record?: boolean } = {}): Promise<TestRunResult[]> {
  const stored = workspace.read(
    (db) =>
      db
        .prepare(
          `SELECT id, flow_id, input_payload, expected_target, expected_checks FROM test_case
           WHERE flow_id IS NOT NULL AND input_payload IS NOT NULL AND (expected_target IS NOT NULL OR expected_checks <> '[]')
             AND (? IS NULL OR flow_id = ?) ORDER BY position, id`,
        )
        .all(options.flowId ?? null, options.flowId ?? null) as StoredRun[],
  );
  const titles = new Map(workspace.read(listTestCasesIn).map((testCase) => [testCase.id, testCase.title]));
  const results: TestRunResult[] = [];
  const byFlow = new Map<number, StoredRun[]>();
  for (const run of stored) byFlow.set(run.flow_id, [...(byFlow.get(run.flow_id) ?? []), run]);
  for (const [flowId, runs] of byFlow) {
    const prepared = await prepareFlow(workspace, imports, flowId);
    const inputs = runs.map((run) => JSON.parse(run.input_payload) as unknown);
    const evaluated = await evaluateFlow(prepared, inputs, options);
    runs.forEach((run, index) => {
      const target = evaluated[index]!.target ?? {};
      const problems = problemsOf(prepared, inputs[index], evaluated[index]!);
      const differences = run.expected_target === null ? [] : structuralDiff(JSON.parse(run.expected_target), target);
      const failures = (JSON.parse(run.expected_checks) as ExpectedCheck[]).flatMap((check) => failedCheck(check, target, problems.map((problem) => problem.message)));
      const lines = [...differences.map(describeDifference), ...failures];
      results.push({
        id: run.id,
        ref: testCaseRef(run.id),
        title: titles.get(run.id) ?? '',
        flow: prepared.flowName,
        status: lines.length === 0 ? 'passed' : 'failed',
        differences,
        failures,
        summary: lines.length === 0 ? '' : `${lines.length} difference${lines.length === 1 ? '' : 's'}: ${lines.slice(0, 3).join('; ')}${lines.length > 3 ? '; …' : ''}`,
        ranAt: new Date().toISOString(),
      });
    });
  }
  if (options.record && results.length > 0) {
    workspace.write((db) => {
      const update = db.prepare('UPDATE test_case SET status = ?, last_run_at = ?, last_diff = ? WHERE id = ?');
      for (const result of results) update.run(result.status, result.ranAt, result.summary, result.id);
    });
  }
  return results;
}

function failedCheck(check: ExpectedCheck, target: unknown, problems: string[]): string[] {
  switch (check.kind) {
    case 'equals': {
      const actual = valueAtPointer(target, check.pointer);
      return JSON.stringify(actual) === JSON.stringify(check.value) ? [] : [describeDifference({ pointer: check.pointer, kind: actual === undefined ? 'missing' : 'changed', expected: check.value, actual })];
    }
    case 'absent':
      return valueAtPointer(target, check.pointer) === undefined ? [] : [`${check.pointer}: expected absent, got ${JSON.stringify(valueAtPointer(target, check.pointer))}`];
    case 'no_problems':
      return problems.map((problem) => `problem: ${problem}`);
  }
}

/**
 * A test case made from a payload (a sample, a preview's input): the flow's current output becomes the
 * expected target, noted as to be reviewed, and no problems is expected when there are none now.
 */
export async function testCaseFromPayload(workspace: Workspace, imports: SystemImports, input: { flowId: number; payload: PayloadSource; title?: string }, options: RunOptions = {}): Promise<TestCase> {
  const flow = getFlow(workspace, input.flowId);
  const source = await sourcePayload(workspace, imports, input.flowId, input.payload);
  const preview = await previewFlow(workspace, imports, input.flowId, source, options);
  const checks: ExpectedCheck[] = preview.problems.length === 0 ? [{ kind: 'no_problems' }] : [];
  const from = input.payload.kind === 'sample' ? `sample ${input.payload.sampleId}` : input.payload.kind === 'generated' ? `a payload generated with seed ${input.payload.seed}` : 'a previewed payload';
  const id = workspace.write((db) => {
    const position = (db.prepare('SELECT coalesce(max(position), 0) + 1 AS next FROM test_case').get() as { next: number }).next;
    return Number(
      db
        .prepare(
          `INSERT INTO test_case (title, use_case_id, given_input, expected_result, notes, position, flow_id, input_payload, expected_target, expected_checks)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          input.title?.trim() || `${flow.name}: ${from}`,
          flow.useCaseId,
          `${flow.source.entity} payload (${from}); the payload is in the JSON spec`,
          `The ${flow.target.entity} payload the flow built from it${checks.length ? ', with no problems' : ''}`,
          `Expected target taken from the flow's output on ${new Date().toISOString().slice(0, 10)}: review it before relying on it.`,
          position,
          input.flowId,
          JSON.stringify(source),
          JSON.stringify(preview.target),
          JSON.stringify(checks),
        ).lastInsertRowid,
    );
  });
  return workspace.read(listTestCasesIn).find((testCase) => testCase.id === id)!;
}

/** A test case's stored payloads: what the JSON spec carries (never the workbook's cells). */
export function testCasePayloads(workspace: Workspace, id: number): { input: unknown; expectedTarget: unknown; expectedChecks: ExpectedCheck[] } | null {
  const row = workspace.read((db) => db.prepare('SELECT input_payload, expected_target, expected_checks FROM test_case WHERE id = ?').get(id) as Omit<StoredRun, 'id' | 'flow_id'> | undefined);
  if (!row || row.input_payload === null) return null;
  return { input: JSON.parse(row.input_payload), expectedTarget: row.expected_target === null ? null : JSON.parse(row.expected_target), expectedChecks: JSON.parse(row.expected_checks) as ExpectedCheck[] };
}
