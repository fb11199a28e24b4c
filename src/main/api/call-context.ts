import { AsyncLocalStorage } from 'node:async_hooks';

/** What a transport knows about the caller of the call being run. */
export interface CallContext {
  /** The workspace the calling window shows; calls meant for it must not land in another one. */
  expectedWorkspace?: string;
}

const storage = new AsyncLocalStorage<CallContext>();

export const runInCallContext = <T>(context: CallContext, run: () => T): T => storage.run(context, run);

export const currentCallContext = (): CallContext => storage.getStore() ?? {};
