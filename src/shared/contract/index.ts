// The one contract between the renderer and main: every call's name, input and output, one file per
// domain. Main validates inputs against these schemas at runtime; the static types derive from the same
// schemas, so the two cannot drift apart.
import type { z } from 'zod';
import type { CallName } from '../call-names';
import { mappingCalls } from './mapping';
import { mocksCalls } from './mocks';
import { sandboxCalls } from './sandbox';
import { samplesCalls } from './samples';
import { specificationCalls } from './specification';
import { systemsCalls } from './systems';
import { workspaceCalls } from './workspace';

export * from './events';
export * from './mapping';
export * from './mocks';
export * from './sandbox';
export * from './samples';
export * from './specification';
export * from './systems';
export * from './workspace';

export const contract = {
  ...workspaceCalls,
  ...systemsCalls,
  ...mappingCalls,
  ...specificationCalls,
  ...mocksCalls,
  ...sandboxCalls,
  ...samplesCalls,
} satisfies Record<CallName, { input: z.ZodType; output: z.ZodType }>;

export type Contract = typeof contract;
export type CallInput<N extends CallName> = z.input<Contract[N]['input']>;
/** What a handler receives: the input after validation, defaults filled in. */
export type ParsedInput<N extends CallName> = z.output<Contract[N]['input']>;
export type CallOutput<N extends CallName> = z.output<Contract[N]['output']>;

/** The renderer's view of main: one async function per call; aborting `signal` cancels the call. */
export type CrosswalkApi = { [N in CallName]: (input: CallInput<N>, options?: { signal?: AbortSignal }) => Promise<CallOutput<N>> };

/** What travels over either transport: a value, or an error a person can act on. */
export type CallResult<T = unknown> =
  | { ok: true; value: T }
  | { ok: false; error: { code: string; message: string } };

