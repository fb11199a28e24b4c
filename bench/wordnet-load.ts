// What the WordNet cut (src/main/mapping/suggest/data/wordnet.json) costs: its size, the time to load it (the first
// import of wordnet.ts, which parses it) and the heap it holds, beside the time to relate the words of a run.
//   npx tsx bench/wordnet-load.ts
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const FILE = path.join(__dirname, '..', 'src', 'main', 'mapping', 'suggest', 'data', 'wordnet.json');

async function main(): Promise<void> {
  const bytes = fs.readFileSync(FILE);
  console.log(`cut file: ${(bytes.length / 1024).toFixed(0)} KB (${(gzipSync(bytes).length / 1024).toFixed(0)} KB gzipped)`);
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const start = process.hrtime.bigint();
  const wordnet = await import('../src/main/mapping/suggest/wordnet');
  const loadMs = Number(process.hrtime.bigint() - start) / 1e6;
  global.gc?.();
  const heapAfter = process.memoryUsage().heapUsed;
  // The same text parsed alone, without the module machinery around it.
  const parseStart = process.hrtime.bigint();
  JSON.parse(bytes.toString('utf8'));
  const parseMs = Number(process.hrtime.bigint() - parseStart) / 1e6;
  const words = Object.keys((JSON.parse(bytes.toString('utf8')) as { senses: Record<string, unknown> }).senses);
  const relateStart = process.hrtime.bigint();
  const related = wordnet.lexicalRelations(words);
  const relateMs = Number(process.hrtime.bigint() - relateStart) / 1e6;
  console.log(`load (first import, parse included): ${loadMs.toFixed(1)} ms; JSON.parse alone ${parseMs.toFixed(1)} ms`);
  console.log(`heap held after load: ${((heapAfter - heapBefore) / 1024 / 1024).toFixed(2)} MB${global.gc ? '' : ' (run with --expose-gc for a settled figure)'}`);
  console.log(`relating all ${words.length} words of the cut at once (a run relates only its own words): ${relateMs.toFixed(1)} ms, ${related.size} words with a relation`);
}

void main();
