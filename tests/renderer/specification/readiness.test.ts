import { describe, expect, it } from 'vitest';
import { sectionIds } from '../../../src/renderer/src/areas/specification/sections';
import { isSettled, outline, type SpecLists } from '../../../src/renderer/src/areas/specification/readiness';
import type { FlowSummary, Requirement, UseCase, WorkspaceSummary } from '../../../src/shared/contract';
import { flowDetail } from '../fixtures';
import { summaryOf } from '../../../src/renderer/src/areas/mapping/cache-updates';

const counts: WorkspaceSummary['counts'] = { systems: 2, flows: 2, useCases: 1, mappings: 10, mappingsDone: 4, flowsComplete: 0, testCases: 0, openQuestions: 0 };

const requirement = (key: string, extra: Partial<Requirement> = {}): Requirement => ({
  key,
  group: 'functional',
  question: key,
  answer: '',
  inferred: false,
  confirmed: false,
  evidence: [],
  ...extra,
});

const useCase = (id: number, extra: Partial<UseCase> = {}): UseCase => ({ id, ref: `UC-${id}`, title: `Use case ${id}`, story: 'As a clerk…', descoped: false, flows: [], ...extra });

const flow = (id: number, extra: Partial<FlowSummary> = {}): FlowSummary => ({ ...summaryOf(flowDetail(id)), ...extra });

/** Nothing loaded yet, but for what a test gives. */
const lists = (loaded: { [K in keyof SpecLists]?: SpecLists[K]['data'] }): SpecLists => ({
  integration: { data: loaded.integration },
  requirements: { data: loaded.requirements },
  useCases: { data: loaded.useCases },
  flows: { data: loaded.flows },
  inputs: { data: loaded.inputs },
  testCases: { data: loaded.testCases },
  changeLog: { data: loaded.changeLog },
  signOff: { data: loaded.signOff },
  systems: { data: loaded.systems },
});

const item = (items: ReturnType<typeof outline>, key: string) => items.find((entry) => entry.key === key)!;

describe('the spec outline', () => {
  it('lists every part, saying "…" for what is not loaded yet', () => {
    const items = outline(lists({}), counts);
    expect(items.filter((entry) => entry.level === 0).map((entry) => entry.key)).toEqual([...sectionIds]);
    expect(item(items, 'requirements')).toMatchObject({ readiness: 'todo', detail: '…' });
    expect(item(items, 'export').readiness).toBeNull();
  });

  it('counts a requirement settled once answered by the analyst, or inferred and confirmed', () => {
    expect(isSettled(requirement('a', { answer: 'Yes' }))).toBe(true);
    expect(isSettled(requirement('a', { answer: 'Yes', inferred: true }))).toBe(false);
    expect(isSettled(requirement('a', { answer: 'Yes', inferred: true, confirmed: true }))).toBe(true);
    expect(isSettled(requirement('a', { answer: '  ' }))).toBe(false);
    const items = outline(lists({ requirements: [requirement('a', { answer: 'Yes' }), requirement('b', { answer: 'No', inferred: true })] }), counts);
    expect(item(items, 'requirements')).toMatchObject({ readiness: 'partial', detail: '1 of 2 settled · 1 to confirm' });
  });

  it('puts each flow under the use case it serves, and the others under "Without a use case"', () => {
    const flows = [
      flow(1, { useCaseId: 1, mappings: { total: 4, accepted: 4 }, trigger: { kind: 'event', detail: 'orderConfirmed' } }),
      flow(2, { mappings: { total: 0, accepted: 0 } }),
    ];
    const items = outline(lists({ useCases: [useCase(1)], flows }), counts);
    expect(items.filter((entry) => entry.level > 0).map((entry) => [entry.key, entry.level])).toEqual([
      ['use-case-1', 1],
      ['flow-1', 2],
      ['unplaced-flows', 1],
      ['flow-2', 2],
    ]);
    expect(item(items, 'flow-1')).toMatchObject({ readiness: 'done', detail: 'Event · 4/4 mapped', href: '#/mapping/1' });
    expect(item(items, 'flow-2')).toMatchObject({ readiness: 'todo', detail: 'Event (not described) · not mapped yet' });
    expect(item(items, 'unplaced-flows').readiness).toBe('attention');
  });

  it('does not count a descoped use case’s flows as ready or to do', () => {
    const items = outline(lists({ useCases: [useCase(1, { descoped: true })], flows: [flow(1, { useCaseId: 1 })] }), counts);
    expect(item(items, 'use-case-1')).toMatchObject({ readiness: 'todo', detail: 'Descoped' });
    expect(item(items, 'flow-1')).toMatchObject({ descoped: true, counted: false });
    expect(item(items, 'use-cases').detail).toBe('0 in scope · 1 descoped');
  });

  it('needs attention while questions are open or a test failed', () => {
    const failed = { id: 1, ref: 'TC-1', title: 't', useCaseId: 1, givenInput: '', expectedResult: '', status: 'failed' as const, notes: '', covers: [], flowId: null, runnable: false, lastRunAt: null, lastDiff: '' };
    const items = outline(lists({ useCases: [useCase(1)], testCases: [failed] }), { ...counts, openQuestions: 2 });
    expect(item(items, 'questions')).toMatchObject({ readiness: 'attention', detail: '2 still open' });
    expect(item(items, 'test-cases')).toMatchObject({ readiness: 'attention', detail: '1 test · 1 failed' });
  });

  it('follows the sign-off: approved is done, prepared or reviewed is on its way', () => {
    const signed = (role: 'prepared' | 'reviewed' | 'approved') => [{ role, name: 'Ana', date: '2025-01-01', note: '' }];
    expect(item(outline(lists({ signOff: signed('reviewed'), changeLog: [] }), counts), 'sign-off')).toMatchObject({ readiness: 'partial', detail: 'Reviewed · 0 changes' });
    expect(item(outline(lists({ signOff: signed('approved') }), counts), 'sign-off').readiness).toBe('done');
  });
});
