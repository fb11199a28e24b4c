// Which data flows serve a use case.
import type { FlowSummary, UseCase } from '../../../../shared/contract';

/** The flows serving a use case: those linked to it (a flow serves one use case at most). */
export const flowsOf = (useCase: UseCase, flows: FlowSummary[]) => flows.filter((flow) => flow.useCaseId === useCase.id);
