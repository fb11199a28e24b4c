// Expressions run in a worker with only jsonata: escapes fail, a runaway is stopped naming its row, and
// the main thread keeps answering meanwhile.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoWorkspace } from '../../../src/main/demo/demo-workspace';
import { previewFlow } from '../../../src/main/mapping/expressions/preview';
import { listFlows } from '../../../src/main/mapping/flows';
import { listRows, updateRow } from '../../../src/main/mapping/rows';
import { mappingSheet } from '../../../src/main/mapping/sheet';
import { SystemImports } from '../../../src/main/openapi/system-import';
import { WorkerJobError } from '../../../src/main/platform/workers/runner';
import type { Workspace } from '../../../src/main/workspace/workspace';
import fs from 'node:fs';
import os from 'node:os';

let dir: string;
let workspace: Workspace;
const imports = new SystemImports();
let flowId: number;
let memoRow: { id: number; mapId: string };

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crosswalk-safety-'));
  workspace = await createDemoWorkspace(path.join(dir, 'demo.crosswalk'));
  flowId = listFlows(workspace).find((flow) => flow.name === 'Orders to invoices')!.id;
  await mappingSheet(workspace, imports, flowId);
  memoRow = listRows(workspace, flowId).find((row) => row.targetPath === 'memo')!;
}, 60_000);

afterAll(() => {
  workspace.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const payload = { orderNumber: 'SO-1', notes: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!' };

async function memoWith(expression: string) {
  updateRow(workspace, memoRow.id, { expression });
  const result = await previewFlow(workspace, imports, flowId, payload);
  return { memo: (result.target as Record<string, unknown>).memo, problems: result.problems.filter((problem) => problem.rowId === memoRow.id && problem.keyword === 'expression') };
}

describe('expression safety', () => {
  it('refuses $eval and every way to the Function constructor or process', { timeout: 60_000 }, async () => {
    expect(await memoWith('$eval("1 + 1")')).toMatchObject({ memo: undefined, problems: [{ message: expect.stringMatching(/\$eval is not available in mapping expressions/) }] });
    for (const escape of [
      '$lookup($string, "constructor")("return process")()',
      '($f := $$.constructor.constructor; $f("return process")())',
      '$lookup($lookup({}, "__proto__"), "constructor")("return process")()',
    ]) {
      const { memo, problems } = await memoWith(escape);
      expect(memo, escape).toBeUndefined();
      expect(problems, escape).toEqual([expect.objectContaining({ message: expect.stringMatching(/non-function|not available/) })]);
    }
    for (const walk of ['{}.constructor', '$$.__proto__', '$lookup({}, "__proto__")', 'orderNumber.constructor.name']) {
      expect((await memoWith(walk)).memo, walk).toBeUndefined();
    }
    // A transform writing __proto__ does not pollute the worker's objects.
    await memoWith('{} ~> |$|{"__proto__": {"polluted": true}}|');
    expect((await memoWith('{}.polluted')).memo).toBeUndefined();
  });

  it('stops a runaway expression after 1 s naming its row, while the main thread keeps answering', { timeout: 60_000 }, async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 20);
    const started = Date.now();
    // A pathological regular expression: one built-in call that jsonata's own limits cannot interrupt.
    await expect(memoWith('$match(notes, /^(a+)+$/)')).rejects.toThrow(new RegExp(`${memoRow.mapId} \\(memo\\)'s expression ran longer than 1 s per payload and was stopped`));
    clearInterval(timer);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(ticks).toBeGreaterThan(10);
    // Endless recursion and a huge range: jsonata's own stack and sequence bounds or, failing them, the worker's bound, either naming the row.
    for (const runaway of ['($f := function($n) { $f($n + 1) }; $f(0))', '$sum($map([1..9999999], function($n) { $n * 2 }))']) {
      const outcome = await memoWith(runaway).then(
        (result) => result.problems[0]?.message ?? 'no problem',
        (error: Error) => error.message,
      );
      expect(outcome, runaway).toMatch(/M-\d{4} \(memo\)('s expression (ran longer than 1 s|used more memory)|: the expression failed: (Stack overflow|The maximum sequence length))/);
    }
    // The next preview runs on a fresh worker.
    expect((await memoWith('notes')).memo).toBe(payload.notes);
  });

  it('names the runaway row among the rows that run together inside a paired array', { timeout: 60_000 }, async () => {
    const rows = listRows(workspace, flowId);
    const description = rows.find((row) => row.targetPath === 'line_items[].description')!;
    updateRow(workspace, memoRow.id, { expression: 'notes' });
    updateRow(workspace, description.id, { expression: '$match($$.notes, /^(a+)+$/)' });
    const lines = [{ sku: 'A', description: 'a', quantity: 1 }, { sku: 'B', description: 'b', quantity: 2 }];
    const failure = await previewFlow(workspace, imports, flowId, { ...payload, lines }).catch((error: Error) => error);
    expect((failure as Error).message).toMatch(new RegExp(`^${description.mapId} \\(line_items\\[\\]\\.description\\)'s expression ran longer than 1 s per payload`));
    updateRow(workspace, description.id, { expression: null });
    const target = (await previewFlow(workspace, imports, flowId, { ...payload, lines })).target as { line_items: Array<{ description: string; qty: number }> };
    expect(target.line_items.map((line) => [line.description, line.qty])).toEqual([['a', 1], ['b', 2]]);
  });

  it('can be cancelled', { timeout: 60_000 }, async () => {
    updateRow(workspace, memoRow.id, { expression: '$match(notes, /^(a+)+$/)' });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 200);
    const failure = await previewFlow(workspace, imports, flowId, payload, { signal: controller.signal }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(WorkerJobError);
    expect(failure).toMatchObject({ reason: 'cancelled' });
  });
});
