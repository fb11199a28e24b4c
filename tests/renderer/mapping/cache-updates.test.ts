import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { flowRewritten, flowStored, sheetCache, summaryOf } from '../../../src/renderer/src/areas/mapping/cache-updates';
import type { FlowSummary, MappingSheet } from '../../../src/shared/contract';
import { callCache } from '../../../src/renderer/src/state/call-cache';
import { callKey } from '../../../src/renderer/src/state/query-keys';
import { flowDetail, mappingRow } from '../fixtures';

const workspace = '/w/a.crosswalk';
const key = {
  sheet: callKey(workspace, 'mapping.sheet', { flowId: 1 }),
  otherSheet: callKey(workspace, 'mapping.sheet', { flowId: 2 }),
  checks: callKey(workspace, 'mapping.checks', { flowId: 1 }),
  otherChecks: callKey(workspace, 'mapping.checks', { flowId: 2 }),
  suggestions: callKey(workspace, 'mapping.suggestions', { flowId: 1 }),
  flows: callKey(workspace, 'flows.list', {}),
  flow: callKey(workspace, 'flows.get', { id: 1 }),
  useCases: callKey(workspace, 'useCases.list', {}),
  questions: callKey(workspace, 'questions.list', {}),
};

function cached() {
  const client = new QueryClient();
  const sheet = (flowId: number): MappingSheet => ({ flow: flowDetail(flowId), rows: [mappingRow(1), mappingRow(2)], pairings: [], completeness: 0 });
  client.setQueryData(key.sheet, sheet(1));
  client.setQueryData(key.otherSheet, sheet(2));
  for (const name of ['checks', 'otherChecks'] as const) client.setQueryData(key[name], { checks: [], completeness: 0, expressions: [] });
  client.setQueryData(key.suggestions, []);
  client.setQueryData(key.flows, [summaryOf(flowDetail(1)), summaryOf(flowDetail(2))]);
  client.setQueryData(key.flow, flowDetail(1));
  client.setQueryData(key.useCases, []);
  client.setQueryData(key.questions, []);
  const invalidated = () => (Object.keys(key) as Array<keyof typeof key>).filter((name) => client.getQueryState(key[name])?.isInvalidated);
  return { client, cache: callCache(client, workspace), invalidated };
}

describe('a row written on the mapping sheet', () => {
  it('shows in the sheet at once, and reads nothing again until main has stored it', () => {
    const { client, cache, invalidated } = cached();
    const rows = sheetCache(cache, 1);
    rows.show([mappingRow(2, { notes: 'typed' })]);
    expect(client.getQueryData<MappingSheet>(key.sheet)!.rows.map((row) => row.notes)).toEqual(['', 'typed']);
    expect(rows.row(2)?.notes).toBe('typed');
    expect(invalidated()).toEqual([]);
  });

  it('once stored, invalidates exactly the flow’s checks and the flows’ counts', () => {
    const { client, cache, invalidated } = cached();
    sheetCache(cache, 1).stored([mappingRow(1, { status: 'accepted', sourcePaths: ['id'] })]);
    expect(client.getQueryData<MappingSheet>(key.sheet)!.rows[0]).toMatchObject({ status: 'accepted' });
    expect(client.getQueryData<MappingSheet>(key.otherSheet)!.rows[0]).toMatchObject({ status: 'needs_decision' });
    expect(invalidated()).toEqual(['checks', 'flows']);
  });

  it('asks for the candidates again after a decision changed what main learned', () => {
    const { cache, invalidated } = cached();
    sheetCache(cache, 1).relearned();
    expect(invalidated()).toEqual(['suggestions']);
  });
});

describe('a flow stored', () => {
  it('replaces it in its answer, the flow list and its sheet', () => {
    const { client, cache, invalidated } = cached();
    const before: FlowSummary = summaryOf(flowDetail(1));
    flowStored(cache, flowDetail(1, { trigger: { kind: 'schedule', detail: 'Hourly' } }), before);
    expect(client.getQueryData(key.flow)).toMatchObject({ trigger: { kind: 'schedule' } });
    expect(client.getQueryData<FlowSummary[]>(key.flows)!.map((flow) => flow.trigger.kind)).toEqual(['schedule', 'event']);
    expect(client.getQueryData<MappingSheet>(key.sheet)!.flow.trigger.detail).toBe('Hourly');
    expect(invalidated()).toEqual([]);
  });

  it('reads the use cases again when it was renamed or linked to another, as they list their flows', () => {
    const { cache, invalidated } = cached();
    flowStored(cache, flowDetail(1, { useCaseId: 4, useCase: 'Invoice orders' }), summaryOf(flowDetail(1)));
    expect(invalidated()).toEqual(['useCases']);
  });

  it('is listed by its summary: the details without the outcomes', () => {
    const flow = flowDetail(1, { outcomes: [{ id: 1, kind: 'success', condition: 'Invoice created', handling: '' }] });
    expect(summaryOf(flow)).toEqual({ ...flowDetail(1), outcomes: undefined });
    expect(summaryOf(flow)).not.toHaveProperty('outcomes');
  });
});

describe('a flow main rewrote as a whole (re-pointed, repaired)', () => {
  it('reads that flow’s sheet, checks, candidates and the flows’ counts again, and nothing of another flow', () => {
    const { cache, invalidated } = cached();
    flowRewritten(cache, 1);
    expect(invalidated().sort()).toEqual(['checks', 'flow', 'flows', 'sheet', 'suggestions']);
  });
});
