// Flow roots on a real wrapped pair: PayRun.IO's Employee wraps every field in an inner Employee,
// Xero Payroll AU's does not (tests/fixtures/openapi/wrapped).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CatalogueEntity } from '../../../src/shared/catalogue';
import { buildCatalogue } from '../../../src/main/openapi/catalogue';
import { objectRoots, proposeRoot, rootEntity, singleWrapper } from '../../../src/main/mapping/roots';
import { suggestMappings } from '../../../src/main/mapping/suggest';
import { openNewSession } from '../../helpers/handlers';
import { present, withStatus } from '../../helpers/narrow';

const fixtures = path.resolve(__dirname, '../../fixtures/openapi/wrapped');
const entityOf = (file: string, id: string): CatalogueEntity =>
  present(buildCatalogue(JSON.parse(fs.readFileSync(path.join(fixtures, file), 'utf8'))).entities.find((entity) => entity.id === id), id);
const xero = () => entityOf('xero-payroll-au.openapi30.json', 'schema:Employee');
const payrun = () => entityOf('payrun-employee.openapi30.json', 'schema:Employee');

describe('flow roots', () => {
  it('proposes the single-property wrapper and an array envelope, and nothing for a plain entity', () => {
    expect(proposeRoot(payrun())).toEqual({ root: 'Employee', reason: 'Employee wraps every field' });
    expect(proposeRoot(xero())).toBeUndefined();
    // Xero's list wrapper { Employees: [Employee] }: rooted at the element.
    expect(proposeRoot(entityOf('xero-payroll-au.openapi30.json', 'schema:Employees'))?.root).toBe('Employees[]');
  });

  it('sees the entity from its root: relative paths, parents and depths', () => {
    const rooted = rootEntity(payrun(), 'Employee');
    const leaves = rooted.fields.filter((field) => field.leaf);
    expect(leaves).toHaveLength(payrun().fields.filter((field) => field.leaf).length);
    const first = present(rooted.fields.find((field) => field.path === 'FirstName'), 'FirstName');
    expect(first).toMatchObject({ depth: 0, type: 'string' });
    expect(first.parent).toBeUndefined();
    expect(present(rooted.fields.find((field) => field.path === 'Address.Address1'), 'Address.Address1')).toMatchObject({ parent: 'Address', depth: 1 });
    expect(rooted.id).not.toBe(payrun().id);
    expect(objectRoots(payrun())).toEqual(expect.arrayContaining(['Employee', 'Employee.Address', 'Employee.BankAccount']));
    expect(() => rootEntity(payrun(), 'Employee.FirstName')).toThrow(/no object "Employee.FirstName".*"Employee", "Employee.Address"/);
    const plain = xero();
    expect(rootEntity(plain, '')).toBe(plain);
  });

  it('aligns a subtree one level deeper on one side: the wrapper does not zero the scores', () => {
    const wrapped = payrun();
    expect(singleWrapper(wrapped)).toBe('Employee');
    const suggestions = suggestMappings(xero(), wrapped);
    const shown = suggestions.filter((suggestion) => suggestion.candidates.length > 0);
    // Before the alignment, one target of 61 got a suggestion; rooted by hand, 16 do.
    const byHand = suggestMappings(xero(), rootEntity(wrapped, 'Employee')).filter((suggestion) => suggestion.candidates.length > 0);
    expect(byHand.length).toBeGreaterThanOrEqual(15);
    expect(shown.map((suggestion) => suggestion.target)).toEqual(byHand.map((suggestion) => `Employee.${suggestion.target}`));
    const best = (target: string) => suggestions.find((suggestion) => suggestion.target === target)?.candidates[0]?.source;
    expect(best('Employee.FirstName')).toBe('FirstName');
    expect(best('Employee.DateOfBirth')).toBe('DateOfBirth');
    expect(best('Employee.Address.Postcode')).toBe('HomeAddress.PostalCode');
    expect(new Set(shown.map((suggestion) => suggestion.candidates[0]!.source)).size).toBeGreaterThanOrEqual(14);
  });

  it('creates a flow rooted at the wrapper: relative rows, the root stated in the spec and in the re-import impact', async () => {
    const { dir, call } = openNewSession('Payroll');
    await call('systems.import', { name: 'HR', source: { kind: 'file', path: path.join(fixtures, 'xero-payroll-au.openapi30.json') } });
    const payroll = withStatus(await call('systems.import', { name: 'Payroll', source: { kind: 'file', path: path.join(fixtures, 'payrun-employee.openapi30.json') } }), 'imported');
    expect(await call('flows.roots', { system: 'Payroll', entity: 'Employee' })).toMatchObject({ proposed: { root: 'Employee' }, roots: expect.arrayContaining(['Employee']) });
    await expect(call('flows.create', { source: { system: 'HR', entity: 'Employee' }, target: { system: 'Payroll', entity: 'Employee', root: 'Nope' } })).rejects.toThrow(/ROOT_NOT_FOUND/);

    const flow = await call('flows.create', { source: { system: 'HR', entity: 'Employee' }, target: { system: 'Payroll', entity: 'Employee', root: 'Employee' } });
    expect(flow.target).toEqual({ system: 'Payroll', entity: 'Employee', root: 'Employee' });
    const sheet = await call('mapping.sheet', { flowId: flow.id });
    expect(sheet.rows).toHaveLength(61);
    expect(sheet.rows.every((row) => !row.targetPath.startsWith('Employee.'))).toBe(true);
    expect(present(sheet.rows.find((row) => row.targetPath === 'FirstName'), 'FirstName').sourcePaths).toEqual(['FirstName']);
    expect(sheet.rows.filter((row) => row.status === 'suggested').length).toBeGreaterThanOrEqual(15);

    const spec = await call('spec.export', { format: 'json', path: path.join(dir, 'spec.json') });
    const document = JSON.parse(fs.readFileSync(spec.path, 'utf8')) as { flows: Array<{ target: { root: string }; mappings: Array<{ targetPath: string; targetType: string }> }> };
    expect(document.flows[0]!.target.root).toBe('Employee');
    expect(document.flows[0]!.mappings.find((mapping) => mapping.targetPath === 'FirstName')?.targetType).toBe('string');
    expect(document.flows[0]!.mappings.some((mapping) => mapping.targetType === 'unknown')).toBe(false);

    // The re-import's impact names the rows' fields as the document writes them (root included).
    const preview = withStatus(
      await call('systems.previewReimport', { id: payroll.system.id, source: { kind: 'file', path: path.join(fixtures, 'payrun-employee-v2.openapi30.json') } }),
      'ready',
    );
    const middle = present(sheet.rows.find((row) => row.targetPath === 'MiddleName'), 'MiddleName');
    const impact = present(preview.impact.find((item) => item.reference.id === middle.id), 'the impact on MiddleName');
    expect(impact.reference.path).toBe('Employee.MiddleName');
    expect(impact.suggestedPath).toBe('Employee.MiddleNames');
  });
});
