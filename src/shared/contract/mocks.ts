// Mock sandboxes: a system's API served on 127.0.0.1 from its document (examples, then seeded generated
// data), with request validation, light state, paging and faults on demand. One per system while it runs;
// they stop with their workspace and with the app.
import { z } from 'zod';
import { call, noInput, text } from './fields';

const id = z.number().int().positive();

export const MockSummary = z.object({
  systemId: id,
  system: z.string(),
  /** Where it answers, base path included: http://127.0.0.1:PORT/v2. */
  url: z.string(),
  port: z.number().int(),
  seed: z.number().int(),
  /** The faults it injects, as written (`latency=200-800ms,error=0.05`); '' for none. */
  chaos: z.string(),
  startedAt: z.string(),
  /** The system's environment named "Mock", which sends to it. */
  environmentId: id.nullable(),
});

export const mocksCalls = {
  /** The running mocks of the open workspace. */
  'mocks.list': call(noInput, z.array(MockSummary)),
  /** Starts the system's mock (one already running is answered as it is) and points its "Mock" environment at it. */
  'mocks.start': call(
    z.strictObject({
      systemId: id,
      port: z.number().int().min(0).max(65_535).optional(),
      seed: z.number().int().min(0).max(2 ** 31 - 1).optional(),
      /** e.g. `latency=200-800ms,error=0.05,reset=0.01,ratelimit=100/min`. */
      chaos: text(500).trim().default(''),
    }),
    MockSummary,
  ),
  'mocks.stop': call(z.strictObject({ systemId: id }), z.object({ stopped: z.boolean() })),
  /** Forgets what clients created, changed and deleted, and the rate limit's count. */
  'mocks.reset': call(z.strictObject({ systemId: id }), MockSummary),
};

export type MockSummary = z.infer<typeof MockSummary>;
