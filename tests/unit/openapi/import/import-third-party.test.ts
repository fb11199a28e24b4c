// Reading documents nobody here wrote: the committed third-party suites (tests/fixtures/third-party/) where
// they showed a false error, a leaking message or a missed problem.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importApiDocument } from '../../../../src/main/openapi/import';
import { localPointerExists } from '../../../../src/main/openapi/load/pointer';
import { tempDir } from '../../../helpers/temp';
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

describe('empty referenced files (item 10)', () => {
  it("Redocly's reference-ending-in-hash: a referenced file holding {} is an empty schema and imports", async () => {
    const { result } = await imported(path.join(THIRD_PARTY_ROOT, 'redocly-bundle/bundle/reference-ending-in-hash/openapi.yaml'));
    expect(result.files.map((file) => path.basename(file.location))).toEqual(['Pet.json']);
    const schema = (result.document as { paths: Record<string, { get: { responses: { 200: { content: Record<string, { schema: unknown }> } } } }> }).paths['/pets/{petId}']!.get.responses[200].content['application/json']!.schema;
    expect(schema).toEqual({});
  });

  it("swagger-parser's unknown.yaml: an empty referenced file is blamed as the reference's target, naming where it is referenced", async () => {
    const document = swaggerParser('unknown/unknown.yaml');
    const error = await importApiDocument(document).then(
      () => undefined,
      (caught: unknown) => caught as Error & { code: string },
    );
    expect(error?.code).toBe('API_DOC_REF_EMPTY');
    expect(error?.message).toBe(
      `${document} refers to "files/blank" (at #/paths/~1files~1blank/get/responses/200/schema/default), but ${swaggerParser('unknown/files/blank')} is empty: a $ref must point at a JSON or YAML file (an empty schema is written {}); fill the file or remove the reference.`,
    );
    expect(error?.message).not.toMatch(/crosswalk|choose the API document/);
  });
});

describe('what the OpenAPI document schemas leave unchecked (item 11)', () => {
  it('OpenAPI 3.1 Schema Objects are checked against their dialect, nested ones included', async () => {
    const file = path.join(tempDir(), 'openapi.yaml');
    fs.writeFileSync(
      file,
      [
        'openapi: 3.1.0',
        'info: {title: T, version: "1"}',
        'paths:',
        '  /pets:',
        '    get:',
        '      responses:',
        '        "200":',
        '          description: ok',
        '          content:',
        '            application/json:',
        '              schema: {type: object, properties: {nested: {type: 7}}}',
        'components:',
        '  schemas:',
        '    Pet: {type: object, discriminator: true, properties: {kind: {type: string, xml: {wrapped: "yes"}}}}',
        '    Fine: {type: object, discriminator: {propertyName: kind}, properties: {kind: {type: string}}}',
        '',
      ].join('\n'),
    );
    const { validation } = await imported(file);
    expect(validation.valid).toBe(false);
    expect(validation.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: '/components/schemas/Pet/discriminator', message: 'must be object', line: 14 }),
        expect.objectContaining({ path: '/components/schemas/Pet/properties/kind/xml/wrapped', message: 'must be boolean' }),
        expect.objectContaining({ path: '/paths/~1pets/get/responses/200/content/application~1json/schema/properties/nested/type' }),
      ]),
    );
    expect(validation.errors.some((error) => error.path.startsWith('/components/schemas/Fine'))).toBe(false);
  });

  it("swagger-parser's ref-to-invalid-path.yaml: a path item whose $ref points at a schema is an error at that path", async () => {
    const { validation } = await imported(swaggerParser('validate-schema/invalid/ref-to-invalid-path.yaml'));
    expect(validation.errors).toEqual([
      expect.objectContaining({
        path: '/paths/~1products',
        message: '$ref "#/definitions/products" must point to a path item (operations such as get or post), but what it points to has "type", "properties" (it is a schema): point it at a path item',
      }),
    ]);
  });

  it('the OpenAPI Initiative\'s 3.1 examples stay valid', async () => {
    for (const name of ['webhook-example.yaml', 'non-oauth-scopes.yaml']) {
      const { validation } = await imported(path.join(THIRD_PARTY_ROOT, 'oai-examples/examples/v3.1', name));
      expect(validation.errors).toEqual([]);
    }
  });
});

