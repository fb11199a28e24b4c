// `crosswalk mock <api-doc-or-workspace> [--system NAME] [--port N] [--seed N] [--chaos SPEC]`: serves a
// mock sandbox of the document on 127.0.0.1 until SIGINT/SIGTERM. The first line printed is its address.
import { UserError } from '../../errors';
import type { Services } from '../../platform/services';
import { parseChaos, type Chaos } from '../../sandbox/mock/faults';
import { startMock } from '../../sandbox/mock/server';
import { loadMockDocument } from '../../sandbox/mock/source';
import type { Flags, Io } from '../io';
import { UsageError } from '../usage';

export async function mockCommand([input, ...extra]: string[], flags: Flags, io: Io, services: Services): Promise<number> {
  if (!input || extra.length > 0) throw new UsageError('mock takes one argument: the API document (file or URL) or a workspace.');
  const seed = parseSeed(flags.seed);
  const chaos: Chaos = flags.chaos === undefined ? {} : parseChaos(flags.chaos);
  const { document, title } = await loadMockDocument(input, { system: flags.system, http: services.http });
  const mock = await startMock(document, { port: flags.port, seed, chaos });
  io.out(`Crosswalk mock of ${title} at ${mock.url}`);
  const faults = Object.keys(chaos).length > 0 ? ` Faults: ${flags.chaos}.` : '';
  io.out(`Seed ${seed}.${faults} Prefer: code=404 or example=<name> picks an answer. Press Ctrl+C to stop.`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await mock.close();
  return 0;
}

function parseSeed(value: string | undefined): number {
  if (value === undefined) return 1;
  if (!/^\d{1,9}$/.test(value)) throw new UserError('MOCK_BAD_SEED', `--seed must be a whole number from 0 to 999999999, not "${value}".`);
  return Number(value);
}
