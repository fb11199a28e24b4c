// `crosswalk import <spec> [--json] [--allow-refs]`: the JSON contract on the demo documents, the
// readable summary, and the exit statuses.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../helpers/temp';
import { crosswalk } from '../../../helpers/cli';

const root = path.resolve(__dirname, '../../../..');
const fixtures = path.join(root, 'tests/fixtures/openapi/import');

describe('crosswalk import --json', () => {
  it('prints the contract for Acme CRM (OpenAPI 3.1, YAML)', () => {
    const result = crosswalk(['import', path.join(root, 'resources/demo/crm.openapi.yaml'), '--json']);
    expect(result).toMatchObject({ status: 0, stderr: '' });
    expect(result.stdout.trim().split('\n')).toHaveLength(1);
    const output = JSON.parse(result.stdout);
    expect(Object.keys(output)).toEqual(['title', 'version', 'specVersion', 'openapiVersion', 'entities', 'fields', 'operations', 'securitySchemes', 'servers', 'validation']);
    expect(output).toEqual({
      title: 'Acme CRM API',
      version: '2.4.0',
      specVersion: '3.1.0',
      openapiVersion: '3.1.0',
      entities: 9,
      fields: 193,
      operations: 8,
      securitySchemes: [
        { name: 'oauth2', type: 'oauth2' },
        { name: 'bearerAuth', type: 'bearer' },
      ],
      servers: [
        { url: 'https://sandbox.api.acme-crm.example/v2', description: 'Sandbox – test data, reset nightly', environment: 'sandbox' },
        { url: 'https://api.acme-crm.example/v2', description: 'Production', environment: 'production' },
      ],
      validation: { valid: true, errors: [] },
    });
  });

  it('prints the contract for Ledgerly Accounting (Swagger 2.0, JSON)', () => {
    const result = crosswalk(['import', path.join(root, 'resources/demo/accounting.swagger.json'), '--json']);
    expect(result).toMatchObject({ status: 0, stderr: '' });
    expect(JSON.parse(result.stdout)).toEqual({
      title: 'Ledgerly Accounting API',
      version: '1.12',
      specVersion: '2.0',
      openapiVersion: '2.0',
      entities: 7,
      fields: 167,
      operations: 9,
      securitySchemes: [
        { name: 'apiKey', type: 'apiKey' },
        { name: 'basicAuth', type: 'basic' },
      ],
      servers: [{ url: 'https://sandbox.ledgerly.example/api/v1', description: null, environment: 'sandbox' }],
      validation: { valid: true, errors: [] },
    });
  });

  it('exits 0 with the validation errors when the document imports but is invalid', () => {
    const result = crosswalk(['import', path.join(fixtures, 'invalid.openapi30.yaml'), '--json']);
    expect(result.status).toBe(0);
    const output = JSON.parse(result.stdout);
    expect(output.validation.valid).toBe(false);
    expect(output.validation.errors).toContainEqual({ message: "must have required property 'responses'", path: '/paths/~1things/post' });
    for (const error of output.validation.errors) expect(Object.keys(error)).toEqual(['message', 'path']);
  });
});

describe('crosswalk import (readable)', () => {
  it('summarizes the document and says validation problems did not stop the import', () => {
    const result = crosswalk(['import', path.join(fixtures, 'invalid.openapi30.yaml')]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Invalid but importable 1  [OpenAPI 3.0.3, YAML]');
    expect(result.stdout).toContain('Validation: 3 problems (the document imported anyway; fix them in the source if you can):');
    expect(result.stdout).toContain("  /paths/~1things/post (line 18, column 5): must have required property 'responses'");
  });

  it('reports a valid document as valid', () => {
    const result = crosswalk(['import', path.join(fixtures, 'petstore.openapi30.yaml')]);
    expect(result.stdout).toMatch(/^Petstore 1\.0\.7 {2}\[OpenAPI 3\.0\.3, YAML\]\n/);
    expect(result.stdout).toContain('Entities (2): 2 named schemas with 6 fields, 0 inline bodies');
    expect(result.stdout).toContain('Validation: the document is valid.');
  });
});

describe('crosswalk import errors', () => {
  it('exits 1 with one sentence for a file that does not exist', () => {
    const result = crosswalk(['import', '/nonexistent/api.yaml', '--json']);
    expect(result).toEqual({ status: 1, stdout: '', stderr: 'crosswalk: There is no file at /nonexistent/api.yaml: check the path.\n' });
  });

  it('exits 1 without a stack trace for a document that is not OpenAPI', () => {
    const file = path.join(tempDir(), 'schema.json');
    fs.writeFileSync(file, '{"type": "object"}');
    const result = crosswalk(['import', file]);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      `crosswalk: ${file} is neither Swagger 2.0 nor OpenAPI 3.x: it has no \`openapi\` or \`swagger\` field; choose the API document itself (a JSON Schema or an example payload is not one).\n`,
    );
  });

  it('exits 1 listing references outside the folder, and follows them with --allow-refs', () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'api'));
    fs.writeFileSync(path.join(dir, 'api/openapi.yaml'), 'openapi: 3.0.3\ninfo: {title: T, version: "1"}\npaths: {}\ncomponents:\n  schemas:\n    Thing: {$ref: "../thing.yaml"}\n');
    fs.writeFileSync(path.join(dir, 'thing.yaml'), 'type: object\nproperties:\n  name: {type: string}\n');
    const spec = path.join(dir, 'api/openapi.yaml');
    const target = path.join(fs.realpathSync(dir), 'thing.yaml');

    const refused = crosswalk(['import', spec, '--json']);
    expect(refused).toMatchObject({ status: 1, stdout: '' });
    expect(refused.stderr).toBe(
      `crosswalk: ${spec} refers to documents outside its folder or on another server, which were not read: "../thing.yaml" at ${fs.realpathSync(spec)}#/components/schemas/Thing (outside the folder: ${target}); run again with --allow-refs to follow them.\n`,
    );

    const allowed = crosswalk(['import', spec, '--json', '--allow-refs']);
    expect(allowed.status).toBe(0);
    expect(JSON.parse(allowed.stdout)).toMatchObject({ entities: 1, fields: 1, validation: { valid: true } });
    expect(allowed.stderr).toContain("crosswalk: followed 1 reference(s) outside the document's folder or server (--allow-refs)");
  });

  it.each([
    [['import'], /import takes one argument/],
    [['import', 'a.yaml', 'b.yaml'], /import takes one argument/],
    [['import', 'a.yaml', '--allow'], /Unknown option '--allow'/],
  ])('exits 2 for wrong usage %j', (args, message) => {
    const result = crosswalk(args);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toContain('Run "crosswalk --help" for usage.');
  });

  it('explains the command in --help', () => {
    expect(crosswalk(['--help']).stdout).toContain('import <api-doc> [--json] [--allow-refs]');
  });
});