describe('messages (item 12)', () => {
  it("swagger-parser's no-paths-or-webhooks.yaml: openapi \"3.1\" is named as a missing patch number, not as an unsupported version", async () => {
    const document = swaggerParser('invalid/no-paths-or-webhooks.yaml');
    await expect(importApiDocument(document)).rejects.toThrow(
      `${document} gives its openapi version as "3.1", without the patch number OpenAPI requires: write openapi: "3.1.0" (or the exact 3.1.x release it follows).`,
    );
  });

  it('duplicate parameters are named with the place of the second one, not as a raw SyntaxError at ""', async () => {
    const { validation } = await imported(swaggerParser('validate-spec/invalid/duplicate-operation-params.yaml'));
    expect(validation.errors).toEqual([
      expect.objectContaining({
        path: '/paths/~1users~1{username}/get/parameters/4',
        message: 'lists the path parameter "username" twice (at indexes 0 and 4): remove one, a parameter is identified by its name and location',
        line: 25,
      }),
    ]);
    const pathLevel = await imported(swaggerParser('validate-spec/invalid/duplicate-path-params.yaml'));
    expect(pathLevel.validation.errors).toEqual([expect.objectContaining({ path: '/paths/~1users~1{username}/parameters/4' })]);
  });

  it('pointers name a parameter by its index and never end in the apostrophe the message quotes them with', async () => {
    const input = await imported(swaggerParser('validate-spec/invalid/required-property-not-defined-input.yaml'));
    expect(input.validation.errors.map((error) => error.path)).toEqual(['/paths/~1pets/post/parameters/0']);
    const definitions = await imported(swaggerParser('validate-spec/invalid/required-property-not-defined-definitions.yaml'));
    expect(definitions.validation.errors.map((error) => error.path)).toEqual(['/definitions/Pet']);
    const ids = await imported(swaggerParser('validate-spec/invalid/duplicate-operation-ids.yaml'));
    expect(ids.validation.errors).toEqual([expect.objectContaining({ path: '/paths/~1users/post/operationId' })]);
  });
});

describe('HTTP authentication scheme names (item 13)', () => {
  it("the OpenAPI Initiative's tic-tac-toe example (scheme: Bearer) is valid: scheme names are case-insensitive", async () => {
    for (const name of ['tictactoe.yaml', 'tictactoe.json']) {
      const { result, validation } = await imported(path.join(THIRD_PARTY_ROOT, 'oai-examples/examples/v3.1', name));
      expect(validation.errors).toEqual([]);
      // validation's copy is lowered, the imported document is not
      expect((result.document as { components: { securitySchemes: Record<string, { scheme?: string }> } }).components.securitySchemes.bearerHttpAuthentication!.scheme).toBe('Bearer');
    }
  });

  it('a bearerFormat on a scheme that is not bearer is still an error', async () => {
    const file = path.join(tempDir(), 'openapi.yaml');
    fs.writeFileSync(
      file,
      'openapi: 3.1.0\ninfo: {title: T, version: "1"}\npaths: {}\ncomponents:\n  securitySchemes:\n    basic: {type: http, scheme: Basic, bearerFormat: JWT}\n',
    );
    const { validation } = await imported(file);
    expect(validation.errors).toEqual(expect.arrayContaining([expect.objectContaining({ path: '/components/securitySchemes/basic' })]));
  });
});

describe('a $ref to another file with sibling keywords (item 18)', () => {
  it("Redocly's sibling-refs-root-external-file: BadRequest keeps BaseProblem's properties beside its own", async () => {
    const { result, validation } = await imported(path.join(THIRD_PARTY_ROOT, 'redocly-bundle/bundle/sibling-refs-root-external-file/openapi.yaml'));
    const badRequest = result.catalogue.entities.find((entity) => entity.id === 'schema:BadRequest')!;
    expect(badRequest.fields.map((field) => [field.path, field.type, field.required])).toEqual([
      ['title', 'string', false],
      ['status', 'integer', true],
    ]);
    expect(validation.errors).toEqual([]);
  });
});
