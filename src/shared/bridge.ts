import type { CallName, MenuCommand } from './call-names';
import type { CallResult } from './contract';
import type { CrosswalkEvent } from './contract/events';

/**
 * What the preload script exposes as `window.crosswalk`: one function per contract call (never a
 * generic channel), cancellation of a call by its id, and subscriptions to main's events and the
 * desktop menu's commands.
 */
export interface DesktopBridge {
  /**
   * `expectedWorkspace`: the workspace file the window shows, so a call never lands in another one;
   * `callId`: the id `cancel` names it by.
   */
  calls: { [N in CallName]: (input: unknown, expectedWorkspace?: string, callId?: string) => Promise<CallResult> };
  cancel(callId: string): void;
  onEvent(listener: (event: CrosswalkEvent) => void): () => void;
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}
