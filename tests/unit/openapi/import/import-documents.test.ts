// importApiDocument on real files: the demo documents, a 3.0 document, a multi-file document, cyclic
// schemas, pasted text, validation results with positions.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type ImportResult, type ImportedApiDocument, importApiDocument } from '../../../../src/main/openapi/import';
import { tempDir } from '../../../helpers/temp';

const root = path.resolve(__dirname, '../../../..');
const fixture = (name: string) => path.join(root, 'tests/fixtures/openapi/import', name);

function imported(result: ImportResult): ImportedApiDocument {
  if (result.status !== 'imported') throw new Error(`expected an import, got ${result.status}: ${result.message}`);
  return result;
}

/** Every `$ref` string in a value. */
function refsIn(value: unknown, found: string[] = [], seen = new Set<unknown>()): string[] {
  if (value === null || typeof value !== 'object' || seen.has(value)) return found;
  seen.add(value);
  for (const [key, child] of Object.entries(value)) {
    if (key === '$ref' && typeof child === 'string') found.push(child);
    else refsIn(child, found, seen);
  }
  return found;
}

describe('the demo documents', () => {
  it('imports Acme CRM (OpenAPI 3.1, YAML): verbatim text, identity, catalogue, then a valid result', async () => {
    const file = path.join(root, 'resources/demo/crm.openapi.yaml');
    const result = imported(await importApiDocument(file));
    expect(result.text).toBe(fs.readFileSync(file, 'utf8'));
    expect(result).toMatchObject({ format: 'yaml', openapiVersion: '3.1.0', title: 'Acme CRM API', version: '2.4.0', files: [], followedRefs: [] });
    expect(result.source).toEqual({ kind: 'file', location: fs.realpathSync(file) });
    expect(result.catalogue.entities.map((entity) => entity.id)).toContain('schema:Order');
    expect(result.catalogue.securitySchemes.map((scheme) => [scheme.name, scheme.type])).toEqual([
      ['oauth2', 'oauth2'],
      ['bearerAuth', 'bearer'],
    ]);
    expect(await result.validation).toMatchObject({ valid: true, errors: [], errorCount: 0, mode: 'schema' });
  });

  it('imports Ledgerly Accounting (Swagger 2.0, JSON), Swagger spec rules included', async () => {
    const result = imported(await importApiDocument(path.join(root, 'resources/demo/accounting.swagger.json')));
    expect(result).toMatchObject({ format: 'json', openapiVersion: '2.0', title: 'Ledgerly Accounting API', version: '1.12' });
    expect(result.catalogue.entities.filter((entity) => entity.kind === 'schema')).toHaveLength(7);
    expect(await result.validation).toMatchObject({ valid: true, errors: [] });
  });

  it('validates the same way with swagger-parser\'s full validate() on request', async () => {
    const result = imported(await importApiDocument(path.join(root, 'resources/demo/accounting.swagger.json'), { validation: 'full' }));
    expect(await result.validation).toMatchObject({ valid: true, mode: 'full' });
  });
});

describe('OpenAPI 3.0', () => {
  it('imports a 3.0 YAML document with its servers and security scheme', async () => {
    const result = imported(await importApiDocument(fixture('petstore.openapi30.yaml')));
    expect(result).toMatchObject({ openapiVersion: '3.0.3', title: 'Petstore', version: '1.0.7', format: 'yaml' });
    expect(result.catalogue.servers.map((server) => [server.url, server.environment])).toEqual([
      ['https://sandbox.petstore.example/v1', 'sandbox'],
      ['https://api.petstore.example/v1', 'production'],
    ]);
    expect(result.catalogue.entities.find((entity) => entity.id === 'schema:Pet')?.fields.map((field) => field.path)).toEqual([
      'id',
      'name',
      'tag',
      'owner',
      'owner.email',
    ]);
    expect((await result.validation).valid).toBe(true);
  });

  it('imports a document that fails validation, and reports each problem with its pointer, line and column', async () => {
    const result = imported(await importApiDocument(fixture('invalid.openapi30.yaml')));
    expect(result.catalogue.operations.map((operation) => operation.id)).toEqual(['GET /things', 'POST /things']);
    const validation = await result.validation;
    expect(validation.valid).toBe(false);
    expect(validation.errors).toContainEqual({
      message: "must have required property 'responses'",
      path: '/paths/~1things/post',
      line: 18,
      column: 5,
    });
    expect(validation.errors).toContainEqual({
      message: 'must be one of: "path", "query", "header", "cookie"',
      path: '/paths/~1things/get/parameters/0/in',
      line: 13,
      column: 11,
    });
  });

  it('gives JSON validation errors a line and column too', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'broken.json');
    fs.writeFileSync(
      file,
      JSON.stringify({ openapi: '3.0.3', info: { title: 'T', version: '1' }, paths: { '/a': { get: { operationId: 'a' } } } }, null, 2),
    );
    const validation = await imported(await importApiDocument(file)).validation;
    expect(validation.errors).toEqual([{ message: "must have required property 'responses'", path: '/paths/~1a/get', line: 9, column: 7 }]);
  });

  it('reports a $ref to nothing as a validation error, not an import failure', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'dangling.yaml');
    fs.writeFileSync(
      file,
      'openapi: 3.0.3\ninfo: {title: T, version: "1"}\npaths: {}\ncomponents:\n  schemas:\n    A:\n      type: object\n      properties:\n        b: {$ref: "#/components/schemas/Missing"}\n',
    );
    const result = imported(await importApiDocument(file));
    expect(result.catalogue.entities.map((entity) => entity.id)).toEqual(['schema:A']);
    const validation = await result.validation;
    expect(validation.errors).toContainEqual({
      message: '$ref "#/components/schemas/Missing" points to nothing in the document',
      path: '/components/schemas/A/properties/b',
      line: 9,
      column: 9,
    });
  });
});

