// The mapping memory across workspaces (issue 15 item 5): kept in the settings folder, read as evidence in
// other workspaces but never enough alone, listed, erased, exported and imported (a bad file changes nothing).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MEMORY_KEPT, MappingMemory, memoryFile, settleMemoryWrites, type NewMemoryEntry } from '../../../src/main/mapping/memory';
import { liftedByMemory } from '../../../src/main/mapping/suggest/candidates';
import { SUGGESTION_THRESHOLD, suggestMappings } from '../../../src/main/mapping/suggest';
import { appDataDir } from '../../../src/main/settings/settings';
import { openDemoSession } from '../../helpers/handlers';
import { entity, field } from '../../helpers/catalogue-fields';
import { present } from '../../helpers/narrow';
import { tempDir } from '../../helpers/temp';

const pair = (source: string, target: string, decision: 'accepted' | 'rejected' = 'accepted', workspace = 'ws-a'): NewMemoryEntry => ({
  decision,
  source,
  target,
  sourceEntity: 'Shop:Order',
  targetEntity: 'Erp:Invoice',
  workspace,
});

describe('the memory file', () => {
  it('keeps each pair with its naming pattern in a versioned file, lists newest first and erases one or all', () => {
    const memory = new MappingMemory(path.join(tempDir(), 'mapping-memory.json'));
    memory.record([pair('customer.zip', 'address.postal_code', 'accepted', 'ws-a'), { ...pair('customer.zip', 'address.postal_code', 'accepted', 'ws-a'), decidedAt: '2020-01-01T00:00:00.000Z' }]);
    memory.record([pair('note', 'postal_code', 'rejected')]);
    const stored = JSON.parse(fs.readFileSync(memory.file, 'utf8')) as { format: string; version: number; entries: unknown[] };
    expect(stored).toMatchObject({ format: 'crosswalk-mapping-memory', version: 1 });
    expect(stored.entries).toHaveLength(2);
    const [newest, older] = memory.list();
    expect(newest).toMatchObject({ source: 'note', decision: 'rejected', pattern: { source: ['note'], target: ['postal', 'code'] } });
    expect(older).toMatchObject({ source: 'customer.zip', target: 'address.postal_code', pattern: { source: ['zip'], target: ['postal', 'code'] } });
    // No temporary file is left beside it (written to a temporary file, then renamed).
    expect(fs.readdirSync(path.dirname(memory.file))).toEqual(['mapping-memory.json']);

    expect(memory.erase(older!.id)).toBe(1);
    expect(memory.list().map((entry) => entry.source)).toEqual(['note']);
    expect(() => memory.erase(older!.id)).toThrow(/has no pair/);
    expect(memory.erase()).toBe(1);
    expect(memory.list()).toEqual([]);
  });

  it('keeps at most MEMORY_KEPT pairs, the newest', () => {
    const memory = new MappingMemory(path.join(tempDir(), 'mapping-memory.json'));
    const many = Array.from({ length: MEMORY_KEPT + 5 }, (_, i) => ({ ...pair(`s${i}`, `t${i}`), decidedAt: new Date(Date.UTC(2024, 0, 1, 0, 0, i)).toISOString() }));
    memory.record(many);
    const listed = memory.list();
    expect(listed).toHaveLength(MEMORY_KEPT);
    expect(listed[0]!.source).toBe(`s${MEMORY_KEPT + 4}`);
    expect(listed.map((entry) => entry.source)).not.toContain('s0');
  });

  it('imports a shared file by merging it in, and refuses a bad file with a clear error, leaving the memory untouched', () => {
    const dir = tempDir();
    const mine = new MappingMemory(path.join(dir, 'mine.json'));
    const theirs = new MappingMemory(path.join(dir, 'theirs.json'));
    mine.record([pair('zip', 'postal_code', 'accepted', 'ws-a')]);
    theirs.record([pair('surname', 'family_name', 'accepted', 'ws-b'), pair('zip', 'postal_code', 'accepted', 'ws-a')]);
    expect(mine.importText(theirs.exportText())).toEqual({ added: 1, total: 2 });
    expect(mine.list().map((entry) => entry.source).sort()).toEqual(['surname', 'zip']);

    const before = fs.readFileSync(mine.file);
    const bad: Array<[string, RegExp]> = [
      ['{ not json', /is not JSON/],
      [JSON.stringify({ format: 'something-else', version: 1, entries: [] }), /is not a Crosswalk mapping memory/],
      [JSON.stringify({ format: 'crosswalk-mapping-memory', version: 9, entries: [] }), /version 9; this Crosswalk reads version 1/],
      [JSON.stringify({ format: 'crosswalk-mapping-memory', version: 1, entries: [{ decision: 'maybe', source: 'a', target: 'b' }] }), /bad entry at entries\.0\.decision/],
    ];
    for (const [text, message] of bad) {
      expect(() => mine.importText(text, 'team.json')).toThrow(message);
      expect(fs.readFileSync(mine.file).equals(before)).toBe(true);
    }
  });

  it('never overwrites a damaged file: listing it says so, and decisions made meanwhile are not written over it', () => {
    const memory = new MappingMemory(path.join(tempDir(), 'mapping-memory.json'));
    fs.writeFileSync(memory.file, '{"format": "crosswalk-mapping-memory", "version": 1, "entries": [{}]}');
    expect(() => memory.list()).toThrow(/bad entry/);
    expect(memory.evidenceFor('ws-a')).toEqual({ accepted: [], rejected: [] });
    expect(() => memory.record([pair('zip', 'postal_code')])).toThrow(/bad entry/);
    expect(fs.readFileSync(memory.file, 'utf8')).toContain('[{}]');
  });

  it('gives the engine only other workspaces’ pairs', () => {
    const memory = new MappingMemory(path.join(tempDir(), 'mapping-memory.json'));
    memory.record([pair('zip', 'postal_code', 'accepted', 'ws-a'), pair('plz', 'postal_code', 'accepted', 'ws-b'), pair('colour', 'city', 'rejected', 'ws-b')]);
    expect(memory.evidenceFor('ws-a')).toEqual({ accepted: [{ source: 'plz', target: 'postal_code' }], rejected: [{ source: 'colour', target: 'city' }] });
  });
});

