import { app, dialog, type BrowserWindow } from 'electron';
import path from 'node:path';
import { isUserError } from '../errors';

const filters = [{ name: 'Crosswalk workspace', extensions: ['crosswalk'] }];

/** The native Open/Save dialog for a workspace file; null when the analyst cancels. */
export async function chooseWorkspacePath(window: BrowserWindow | null, purpose: 'open' | 'create'): Promise<string | null> {
  if (purpose === 'open') {
    const options: Electron.OpenDialogOptions = { title: 'Open Workspace', properties: ['openFile'], filters };
    const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  }
  const options: Electron.SaveDialogOptions = {
    title: 'New Workspace',
    buttonLabel: 'Create',
    defaultPath: path.join(app.getPath('documents'), 'Untitled.crosswalk'),
    filters,
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  };
  const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
  return result.canceled || !result.filePath ? null : result.filePath;
}

/** Tells the analyst what went wrong; anything that is not their problem to fix is logged in full too. */
export async function showError(window: BrowserWindow | null, title: string, error: unknown): Promise<void> {
  if (!isUserError(error)) console.error(`[crosswalk] ${title}:`, error);
  const detail = error instanceof Error ? error.message : String(error);
  const options: Electron.MessageBoxOptions = { type: 'error', title: 'Crosswalk', message: title, detail };
  if (window && !window.isDestroyed()) await dialog.showMessageBox(window, options);
  else await dialog.showMessageBox(options);
}
