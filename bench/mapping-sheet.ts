// A 4,900-row mapping sheet: loading it and asking for its candidates, each against a plain SELECT of the
// same rows from the same file in the same run (better-sqlite3, no domain code).
//   npx tsx bench/mapping-sheet.ts
// "suggestions, uncached" is what every mapping.suggestions call cost before the flow candidates cache
// (the engine over the whole flow); "cached" is every later call while documents and decisions stand.
// Then the event loop during the flow's first computation (rows created by mapping.sheet), the engine
// inline (as before) against in its worker thread: the longest stall a 5 ms setInterval probe saw, the
// slowest flows.list call sent every 20 ms meanwhile, and the total time. Last, the engine inline
// against in a worker on smaller pairs, which is where compute-candidates.ts's cut-off comes from.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { computeCandidates, setWorkerFromPairs, WORKER_FROM_PAIRS } from '../src/main/mapping/compute-candidates';
import { clearSuggestionCache } from '../src/main/mapping/suggestion-cache';
import { buildCatalogue } from '../src/main/openapi/catalogue';
import { openSession } from '../tests/helpers/calls';
import { bigDocument, bigFlowWorkspace } from './big-flow';

const RUNS = Number(process.env.RUNS ?? 5);
/** Runs of the flow's first computation, each way (about 10 s each). */
const FIRST_RUNS = Number(process.env.FIRST_RUNS ?? 3);

async function time(run: () => unknown): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function report(name: string, ours: number, baseline: number) {
  console.log(`${name.padEnd(46)} ${ours.toFixed(1).padStart(9)} ms   plain SELECT of the rows ${baseline.toFixed(1).padStart(7)} ms   ratio ${(ours / baseline).toFixed(1)}x`);
}

