// A 4,900-row mapping sheet: loading it and asking for its candidates, each against a plain SELECT of the
// same rows from the same file in the same run (better-sqlite3, no domain code).
//   npx tsx bench/mapping-sheet.ts
// "suggestions, uncached" is what every mapping.suggestions call cost before the flow candidates cache
// (the engine over the whole flow); "cached" is every later call while documents and decisions stand.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { CallName } from '../src/shared/call-names';
import { dispatch } from '../src/main/api/dispatch';
import { createHandlers } from '../src/main/api/handlers';
import { Session } from '../src/main/api/session';
import { clearSuggestionCache } from '../src/main/mapping/suggestion-cache';
import { Settings } from '../src/main/settings/settings';
import { bigFlowWorkspace } from './big-flow';

const RUNS = Number(process.env.RUNS ?? 5);

async function time(run: () => unknown): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function report(name: string, ours: number, baseline: number) {
  console.log(`${name.padEnd(46)} ${ours.toFixed(1).padStart(9)} ms   plain SELECT of the rows ${baseline.toFixed(1).padStart(7)} ms   ratio ${(ours / baseline).toFixed(1)}x`);
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crosswalk-bench-sheet-'));
  try {
    const { file, flowId } = bigFlowWorkspace(dir);
    const session = new Session(new Settings(path.join(dir, 'settings')), { kind: 'browser' });
    await session.open(file);
    const handlers = createHandlers(session);
    const call = async (name: CallName, input: unknown) => {
      const result = await dispatch(handlers, name, input, () => {});
      if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
      return result.value as any;
    };

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
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

void main();
