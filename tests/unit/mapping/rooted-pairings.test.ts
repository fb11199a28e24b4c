// One convention in a rooted flow: rows, array pairings and the entities the screen shows all use paths
// relative to the flow's roots (Xero Payroll AU's Employee, rooted at its OpeningBalances object).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openNewSession } from '../../helpers/handlers';
import { withStatus } from '../../helpers/narrow';

const fixtures = path.resolve(__dirname, '../../fixtures/openapi/wrapped');

async function rootedFlow() {
  const opened = openNewSession('Rooted');
  const { call } = opened;
  const hr = withStatus(await call('systems.import', { name: 'HR', source: { kind: 'file', path: path.join(fixtures, 'xero-payroll-au.openapi30.json') } }), 'imported');
  const side = { system: 'HR', entity: 'Employee', root: 'OpeningBalances' };
  const flow = await call('flows.create', { name: 'Opening balances', source: side, target: side });
  return { ...opened, hr: hr.system, flow };
}

describe('a rooted flow', () => {
  it('shows its entity seen from the root, with the paths its rows use', async () => {
    const { call, hr, flow } = await rootedFlow();
    const entity = await call('systems.entity', { id: hr.id, entity: 'schema:Employee', root: 'OpeningBalances' });
    const paths = entity.fields.map((field) => field.path);
    expect(paths).toContain('DeductionLines[].Amount');
    expect(paths.some((each) => each.startsWith('OpeningBalances'))).toBe(false);
    const { rows } = await call('mapping.sheet', { flowId: flow.id });
    const leaves = new Set(entity.fields.filter((field) => field.leaf).map((field) => field.path));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.filter((row) => !leaves.has(row.targetPath))).toEqual([]);
    await expect(call('systems.entity', { id: hr.id, entity: 'schema:Employee', root: 'Nope' })).rejects.toThrow(/ROOT_NOT_FOUND/);
  });

  it('pairs arrays with paths relative to the roots, keeps the pairing rows clean, and moves pairings with a new root', async () => {
    const { call, flow } = await rootedFlow();
    // The entity-top path is refused: it is not a path of the flow as rooted.
    await expect(call('mapping.createPairing', { flowId: flow.id, targetPath: 'OpeningBalances.DeductionLines[]', sourcePath: 'OpeningBalances.DeductionLines[]' })).rejects.toThrow(
      /BAD_PAIRING/,
    );
    // The engine proposed the pairing when the flow was made, with the rooted paths; made again by hand, it takes them too.
    const proposed = (await call('mapping.sheet', { flowId: flow.id })).pairings;
    expect(proposed.find((each) => each.targetPath === 'DeductionLines[]')).toMatchObject({ sourcePath: 'DeductionLines[]' });
    expect(proposed.filter((each) => each.targetPath.startsWith('OpeningBalances'))).toEqual([]);
    await call('mapping.deletePairing', { pairingId: proposed.find((each) => each.targetPath === 'DeductionLines[]')!.id });
    const { pairing, rows } = await call('mapping.createPairing', { flowId: flow.id, targetPath: 'DeductionLines[]', sourcePath: 'DeductionLines[]' });
    expect(rows.map((row) => row.targetPath)).toContain('DeductionLines[].Amount');
    const sheet = await call('mapping.sheet', { flowId: flow.id });
    const underPairing = new Set(sheet.rows.filter((row) => row.pairingId === pairing.id).map((row) => row.id));
    expect((await call('mapping.checks', { flowId: flow.id })).checks.filter((check) => check.rowId !== null && underPairing.has(check.rowId) && check.kind === 'target_missing')).toEqual([]);

    // Re-pointed to the entity as a whole on both sides: the pairing's paths follow, as its rows' do.
    const whole = { system: 'HR', entity: 'Employee', root: '' };
    const result = await call('flows.repoint', { id: flow.id, source: whole, target: whole });
    expect(result).toMatchObject({ applied: true, unresolved: [] });
    const after = await call('mapping.sheet', { flowId: flow.id });
    expect(after.pairings.find((each) => each.id === pairing.id)).toMatchObject({
      targetPath: 'OpeningBalances.DeductionLines[]',
      sourcePath: 'OpeningBalances.DeductionLines[]',
    });
    expect(after.rows.filter((row) => row.pairingId === pairing.id).map((row) => row.targetPath)).toContain('OpeningBalances.DeductionLines[].Amount');
    expect((await call('mapping.checks', { flowId: flow.id })).checks.filter((check) => check.kind === 'target_missing')).toEqual([]);
  });
});

describe('the spec of a flow rooted at a wrapper', () => {
  it('takes example values from the samples, keyed by the entity and read relative to the root', async () => {
    const { call, dir } = openNewSession('Rooted samples');
    await call('systems.import', { name: 'HR', source: { kind: 'file', path: path.join(fixtures, 'xero-payroll-au.openapi30.json') } });
    const payroll = withStatus(await call('systems.import', { name: 'Payroll', source: { kind: 'file', path: path.join(fixtures, 'payrun-employee.openapi30.json') } }), 'imported');
    await call('flows.create', { name: 'Rooted', source: { system: 'HR', entity: 'Employee' }, target: { system: 'Payroll', entity: 'Employee', root: 'Employee' } });
    await call('sandbox.saveSample', {
      systemId: payroll.system.id,
      entity: 'schema:Employee',
      operation: 'GET /Employer/{EmployerId}/Employee/{EmployeeId}',
      source: { kind: 'body', body: JSON.stringify({ Employee: { FirstName: 'Ada', LastName: 'Lovelace' } }), status: 200, environment: 'Sandbox' },
    });
    const exported = await call('spec.export', { format: 'json', path: path.join(dir, 'spec.json') });
    const spec = JSON.parse(fs.readFileSync(exported.path, 'utf8')) as { flows: Array<{ name: string; mappings: Array<{ targetPath: string; targetExample?: string }> }> };
    const mappings = spec.flows.find((flow) => flow.name === 'Rooted')!.mappings;
    expect(mappings.find((mapping) => mapping.targetPath === 'FirstName')?.targetExample).toBe('Ada');
    expect(mappings.find((mapping) => mapping.targetPath === 'LastName')?.targetExample).toBe('Lovelace');
  });
});