describe('memory as evidence', () => {
  const withMemory = (accepted: Array<{ source: string; target: string }>, rejected: Array<{ source: string; target: string }> = []) => ({
    learned: { accepted: [], rejected: [], memory: { accepted, rejected } },
  });

  it('is never enough alone to lift a pair above the suggestion bar', () => {
    for (let own = 0; own < 0.4; own += 0.01) expect(liftedByMemory(own)).toBeLessThan(SUGGESTION_THRESHOLD);
    const source = entity('S', [field('kennzahl'), field('shoe_size', { type: 'integer' })]);
    const target = entity('T', [field('account_code')]);
    const offered = suggestMappings(source, target, withMemory([{ source: 'kennzahl', target: 'account_code' }]))[0]!.candidates;
    expect(offered.filter((candidate) => candidate.score >= SUGGESTION_THRESHOLD)).toEqual([]);
  });

  it('raises a pair following a remembered naming pattern, with the reason, and lowers one rejected elsewhere', () => {
    const source = entity('S', [field('billing_plz'), field('shoe_size', { type: 'integer' })]);
    const target = entity('T', [field('billing_postal_code')]);
    const plain = present(suggestMappings(source, target)[0]!.candidates[0], 'a plain candidate');
    expect(plain.source).toBe('billing_plz');

    const liked = present(suggestMappings(source, target, withMemory([{ source: 'customer.plz', target: 'address.postal_code' }]))[0]!.candidates[0], 'with memory');
    expect(liked.source).toBe('billing_plz');
    expect(liked.score).toBeGreaterThan(plain.score);
    expect(liked.reasons).toContain('accepted in another workspace: plz → postal_code');

    // The same words left over on both sides are required: `shipping_plz` is not `billing_postal_code`.
    const other = entity('S', [field('shipping_plz')]);
    const unrelated = suggestMappings(other, target, withMemory([{ source: 'customer.plz', target: 'address.postal_code' }]))[0]!.candidates;
    expect(unrelated.flatMap((candidate) => candidate.reasons).some((reason) => reason.startsWith('accepted in another workspace'))).toBe(false);

    const disliked = suggestMappings(source, target, withMemory([], [{ source: 'billing_plz', target: 'billing_postal_code' }]))[0]!.candidates;
    const lowered = disliked.find((candidate) => candidate.source === 'billing_plz');
    expect(lowered === undefined || lowered.score < plain.score).toBe(true);
  });

  it('is written when an analyst accepts in one workspace and read as a reason in another', async () => {
    const first = await openDemoSession();
    const flow = present((await first.call('flows.list')).find((f) => f.name === 'Orders to invoices'), 'the demo flow');
    const row = present((await first.call('mapping.sheet', { flowId: flow.id })).rows.find((r) => r.status === 'suggested' && r.sourcePaths.length === 1), 'a suggested row');
    await first.call('mapping.decide', { rowId: row.id, decision: 'accept' });
    settleMemoryWrites();
    expect(memoryFile()).toBe(path.join(appDataDir(), 'mapping-memory.json'));
    const remembered = await first.call('mapping.memory');
    expect(remembered).toEqual([expect.objectContaining({ decision: 'accepted', source: row.sourcePaths[0], target: row.targetPath })]);
    // Not a reason in the workspace it was decided in: there it is learned already.
    const here = present((await first.call('mapping.suggestions', { flowId: flow.id })).find((s) => s.target === row.targetPath), 'suggestion here');
    expect(here.candidates.flatMap((c) => c.reasons).some((reason) => reason.startsWith('accepted in another workspace'))).toBe(false);

    const second = await openDemoSession();
    const flow2 = present((await second.call('flows.list')).find((f) => f.name === 'Orders to invoices'), 'the other demo flow');
    const there = present((await second.call('mapping.suggestions', { flowId: flow2.id })).find((s) => s.target === row.targetPath), 'suggestion there');
    const label = `${row.sourcePaths[0]!.split('.').pop()!.replace('[]', '')} → ${row.targetPath.split('.').pop()!.replace('[]', '')}`;
    expect(there.candidates.find((c) => c.source === row.sourcePaths[0])?.reasons).toContain(`accepted in another workspace: ${label}`);

    // Erased, it is a reason no more.
    expect(await second.call('mapping.eraseMemory', {})).toEqual({ erased: 1, entries: [] });
    const after = present((await second.call('mapping.suggestions', { flowId: flow2.id })).find((s) => s.target === row.targetPath), 'suggestion after erasing');
    expect(after.candidates.flatMap((c) => c.reasons).some((reason) => reason.startsWith('accepted in another workspace'))).toBe(false);
  });

  it('leaves the memory when the decision is undone or forgotten in its workspace', async () => {
    const { call } = await openDemoSession();
    const flow = present((await call('flows.list')).find((f) => f.name === 'Orders to invoices'), 'the demo flow');
    const row = present((await call('mapping.sheet', { flowId: flow.id })).rows.find((r) => r.status === 'suggested' && r.sourcePaths.length === 1), 'a suggested row');
    const pairOf = (decision: string) => expect.objectContaining({ decision, source: row.sourcePaths[0], target: row.targetPath });
    await call('mapping.decide', { rowId: row.id, decision: 'accept' });
    expect(await call('mapping.memory')).toEqual([pairOf('accepted')]);
    // Undone: accepted → suggested again.
    await call('mapping.updateRow', { rowId: row.id, status: 'suggested' });
    expect(await call('mapping.memory')).toEqual([]);
    await call('mapping.decide', { rowId: row.id, decision: 'reject' });
    expect(await call('mapping.memory')).toEqual([pairOf('rejected')]);
    await call('mapping.forgetLearned', { flowId: flow.id, targetPath: row.targetPath, sourcePath: row.sourcePaths[0]! });
    expect(await call('mapping.memory')).toEqual([]);
  });
});
