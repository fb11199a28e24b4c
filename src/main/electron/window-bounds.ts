// Where the main window opens: the remembered bounds if they still fit a display, else centred.
import type { WindowState } from '../settings/settings';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const DEFAULT_WINDOW_SIZE = { width: 1440, height: 900 };
export const MIN_WINDOW_SIZE = { width: 800, height: 560 };

const isWhole = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/** True when the bounds lie wholly inside one display's work area (a monitor may have been unplugged). */
export function fitsWorkArea(bounds: Partial<Rect>, workAreas: readonly Rect[]): bounds is Rect {
  const { x, y, width, height } = bounds;
  if (!isWhole(x) || !isWhole(y) || !isWhole(width) || !isWhole(height)) return false;
  if (width < MIN_WINDOW_SIZE.width || height < MIN_WINDOW_SIZE.height) return false;
  return workAreas.some(
    (area) => x >= area.x && y >= area.y && x + width <= area.x + area.width && y + height <= area.y + area.height,
  );
}

export function centredDefault(primaryWorkArea: Rect): Rect {
  const width = Math.min(DEFAULT_WINDOW_SIZE.width, primaryWorkArea.width);
  const height = Math.min(DEFAULT_WINDOW_SIZE.height, primaryWorkArea.height);
  return {
    x: primaryWorkArea.x + Math.floor((primaryWorkArea.width - width) / 2),
    y: primaryWorkArea.y + Math.floor((primaryWorkArea.height - height) / 2),
    width,
    height,
  };
}

export function initialWindowState(
  saved: WindowState | undefined,
  workAreas: readonly Rect[],
  primaryWorkArea: Rect,
): { bounds: Rect; maximized: boolean } {
  if (saved && fitsWorkArea(saved, workAreas)) {
    const { x, y, width, height } = saved;
    return { bounds: { x, y, width, height }, maximized: saved.maximized === true };
  }
  return { bounds: centredDefault(primaryWorkArea), maximized: saved?.maximized === true };
}
