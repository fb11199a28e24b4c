import type { Term } from './prepare';

/** A set of term ids, emptied by a new stamp: marking and testing index an array (no hashing, no allocation). */
export class IdMarks {
  private stamps = new Uint32Array(1024);
  private stamp = 0;

  mark(ids: readonly number[]): void {
    this.clear();
    for (let i = 0; i < ids.length; i++) this.add(ids[i]!);
  }

  markTerms(terms: readonly Term[]): void {
    this.clear();
    for (let i = 0; i < terms.length; i++) this.add(terms[i]!.id);
  }

  has(id: number): boolean {
    return id < this.stamps.length && this.stamps[id] === this.stamp;
  }

  private clear(): void {
    if (this.stamp === 0xffffffff) {
      this.stamps.fill(0);
      this.stamp = 0;
    }
    this.stamp++;
  }

  private add(id: number): void {
    if (id >= this.stamps.length) this.grow(id);
    this.stamps[id] = this.stamp;
  }

  private grow(id: number): void {
    const grown = new Uint32Array(Math.max(id + 1, this.stamps.length * 2));
    grown.set(this.stamps);
    this.stamps = grown;
  }
}
