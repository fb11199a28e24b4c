import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/temp';
import { crosswalk } from '../../helpers/cli';

function demo() {
  const file = path.join(tempDir(), 'w.crosswalk');
  crosswalk(['demo', file]);
  return file;
}

describe('crosswalk add-flow', () => {
  it('adds a flow with suggested rows, accepting those above the threshold', () => {
    const file = demo();
    const result = crosswalk(['add-flow', file, 'CRM:Order', 'Accounting:Invoice', '--accept-above', '0.8']);
    expect(result).toMatchObject({ status: 0, stderr: '' });
    const [first, ...rest] = result.stdout.trimEnd().split('\n');
    const match = /^Added flow "Order to Invoice" \(CRM:Order -> Accounting:Invoice\): (\d+) rows, (\d+) suggested, (\d+) accepted, (\d+) unmapped\.$/.exec(first!);
    expect(match).not.toBeNull();
    // Suggestions above the bar that a check shows an error on are left for review, each named with why.
    expect(rest[0]).toMatch(/^Left (\d+) suggestions? above 0\.8 for review, a check showing an error on (it|them):$/);
    expect(rest.slice(1).length).toBe(Number(/^Left (\d+)/.exec(rest[0]!)![1]));
    for (const line of rest.slice(1)) expect(line).toMatch(/^ {2}M-\d{4} \S+: .+/);
    const [rows, suggested, accepted, unmapped] = match!.slice(1).map(Number);
    expect(accepted).toBeGreaterThan(0);
    expect(suggested! + accepted! + unmapped!).toBe(rows);
    const info = JSON.parse(crosswalk(['info', file, '--json']).stdout);
    expect(info.flows.map((flow: { name: string }) => flow.name)).toContain('Order to Invoice');
  });

  it('names near matches for an unknown entity and refuses a bad threshold as usage', { timeout: 60_000 }, () => {
    const file = demo();
    expect(crosswalk(['add-flow', file, 'CRM:Line', 'Accounting:Invoice'])).toMatchObject({ status: 1, stderr: expect.stringMatching(/no entity named "Line": did you mean "OrderLine"\?/) });
    for (const bad of ['2', 'high', '-0.1', '']) {
      const result = crosswalk(['add-flow', file, 'CRM:Order', 'Accounting:Invoice', `--accept-above=${bad}`]);
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(/--accept-above must be a number from 0 to 1/);
    }
    expect(crosswalk(['add-flow', file, 'CRM', 'Accounting:Invoice'])).toMatchObject({ status: 1, stderr: expect.stringMatching(/<system>:<entity>/) });
  });
});

describe('crosswalk check', () => {
  it('treats the demo flows (no rows yet) as unmapped and exits 1, with the JSON contract', () => {
    const file = demo();
    const result = crosswalk(['check', file, '--json']);
    expect(result.status).toBe(1);
    const flows = JSON.parse(result.stdout);
    expect(flows.map((f: { flow: string }) => f.flow)).toEqual(['Customers to contacts', 'Orders to invoices']);
    const orders = flows[1];
    expect(Object.keys(orders).sort()).toEqual(['checks', 'completeness', 'flow', 'source', 'target']);
    expect(orders).toMatchObject({ source: 'CRM:Order', target: 'Accounting:Invoice', completeness: 0 });
    expect(Object.keys(orders.checks[0]).sort()).toEqual(['kind', 'mapId', 'message', 'severity', 'target']);
    expect(orders.checks).toContainEqual(expect.objectContaining({ target: 'issue_date', kind: 'required_unmapped', severity: 'error', mapId: null }));

    const text = crosswalk(['check', file]);
    expect(text.status).toBe(1);
    expect(text.stdout).toMatch(/^Orders to invoices \(CRM:Order -> Accounting:Invoice\): 0% complete, \d+ errors, 0 warnings$/m);
  });

  it('exits 0 when every required target field is filled', () => {
    const file = path.join(tempDir(), 'empty.crosswalk');
    crosswalk(['demo', file]);
    // A workspace with one flow whose every required field is accepted: Order onto OrderLine's own entity.
    const added = crosswalk(['add-flow', file, 'CRM:OrderLine', 'CRM:OrderLine', '--accept-above', '0']);
    expect(added.status).toBe(0);
    const flows = JSON.parse(crosswalk(['check', file, '--json']).stdout);
    const self = flows.find((f: { flow: string }) => f.flow === 'OrderLine to OrderLine');
    expect(self.checks.filter((c: { kind: string }) => c.kind === 'required_unmapped')).toEqual([]);
  });
});
