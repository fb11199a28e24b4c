// Everything the spec workbench shows, each list loaded on its own: one failing call (or one not
// answered yet) leaves the other sections working, and the outline counts what it has.
import { useState } from 'react';
import type { ChangeLogEntry, ConfigurableInput, FlowSummary, Integration, Requirement, SignOff, SystemSummary, TestCase, UseCase } from '../../../../shared/contract';
import { api } from '../../api/client';
import { useApp, useWorkspace } from '../../state/app-context';
import { errorMessage } from '../../state/save-state';
import { useLoad, type Loaded } from '../../state/use-load';

export interface SpecData {
  integration: Loaded<Integration>;
  requirements: Loaded<Requirement[]>;
  useCases: Loaded<UseCase[]>;
  flows: Loaded<FlowSummary[]>;
  inputs: Loaded<ConfigurableInput[]>;
  testCases: Loaded<TestCase[]>;
  changeLog: Loaded<ChangeLogEntry[]>;
  signOff: Loaded<SignOff[]>;
  systems: Loaded<SystemSummary[]>;
}

export function useSpecData(): SpecData {
  const { dataVersion } = useApp();
  const workspace = useWorkspace();
  // The keys the Overview and Mapping use for the same calls: what they loaded shows at once here.
  const key = (name: string) => `${workspace.path}|${name}`;
  return {
    integration: useLoad(key('integration'), () => api['integration.get']({}), [dataVersion]),
    requirements: useLoad(key('requirements'), () => api['requirements.list']({}), [dataVersion]),
    useCases: useLoad(key('use-cases'), () => api['useCases.list']({}), [dataVersion]),
    flows: useLoad(key('flows'), () => api['flows.list']({}), [dataVersion]),
    inputs: useLoad(key('inputs'), () => api['inputs.list']({}), [dataVersion]),
    testCases: useLoad(key('test-cases'), () => api['testCases.list']({}), [dataVersion]),
    changeLog: useLoad(key('change-log'), () => api['changeLog.list']({}), [dataVersion]),
    signOff: useLoad(key('sign-off'), () => api['signOff.list']({}), [dataVersion]),
    systems: useLoad(key('systems'), () => api['systems.list']({}), [dataVersion]),
  };
}

/** Replaces one record (matched by `id`) in a loaded list. */
export function replaceIn<T extends { id: number }>(loaded: Loaded<T[]>, updated: T): void {
  loaded.setData((current) => current?.map((item) => (item.id === updated.id ? updated : item)));
}

/**
 * A record card's selects and checkboxes: the change shows at once and is saved; if the save fails the
 * record is put back and `error` says why.
 */
export function useSaveNow<T>(record: T, onUpdated: (value: T) => void, save: (changes: Partial<T>) => Promise<unknown>) {
  const [error, setError] = useState<string | null>(null);
  const saveNow = async (changes: Partial<T>) => {
    setError(null);
    onUpdated({ ...record, ...changes });
    try {
      await save(changes);
    } catch (failure) {
      onUpdated(record);
      setError(errorMessage(failure));
    }
  };
  return { saveNow, error, clearError: () => setError(null) };
}
