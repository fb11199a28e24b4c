// Mock start-up on GitHub's document (5.7 MB, ~1,000 operations), side by side in one run (never in npm test).
//   npx tsx bench/mock-startup.ts   (RUNS=3 of each, medians; PRISM_LIMIT=300 s)
// Each run spawns a process and times it from the spawn:
// - the baseline: a Node process that only loads and dereferences the same document (swagger-parser's
//   dereference, circular references kept) and exits — what any tool serving it must at least do;
// - Crosswalk's mock (`crosswalk mock <document>`): to its first answered GET /emojis (target ≤ 2 s), then
//   to its first answer of a generated list (GET /repos/{owner}/{repo}/issues);
// - Prism (`prism mock`), to its first answered GET /emojis, when bench/.cache/mock holds it (bench/mock-throughput.ts
//   installs it).
// A busy machine slows all three alike; the CPU seconds each process used (Linux) say what it did itself.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { firstAnswer, freePort, githubDocument, MOCK_TOOLS, REPOSITORY, startCrosswalkMock, startPrism, type Served } from './mock-tools';

const RUNS = Number(process.env.RUNS ?? 3);
const PRISM_LIMIT_MS = Number(process.env.PRISM_LIMIT ?? 300) * 1000;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** CPU seconds a process has used so far (user + system), from /proc; undefined elsewhere. */
function cpuSeconds(pid: number | undefined): number | undefined {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

/** Spawn to exit of a process that loads and dereferences the document. */
function baseline(document: string): Promise<{ ms: number; cpu?: number }> {
  const script = `require('@apidevtools/swagger-parser').dereference(${JSON.stringify(document)}, { dereference: { circular: 'ignore' } }).then(() => { const u = process.cpuUsage(); console.log((u.user + u.system) / 1e6); })`;
  const since = performance.now();
  const child = spawn(process.execPath, ['--max-semi-space-size=4', '-e', script], { cwd: REPOSITORY, stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) =>
    child.once('exit', (code) => (code === 0 ? resolve({ ms: performance.now() - since, cpu: Number(output.trim()) }) : reject(new Error(`the baseline exited with ${code}`)))),
  );
}

async function timed(start: (port: number) => Served, paths: string[], limitMs: number): Promise<{ ms: (number | undefined)[]; cpu?: number; status?: number }> {
  const port = await freePort();
  const since = performance.now();
  const served = start(port);
  try {
    const ms: (number | undefined)[] = [];
    for (const each of paths) ms.push(await firstAnswer(`${served.base}${each}`, {}, since, limitMs));
    const cpu = cpuSeconds(served.child.pid);
    const status = ms[0] === undefined ? undefined : (await fetch(`${served.base}${paths[0]}`)).status;
    return { ms, cpu, status };
  } finally {
    await served.stop();
  }
}

const cpuNote = (values: (number | undefined)[]) => (values.every((value) => value !== undefined) ? `, CPU ${median(values as number[]).toFixed(2)} s` : '');

/** The start-up comparison; `prism` is the path of Prism's binary, or undefined to leave it out. */
export async function measureStartup(prism: string | undefined): Promise<void> {
  const document = githubDocument();
  console.log(`Start-up on GitHub's document (${path.relative(REPOSITORY, document)}, ${(fs.statSync(document).size / 1e6).toFixed(1)} MB), ${RUNS} runs each, medians from the spawn:`);
  const base: { ms: number; cpu?: number }[] = [];
  const ours: Awaited<ReturnType<typeof timed>>[] = [];
  for (let run = 0; run < RUNS; run++) {
    base.push(await baseline(document));
    ours.push(await timed((port) => startCrosswalkMock(document, port, ''), ['/emojis', '/repos/octo/hello/issues'], 60_000));
  }
  const baseMs = median(base.map((each) => each.ms));
  console.log(`  load + dereference only (swagger-parser)   ${seconds(baseMs)}${cpuNote(base.map((each) => each.cpu))}   (the baseline)`);
  const firsts = ours.map((each) => each.ms[0]);
  if (firsts.some((ms) => ms === undefined)) {
    console.log('  Crosswalk mock: no answer within 60 s');
    process.exitCode = 1;
    return;
  }
  const first = median(firsts as number[]);
  console.log(
    `  Crosswalk mock, first answer (GET /emojis, ${ours[0]!.status})  ${seconds(first)}${cpuNote(ours.map((each) => each.cpu))}   ${(first / baseMs).toFixed(2)}x the baseline (target <= 2 s)`,
  );
  const lists = ours.map((each) => each.ms[1]).filter((ms): ms is number => ms !== undefined);
  if (lists.length > 0) console.log(`  Crosswalk mock, then a generated issue list answered at ${seconds(median(lists))}`);
  if (!prism) {
    console.log(`  Prism: not in ${path.relative(REPOSITORY, MOCK_TOOLS)} (npx tsx bench/mock-throughput.ts installs it), left out`);
    return;
  }
  const theirs = await timed((port) => startPrism(prism, document, port), ['/emojis'], PRISM_LIMIT_MS);
  const prismMs = theirs.ms[0];
  console.log(`  Prism, first answer (GET /emojis)          ${prismMs === undefined ? `none within ${PRISM_LIMIT_MS / 1000} s` : `${seconds(prismMs)}   Prism / Crosswalk ${(prismMs / first).toFixed(1)}x`} (one run)`);
}

if (require.main === module) {
  const prism = path.join(MOCK_TOOLS, 'node_modules', '.bin', 'prism');
  console.log(`Mock start-up bench (Node ${process.version}, ${os.cpus().length} cores, load average ${os.loadavg()[0]!.toFixed(1)})`);
  measureStartup(fs.existsSync(prism) ? prism : undefined).catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
