import type { CallName, MenuCommand } from './call-names';
import type { CallResult } from './contract';

/**
 * What the preload script exposes as `window.crosswalk`: one function per contract call
 * (never a generic channel) and a subscription to the desktop menu's commands.
 */
export interface DesktopBridge {
  /** `expectedWorkspace`: the workspace file the window shows, so a call never lands in another one. */
  calls: { [N in CallName]: (input: unknown, expectedWorkspace?: string) => Promise<CallResult> };
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}
