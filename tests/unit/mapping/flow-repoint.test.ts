// flows.repoint: another root or entity for a flow, keeping the rows whose paths still resolve (the real wrapped pair).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openNewSession } from '../../helpers/handlers';
import { present } from '../../helpers/narrow';

const fixtures = path.resolve(__dirname, '../../fixtures/openapi/wrapped');

describe('re-pointing a flow', () => {
  it('moves to the wrapper as root keeping every row, and lists the rows another entity cannot hold', async () => {
    const { call } = openNewSession('Payroll');
    await call('systems.import', { name: 'HR', source: { kind: 'file', path: path.join(fixtures, 'xero-payroll-au.openapi30.json') } });
    await call('systems.import', { name: 'Payroll', source: { kind: 'file', path: path.join(fixtures, 'payrun-employee.openapi30.json') } });
    const flow = await call('flows.create', { source: { system: 'HR', entity: 'Employee' }, target: { system: 'Payroll', entity: 'Employee' } });
    const { rows } = await call('mapping.sheet', { flowId: flow.id });
    const first = present(rows.find((row) => row.targetPath === 'Employee.FirstName'), 'Employee.FirstName');
    await call('mapping.updateRow', { rowId: first.id, sourcePaths: ['FirstName'], status: 'accepted', notes: 'given name' });

    // The preview lists every row as moving under the new root, and writes nothing.
    const preview = await call('flows.repoint', { id: flow.id, target: { system: 'Payroll', entity: 'Employee', root: 'Employee' }, dryRun: true });
    expect(preview).toMatchObject({ kept: rows.length, unresolved: [], added: 0, applied: false });
    expect(preview.moved).toHaveLength(rows.length);
    expect(preview.moved.find((row) => row.rowId === first.id)).toEqual({
      rowId: first.id,
      mapId: first.mapId,
      targetPath: 'Employee.FirstName',
      sourcePaths: ['FirstName'],
      newTargetPath: 'FirstName',
      newSourcePaths: ['FirstName'],
    });
    expect((await call('flows.get', { id: flow.id })).target.root).toBe('');
    expect((await call('mapping.sheet', { flowId: flow.id })).rows.find((row) => row.id === first.id)?.targetPath).toBe('Employee.FirstName');

    const rooted = await call('flows.repoint', { id: flow.id, target: { system: 'Payroll', entity: 'Employee', root: 'Employee' } });
    expect(rooted).toEqual({ ...preview, applied: true });
    expect((await call('flows.get', { id: flow.id })).target.root).toBe('Employee');
    const after = await call('mapping.sheet', { flowId: flow.id });
    expect(present(after.rows.find((row) => row.id === first.id), 'the row')).toMatchObject({ targetPath: 'FirstName', status: 'accepted', notes: 'given name', mapId: first.mapId });
    expect(after.rows).toHaveLength(rows.length);

    // Another target entity: rows whose target the Xero Employee lacks are listed, and nothing changes until decided.
    const asked = await call('flows.repoint', { id: flow.id, target: { system: 'HR', entity: 'Employee' } });
    expect(asked.applied).toBe(false);
    expect(asked.kept).toBeGreaterThan(0);
    expect(asked.unresolved.map((row) => row.targetPath)).toContain('NiNumber');
    expect(asked.unresolved.map((row) => row.targetPath)).not.toContain('FirstName');
    expect((await call('flows.get', { id: flow.id })).target).toEqual({ system: 'Payroll', entity: 'Employee', root: 'Employee' });

    expect(await call('flows.repoint', { id: flow.id, target: { system: 'HR', entity: 'Employee' }, unresolved: 'keep', dryRun: true })).toEqual(asked);
    expect((await call('flows.get', { id: flow.id })).target.system).toBe('Payroll');
    const kept = await call('flows.repoint', { id: flow.id, target: { system: 'HR', entity: 'Employee' }, unresolved: 'keep' });
    expect(kept).toMatchObject({ applied: true, kept: asked.kept });
    const moved = await call('mapping.sheet', { flowId: flow.id });
    const flagged = present(moved.rows.find((row) => row.targetPath === 'NiNumber'), 'the NiNumber row');
    expect(flagged.review?.[0]).toMatch(/since the flow was re-pointed/);
    expect((await call('mapping.checks', { flowId: flow.id })).checks.some((check) => check.kind === 'target_missing' && check.targetPath === 'NiNumber')).toBe(true);
    expect(present(moved.rows.find((row) => row.id === first.id), 'the row').targetPath).toBe('FirstName');
    await expect(call('flows.repoint', { id: flow.id, target: { system: 'HR', entity: 'Employee', root: 'Nope' } })).rejects.toThrow(/ROOT_NOT_FOUND/);
  });
});
