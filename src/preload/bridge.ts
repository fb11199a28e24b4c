// The bridge the sandboxed preload exposes, built over an ipcRenderer it is given (Electron's in the
// app, an in-process pair in tests), so the same code is what the tests exercise.
import type { IpcRendererEvent } from 'electron';
import { callNames, IPC_CALL_PREFIX, IPC_CANCEL_CHANNEL, IPC_EVENT_CHANNEL, IPC_MENU_CHANNEL, menuCommands, type MenuCommand } from '../shared/call-names';
import type { DesktopBridge } from '../shared/bridge';
import { isEventName, type CrosswalkEvent } from '../shared/contract/events';

export type BridgeIpc = Pick<Electron.IpcRenderer, 'invoke' | 'send' | 'on' | 'removeListener'>;

const isMenuCommand = (value: unknown): value is MenuCommand => typeof value === 'string' && (menuCommands as readonly string[]).includes(value);
const optionalText = (value: unknown) => (typeof value === 'string' ? value : undefined);

export function createBridge(ipc: BridgeIpc): DesktopBridge {
  const calls = Object.fromEntries(
    callNames.map((name) => [
      name,
      (input: unknown, expectedWorkspace?: string, callId?: string) => ipc.invoke(IPC_CALL_PREFIX + name, input, optionalText(expectedWorkspace), optionalText(callId)),
    ]),
  ) as DesktopBridge['calls'];

  /** Passes on what arrives on `channel` as `accept` reads it; the IPC event itself never reaches the page. */
  function listen<T>(channel: string, accept: (...args: unknown[]) => T | undefined, listener: (value: T) => void): () => void {
    if (typeof listener !== 'function') throw new TypeError('A listener must be a function.');
    const forward = (_event: IpcRendererEvent, ...args: unknown[]) => {
      const value = accept(...args);
      if (value !== undefined) listener(value);
    };
    ipc.on(channel, forward);
    return () => {
      ipc.removeListener(channel, forward);
    };
  }

  return {
    calls,
    cancel(callId) {
      if (typeof callId === 'string') ipc.send(IPC_CANCEL_CHANNEL, callId);
    },
    onEvent: (listener) => listen(IPC_EVENT_CHANNEL, (name, payload) => (isEventName(name) ? ({ name, payload } as CrosswalkEvent) : undefined), listener),
    onMenuCommand: (listener) => listen(IPC_MENU_CHANNEL, (command) => (isMenuCommand(command) ? command : undefined), listener),
  };
}
