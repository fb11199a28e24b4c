import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { callNames, type CallName } from '../../shared/call-names';
import { contract, type CallResult } from '../../shared/contract';
import { isUserError } from '../errors';
import type { Logger } from '../platform/log';
import { runInCallContext, type CallContext } from './call-context';
import type { EventHub } from './events';
import type { Handlers } from './handlers';

export interface DispatchOptions {
  /** Where a failure's details go; the message to the caller names its file. */
  log?: Pick<Logger, 'error' | 'file'>;
  expectedWorkspace?: string;
  /** The caller's id for the call (cancel names it); one is made up when absent. */
  callId?: string;
  /** Aborted when the caller cancels the call or goes away. */
  signal?: AbortSignal;
  /** Where progress events go. */
  events?: EventHub;
}

const isCallName = (name: string): name is CallName => (callNames as readonly string[]).includes(name);

/**
 * Runs one call from either transport: checks the name, validates the input against the contract,
 * runs the handler with the call's context, and turns any failure into a message a person can act on.
 */
export async function dispatch(handlers: Handlers, name: string, input: unknown, options: DispatchOptions = {}): Promise<CallResult> {
  if (!isCallName(name)) {
    return failure('UNKNOWN_CALL', `There is no call named "${String(name).slice(0, 80)}".`);
  }
  const parsed = contract[name].input.safeParse(input);
  if (!parsed.success) {
    return failure('INVALID_INPUT', `Invalid input for ${name}: ${describeIssues(parsed.error)}.`);
  }
  const signal = options.signal ?? new AbortController().signal;
  if (signal.aborted) return cancelled(name);
  const context = callContext(name, options, signal);
  const began = performance.now();
  let outcome: 'ok' | 'failed' | 'cancelled' = 'ok';
  try {
    const handler = handlers[name] as (input: unknown, context: CallContext) => unknown;
    return { ok: true, value: await runInCallContext(context, () => handler(parsed.data, context)) };
  } catch (error) {
    if (signal.aborted) {
      outcome = 'cancelled';
      return cancelled(name);
    }
    outcome = 'failed';
    if (isUserError(error)) return failure(error.code, error.message);
    const log = options.log ?? stderrLog;
    log.error(`Call ${name} failed`, error);
    return failure('INTERNAL', `Crosswalk failed while running ${name}; the details are in its log (${log.file}). Your saved work is unchanged.`);
  } finally {
    if (context.reported) options.events?.emit('call.finished', { callId: context.callId, call: name, outcome, ms: Math.round(performance.now() - began) });
  }
}

function callContext(name: CallName, options: DispatchOptions, signal: AbortSignal): CallContext & { reported: boolean } {
  const context = {
    callId: options.callId ?? randomUUID(),
    signal,
    expectedWorkspace: options.expectedWorkspace,
    reported: false,
    progress(done: number, total: number | null, message: string) {
      context.reported = true;
      options.events?.emit('call.progress', { callId: context.callId, call: name, done, total, message });
    },
  };
  return context;
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length ? issue.path.join('.') : 'input'} ${issue.message}`)
    .join('; ');
}

const failure = (code: string, message: string): CallResult => ({ ok: false, error: { code, message } });

const cancelled = (name: CallName) => failure('CANCELLED', `${name} was cancelled; what it had not finished was not saved.`);

/** Without a log file (tests that pass none), details go to standard error. */
const stderrLog: Pick<Logger, 'error' | 'file'> = {
  file: 'standard error',
  error: (message, error) => console.error(`[crosswalk] ${message}:`, error),
};
