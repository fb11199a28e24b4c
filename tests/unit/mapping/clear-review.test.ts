// A re-import flags the rows whose fields changed; the analyst marks them reviewed (mapping.clearReview).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { addFlow } from '../../../src/main/mapping/flows';
import { demoDocument } from '../../helpers/cli';
import { openNewSession } from '../../helpers/handlers';
import { present, withStatus } from '../../helpers/narrow';

const fixtures = path.resolve(__dirname, '../../fixtures/openapi');

async function flagged() {
  const { session, call, refused } = openNewSession('Orders');
  const v1 = withStatus(await call('systems.import', { name: 'Orders', source: { kind: 'file', path: path.join(fixtures, 'diff', 'orders-v1.openapi.yaml') } }), 'imported');
  await call('systems.import', { name: 'Ledger', source: { kind: 'file', path: demoDocument('accounting.swagger.json') } });
  const workspace = session.requireWorkspace();
  const flow = addFlow(workspace, { name: 'Orders out', source: { system: 'Orders', entity: 'Order' }, target: { system: 'Ledger', entity: 'Invoice' } });
  const { rows } = await call('mapping.sheet', { flowId: flow.id });
  const byTarget = (target: string) => present(rows.find((row) => row.targetPath === target), `the ${target} row`);
  await call('mapping.updateRow', { rowId: byTarget('memo').id, sourcePaths: ['shipping.city'], status: 'accepted' });
  await call('mapping.updateRow', { rowId: byTarget('reference').id, sourcePaths: ['shipping.city'] });
  const preview = withStatus(
    await call('systems.previewReimport', { id: v1.system.id, source: { kind: 'file', path: path.join(fixtures, 'diff', 'orders-v2.openapi.yaml') } }),
    'ready',
  );
  await call('systems.applyReimport', { previewId: preview.previewId });
  const sheet = await call('mapping.sheet', { flowId: flow.id });
  return { session, call, refused, flow, sheet, workspace };
}

describe('marking re-import flags reviewed', () => {
  it('clears the flags of the rows named, and only theirs, on the workspace file', async () => {
    const { session, call, flow, sheet, workspace } = await flagged();
    const flaggedRows = sheet.rows.filter((row) => row.review !== null);
    expect(flaggedRows.map((row) => row.targetPath)).toEqual(expect.arrayContaining(['memo', 'reference']));
    const flaggedRow = (target: string) => present(flaggedRows.find((row) => row.targetPath === target), `the flagged ${target} row`);
    const [memo, reference] = [flaggedRow('memo'), flaggedRow('reference')];
    expect(memo.review?.join(' ')).toMatch(/shipping/);
    const flaggedIds = () =>
      (workspace.read((db) => db.prepare('SELECT id FROM field_mapping WHERE review IS NOT NULL ORDER BY id').all()) as Array<{ id: number }>).map((row) => row.id);

    const cleared = await call('mapping.clearReview', { rowIds: [memo.id] });
    expect(cleared).toEqual([expect.objectContaining({ id: memo.id, review: null, status: 'accepted', sourcePaths: ['shipping.city'] })]);
    expect(flaggedIds()).toEqual(flaggedRows.filter((row) => row.id !== memo.id).map((row) => row.id));
    // A row without a flag is harmless among them and answered as it is.
    const again = await call('mapping.clearReview', { rowIds: flaggedRows.map((row) => row.id) });
    expect(again.map((row) => row.review)).toEqual(flaggedRows.map(() => null));
    expect(again.find((row) => row.id === reference.id)).toMatchObject({ targetPath: 'reference', sourcePaths: ['shipping.city'] });
    expect(flaggedIds()).toEqual([]);
    expect((await call('mapping.sheet', { flowId: flow.id })).rows.every((row) => row.review === null)).toBe(true);
    session.close();
  });

  it('clears nothing when one of the rows does not exist, and refuses bad input', async () => {
    const { session, call, refused, sheet } = await flagged();
    const ids = sheet.rows.filter((row) => row.review !== null).map((row) => row.id);
    await expect(call('mapping.clearReview', { rowIds: [...ids, 999999] })).rejects.toThrow(/MAPPING_NOT_FOUND/);
    const after = await call('mapping.sheet', { flowId: sheet.flow.id });
    expect(after.rows.filter((row) => row.review !== null).map((row) => row.id)).toEqual(ids);
    await expect(call('mapping.clearReview', { rowIds: [] })).rejects.toThrow(/INVALID_INPUT/);
    expect(await refused('mapping.clearReview', { rowIds: ['x'] })).toMatchObject({ code: 'INVALID_INPUT' });
    session.close();
  });
});
