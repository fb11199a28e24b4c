import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { bin, crosswalk } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp';
import { oneLineOrder as order } from '../../helpers/orders';

/** The demo with the flow "Order to Invoice" added by the command line (rows and suggestions stored). */
function workspaceWithFlow() {
  const dir = tempDir();
  const file = path.join(dir, 'w.crosswalk');
  crosswalk(['demo', file]);
  expect(crosswalk(['add-flow', file, 'CRM:Order', 'Accounting:Invoice']).status).toBe(0);
  fs.writeFileSync(path.join(dir, 'order.json'), JSON.stringify(order));
  return { dir, file };
}

describe('crosswalk preview and map', () => {
  it('prints the target and its problems tied to rows, and maps JSON Lines from stdin', { timeout: 120_000 }, () => {
    const { dir, file } = workspaceWithFlow();
    const result = spawnSync(bin, ['preview', file, 'Order to Invoice', 'order.json', '--json'], { cwd: dir, encoding: 'utf8' });
    expect(result.status).toBe(1);
    const { target, problems } = JSON.parse(result.stdout);
    expect(target).toMatchObject({ reference: 'SO-1', status: 'AUTHORISED', priority: 3, line_items: [{ item_code: 'A-1', qty: 1, unit_amount: 2 }] });
    expect(Object.keys(problems[0]).sort()).toEqual(['message', 'path', 'row']);
    expect(problems).toContainEqual({ row: expect.stringMatching(/^M-\d{4}$/), path: 'issue_date', message: expect.stringMatching(/no row fills this required field/) });

    const lines = [order, { ...order, orderNumber: 'SO-2', lines: [] }].map((each) => JSON.stringify(each)).join('\n');
    const mapped = spawnSync(bin, ['map', file, 'Order to Invoice'], { input: lines, encoding: 'utf8' });
    expect(mapped.status).toBe(0);
    const targets = mapped.stdout.trimEnd().split('\n').map((line) => JSON.parse(line));
    expect(targets.map((each) => each.reference)).toEqual(['SO-1', 'SO-2']);
    expect(targets[1].line_items).toBeUndefined();

    const bad = spawnSync(bin, ['map', file, 'Order to Invoice'], { input: `${JSON.stringify(order)}\n{"id": `, encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/Line 2 of standard input is not JSON/);
    expect(crosswalk(['preview', file, 'No such flow', path.join(dir, 'order.json')])).toMatchObject({ status: 1, stderr: expect.stringMatching(/no data flow named "No such flow"; it has .*"Order to Invoice"/) });
  });
});
