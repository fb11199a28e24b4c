// Reading main through the query cache: useCall for one call's answer, useCallCache for what a write
// changes, queryError for a failed read.
import { useMemo } from 'react';
import { useQuery, useQueryClient, type UseQueryOptions, type UseQueryResult } from '@tanstack/react-query';
import type { CallName } from '../../../shared/call-names';
import type { CallInput, CallOutput } from '../../../shared/contract';
import { api } from '../api/client';
import { useApp } from './app-context';
import { callCache, type CallCache } from './call-cache';
import { callKey } from './query-keys';
import { errorMessage } from './save-state';

/** The workspace the window shows: the first part of every key ('' while none is open). */
export function useWorkspacePath(): string {
  return useApp().workspace?.path ?? '';
}

type CallOptions<N extends CallName> = Omit<UseQueryOptions<CallOutput<N>>, 'queryKey' | 'queryFn'>;

/**
 * A call's answer, cached under [workspace, call, input]. A read nobody waits for any more (its view
 * closed before the answer came) is cancelled in main too: a long computation stops there.
 */
export function useCall<N extends CallName>(call: N, input: CallInput<N>, options?: CallOptions<N>): UseQueryResult<CallOutput<N>> {
  const workspace = useWorkspacePath();
  return useQuery({ queryKey: callKey(workspace, call, input), queryFn: ({ signal }) => api[call](input, { signal }), ...options });
}

/** Why a query failed, in the words main used; null when it did not. */
export const queryError = (query: UseQueryResult<unknown>): string | null => (query.isError ? errorMessage(query.error) : null);

/** The cached answers of the open workspace, as the writes change them (see call-cache.ts). */
export function useCallCache(): CallCache {
  const client = useQueryClient();
  const workspace = useWorkspacePath();
  return useMemo(() => callCache(client, workspace), [client, workspace]);
}
