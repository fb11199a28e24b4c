// Reading documents nobody here wrote: the committed third-party suites (tests/fixtures/third-party/) where
// they showed a false error, a leaking message or a missed problem.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importApiDocument } from '../../../../src/main/openapi/import';
import { localPointerExists } from '../../../../src/main/openapi/load/pointer';
import { THIRD_PARTY_ROOT } from '../../../helpers/third-party';

const swaggerParser = (file: string) => path.join(THIRD_PARTY_ROOT, 'swagger-parser/specs', file);

async function imported(file: string) {
  const result = await importApiDocument(file);
  if (result.status !== 'imported') throw new Error(`expected ${file} to import, got ${result.status}`);
  return { result, validation: await result.validation };
}

describe('$ref pointers that pass through another $ref (item 9)', () => {
  it('callbacks-promises.yaml: enum values referenced through a property that is itself a $ref are not broken', async () => {
    const { validation } = await imported(swaggerParser('callbacks-promises/callbacks-promises.yaml'));
    expect(validation.errors).toEqual([]);
    expect(validation.valid).toBe(true);
  });

  it('deep-circular.yaml: the same through a $ref to another file is left to the bundler, which resolves it', async () => {
    const { validation } = await imported(swaggerParser('deep-circular/deep-circular.yaml'));
    expect(validation.errors).toEqual([]);
    expect(validation.valid).toBe(true);
  });
});

describe('localPointerExists', () => {
  const root = {
    definitions: {
      a: { $ref: '#/definitions/b' },
      b: { $ref: '#/definitions/c', description: 'own' },
      c: { type: 'string', title: 'C' },
      loop: { $ref: '#/definitions/loop' },
      far: { $ref: 'other.yaml#/Thing' },
    },
  };
  it('follows $refs along the path, prefers a key the object has itself, and still finds what is missing', () => {
    expect(localPointerExists(root, '#/definitions/a/title')).toBe(true);
    expect(localPointerExists(root, '#/definitions/b/description')).toBe(true);
    expect(localPointerExists(root, '#/definitions/a/format')).toBe(false);
    expect(localPointerExists(root, '#/definitions/loop/type')).toBe(false);
    expect(localPointerExists(root, '#/definitions/far/anything')).toBe(true);
    expect(localPointerExists(root, '#/nothing')).toBe(false);
  });
});
