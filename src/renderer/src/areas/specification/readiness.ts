// How complete each part of the spec is: the outline's status icons and counts.
import type { FlowSummary, WorkspaceSummary } from '../../../../shared/contract';
import { plural, triggerLabels } from '../../format';
import { hashFor } from '../../shell/areas';
import { flowsOf } from './flows-of';
import type { SectionId } from './sections';
import type { SpecData } from './queries';

export type Readiness = 'done' | 'partial' | 'todo' | 'attention';

export interface OutlineItem {
  key: string;
  label: string;
  level: number;
  /** null: not a part that can be ready (Export). */
  readiness: Readiness | null;
  detail: string;
  /** The section it opens; or a place in another area (hash). */
  section: SectionId;
  href?: string;
  /** Counted in "parts ready". */
  counted: boolean;
  /** A place inside the section: #/spec/use-cases/UC-2. */
  segment?: string;
  descoped?: boolean;
}

/** A data flow: ready once its trigger is described and every mapping row is accepted. */
function flowItem(flow: FlowSummary, level: number, descoped: boolean): OutlineItem {
  const { accepted, total } = flow.mappings;
  const described = flow.trigger.detail.trim() !== '';
  return {
    key: `flow-${flow.id}`,
    label: flow.name,
    level,
    readiness: descoped ? 'todo' : total > 0 && accepted === total && described ? 'done' : total > 0 || described ? 'partial' : 'todo',
    detail: `${triggerLabels[flow.trigger.kind]}${described ? '' : ' (not described)'} · ${total ? `${accepted}/${total} mapped` : 'not mapped yet'}`,
    section: 'use-cases',
    href: hashFor('mapping', String(flow.id)),
    descoped,
    counted: !descoped,
  };
}

/** Answered and settled: written by the analyst, or inferred and confirmed. */
export const isSettled = (requirement: { answer: string; inferred: boolean; confirmed: boolean }) =>
  requirement.answer.trim() !== '' && (requirement.confirmed || !requirement.inferred);

const wordCount = (text: string) => (text.trim() ? text.trim().split(/\s+/).length : 0);

/** Each list of the spec as far as it is loaded (`data` undefined until it is). */
export type SpecLists = { [K in keyof SpecData]: Pick<SpecData[K], 'data'> };