describe('multi-file documents', () => {
  it('bundles relative references from a nested folder into one document with internal refs only', async () => {
    const rootFile = fixture('multi-file/api/v1/openapi.yaml');
    const result = imported(await importApiDocument(rootFile));
    expect(result.text).toBe(fs.readFileSync(rootFile, 'utf8'));
    expect(result.files.map((file) => path.relative(path.dirname(rootFile), file.location)).sort()).toEqual([
      'common.json',
      'paths/orders.yaml',
      'schemas/order.yaml',
    ]);
    for (const file of result.files) expect(file.text).toBe(fs.readFileSync(file.location, 'utf8'));
    expect(result.files.find((file) => file.location.endsWith('common.json'))?.format).toBe('json');
    expect(result.followedRefs).toEqual([]);

    const refs = refsIn(result.document);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) expect(ref.startsWith('#')).toBe(true);

    const order = result.catalogue.entities.find((entity) => entity.id === 'schema:Order');
    expect(order?.fields.map((field) => field.path)).toEqual(expect.arrayContaining(['id', 'total', 'total.amount', 'total.currency', 'lines', 'lines[].sku']));
    expect(result.catalogue.operations.map((operation) => operation.id)).toEqual(['GET /orders']);
    expect(result.catalogue.warnings).toEqual([]);
    expect(await result.validation).toMatchObject({ valid: true });
  });

  it('stops at a reference to a file that does not exist, naming it', async () => {
    const dir = tempDir();
    fs.writeFileSync(
      path.join(dir, 'api.yaml'),
      'openapi: 3.0.3\ninfo: {title: T, version: "1"}\npaths: {}\ncomponents:\n  schemas:\n    A: {$ref: "./schemas/a.yaml"}\n',
    );
    await expect(importApiDocument(path.join(dir, 'api.yaml'))).rejects.toThrow(
      `refers to "./schemas/a.yaml" (at #/components/schemas/A), but there is no file ${path.join(fs.realpathSync(dir), 'schemas/a.yaml')}: add the file or fix the reference.`,
    );
  });

  it('stops at a reference into a file that lacks the pointed-to part', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'api.yaml'), 'openapi: 3.0.3\ninfo: {title: T, version: "1"}\npaths: {}\ncomponents:\n  schemas:\n    A: {$ref: "common.yaml#/Nope"}\n');
    fs.writeFileSync(path.join(dir, 'common.yaml'), 'Yes: {type: string}\n');
    await expect(importApiDocument(path.join(dir, 'api.yaml'))).rejects.toThrow(/points to #\/Nope, which .*common\.yaml does not have: fix the reference or the file\./);
  });
});

describe('cyclic schemas', () => {
  it('imports self-referencing and mutually recursive schemas and validates them', async () => {
    const result = imported(await importApiDocument(fixture('cyclic.openapi.json')));
    const node = result.catalogue.entities.find((entity) => entity.id === 'schema:Node');
    expect(node?.fields.find((field) => field.path === 'parent')).toMatchObject({ recursive: true, ref: 'Node' });
    expect(await result.validation).toMatchObject({ valid: true });
  });

  it('validates them with the full validator too', async () => {
    const result = imported(await importApiDocument(fixture('cyclic.openapi.json'), { validation: 'full' }));
    expect(await result.validation).toMatchObject({ valid: true, mode: 'full' });
  });

  it('bundles files that reference each other in a cycle', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'api.yaml'), 'openapi: 3.0.3\ninfo: {title: T, version: "1"}\npaths: {}\ncomponents:\n  schemas:\n    A: {$ref: "a.yaml"}\n');
    fs.writeFileSync(path.join(dir, 'a.yaml'), 'type: object\nproperties:\n  b: {$ref: "b.yaml"}\n');
    fs.writeFileSync(path.join(dir, 'b.yaml'), 'type: object\nproperties:\n  a: {$ref: "a.yaml"}\n');
    const result = imported(await importApiDocument(path.join(dir, 'api.yaml')));
    expect(result.files).toHaveLength(2);
    // b.yaml's reference back to a.yaml is now one to the schema a.yaml became.
    expect(refsIn(result.document)).toEqual(['#/components/schemas/A']);
    expect(result.catalogue.entities[0]?.fields.map((field) => field.path)).toEqual(expect.arrayContaining(['b', 'b.a']));
    expect((await result.validation).valid).toBe(true);
  });
});

