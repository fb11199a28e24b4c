import { AsyncLocalStorage } from 'node:async_hooks';

/** What a handler knows about the call it runs: who asked, how to hear a cancel, how to report progress. */
export interface CallContext {
  /** The caller's id for this call (the transport's own when the caller gave none). */
  callId: string;
  /** Aborted when the caller cancels (or goes away): long work stops and writes nothing more. */
  signal: AbortSignal;
  /** The workspace the calling window shows; calls meant for it must not land in another one. */
  expectedWorkspace?: string;
  /** Reports how far the call has got (a `call.progress` event to every listening window). */
  progress(done: number, total: number | null, message: string): void;
}

const storage = new AsyncLocalStorage<CallContext>();

export const runInCallContext = <T>(context: CallContext, run: () => T): T => storage.run(context, run);

/** The context of the call being run; outside any call (the CLI, tests), a context nobody cancels. */
export const currentCallContext = (): CallContext => storage.getStore() ?? outsideAnyCall;

const outsideAnyCall: CallContext = { callId: '', signal: new AbortController().signal, progress: () => {} };
