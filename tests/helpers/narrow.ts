import { expect } from 'vitest';

/**
 * `value`, failing the test (naming `what`) where it is missing, as a `find` that matched nothing is:
 * the test goes on with the value's own type, and a miss fails here rather than as a TypeError later.
 */
export function present<T>(value: T | undefined, what: string): T {
  expect(value, `expected ${what}`).toBeDefined();
  return value as T;
}

/**
 * A call's answer narrowed to its variant `status` (systems.import answers `imported` or
 * `needs-consent`), failing the test with the whole answer where it is another one.
 */
export function withStatus<T extends { status: string }, S extends T['status']>(answer: T, status: S): Extract<T, { status: S }> {
  expect(answer).toMatchObject({ status });
  return answer as Extract<T, { status: S }>;
}
