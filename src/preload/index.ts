// The sandboxed preload: one function per contract call and the menu subscription, nothing else.
// It imports call-names.ts only (not the zod contract) so the bundle stays a few kilobytes.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { callNames, IPC_CALL_PREFIX, IPC_MENU_CHANNEL, menuCommands, type MenuCommand } from '../shared/call-names';
import type { DesktopBridge } from '../shared/bridge';

const isMenuCommand = (value: unknown): value is MenuCommand =>
  typeof value === 'string' && (menuCommands as readonly string[]).includes(value);

const calls = Object.fromEntries(
  callNames.map((name) => [
    name,
    (input: unknown, expectedWorkspace?: string) =>
      ipcRenderer.invoke(IPC_CALL_PREFIX + name, input, typeof expectedWorkspace === 'string' ? expectedWorkspace : undefined),
  ]),
) as DesktopBridge['calls'];

const bridge: DesktopBridge = {
  calls,
  onMenuCommand(listener) {
    if (typeof listener !== 'function') throw new TypeError('onMenuCommand needs a function.');
    // The IPC event never reaches the page: event.sender is ipcRenderer itself.
    const forward = (_event: IpcRendererEvent, command: unknown) => {
      if (isMenuCommand(command)) listener(command);
    };
    ipcRenderer.on(IPC_MENU_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(IPC_MENU_CHANNEL, forward);
    };
  },
};

contextBridge.exposeInMainWorld('crosswalk', bridge);
