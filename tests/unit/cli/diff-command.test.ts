import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/temp';
import { crosswalk } from '../../helpers/cli';

const root = path.resolve(__dirname, '../../..');
const fixture = (name: string) => path.join(root, 'tests/fixtures/openapi/diff', name);

describe('crosswalk diff', () => {
  it('prints the diff as one JSON document with --json, exiting 0 despite breaking changes', () => {
    const result = crosswalk(['diff', fixture('real/adyen-transfers-v3.json'), fixture('real/adyen-transfers-v4.json'), '--json']);
    expect(result).toMatchObject({ status: 0, stderr: '' });
    const diff = JSON.parse(result.stdout);
    expect(Object.keys(diff)).toEqual(['summary', 'entities', 'operations', 'securitySchemes', 'servers']);
    expect(diff.summary.breaking).toBeGreaterThan(0);
    expect(diff.summary.total).toBe(diff.summary.breaking + diff.summary.risky + diff.summary.info);
    expect(diff.entities.changed.find((entity: { name: string }) => entity.name === 'Transfer').fields.removed.map((field: { path: string }) => field.path)).toEqual([
      'balanceAccountId',
      'paymentInstrumentId',
      'priority',
    ]);
  });

  it('prints a grouped report without --json, breaking changes first', () => {
    const result = crosswalk(['diff', fixture('orders-v1.openapi.yaml'), fixture('orders-v2.openapi.yaml')]);
    expect(result.status).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[1]).toBe('36 changes: 20 breaking, 10 risky, 6 info.');
    const groups = ['Breaking', 'Risky', 'Info'].map((title) => lines.indexOf(title));
    expect(groups).toEqual([...groups].sort((a, b) => a - b));
    expect(groups[0]).toBeGreaterThan(0);
    const breaking = lines.slice(groups[0]! + 1, groups[1]);
    expect(breaking).toContainEqual(expect.stringMatching(/^ {2}Order\.shipping +removed with 2 fields under it$/));
    expect(breaking).toContainEqual(expect.stringMatching(/^ {2}Order\.status +enum values removed: "cancelled"; enum values added: "refunded"$/));
    expect(lines.slice(groups[1]! + 1, groups[2])).toContainEqual(expect.stringMatching(/^ {2}Order\.postcode +renamed\? → postal_code \(similar name\)$/));
  });

  it('says so when nothing changed', () => {
    const file = fixture('orders-v1.openapi.yaml');
    expect(crosswalk(['diff', file, file]).stdout.split('\n')[1]).toBe('No changes.');
  });

  it.each([
    ['a missing file', () => '/nonexistent/spec.yaml', /^crosswalk: Cannot read \/nonexistent\/spec\.yaml as an API document: there is no such file\.\n$/],
    ['a folder', () => tempDir(), /as an API document: it is a folder\.\n$/],
    [
      'broken YAML',
      () => {
        const file = path.join(tempDir(), 'broken.yaml');
        fs.writeFileSync(file, 'openapi: 3.1.0\npaths: [1, 2\n');
        return file;
      },
      /broken\.yaml as an API document: it is not valid JSON or YAML \(.+\)\.\n$/,
    ],
    ['a JSON file that is not OpenAPI', () => path.join(root, 'package.json'), /package\.json as an API document: it is not an OpenAPI 3\.x or Swagger 2\.0 document\.\n$/],
  ])('exits 1 with one sentence for %s', (_label, file, message) => {
    const result = crosswalk(['diff', fixture('orders-v1.openapi.yaml'), file()]);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it.each([[['diff']], [['diff', 'one.yaml']], [['diff', 'a', 'b', 'c']]])('exits 2 for wrong usage %j', (args) => {
    const result = crosswalk(args);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/diff takes two arguments: the old and the new API document\. Run "crosswalk --help" for usage\./);
  });

  it('is explained in --help', () => {
    expect(crosswalk(['--help']).stdout).toContain('diff <old-api-doc> <new-api-doc> [--json]');
  });
});
