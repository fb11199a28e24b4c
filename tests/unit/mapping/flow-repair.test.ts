// Repairing a flow after a re-import of its target, on the real wrapped pair: PayRun.IO's Employee v2
// renames MiddleName to MiddleNames, drops EPM6 and adds PreferredName (tests/fixtures/openapi/wrapped).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openNewSession } from '../../helpers/handlers';
import { present, withStatus } from '../../helpers/narrow';

const fixtures = path.resolve(__dirname, '../../fixtures/openapi/wrapped');

async function wrappedFlow() {
  const opened = openNewSession('Payroll');
  const { call } = opened;
  await call('systems.import', { name: 'HR', source: { kind: 'file', path: path.join(fixtures, 'xero-payroll-au.openapi30.json') } });
  const payroll = withStatus(await call('systems.import', { name: 'Payroll', source: { kind: 'file', path: path.join(fixtures, 'payrun-employee.openapi30.json') } }), 'imported');
  const flow = await call('flows.create', { source: { system: 'HR', entity: 'Employee' }, target: { system: 'Payroll', entity: 'Employee', root: 'Employee' } });
  const { rows } = await call('mapping.sheet', { flowId: flow.id });
  const reimport = async () => {
    const preview = withStatus(
      await call('systems.previewReimport', { id: payroll.system.id, source: { kind: 'file', path: path.join(fixtures, 'payrun-employee-v2.openapi30.json') } }),
      'ready',
    );
    await call('systems.applyReimport', { previewId: preview.previewId });
    return preview;
  };
  return { ...opened, flow, rows, reimport };
}

describe('repairing a flow after a re-import', () => {
  it('plans nothing before a re-import', async () => {
    const { call, flow } = await wrappedFlow();
    expect(await call('flows.repairPlan', { flowId: flow.id })).toEqual({ flowId: flow.id, renames: [], removed: [], added: [] });
  });

  it('follows a confirmed rename, flags a removed field with its version and keeps its notes, and adds rows for new fields', async () => {
    const { call, dir, flow, rows, reimport } = await wrappedFlow();
    const middle = present(rows.find((row) => row.targetPath === 'MiddleName'), 'MiddleName');
    const epm6 = present(rows.find((row) => row.targetPath === 'EPM6'), 'EPM6');
    await call('mapping.updateRow', { rowId: epm6.id, notes: 'Ask payroll whether EPM6 still matters' });
    await reimport();

    const gone = (await call('mapping.checks', { flowId: flow.id })).checks.filter((check) => check.kind === 'target_missing');
    expect(gone.map((check) => check.targetPath).sort()).toEqual(['EPM6', 'MiddleName']);
    expect(gone[0]!.severity).toBe('error');
    expect(gone[0]!.message).toMatch(/in version 23\.25\.0/);

    const plan = await call('flows.repairPlan', { flowId: flow.id });
    expect(plan.renames).toEqual([{ rowId: middle.id, mapId: middle.mapId, side: 'target', from: 'MiddleName', to: 'MiddleNames', why: 'renamed in version 23.25.0', confidence: 1 - 1 / 11 }]);
    expect(plan.removed).toEqual([{ rowId: epm6.id, mapId: epm6.mapId, side: 'target', path: 'EPM6', version: '23.25.0' }]);
    expect(plan.added).toEqual(['PreferredName']);

    // Nothing confirmed: the rename waits, the removed field is flagged, the new field gets a row.
    const first = await call('flows.repair', { flowId: flow.id, confirm: [] });
    expect(first).toMatchObject({ renamed: 0, flagged: 1, added: 1 });
    expect(first.plan.renames).toHaveLength(1);
    const confirmed = await call('flows.repair', { flowId: flow.id, confirm: [middle.id] });
    expect(confirmed).toMatchObject({ renamed: 1, flagged: 0, added: 0 });
    expect(confirmed.plan.renames).toEqual([]);

    const after = await call('mapping.sheet', { flowId: flow.id });
    const renamed = present(after.rows.find((row) => row.id === middle.id), 'the renamed row');
    expect(renamed).toMatchObject({ targetPath: 'MiddleNames', mapId: middle.mapId, sourcePaths: middle.sourcePaths, review: null });
    const kept = present(after.rows.find((row) => row.id === epm6.id), 'the EPM6 row');
    expect(kept.notes).toBe('Ask payroll whether EPM6 still matters');
    expect(kept.review).toContain('The target field EPM6 was removed in version 23.25.0: choose another field or mark the row not needed.');
    expect(after.rows.filter((row) => row.targetPath === 'PreferredName')).toHaveLength(1);
    expect((await call('mapping.checks', { flowId: flow.id })).checks.filter((check) => check.kind === 'target_missing').map((check) => check.targetPath)).toEqual(['EPM6']);

    // The export states a type for every field that exists.
    const spec = await call('spec.export', { format: 'json', path: path.join(dir, 'spec.json') });
    const document = JSON.parse(fs.readFileSync(spec.path, 'utf8')) as { flows: Array<{ mappings: Array<{ targetPath: string; targetType: string }> }> };
    const unknown = document.flows[0]!.mappings.filter((mapping) => mapping.targetType === 'unknown').map((mapping) => mapping.targetPath);
    expect(unknown).toEqual(['EPM6']);
  });

  it('confirms every rename at once', async () => {
    const { call, flow, rows, reimport } = await wrappedFlow();
    await reimport();
    const result = await call('flows.repair', { flowId: flow.id, confirm: 'all' });
    expect(result).toMatchObject({ renamed: 1, flagged: 1, removed: 0, added: 1 });
    expect((await call('mapping.sheet', { flowId: flow.id })).rows).toHaveLength(rows.length + 1);
    await expect(call('flows.repairPlan', { flowId: 999999 })).rejects.toThrow(/FLOW_NOT_FOUND/);
  });

  it('deletes the rows whose field is gone that the analyst chose, and refuses to delete a row whose field is there', async () => {
    const { call, flow, rows, reimport } = await wrappedFlow();
    const epm6 = present(rows.find((row) => row.targetPath === 'EPM6'), 'EPM6');
    const first = present(rows.find((row) => row.targetPath === 'FirstName'), 'FirstName');
    await reimport();
    await expect(call('flows.repair', { flowId: flow.id, confirm: 'all', remove: [first.id] })).rejects.toThrow(/NOT_REMOVED/);
    expect((await call('mapping.sheet', { flowId: flow.id })).rows).toHaveLength(rows.length);

    const result = await call('flows.repair', { flowId: flow.id, confirm: 'all', remove: [epm6.id] });
    expect(result).toMatchObject({ renamed: 1, flagged: 0, removed: 1, added: 1 });
    expect(result.plan).toEqual({ flowId: flow.id, renames: [], removed: [], added: [] });
    const after = await call('mapping.sheet', { flowId: flow.id });
    expect(after.rows.some((row) => row.id === epm6.id)).toBe(false);
    expect((await call('mapping.checks', { flowId: flow.id })).checks.filter((check) => check.kind === 'target_missing')).toEqual([]);
  });
});
