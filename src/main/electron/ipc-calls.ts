import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { callNames, IPC_CALL_PREFIX, type CallName } from '../../shared/call-names';
import { dispatch } from '../api/dispatch';
import type { Handlers } from '../api/handlers';
import { isTrustedSender } from './url-policy';

/**
 * One IPC channel per contract call. A call is served only when it comes from the main window's top
 * frame on a trusted origin: a subframe, another window or a page that navigated elsewhere is refused.
 */
export function serveCalls(options: {
  handlers: Handlers;
  mainWindow: () => BrowserWindow | null;
  trusted: readonly string[];
  afterCall?: (name: CallName) => void;
}): void {
  for (const name of callNames) {
    ipcMain.handle(IPC_CALL_PREFIX + name, async (event, input: unknown, expectedWorkspace: unknown) => {
      const window = options.mainWindow();
      const main = window && !window.isDestroyed() ? window.webContents : null;
      if (!isTrustedSender(senderFacts(event, main), main?.id, options.trusted)) {
        console.warn(`[crosswalk] Refused ${name} from an untrusted sender (${event.senderFrame?.url ?? 'no frame'}).`);
        throw new Error(`Refused: ${name} may only be called by the Crosswalk window.`);
      }
      const result = await dispatch(options.handlers, name, input, undefined, {
        expectedWorkspace: typeof expectedWorkspace === 'string' ? expectedWorkspace : undefined,
      });
      options.afterCall?.(name);
      return result;
    });
  }
}

function senderFacts(event: IpcMainInvokeEvent, main: Electron.WebContents | null) {
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
