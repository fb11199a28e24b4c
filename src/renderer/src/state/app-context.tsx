// What every area needs from the shell: the open workspace, host facts, navigation and save tracking.
import { createContext, useContext } from 'react';
import type { AppInfo, WorkspaceSummary } from '../../../shared/contract';
import type { AreaId } from '../shell/areas';

export type WorkspaceIntent = { kind: 'open' | 'create'; nonce: number } | null;

export interface AppContextValue {
  info: AppInfo;
  /** The open workspace, or null when none is open. */
  workspace: WorkspaceSummary | null;
  /** Re-reads the workspace summary (names, counts) after a change. */
  refreshWorkspace(): Promise<void>;
  /** Re-reads the summary and invalidates every cached answer (the Refresh buttons). */
  reloadAll(): void;
  /** Adopts a workspace that was just opened or created, dropping every answer cached for the one before. */
  workspaceOpened(summary: WorkspaceSummary): void;
  navigate(area: AreaId): void;
  /** Runs a write and reflects it in the status bar: "Saving…", then saved or the error. */
  trackSave<T>(write: Promise<T>): Promise<T>;
  /** A request from the desktop menu for the Workspaces area (open or create a workspace). */
  workspaceIntent: WorkspaceIntent;
}

export const AppContext = createContext<AppContextValue | null>(null);

export function useApp(): AppContextValue {
  const value = useContext(AppContext);
  if (!value) throw new Error('useApp must be used inside <AppContext.Provider>.');
  return value;
}

/** The open workspace, for areas that are only shown while one is open. */
export function useWorkspace(): WorkspaceSummary {
  const { workspace } = useApp();
  if (!workspace) throw new Error('This area needs an open workspace.');
  return workspace;
}
