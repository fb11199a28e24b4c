// mapping.checks: the sheet's checks, completeness and row expressions, which mapping.sheet leaves out (its first answer carries the rows only).
import { describe, expect, it } from 'vitest';
import type { FlowSummary, MappingCheck, MappingSheet } from '../../../src/shared/contract';
import { openDemoSession } from '../../helpers/handlers';

const unmapped = (checks: MappingCheck[], targetPath: string) => checks.some((c) => c.kind === 'required_unmapped' && c.targetPath === targetPath);

describe('mapping.checks', () => {
  it('answers the checks mapping.sheet leaves out, with its completeness, and follows a row edit', async () => {
    const { session, call } = await openDemoSession();
    const flow = ((await call('flows.list')) as FlowSummary[]).find((f) => f.name === 'Orders to invoices')!;
    const sheet: MappingSheet = await call('mapping.sheet', { flowId: flow.id });
    expect(Object.keys(sheet).sort()).toEqual(['completeness', 'flow', 'pairings', 'rows']);
    const checks = await call('mapping.checks', { flowId: flow.id });
    expect(checks.completeness).toBe(sheet.completeness);
    expect(checks.expressions.map((each) => each.rowId)).toEqual(sheet.rows.map((row) => row.id));
    expect(unmapped(checks.checks, 'issue_date')).toBe(true);

    const issueDate = sheet.rows.find((r) => r.targetPath === 'issue_date')!;
    await call('mapping.updateRow', { rowId: issueDate.id, sourcePaths: ['confirmedAt'], status: 'accepted' });
    const after = await call('mapping.checks', { flowId: flow.id });
    expect(unmapped(after.checks, 'issue_date')).toBe(false);
    expect(after.completeness).toBeGreaterThan(sheet.completeness);
    expect((await call('mapping.sheet', { flowId: flow.id })).completeness).toBe(after.completeness);
    session.close();
  });

  it('creates the rows of a flow that has none, as the sheet would', async () => {
    const { session, call } = await openDemoSession();
    const flow = await call('flows.create', { name: 'Checked first', source: { system: 'CRM', entity: 'Order' }, target: { system: 'Accounting', entity: 'Invoice' } });
    const { checks }: { checks: MappingCheck[] } = await call('mapping.checks', { flowId: flow.id });
    const required = checks.filter((c) => c.kind === 'required_unmapped');
    expect(required.length).toBeGreaterThan(0);
    expect(required.every((c) => typeof c.rowId === 'number')).toBe(true);
    session.close();
  });

  it('refuses an unknown flow and a malformed input', async () => {
    const { session, call, refused } = await openDemoSession();
    await expect(call('mapping.checks', { flowId: 999999 })).rejects.toThrow(/FLOW_NOT_FOUND/);
    expect(await refused('mapping.checks', { flowId: 1, rows: true })).toMatchObject({ code: 'INVALID_INPUT' });
    session.close();
  });
});
