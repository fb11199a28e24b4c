import { screen, type BrowserWindow } from 'electron';
import type { Settings } from '../settings/settings';
import { initialWindowState, type Rect } from './window-bounds';

const SAVE_DELAY_MS = 500;

/** Where to open the window: the saved bounds if some display still holds them, else a centred default. */
export function restoredWindowState(settings: Settings): { bounds: Rect; maximized: boolean } {
  const workAreas = screen.getAllDisplays().map((display) => display.workArea);
  return initialWindowState(settings.windowState(), workAreas, screen.getPrimaryDisplay().workArea);
}

/** Saves the window's normal bounds and maximized flag shortly after each change, and on close. */
export function rememberWindowState(window: BrowserWindow, settings: Settings): void {
  let timer: NodeJS.Timeout | undefined;
  const save = () => {
    clearTimeout(timer);
    timer = undefined;
    if (window.isDestroyed() || window.isFullScreen() || window.isMinimized()) return;
    try {
      settings.saveWindowState({ ...window.getNormalBounds(), maximized: window.isMaximized() });
    } catch (error) {
      console.warn('[crosswalk] Could not save the window position:', error);
    }
  };
  const saveSoon = () => {
    clearTimeout(timer);
    timer = setTimeout(save, SAVE_DELAY_MS);
  };
  window.on('resize', saveSoon);
  window.on('move', saveSoon);
  window.on('maximize', saveSoon);
  window.on('unmaximize', saveSoon);
  window.on('close', save);
}
