// Keys of the query cache. Every answer is kept as [workspace path, call, input]: another workspace's
// answers never match this one's keys, and a shorter key (the workspace; a call; a call and part of its
// input) names every answer under it, for invalidation.
import type { CallName } from '../../../shared/call-names';
import type { CallInput } from '../../../shared/contract';

export type CallKey<N extends CallName = CallName> = readonly [workspace: string, call: N, input: CallInput<N>];

export const callKey = <N extends CallName>(workspace: string, call: N, input: CallInput<N>): CallKey<N> => [workspace, call, input];

/** Every answer of `call` in the workspace; with `input`, those whose input holds these values. */
export const callPrefix = <N extends CallName>(workspace: string, call: N, input?: Partial<CallInput<N>>) =>
  input === undefined ? ([workspace, call] as const) : ([workspace, call, input] as const);

/** Every answer of the workspace. */
export const workspaceKey = (workspace: string) => [workspace] as const;
