// Faults on demand: what a mock does besides answering well — latency, a rate limit, server errors,
// time-outs and connection resets — per mock (`--chaos latency=200-800ms,error=0.05,reset=0.01,ratelimit=100/min`)
// and per request (`Prefer: code=503`, `Prefer: example=notFound`, `Prefer: latency=2000`), Prism's header
// convention extended.
import { UserError } from '../../errors';

export interface Chaos {
  /** Added delay, drawn between min and max ms. */
  latency?: { min: number; max: number };
  /** Share of requests answered 500–503. */
  error?: number;
  /** Share of requests whose connection is reset before any answer. */
  reset?: number;
  /** Share of requests never answered (the client times out). */
  timeout?: number;
  /** At most this many requests per window; beyond, 429 with Retry-After. */
  rateLimit?: { requests: number; windowMs: number };
}

export const CHAOS_USAGE = 'latency=200-800ms,error=0.05,reset=0.01,timeout=0.01,ratelimit=100/min';

/** Reads a chaos spec: a comma list of name=value (see CHAOS_USAGE). */
export function parseChaos(spec: string): Chaos {
  const chaos: Chaos = {};
  for (const part of spec.split(',').map((each) => each.trim()).filter(Boolean)) {
    const [name, value = ''] = part.split('=').map((each) => each.trim());
    const refuse = (what: string) => new UserError('MOCK_BAD_CHAOS', `--chaos "${part}": ${what}. Write it like ${CHAOS_USAGE}.`);
    switch (name) {
      case 'latency': {
        const match = /^(\d+)(?:-(\d+))?(ms|s)?$/.exec(value);
        if (!match) throw refuse('latency is a duration or a range (200ms, 200-800ms, 2s)');
        const unit = match[3] === 's' ? 1000 : 1;
        const min = Number(match[1]) * unit;
        const max = Number(match[2] ?? match[1]) * unit;
        if (max < min) throw refuse('the range ends before it starts');
        chaos.latency = { min, max };
        break;
      }
      case 'error':
      case 'reset':
      case 'timeout': {
        const share = Number(value);
        if (!(share >= 0 && share <= 1) || value === '') throw refuse(`${name} is a share of requests from 0 to 1 (0.05 is 5%)`);
        chaos[name] = share;
        break;
      }
      case 'ratelimit': {
        const match = /^(\d+)\/(s|sec|second|min|minute|h|hour)$/.exec(value);
        if (!match || Number(match[1]) < 1) throw refuse('ratelimit is requests per window (100/min, 5/s, 1000/h)');
        const windowMs = { s: 1000, sec: 1000, second: 1000, min: 60_000, minute: 60_000, h: 3_600_000, hour: 3_600_000 }[match[2] as 's'];
        chaos.rateLimit = { requests: Number(match[1]), windowMs };
        break;
      }
      default:
        throw refuse(`"${name}" is not a fault this mock knows`);
    }
  }
  return chaos;
}

/** The spec parseChaos reads back as the same faults: `latency=200-800ms,error=0.05,ratelimit=100/min`. */
export function chaosText(chaos: Chaos): string {
  const parts: string[] = [];
  if (chaos.latency) parts.push(`latency=${chaos.latency.min === chaos.latency.max ? chaos.latency.min : `${chaos.latency.min}-${chaos.latency.max}`}ms`);
  for (const name of ['error', 'reset', 'timeout'] as const) if (chaos[name] !== undefined) parts.push(`${name}=${chaos[name]}`);
  if (chaos.rateLimit) {
    const unit = { 1000: 's', 60_000: 'min', 3_600_000: 'h' }[chaos.rateLimit.windowMs] ?? 'min';
    parts.push(`ratelimit=${chaos.rateLimit.requests}/${unit}`);
  }
  return parts.join(',');
}

/** What a request asked for in its `Prefer` header (RFC 7240): `code=404, example=notFound, latency=1500`. */
export interface Preferences {
  code?: number;
  example?: string;
  latency?: number;
  /** `fault=reset` or `fault=timeout`. */
  fault?: 'reset' | 'timeout';
}

export function parsePrefer(header: string | string[] | undefined): Preferences {
  const preferences: Preferences = {};
  for (const part of (Array.isArray(header) ? header.join(',') : (header ?? '')).split(/[,;]/)) {
    const [name, raw = ''] = part.split('=').map((each) => each.trim());
    const value = raw.replace(/^"(.*)"$/, '$1');
    if (name === 'code' && /^[1-5]\d\d$/.test(value)) preferences.code = Number(value);
    else if (name === 'example' && value) preferences.example = value;
    else if (name === 'latency' && /^\d+$/.test(value)) preferences.latency = Math.min(Number(value), 120_000);
    else if (name === 'fault' && (value === 'reset' || value === 'timeout')) preferences.fault = value;
  }
  return preferences;
}

/** Counts requests in a sliding window; answers how long to wait when over the limit. */
export class RateLimiter {
  private readonly stamps: number[] = [];

  constructor(private readonly limit: { requests: number; windowMs: number }) {}

  /** Seconds until a request is allowed again, or 0 when this one is. */
  take(now = Date.now()): number {
    while (this.stamps.length > 0 && this.stamps[0]! <= now - this.limit.windowMs) this.stamps.shift();
    if (this.stamps.length >= this.limit.requests) return Math.max(1, Math.ceil((this.stamps[0]! + this.limit.windowMs - now) / 1000));
    this.stamps.push(now);
    return 0;
  }
}

/** A seeded source of numbers in [0, 1), so a chaos run can be repeated. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}