/** The flow's first mapping.sheet (the engine creates its rows) with the event loop watched. */
async function firstComputation(dir: string, workerFromPairs: number) {
  fs.mkdirSync(dir, { recursive: true });
  const { file, flowId } = bigFlowWorkspace(dir);
  const { session, call } = await openSession(dir, file);
  // The catalogues are built (and kept) first: only the engine's part is watched.
  await call('systems.entity', { id: 1, entity: 'schema:SalesOrder' });
  await call('systems.entity', { id: 2, entity: 'schema:ErpOrder' });
  const previous = setWorkerFromPairs(workerFromPairs);
  clearSuggestionCache();
  let last = performance.now();
  let stall = 0;
  const probe = setInterval(() => {
    const now = performance.now();
    stall = Math.max(stall, now - last);
    last = now;
  }, 5);
  let running = true;
  let slowestCall = 0;
  let calls = 0;
  const others = (async () => {
    while (running) {
      const sent = performance.now();
      await call('flows.list', {});
      slowestCall = Math.max(slowestCall, performance.now() - sent);
      calls++;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  const total = await time(() => call('mapping.sheet', { flowId }));
  // The probe sees a stall only once it runs again: let it.
  await new Promise((resolve) => setTimeout(resolve, 10));
  running = false;
  clearInterval(probe);
  await others;
  setWorkerFromPairs(previous);
  session.close();
  return { total, stall, slowestCall, calls };
}

/** The engine inline and in a worker on pairs of `groups` × 50 fields each side. */
async function cutOff() {
  const entity = (document: ReturnType<typeof bigDocument>, name: string) => buildCatalogue(document).entities.find((e) => e.name === name)!;
  const pair = (groups: number) => ({
    source: entity(bigDocument('Big CRM', 'SalesOrder', 'camel', 7, groups, 50), 'SalesOrder'),
    target: entity(bigDocument('Big ERP', 'ErpOrder', 'snake', 11, groups, 50), 'ErpOrder'),
  });
  const learned = { accepted: [], rejected: [] };
  const warm = pair(6);
  for (let i = 0; i < 3; i++) await computeCandidates(warm.source, warm.target, learned, { workerFromPairs: Infinity });
  await computeCandidates(warm.source, warm.target, learned, { workerFromPairs: 0 });
  console.log(`cut-off: engine inline against in a worker (tsx: the worker registers tsx and loads the engine's sources; the build's worker starts faster); now ${WORKER_FROM_PAIRS.toLocaleString('en')} pairs`);
  for (const groups of [1, 2, 3, 4, 6, 8, 10]) {
    const { source, target } = pair(groups);
    const inline: number[] = [];
    const worker: number[] = [];
    for (let run = 0; run < 3; run++) {
      inline.push(await time(() => computeCandidates(source, target, learned, { workerFromPairs: Infinity })));
      worker.push(await time(() => computeCandidates(source, target, learned, { workerFromPairs: 0 })));
    }
    const pairs = source.fields.length * target.fields.length;
    console.log(`  ${String(source.fields.length).padStart(4)} × ${String(target.fields.length).padEnd(4)} = ${pairs.toLocaleString('en').padStart(9)} pairs   inline ${median(inline).toFixed(1).padStart(7)} ms (the stall)   worker ${median(worker).toFixed(1).padStart(7)} ms (no stall)`);
  }
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crosswalk-bench-sheet-'));
  try {
    const { file, flowId } = bigFlowWorkspace(dir);
    const { session, call } = await openSession(dir, file);

    let rows = 0;
    const create = await time(async () => (rows = (await call('mapping.sheet', { flowId })).rows.length));
    const afterCreate = await time(() => call('mapping.suggestions', { flowId }));

    const raw = new Database(file, { readonly: true });
    const select = raw.prepare('SELECT * FROM field_mapping WHERE flow_id = ? ORDER BY id');
    const baselines: number[] = [];
    const loads: number[] = [];
    const cached: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      baselines.push(await time(() => select.all(flowId)));
      loads.push(await time(() => call('mapping.sheet', { flowId })));
      cached.push(await time(() => call('mapping.suggestions', { flowId })));
    }
    const uncached: number[] = [];
    for (let run = 0; run < Math.min(RUNS, 2); run++) {
      clearSuggestionCache();
      uncached.push(await time(() => call('mapping.suggestions', { flowId })));
    }
    raw.close();
    session.close();

    const base = median(baselines);
    console.log(`Flow of ${rows} rows (target and source entities of about 5,000 fields each); medians of ${RUNS} runs`);
    report('mapping.sheet, rows created now (engine runs)', create, base);
    report('mapping.sheet, rows stored', median(loads), base);
    report('mapping.suggestions right after the rows', afterCreate, base);
    report('mapping.suggestions, cached', median(cached), base);
    report('mapping.suggestions, uncached (= before)', median(uncached), base);
    console.log(`suggestions: uncached / cached = ${(median(uncached) / median(cached)).toFixed(0)}x`);

    // Alternated, as the machine's load changes; medians of each.
    const runs: Record<'inline' | 'worker', Array<Awaited<ReturnType<typeof firstComputation>>>> = { inline: [], worker: [] };
    for (let run = 0; run < FIRST_RUNS; run++) {
      runs.inline.push(await firstComputation(path.join(dir, `inline-${run}`), Infinity));
      runs.worker.push(await firstComputation(path.join(dir, `worker-${run}`), WORKER_FROM_PAIRS));
    }
    const medianOf = (list: typeof runs.inline) => ({
      total: median(list.map((run) => run.total)),
      stall: median(list.map((run) => run.stall)),
      slowestCall: median(list.map((run) => run.slowestCall)),
      calls: median(list.map((run) => run.calls)),
    });
    const [inline, worker] = [medianOf(runs.inline), medianOf(runs.worker)];
    console.log(`first computation of the ${rows}-row flow (mapping.sheet creating its rows), event loop watched; medians of ${FIRST_RUNS} alternated runs:`);
    for (const [name, run] of [['engine inline (before)', inline], ['engine in a worker (now)', worker]] as const) {
      console.log(
        `  ${name.padEnd(26)} total ${run.total.toFixed(0).padStart(6)} ms   longest stall ${run.stall.toFixed(0).padStart(6)} ms   slowest flows.list meanwhile ${run.slowestCall.toFixed(0).padStart(6)} ms (${run.calls} calls)`,
      );
    }
    console.log(`  worker / inline: total ${(worker.total / inline.total).toFixed(2)}x, longest stall ${(worker.stall / inline.stall).toFixed(3)}x (${(inline.stall / worker.stall).toFixed(0)}x shorter)`);
    await cutOff();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

void main();