export function outline(data: SpecLists, counts: WorkspaceSummary['counts']): OutlineItem[] {
  const items: OutlineItem[] = [];
  const integration = data.integration.data;
  const words = integration ? wordCount(integration.businessCase) : 0;
  items.push({
    key: 'business-case',
    label: 'Business case',
    level: 0,
    readiness: !integration ? 'todo' : words >= 20 ? 'done' : words > 0 ? 'partial' : 'todo',
    detail: !integration ? '…' : words ? plural(words, 'word') : 'Not written yet',
    section: 'business-case',
    counted: true,
  });

  const requirements = data.requirements.data;
  const settled = requirements?.filter(isSettled).length ?? 0;
  const toConfirm = requirements?.filter((item) => item.inferred && !item.confirmed && item.answer.trim()).length ?? 0;
  items.push({
    key: 'requirements',
    label: 'Requirements',
    level: 0,
    readiness: !requirements || requirements.length === 0 ? 'todo' : settled === requirements.length ? 'done' : settled > 0 || toConfirm > 0 ? 'partial' : 'todo',
    detail: !requirements
      ? '…'
      : `${settled} of ${requirements.length} settled${toConfirm ? ` · ${toConfirm} to confirm` : ''}`,
    section: 'requirements',
    counted: true,
  });

  const useCases = data.useCases.data;
  const inScope = useCases?.filter((item) => !item.descoped) ?? [];
  const descoped = (useCases?.length ?? 0) - inScope.length;
  items.push({
    key: 'use-cases',
    label: 'Use cases',
    level: 0,
    readiness: inScope.length > 0 ? 'done' : 'todo',
    detail: !useCases ? '…' : useCases.length ? `${plural(inScope.length, 'in scope', 'in scope')}${descoped ? ` · ${descoped} descoped` : ''}` : 'None yet',
    section: 'use-cases',
    counted: true,
  });

  // Each use case with the flows serving it; the flows are the parts the Mapping area completes.
  const flows = data.flows.data ?? [];
  const placed = new Set<number>();
  for (const useCase of useCases ?? []) {
    const served = flowsOf(useCase, flows);
    served.forEach((flow) => placed.add(flow.id));
    items.push({
      key: `use-case-${useCase.id}`,
      label: `${useCase.ref} ${useCase.title}`,
      level: 1,
      readiness: useCase.descoped ? 'todo' : served.length > 0 && useCase.story.trim() ? 'done' : 'partial',
      detail: useCase.descoped ? 'Descoped' : served.length ? plural(served.length, 'data flow') : useCase.story.trim() ? 'No data flow yet' : 'No story, no data flow yet',
      section: 'use-cases',
      segment: useCase.ref,
      descoped: useCase.descoped,
      counted: false,
    });
    for (const flow of served) items.push(flowItem(flow, 2, useCase.descoped));
  }
  const unplaced = flows.filter((flow) => !placed.has(flow.id));
  if (unplaced.length > 0) {
    items.push({
      key: 'unplaced-flows',
      label: 'Without a use case',
      level: 1,
      readiness: 'attention',
      detail: `${plural(unplaced.length, 'data flow')} serving no use case`,
      section: 'use-cases',
      segment: 'unlinked',
      counted: false,
    });
    for (const flow of unplaced) items.push(flowItem(flow, 2, false));
  }

  const inputs = data.inputs.data;
  items.push({
    key: 'inputs',
    label: 'Configurable inputs',
    level: 0,
    readiness: inputs && inputs.length > 0 ? 'done' : 'todo',
    detail: !inputs ? '…' : inputs.length ? plural(inputs.length, 'input') : 'None yet',
    section: 'inputs',
    counted: true,
  });

  const testCases = data.testCases.data;
  const covered = new Set(testCases?.map((test) => test.useCaseId).filter((id) => id !== null));
  const uncovered = inScope.filter((useCase) => !covered.has(useCase.id)).length;
  const passed = testCases?.filter((test) => test.status === 'passed').length ?? 0;
  const failed = testCases?.filter((test) => test.status === 'failed').length ?? 0;
  items.push({
    key: 'test-cases',
    label: 'Test cases',
    level: 0,
    readiness: !testCases || testCases.length === 0 ? 'todo' : failed > 0 ? 'attention' : uncovered > 0 ? 'partial' : 'done',
    detail: !testCases
      ? '…'
      : testCases.length
        ? `${plural(testCases.length, 'test')} · ${failed ? `${failed} failed` : `${passed} passed`}${uncovered ? ` · ${plural(uncovered, 'use case')} untested` : ''}`
        : 'None yet',
    section: 'test-cases',
    counted: true,
  });

  items.push({
    key: 'questions',
    label: 'Open questions',
    level: 0,
    readiness: counts.openQuestions > 0 ? 'attention' : 'done',
    detail: counts.openQuestions > 0 ? `${counts.openQuestions} still open` : 'Nothing open',
    section: 'questions',
    counted: true,
  });

  const signOff = data.signOff.data;
  const signed = (role: string) => Boolean(signOff?.find((entry) => entry.role === role)?.name.trim());
  const entries = data.changeLog.data?.length ?? 0;
  items.push({
    key: 'sign-off',
    label: 'Change log & sign-off',
    level: 0,
    readiness: signed('approved') ? 'done' : signed('prepared') || signed('reviewed') ? 'partial' : 'todo',
    detail: !signOff
      ? '…'
      : `${signed('approved') ? 'Approved' : signed('reviewed') ? 'Reviewed' : signed('prepared') ? 'Prepared' : 'Not signed'} · ${plural(entries, 'change')}`,
    section: 'sign-off',
    counted: true,
  });

  items.push({
    key: 'export',
    label: 'Export',
    level: 0,
    readiness: null,
    detail: 'Workbook · JSON · Markdown',
    section: 'export',
    counted: false,
  });
  return items;
}
