import { describe, expect, it } from 'vitest';
import { centredDefault, fitsWorkArea, initialWindowState } from '../../../src/main/electron/window-bounds';

const laptop = { x: 0, y: 0, width: 1920, height: 1040 };
const rightMonitor = { x: 1920, y: 0, width: 2560, height: 1400 };

describe('fitsWorkArea', () => {
  it('accepts bounds wholly inside one display', () => {
    expect(fitsWorkArea({ x: 100, y: 50, width: 1440, height: 900 }, [laptop])).toBe(true);
    expect(fitsWorkArea({ x: 0, y: 0, width: 1920, height: 1040 }, [laptop])).toBe(true);
    expect(fitsWorkArea({ x: 2000, y: 100, width: 1440, height: 900 }, [laptop, rightMonitor])).toBe(true);
  });

  it('refuses bounds on a display that is gone, straddling two displays, or partly off-screen', () => {
    expect(fitsWorkArea({ x: 2000, y: 100, width: 1440, height: 900 }, [laptop])).toBe(false);
    expect(fitsWorkArea({ x: 1000, y: 100, width: 1440, height: 900 }, [laptop, rightMonitor])).toBe(false);
    expect(fitsWorkArea({ x: -20, y: 0, width: 1440, height: 900 }, [laptop])).toBe(false);
    expect(fitsWorkArea({ x: 100, y: 500, width: 1440, height: 900 }, [laptop])).toBe(false);
  });

  it('refuses missing, non-finite or tiny bounds', () => {
    expect(fitsWorkArea({ width: 1440, height: 900 }, [laptop])).toBe(false);
    expect(fitsWorkArea({ x: Number.NaN, y: 0, width: 1440, height: 900 }, [laptop])).toBe(false);
    expect(fitsWorkArea({ x: 0, y: 0, width: 10, height: 10 }, [laptop])).toBe(false);
    expect(fitsWorkArea({ x: 0, y: 0, width: 1440, height: 900 }, [])).toBe(false);
  });
});

describe('initialWindowState', () => {
  it('restores saved bounds and the maximized flag when they fit', () => {
    const saved = { x: 2000, y: 100, width: 1600, height: 1000, maximized: true };
    expect(initialWindowState(saved, [laptop, rightMonitor], laptop)).toEqual({
      bounds: { x: 2000, y: 100, width: 1600, height: 1000 },
      maximized: true,
    });
  });

  it('falls back to 1440×900 centred on the primary display', () => {
    expect(initialWindowState(undefined, [laptop], laptop)).toEqual({
      bounds: { x: 240, y: 70, width: 1440, height: 900 },
      maximized: false,
    });
    const onUnpluggedMonitor = { x: 2000, y: 100, width: 1600, height: 1000, maximized: false };
    expect(initialWindowState(onUnpluggedMonitor, [laptop], laptop).bounds).toEqual({ x: 240, y: 70, width: 1440, height: 900 });
  });

  it('shrinks the default to a small screen', () => {
    expect(centredDefault({ x: 0, y: 25, width: 1280, height: 775 })).toEqual({ x: 0, y: 25, width: 1280, height: 775 });
  });
});
