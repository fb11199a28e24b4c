import type { BrowserWindow, IpcMain, IpcMainEvent, IpcMainInvokeEvent, WebContents } from 'electron';
import { callNames, IPC_CALL_PREFIX, IPC_CANCEL_CHANNEL, IPC_EVENT_CHANNEL, type CallName } from '../../shared/call-names';
import { CallsInFlight } from '../api/calls-in-flight';
import { dispatch } from '../api/dispatch';
import type { EventHub } from '../api/events';
import type { Handlers } from '../api/handlers';
import type { Logger } from '../platform/log';
import { isTrustedSender } from './url-policy';

/** The part of a BrowserWindow the calls need (tests give their own). */
export type CallWindow = Pick<BrowserWindow, 'isDestroyed'> & { webContents: Pick<WebContents, 'id' | 'mainFrame' | 'send'> };

/**
 * One IPC channel per contract call, one to cancel a call, and main's events sent to the window. A call
 * or a cancel is served only when it comes from the main window's top frame on a trusted origin: a
 * subframe, another window or a page that navigated elsewhere is refused. `ipcMain` is Electron's in
 * the app and an in-process stand-in in tests.
 */
export function serveCalls(options: {
  ipcMain: Pick<IpcMain, 'handle' | 'on'>;
  handlers: Handlers;
  mainWindow: () => CallWindow | null;
  trusted: readonly string[];
  log: Logger;
  events: EventHub;
  afterCall?: (name: CallName) => void;
}): void {
  const calls = new CallsInFlight();
  const trustedMain = (event: IpcMainEvent | IpcMainInvokeEvent, what: string) => {
    const window = options.mainWindow();
    const main = window && !window.isDestroyed() ? window.webContents : null;
    if (isTrustedSender(senderFacts(event, main), main?.id, options.trusted)) return true;
    options.log.warn(`Refused ${what} from an untrusted sender (${event.senderFrame?.url ?? 'no frame'}).`);
    return false;
  };

  for (const name of callNames) {
    options.ipcMain.handle(IPC_CALL_PREFIX + name, async (event, input: unknown, expectedWorkspace: unknown, callId: unknown) => {
      if (!trustedMain(event, name)) throw new Error(`Refused: ${name} may only be called by the Crosswalk window.`);
      const call = calls.start(typeof callId === 'string' ? callId : undefined);
      try {
        const result = await dispatch(options.handlers, name, input, {
          log: options.log,
          events: options.events,
          expectedWorkspace: typeof expectedWorkspace === 'string' ? expectedWorkspace : undefined,
          callId: call.callId,
          signal: call.signal,
        });
        options.afterCall?.(name);
        return result;
      } finally {
        call.finish();
      }
    });
  }
  options.ipcMain.on(IPC_CANCEL_CHANNEL, (event, callId: unknown) => {
    if (typeof callId === 'string' && trustedMain(event, 'a cancel')) calls.cancel(callId);
  });
  options.events.subscribe(({ name, payload }) => {
    const window = options.mainWindow();
    if (window && !window.isDestroyed()) window.webContents.send(IPC_EVENT_CHANNEL, name, payload);
  });
}

function senderFacts(event: IpcMainEvent | IpcMainInvokeEvent, main: CallWindow['webContents'] | null) {
  const frame = event.senderFrame;
  const top = main?.mainFrame;
  return {
    webContentsId: event.sender.id,
    frame: frame
      ? {
          url: frame.url,
          isMainFrame: !!top && frame.parent === null && frame.processId === top.processId && frame.routingId === top.routingId,
        }
      : null,
  };
}
