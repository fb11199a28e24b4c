import path from 'node:path';
import { BrowserWindow } from 'electron';
import type { Rect } from './window-bounds';
import { MIN_WINDOW_SIZE } from './window-bounds';

/**
 * The one application window. webPreferences stay inline here (not built elsewhere) so both readers
 * and Electronegativity see every security setting in one place.
 */
export function createMainWindow(options: { bounds: Rect; maximized: boolean; url: string }): BrowserWindow {
  const window = new BrowserWindow({
    ...options.bounds,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    title: 'Crosswalk',
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: path.join(__dirname, '../preload/index.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      // Middle-click opens links as new windows; setWindowOpenHandler denies them anyway.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  window.once('ready-to-show', () => {
    if (options.maximized) window.maximize();
    window.show();
  });
  window.loadURL(options.url).catch((error: unknown) => console.error(`[crosswalk] Could not load ${options.url}:`, error));
  return window;
}
