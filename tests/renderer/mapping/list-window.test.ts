import { describe, expect, it } from 'vitest';
import { listWindow, scrollToShow, treePositions } from '../../../src/renderer/src/areas/mapping/list-window';

describe('listWindow', () => {
  it('draws the items in view and the margin after them at the top of the list', () => {
    // 260 px show items 0–9; a partly shown 11th is drawn too.
    expect(listWindow(4900, 26, 0, 260, 5)).toEqual({ first: 0, end: 16 });
  });

  it('draws the margin either side in the middle of the list', () => {
    expect(listWindow(4900, 26, 26 * 1000 + 13, 260, 5)).toEqual({ first: 995, end: 1016 });
  });

  it('stops at the end of the list', () => {
    expect(listWindow(4900, 26, 26 * 4890, 260, 5)).toEqual({ first: 4885, end: 4900 });
  });

  it('draws the whole of a short list', () => {
    expect(listWindow(12, 26, 0, 600, 20)).toEqual({ first: 0, end: 12 });
    expect(listWindow(0, 26, 0, 600, 20)).toEqual({ first: 0, end: 0 });
  });

  it('draws the margin only before the viewport has a height', () => {
    expect(listWindow(4900, 26, 0, 0, 20)).toEqual({ first: 0, end: 21 });
  });

  it('reads a scroll position past the list (a list that just got shorter) as its end', () => {
    expect(listWindow(30, 26, 26 * 1000, 260, 5)).toEqual({ first: 30, end: 30 });
  });
});

describe('scrollToShow', () => {
  it('keeps the scroll position when the item shows whole', () => {
    expect(scrollToShow(12, 26, 260, 260)).toBe(260);
    expect(scrollToShow(19, 26, 260, 260)).toBe(260);
  });

  it('scrolls up to an item above the viewport, putting it at the top', () => {
    expect(scrollToShow(3, 26, 260, 260)).toBe(78);
  });

  it('scrolls down to an item below or partly below the viewport, putting it at the bottom', () => {
    expect(scrollToShow(20, 26, 260, 260)).toBe(286);
    expect(scrollToShow(4899, 26, 0, 260)).toBe(4900 * 26 - 260);
  });
});

describe('treePositions', () => {
  it('counts each item among the items of its parent, wherever they lie in the flattened tree', () => {
    const items = [{ parent: null }, { parent: 'customer' }, { parent: 'customer' }, { parent: 'customer.address' }, { parent: 'customer' }, { parent: null }];
    expect(treePositions(items)).toEqual([
      { posInSet: 1, setSize: 2 },
      { posInSet: 1, setSize: 3 },
      { posInSet: 2, setSize: 3 },
      { posInSet: 1, setSize: 1 },
      { posInSet: 3, setSize: 3 },
      { posInSet: 2, setSize: 2 },
    ]);
  });
});
