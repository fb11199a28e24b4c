// A small seeded random source (mulberry32): the same seed gives the same sequence on every machine,
// which is what makes a generated payload repeatable.

export interface Random {
  /** A number in [0, 1). */
  next(): number;
  /** An integer from min to max, both included. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(share: number): boolean;
  /** An independent source derived from this one and a label, so adding a property does not shift its siblings' values. */
  fork(label: string): Random;
}

export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
  const random: Random = {
    next,
    int: (min, max) => (max <= min ? min : min + Math.floor(next() * (max - min + 1))),
    pick: (items) => items[Math.floor(next() * items.length)]!,
    chance: (share) => next() < share,
    fork: (label) => seededRandom(hash(label, seed)),
  };
  return random;
}

/** FNV-1a of a label mixed with a seed. */
export function hash(label: string, seed = 0): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let index = 0; index < label.length; index++) h = Math.imul(h ^ label.charCodeAt(index), 0x01000193) >>> 0;
  return h;
}
