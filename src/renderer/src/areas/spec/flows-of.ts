// Which data flows serve a use case.
import type { FlowSummary, UseCase } from '../../../../shared/contract';

/** The flows serving a use case: named in its list, or naming it as theirs. */
export const flowsOf = (useCase: UseCase, flows: FlowSummary[]) =>
  flows.filter((flow) => useCase.flows.includes(flow.name) || flow.useCase === useCase.title);
