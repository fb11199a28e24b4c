// Everything the spec workbench shows, each list read on its own: one failing call (or one not
// answered yet) leaves the other sections working, and the outline counts what it has.
import type { UseQueryResult } from '@tanstack/react-query';
import type { ChangeLogEntry, ConfigurableInput, FlowSummary, Integration, Requirement, SignOff, SystemSummary, TestCase, UseCase } from '../../../../shared/contract';
import { useCall, useCallCache } from '../../state/queries';
import { useFlows } from '../mapping/queries';
import { useSystems } from '../systems/queries';

export interface SpecData {
  integration: UseQueryResult<Integration>;
  requirements: UseQueryResult<Requirement[]>;
  useCases: UseQueryResult<UseCase[]>;
  flows: UseQueryResult<FlowSummary[]>;
  inputs: UseQueryResult<ConfigurableInput[]>;
  testCases: UseQueryResult<TestCase[]>;
  changeLog: UseQueryResult<ChangeLogEntry[]>;
  signOff: UseQueryResult<SignOff[]>;
  systems: UseQueryResult<SystemSummary[]>;
}

export function useSpecData(): SpecData {
  return {
    integration: useCall('integration.get', {}),
    requirements: useCall('requirements.list', {}),
    useCases: useCall('useCases.list', {}),
    flows: useFlows(),
    inputs: useCall('inputs.list', {}),
    testCases: useCall('testCases.list', {}),
    changeLog: useCall('changeLog.list', {}),
    signOff: useCall('signOff.list', {}),
    systems: useSystems(),
  };
}

/** Flows name the use case they serve: after one is renamed or removed, what shows flows is read again. */
export function useFlowsRenamed(): () => void {
  const cache = useCallCache();
  return () => {
    cache.invalidate('flows.list');
    cache.invalidate('flows.get');
    cache.invalidate('mapping.sheet');
  };
}
