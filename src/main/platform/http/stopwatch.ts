// Times one exchange from its start: each mark is the milliseconds since then (see HttpTimings).
import type { HttpTimings } from './types';

export class Stopwatch {
  private readonly start = performance.now();
  /** Filled in as the phases end; a streamed body updates download and total when it ends. */
  readonly timings: HttpTimings = { dns: 0, connect: 0, tls: 0, firstByte: 0, download: 0, total: 0 };

  mark(phase: 'dns' | 'connect' | 'tls' | 'firstByte' | 'end'): void {
    const elapsed = Math.round((performance.now() - this.start) * 100) / 100;
    if (phase === 'end') {
      this.timings.total = elapsed;
      this.timings.download = Math.round((elapsed - this.timings.firstByte) * 100) / 100;
    } else {
      this.timings[phase] = elapsed;
      if (phase === 'firstByte') this.timings.total = elapsed;
    }
  }
}
