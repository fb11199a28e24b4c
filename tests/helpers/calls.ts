import path from 'node:path';
import type { CallName } from '../../src/shared/call-names';
import type { CallInput, CallOutput } from '../../src/shared/contract';
import { dispatch } from '../../src/main/api/dispatch';
import { createHandlers } from '../../src/main/api/handlers';
import { Session } from '../../src/main/api/session';
import { Settings } from '../../src/main/settings/settings';
import { testServices } from './services';

// No vitest here: bench/ runs these outside the test runner.

/** A browser session with its settings under `dir`, no workspace open. */
export const browserSession = (dir: string) => new Session(new Settings(path.join(dir, 'settings')), { kind: 'browser' }, testServices(dir));

/** A call's input, optional where the call takes none or only optional fields (where an empty object would do). */
export type InputArgs<N extends CallName> = Record<never, never> extends CallInput<N> ? [input?: CallInput<N>] : [input: CallInput<N>];

/**
 * The session's handler table called as a front end does: `raw` answers the CallResult, `call` its value
 * (throwing "CODE: message" on a refusal), `refused` the error (throwing if the call was accepted).
 * `call` is typed by the contract; `raw` and `refused` take any input, for tests that send bad ones.
 */
export function sessionCalls(session: Session) {
  const handlers = createHandlers(session);
  const raw = (name: CallName, input: unknown) => dispatch(handlers, name, input, { log: session.services.log });
  const call = async <N extends CallName>(name: N, ...[input]: InputArgs<N>): Promise<CallOutput<N>> => {
    const result = await raw(name, input ?? {});
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
    return result.value as CallOutput<N>;
  };
  const refused = async (name: CallName, input: unknown) => {
    const result = await raw(name, input);
    if (result.ok) throw new Error(`${name} was accepted`);
    return result.error;
  };
  return { session, raw, call, refused };
}

export type SessionCalls = ReturnType<typeof sessionCalls>;
/** `call` as a parameter: `(call: Call) => …`. */
export type Call = SessionCalls['call'];

/** Opens the workspace `file` in a browser session (settings under `dir`). */
export async function openSession(dir: string, file: string) {
  const session = browserSession(dir);
  await session.open(file);
  return sessionCalls(session);
}
