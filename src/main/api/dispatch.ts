import type { z } from 'zod';
import { callNames, type CallName } from '../../shared/call-names';
import { contract, type CallResult } from '../../shared/contract';
import { isUserError } from '../errors';
import { runInCallContext, type CallContext } from './call-context';
import type { Handlers } from './handlers';

export type Log = (message: string, error?: unknown) => void;

const isCallName = (name: string): name is CallName => (callNames as readonly string[]).includes(name);

/**
 * Runs one call from either transport: checks the name, validates the input against the contract,
 * runs the handler, and turns any failure into a message a person can act on.
 */
export async function dispatch(
  handlers: Handlers,
  name: string,
  input: unknown,
  log: Log = logToStderr,
  context: CallContext = {},
): Promise<CallResult> {
  if (!isCallName(name)) {
    return failure('UNKNOWN_CALL', `There is no call named "${String(name).slice(0, 80)}".`);
  }
  const parsed = contract[name].input.safeParse(input);
  if (!parsed.success) {
    return failure('INVALID_INPUT', `Invalid input for ${name}: ${describeIssues(parsed.error)}.`);
  }
  try {
    const handler = handlers[name] as (input: unknown) => unknown;
    return { ok: true, value: await runInCallContext(context, () => handler(parsed.data)) };
  } catch (error) {
    if (isUserError(error)) return failure(error.code, error.message);
    log(`Call ${name} failed`, error);
    return failure('INTERNAL', `Crosswalk failed while running ${name}; the details are in its log. Your saved work is unchanged.`);
  }
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length ? issue.path.join('.') : 'input'} ${issue.message}`)
    .join('; ');
}

const failure = (code: string, message: string): CallResult => ({ ok: false, error: { code, message } });

function logToStderr(message: string, error?: unknown) {
  console.error(`[crosswalk] ${message}:`, error);
}
