import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/temp';
import { crosswalk } from '../../helpers/cli';

const root = path.resolve(__dirname, '../../..');
const demo = (file: string) => path.join(root, 'resources/demo', file);

describe('crosswalk entities', () => {
  it('lists one entity with its fields as paths, the contract shape', () => {
    const result = crosswalk(['entities', demo('accounting.swagger.json'), 'Invoice', '--json']);
    expect(result.status).toBe(0);
    const [invoice, ...others] = JSON.parse(result.stdout);
    expect(others).toEqual([]);
    expect(invoice.name).toBe('Invoice');
    expect(Object.keys(invoice.fields[0]).sort()).toEqual(['description', 'enum', 'format', 'path', 'required', 'type']);
    const byPath = Object.fromEntries(invoice.fields.map((field: { path: string }) => [field.path, field]));
    expect(byPath['contact_id']).toMatchObject({ type: 'string', required: true });
    expect(byPath['line_items[].unit_amount']).toMatchObject({ type: 'number' });
    expect(byPath['status'].enum).toEqual(['DRAFT', 'SUBMITTED', 'AUTHORISED', 'PAID', 'VOIDED']);
    expect(byPath['issue_date']).toMatchObject({ format: 'date' });
  });

  it('lists every named schema, and only those', () => {
    const result = crosswalk(['entities', demo('crm.openapi.yaml'), '--json']);
    const names = JSON.parse(result.stdout).map((entity: { name: string }) => entity.name);
    expect(names).toEqual(expect.arrayContaining(['Customer', 'Address', 'Order', 'OrderLine']));
    expect(names.some((name: string) => name.endsWith(' request') || name.endsWith(' response'))).toBe(false);
  });

  it('names near matches when the entity does not exist', () => {
    const result = crosswalk(['entities', demo('crm.openapi.yaml'), 'Line']);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/has no schema named "Line": did you mean "OrderLine"\?/);
  });
});

describe('crosswalk add-system', () => {
  it('stores the document in the workspace with its validation', () => {
    const file = path.join(tempDir(), 'w.crosswalk');
    crosswalk(['demo', file]);
    const added = crosswalk(['add-system', file, 'Petstore', path.join(root, 'tests/fixtures/openapi/import/petstore.openapi30.yaml')]);
    expect(added).toMatchObject({ status: 0, stderr: '' });
    expect(added.stdout).toMatch(/^Added Petstore to .*: Petstore 1\.0\.7 \(OpenAPI 3\.0\.3\), \d+ entities, \d+ operations?; valid\.\n$/);
    const info = JSON.parse(crosswalk(['info', file, '--json']).stdout);
    expect(info.systems.map((system: { name: string }) => system.name)).toEqual(['CRM', 'Accounting', 'Petstore']);
  });

  it('stores nothing when the document cannot be imported', () => {
    const dir = tempDir();
    const file = path.join(dir, 'w.crosswalk');
    crosswalk(['demo', file]);
    const bad = path.join(dir, 'bad.yaml');
    fs.writeFileSync(bad, 'openapi: 3.0.3\ninfo: [unclosed\n');
    const result = crosswalk(['add-system', file, 'Bad', bad]);
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain(bad);
    expect(JSON.parse(crosswalk(['info', file, '--json']).stdout).systems).toHaveLength(2);
  });

  it('asks for consent on references outside the folder, storing nothing', () => {
    const file = path.join(tempDir(), 'w.crosswalk');
    crosswalk(['demo', file]);
    const result = crosswalk(['add-system', file, 'Outside', path.join(root, 'tests/fixtures/openapi/import/outside-refs/api/openapi.yaml')]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/outside its folder or on another server .*nothing was stored: run again with --allow-refs/);
    expect(JSON.parse(crosswalk(['info', file, '--json']).stdout).systems).toHaveLength(2);
  });
});
