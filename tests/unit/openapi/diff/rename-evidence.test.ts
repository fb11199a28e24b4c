// A rename needs evidence beyond a shared word; a change that breaks mappings is breaking.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCatalogue } from '../../../../src/main/openapi/catalogue';
import { diffCatalogues } from '../../../../src/main/openapi/diff';
import { openNewSession } from '../../../helpers/handlers';
import { withStatus } from '../../../helpers/narrow';

const documentWith = (properties: Record<string, unknown>) =>
  buildCatalogue({ openapi: '3.0.3', info: { title: 'HR', version: '1' }, paths: {}, components: { schemas: { Person: { type: 'object', properties } } } });
const string = { type: 'string' };
const renamesOf = (before: Record<string, unknown>, after: Record<string, unknown>) =>
  diffCatalogues(documentWith(before), documentWith(after)).entities.changed[0]!.fields.renamed.map((rename) => `${rename.from.path} → ${rename.to.path}`);

describe('rename candidates', () => {
  it('are not named for a shared word alone', () => {
    // `employee` starts `employeeList`, but they share nothing else (place, children): removed and added, not renamed.
    expect(renamesOf({ id: string, employee: { type: 'object', properties: { name: string, email: string } } }, { id: string, extra: string, employeeList: { type: 'object', properties: { total: { type: 'integer' } } } })).toEqual([]);
    expect(renamesOf({ id: string, name: string, zip: string }, { id: string, zipArea: string, name: string, extra: string })).toEqual([]);
  });

  it('are named with most of the name, the same place, or the same children', () => {
    expect(renamesOf({ id: string, postcode: string }, { id: string, postal_code: string })).toEqual(['postcode → postal_code']);
    expect(renamesOf({ id: string, zip: string, name: string }, { id: string, zipArea: string, name: string })).toEqual(['zip → zipArea']);
    expect(
      renamesOf({ employee: { type: 'object', properties: { name: string, email: string } }, id: string }, { id: string, extra: string, employeeRecord: { type: 'object', properties: { name: string, email: string } } }),
    ).toEqual(['employee → employeeRecord']);
  });

  it('count as breaking once a mapping row uses the renamed field (the real wrapped pair)', async () => {
    const fixtures = path.resolve(__dirname, '../../../fixtures/openapi/wrapped');
    const { call } = openNewSession('Payroll');
    await call('systems.import', { name: 'HR', source: { kind: 'file', path: path.join(fixtures, 'xero-payroll-au.openapi30.json') } });
    const payroll = withStatus(await call('systems.import', { name: 'Payroll', source: { kind: 'file', path: path.join(fixtures, 'payrun-employee.openapi30.json') } }), 'imported');
    const plain = diffCatalogues(
      buildCatalogue(JSON.parse(fs.readFileSync(path.join(fixtures, 'payrun-employee.openapi30.json'), 'utf8'))),
      buildCatalogue(JSON.parse(fs.readFileSync(path.join(fixtures, 'payrun-employee-v2.openapi30.json'), 'utf8'))),
    );
    const rename = plain.entities.changed.find((entity) => entity.name === 'Employee')!.fields.renamed;
    expect(rename.map((each) => [each.from.path, each.to.path, each.severity])).toEqual([['Employee.MiddleName', 'Employee.MiddleNames', 'risky']]);

    const flow = await call('flows.create', { source: { system: 'HR', entity: 'Employee' }, target: { system: 'Payroll', entity: 'Employee', root: 'Employee' } });
    await call('mapping.sheet', { flowId: flow.id });
    const preview = withStatus(
      await call('systems.previewReimport', { id: payroll.system.id, source: { kind: 'file', path: path.join(fixtures, 'payrun-employee-v2.openapi30.json') } }),
      'ready',
    );
    const employee = preview.diff.entities.changed.find((entity) => entity.name === 'Employee')!;
    expect(employee.fields.renamed[0]!.severity).toBe('breaking');
    expect(preview.diff.summary.breaking).toBe(plain.summary.breaking + 1);
    expect(preview.diff.summary.risky).toBe(plain.summary.risky - 1);
    expect(preview.impact.filter((impact) => impact.status === 'broken').length).toBeGreaterThanOrEqual(2);
  });
});
