import { app, dialog, type BrowserWindow } from 'electron';
import type { FilePurpose } from '../../shared/contract';
import { isUserError } from '../errors';
import { fileDialogOptions } from './file-dialog-options';

/** The native Open/Save dialog for one purpose (fileDialogOptions); null when the analyst cancels. */
export async function chooseFilePath(window: BrowserWindow | null, purpose: FilePurpose, suggested?: string): Promise<string | null> {
  const { kind, title, buttonLabel, defaultPath, filters } = fileDialogOptions(purpose, app.getPath('documents'), suggested);
  if (kind === 'open') {
    const options: Electron.OpenDialogOptions = { title, buttonLabel, defaultPath, properties: ['openFile'], filters };
    const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  }
  const options: Electron.SaveDialogOptions = { title, buttonLabel, defaultPath, filters, properties: ['createDirectory', 'showOverwriteConfirmation'] };
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
