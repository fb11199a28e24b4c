// One accept is evidence the engine weighs, not certainty (issue: an accidental accept of a nonsense pair came
// back at 97%), and any learned pair can be forgotten through the calls the detail panel makes.
import { describe, expect, it } from 'vitest';
import { SUGGESTION_THRESHOLD, suggestMappings } from '../../../src/main/mapping/suggest';
import { openDemoSession } from '../../helpers/handlers';
import { entity, field } from '../../helpers/catalogue-fields';
import { present } from '../../helpers/narrow';

const candidatesOf = (result: ReturnType<typeof suggestMappings>, target: string) => present(result.find((s) => s.target === target), target).candidates;

describe('an accepted pair', () => {
  const source = entity('S', [field('createdAt', { format: 'date-time' }), field('shoeSize', { type: 'integer' }), field('shipCity')]);
  const target = entity('T', [field('invoiceDate', { format: 'date' }), field('deliveryTown')]);

  it('with nothing else for it stays below the suggestion bar, and the reason says it was learned', () => {
    const after = suggestMappings(source, target, { learned: { accepted: [{ source: 'shoeSize', target: 'invoiceDate' }], rejected: [] } });
    const shoe = candidatesOf(after, 'invoiceDate').find((c) => c.source === 'shoeSize');
    expect(shoe === undefined || shoe.score < SUGGESTION_THRESHOLD).toBe(true);
    expect(candidatesOf(after, 'invoiceDate')[0]?.source).not.toBe('shoeSize');
  });

  it('with evidence of its own rises above what the names alone gave it', () => {
    const before = present(candidatesOf(suggestMappings(source, target), 'deliveryTown').find((c) => c.source === 'shipCity'), 'shipCity before');
    const after = candidatesOf(suggestMappings(source, target, { learned: { accepted: [{ source: 'shipCity', target: 'deliveryTown' }], rejected: [] } }), 'deliveryTown')[0];
    expect(after).toMatchObject({ source: 'shipCity' });
    expect(after!.score).toBeGreaterThan(before.score);
    expect(after!.score).toBeLessThan(0.97);
    expect(after!.reasons).toContain('learned: accepted before');
  });
});

describe('forgetting a learned pair', () => {
  it('lists what was decided for the flow’s entities and forgets one pair, leaving the row as it was', async () => {
    const { call } = await openDemoSession();
    const flow = present((await call('flows.list')).find((f) => f.name === 'Orders to invoices'), 'the demo flow');
    const { rows } = await call('mapping.sheet', { flowId: flow.id });
    const [first, second] = rows.filter((r) => r.status === 'suggested');
    const rejected = await call('mapping.decide', { rowId: present(first, 'a suggested row').id, decision: 'reject' });
    await call('mapping.decide', { rowId: present(second, 'a second suggested row').id, decision: 'accept' });

    const learned = await call('mapping.learned', { flowId: flow.id });
    expect(learned).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ targetPath: first!.targetPath, sourcePath: first!.sourcePaths[0], decision: 'rejected' }),
        expect.objectContaining({ targetPath: second!.targetPath, sourcePath: second!.sourcePaths[0], decision: 'accepted' }),
      ]),
    );
    const offered = async () => present((await call('mapping.suggestions', { flowId: flow.id })).find((s) => s.target === first!.targetPath), 'suggestion').candidates.map((c) => c.source);
    expect(await offered()).not.toContain(first!.sourcePaths[0]);

    const left = await call('mapping.forgetLearned', { flowId: flow.id, targetPath: first!.targetPath, sourcePath: first!.sourcePaths[0]! });
    expect(left.map((pair) => pair.targetPath)).not.toContain(first!.targetPath);
    expect(left.map((pair) => pair.targetPath)).toContain(second!.targetPath);
    expect(await offered()).toContain(first!.sourcePaths[0]);
    // The row keeps what the reject made of it: forgetting teaches, it does not edit.
    expect(present((await call('mapping.sheet', { flowId: flow.id })).rows.find((r) => r.id === first!.id), 'row')).toMatchObject({ status: rejected.status, sourcePaths: rejected.sourcePaths });

    await expect(call('mapping.forgetLearned', { flowId: flow.id, targetPath: first!.targetPath, sourcePath: first!.sourcePaths[0]! })).rejects.toThrow(/Nothing was learned/);
  });
});
