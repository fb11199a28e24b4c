// Which items of a long list of equally tall items to draw: the ones in view and a margin either side.
// The source tree of a 4,900-field entity drew every field (22,000 elements); laying out and compositing
// them again on every frame of the sheet's scrolling was most of each frame.

export interface ListWindow {
  /** First item drawn. */
  first: number;
  /** One past the last item drawn. */
  end: number;
}

/** The items under a viewport `viewportHeight` px tall scrolled to `scrollTop`, with `margin` items more either side. */
export function listWindow(count: number, itemHeight: number, scrollTop: number, viewportHeight: number, margin: number): ListWindow {
  const top = Math.floor(Math.max(0, scrollTop) / itemHeight);
  const inView = Math.ceil(Math.max(0, viewportHeight) / itemHeight) + 1;
  return { first: Math.max(0, Math.min(count, top - margin)), end: Math.max(0, Math.min(count, top + inView + margin)) };
}

/** The scroll position that shows item `index` whole, moving as little as possible (the same one when it already shows). */
export function scrollToShow(index: number, itemHeight: number, scrollTop: number, viewportHeight: number): number {
  const top = index * itemHeight;
  if (top < scrollTop) return top;
  if (top + itemHeight > scrollTop + viewportHeight) return Math.max(0, top + itemHeight - viewportHeight);
  return scrollTop;
}

/**
 * Each item's place among the items of the same parent (1-based) and how many those are, for a windowed
 * tree's aria-posinset and aria-setsize: assistive technology counts only the items in the page otherwise.
 */
export function treePositions(items: readonly { parent?: string | null }[]): { posInSet: number; setSize: number }[] {
  const seen = new Map<string | null, number>();
  const positions = items.map((item) => {
    const parent = item.parent ?? null;
    const posInSet = (seen.get(parent) ?? 0) + 1;
    seen.set(parent, posInSet);
    return { posInSet, setSize: 0 };
  });
  items.forEach((item, index) => (positions[index]!.setSize = seen.get(item.parent ?? null)!));
  return positions;
}