describe('pasted text', () => {
  it('imports pasted YAML', async () => {
    const text = fs.readFileSync(fixture('petstore.openapi30.yaml'), 'utf8');
    const result = imported(await importApiDocument({ text }));
    expect(result).toMatchObject({ text, title: 'Petstore', format: 'yaml', source: { kind: 'text', location: 'pasted text' } });
    expect((await result.validation).valid).toBe(true);
  });

  it('imports pasted JSON', async () => {
    const text = fs.readFileSync(path.join(root, 'resources/demo/accounting.swagger.json'), 'utf8');
    const result = imported(await importApiDocument({ text }));
    expect(result).toMatchObject({ format: 'json', openapiVersion: '2.0' });
  });

  it('lists file references of pasted text without a folder, and follows them when given one', async () => {
    const text = fs.readFileSync(fixture('multi-file/api/v1/openapi.yaml'), 'utf8');
    const withoutFolder = await importApiDocument({ text });
    expect(withoutFolder.status).toBe('needs-consent');
    if (withoutFolder.status !== 'needs-consent') return;
    expect(withoutFolder.refs).toEqual([
      { ref: './paths/orders.yaml', from: 'The pasted text#/paths/~1orders', kind: 'outside-folder', target: './paths/orders.yaml' },
      { ref: './schemas/order.yaml#/Order', from: 'The pasted text#/components/schemas/Order', kind: 'outside-folder', target: './schemas/order.yaml' },
      { ref: 'common.json#/Money', from: 'The pasted text#/components/schemas/Money', kind: 'outside-folder', target: 'common.json' },
    ]);
    await expect(importApiDocument({ text }, { allowAll: true })).rejects.toThrow(
      'The pasted text refers to "./paths/orders.yaml" (at #/paths/~1orders), which cannot be found without knowing the document\'s folder: import the file itself, or give the folder it belongs in.',
    );

    const withFolder = imported(await importApiDocument({ text, baseFolder: fixture('multi-file/api/v1') }));
    expect(withFolder.files).toHaveLength(3);
    expect(withFolder.catalogue.entities.map((entity) => entity.id)).toEqual(['schema:Order', 'schema:Money']);
  });

  it('refuses text that is not an API document', async () => {
    await expect(importApiDocument({ text: '{"$schema": "http://json-schema.org/draft-07/schema#", "type": "object"}' })).rejects.toThrow(
      'The pasted text is neither Swagger 2.0 nor OpenAPI 3.x: it has no `openapi` or `swagger` field; choose the API document itself (a JSON Schema or an example payload is not one).',
    );
    await expect(importApiDocument({ text: '   \n' })).rejects.toThrow('The pasted text is empty');
  });
});

describe('versions', () => {
  it.each([
    ['openapi: 3.2.0\ninfo: {title: T, version: "1"}\npaths: {}\n', 'The pasted text is OpenAPI 3.2.0, which Crosswalk cannot read: it reads Swagger 2.0 and OpenAPI 3.0 and 3.1'],
    ['swagger: "1.2"\ninfo: {title: T, version: "1"}\n', 'The pasted text is Swagger 1.2, which Crosswalk cannot read'],
    ['openapi: 3.0\ninfo: {title: T, version: "1"}\npaths: {}\n', 'The pasted text gives its openapi version as 3, not as text: write it in quotes, e.g. openapi: "3.0.3".'],
    ['- a\n- b\n', 'The pasted text is neither Swagger 2.0 nor OpenAPI 3.x: it is a list, not an object'],
    ['just some words\n', 'The pasted text is neither Swagger 2.0 nor OpenAPI 3.x: it is a single text value'],
  ])('refuses %j clearly', async (text, message) => {
    await expect(importApiDocument({ text })).rejects.toThrow(message);
  });
});

describe('validation control', () => {
  it('settles validation as incomplete when the caller cancels it', async () => {
    const result = imported(await importApiDocument(path.join(root, 'resources/demo/crm.openapi.yaml')));
    result.cancelValidation();
    expect(await result.validation).toMatchObject({ valid: false, incomplete: 'Validation was cancelled.' });
  });

  it('stops validation at its time limit, and the import stands', async () => {
    const result = imported(await importApiDocument(path.join(root, 'resources/demo/crm.openapi.yaml'), { limits: { validationTimeoutMs: 1 } }));
    expect(result.catalogue.entities.length).toBeGreaterThan(0);
    expect(await result.validation).toMatchObject({
      valid: false,
      incomplete: 'Validation was stopped after 0.001 seconds, its time limit; the document imported, but it is not known whether it is valid.',
    });
  });

  it('skips validation when asked', async () => {
    const result = imported(await importApiDocument(path.join(root, 'resources/demo/crm.openapi.yaml'), { validation: false }));
    expect(await result.validation).toMatchObject({ incomplete: 'Validation was not requested.' });
  });
});
