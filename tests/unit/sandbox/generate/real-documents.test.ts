// Property test over real API documents (tests/fixtures/openapi/real, 2.0, 3.0 and 3.1): for every
// schema of every operation — parameters, request bodies (request direction) and responses (response
// direction) — the generated payloads validate against it, over several seeds. The corpus-wide run is
// bench/generate-corpus.ts.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PayloadValidator } from '../../../../src/main/openapi/payload/validator';
import { documentGenerator } from '../../../../src/main/sandbox/generate';
import { operationSchemas } from '../../../../src/main/sandbox/generate/operation-schemas';

const folder = path.resolve(__dirname, '../../../fixtures/openapi/real');
const documents = fs.readdirSync(folder).filter((file) => file.endsWith('.json'));
const SEEDS = [1, 2, 3];

describe('generated payloads of real documents validate', () => {
  it('has documents of each version', () => {
    const versions = documents.map((file) => {
      const document = JSON.parse(fs.readFileSync(path.join(folder, file), 'utf8')) as { swagger?: string; openapi?: string };
      return (document.swagger ?? document.openapi)!.slice(0, 3);
    });
    expect(new Set(versions)).toEqual(new Set(['2.0', '3.0', '3.1']));
  });

  it.each(documents)('%s', (file) => {
    const document = JSON.parse(fs.readFileSync(path.join(folder, file), 'utf8')) as Record<string, unknown>;
    const schemas = operationSchemas(document);
    expect(schemas.length).toBeGreaterThan(3);
    const failures: string[] = [];
    for (const direction of ['request', 'response'] as const) {
      const validator = new PayloadValidator(document, { mode: 'open', direction });
      const generator = documentGenerator(document, { direction });
      for (const schema of schemas.filter((each) => each.direction === direction)) {
        for (const seed of SEEDS) {
          const value = schema.inline ? generator.generateFrom(schema.inline, seed, schema.name) : generator.generate(schema.pointer, seed, schema.name);
          const findings = schema.inline ? validator.validateValue(schema.pointer, schema.inline, value) : validator.validate(schema.pointer, value);
          if (findings.length > 0) failures.push(`${schema.pointer} (seed ${seed}): ${findings.map((finding) => finding.message).join('; ')} in ${JSON.stringify(value).slice(0, 300)}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });
});
