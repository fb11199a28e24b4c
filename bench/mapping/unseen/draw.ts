// Draws the unseen-pairs benchmark's entity pairs from a set folder's candidates.json by its seeded rule (see its "rule"):
//   npx tsx bench/mapping/unseen/draw.ts [set folder]   prints the development and held-out pairs, one line each
//   (set folder: bench/mapping/unseen, the default, bench/mapping/unseen-v2, -v3 or -v4).
import fs from 'node:fs';
import path from 'node:path';

export interface CandidateEntity { document: string; entity: string; leaves: number }
interface Candidates { seed: number; domains: { domain: string; entities: CandidateEntity[] }[] }
export interface DrawnPair { id: string; domain: string; source: CandidateEntity; target: CandidateEntity }

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
function shuffled<T>(items: T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

export function draw(folder = __dirname): { development: DrawnPair[]; heldout: DrawnPair[] } {
  const { seed, domains } = JSON.parse(fs.readFileSync(path.join(folder, 'candidates.json'), 'utf8')) as Candidates;
  const pairsOf = domains.map(({ domain, entities }, d) => {
    const order = shuffled(entities, mulberry32(seed + d));
    return [0, 1].map((k) => {
      const [a, b] = [order[k]!, order[k + 1]!];
      const [source, target] = b.leaves <= a.leaves ? [a, b] : [b, a];
      return { id: `${slug(domain)}-${k + 1}`, domain, source, target };
    });
  });
  const domainOrder = shuffled(domains.map((_, d) => d), mulberry32(seed));
  const heldoutDomains = new Set(domainOrder.slice(0, 4));
  return {
    development: pairsOf.filter((_, d) => !heldoutDomains.has(d)).flat(),
    heldout: pairsOf.filter((_, d) => heldoutDomains.has(d)).flat(),
  };
}

if (require.main === module) {
  const { development, heldout } = draw(process.argv[2]);
  for (const [name, pairs] of [['development', development], ['held-out', heldout]] as const) {
    console.log(`${name}:`);
    for (const p of pairs) console.log(`  ${p.id}  ${p.source.document} ${p.source.entity} (${p.source.leaves}) → ${p.target.document} ${p.target.entity} (${p.target.leaves})`);
  }
}
