// The cached answers of one workspace, as writes change them: an answer replaced or changed in place,
// answers invalidated by key (marked stale, and read again where they are shown).
import type { QueryClient } from '@tanstack/react-query';
import type { CallName } from '../../../shared/call-names';
import type { CallInput, CallOutput } from '../../../shared/contract';
import { callKey, callPrefix, workspaceKey } from './query-keys';

export function callCache(client: QueryClient, workspace: string) {
  return {
    /** The answer cached for a call, if there is one. */
    get: <N extends CallName>(call: N, input: CallInput<N>) => client.getQueryData<CallOutput<N>>(callKey(workspace, call, input)),
    /** Stores a write's answer as the call's (flows.update answers what flows.get would). */
    set: <N extends CallName>(call: N, input: CallInput<N>, value: CallOutput<N>) => {
      client.setQueryData<CallOutput<N>>(callKey(workspace, call, input), value);
    },
    /** Changes a cached answer in place, when there is one: a list after one of its records was written. */
    update: <N extends CallName>(call: N, input: CallInput<N>, change: (current: CallOutput<N>) => CallOutput<N>) => {
      client.setQueryData<CallOutput<N>>(callKey(workspace, call, input), (current) => (current === undefined ? undefined : change(current)));
    },
    /** Invalidates all of a call's answers, or those whose input holds `input`'s values. */
    invalidate: <N extends CallName>(call: N, input?: Partial<CallInput<N>>) => {
      void client.invalidateQueries({ queryKey: callPrefix(workspace, call, input) });
    },
    /** Invalidates every answer of the workspace: a write that may touch anything (a system imported). */
    invalidateAll: () => {
      void client.invalidateQueries({ queryKey: workspaceKey(workspace) });
    },
  };
}

export type CallCache = ReturnType<typeof callCache>;
