// mapping.checks: the sheet's checks and completeness without its rows, as mapping.sheet answers them.
import { describe, expect, it } from 'vitest';
import { openDemoSession } from '../../helpers/handlers';

describe('mapping.checks', () => {
  it('answers what mapping.sheet says of the checks, and follows a row edit', async () => {
    const { session, call } = await openDemoSession();
    const flow = (await call('flows.list')).find((f: any) => f.name === 'Orders to invoices');
    const sheet = await call('mapping.sheet', { flowId: flow.id });
    const checks = await call('mapping.checks', { flowId: flow.id });
    expect(checks).toEqual({ checks: sheet.checks, completeness: sheet.completeness });
    expect(checks.checks.some((c: any) => c.kind === 'required_unmapped' && c.targetPath === 'issue_date')).toBe(true);

    const issueDate = sheet.rows.find((r: any) => r.targetPath === 'issue_date');
    await call('mapping.updateRow', { rowId: issueDate.id, sourcePaths: ['confirmedAt'], status: 'accepted' });
    const after = await call('mapping.checks', { flowId: flow.id });
    expect(after.checks.some((c: any) => c.targetPath === 'issue_date' && c.kind === 'required_unmapped')).toBe(false);
    expect(after.completeness).toBeGreaterThan(sheet.completeness);
    const { checks: sheetChecks, completeness } = await call('mapping.sheet', { flowId: flow.id });
    expect(after).toEqual({ checks: sheetChecks, completeness });
    session.close();
  });

  it('creates the rows of a flow that has none, as the sheet would', async () => {
    const { session, call } = await openDemoSession();
    const flow = await call('flows.create', { name: 'Checked first', source: { system: 'CRM', entity: 'Order' }, target: { system: 'Accounting', entity: 'Invoice' } });
    const { checks } = await call('mapping.checks', { flowId: flow.id });
    expect(checks.filter((c: any) => c.kind === 'required_unmapped').every((c: any) => typeof c.rowId === 'number')).toBe(true);
    session.close();
  });

  it('refuses an unknown flow and a malformed input', async () => {
    const { session, call } = await openDemoSession();
    await expect(call('mapping.checks', { flowId: 999999 })).rejects.toThrow(/FLOW_NOT_FOUND/);
    await expect(call('mapping.checks', { flowId: 1, rows: true })).rejects.toThrow(/INVALID_INPUT/);
    session.close();
  });
});
