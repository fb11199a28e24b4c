// `crosswalk memory list|erase|export|import`: the mapping memory across workspaces from the command line.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MappingMemory } from '../../../src/main/mapping/memory';
import { crosswalk } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp';

describe('crosswalk memory', () => {
  it('lists, imports (merging), exports and erases the memory in its settings folder; a bad file is refused and changes nothing', () => {
    const home = tempDir();
    const dir = tempDir();
    expect(crosswalk(['memory', 'list'], home).stdout).toMatch(/^The mapping memory \(.*mapping-memory\.json\) is empty\./);

    const shared = new MappingMemory(path.join(dir, 'team.json'));
    shared.record([
      { decision: 'accepted', source: 'customer.zip', target: 'address.postal_code', sourceEntity: 'Shop:Order', targetEntity: 'Erp:Invoice', workspace: 'ws-team' },
      { decision: 'rejected', source: 'note', target: 'memo', sourceEntity: 'Shop:Order', targetEntity: 'Erp:Invoice', workspace: 'ws-team' },
    ]);
    const imported = crosswalk(['memory', 'import', shared.file], home);
    expect(imported.status).toBe(0);
    expect(imported.stdout).toMatch(/2 new pairs, 2 in the memory/);
    expect(crosswalk(['memory', 'import', shared.file], home).stdout).toMatch(/0 new pairs, 2 in the memory/);

    const listed = JSON.parse(crosswalk(['memory', 'list', '--json'], home).stdout) as Array<{ id: string; source: string; decision: string; pattern: unknown }>;
    expect(listed.map((entry) => [entry.source, entry.decision]).sort()).toEqual([['customer.zip', 'accepted'], ['note', 'rejected']]);
    expect(listed.find((entry) => entry.source === 'customer.zip')?.pattern).toEqual({ source: ['zip'], target: ['postal', 'code'] });

    const bad = path.join(dir, 'bad.json');
    fs.writeFileSync(bad, JSON.stringify({ format: 'crosswalk-mapping-memory', version: 1, entries: [{ decision: 'accepted' }] }));
    const stored = fs.readFileSync(path.join(home, 'mapping-memory.json'));
    const refused = crosswalk(['memory', 'import', bad], home);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/bad\.json has a bad entry at entries\.0\.source/);
    expect(fs.readFileSync(path.join(home, 'mapping-memory.json')).equals(stored)).toBe(true);

    const out = path.join(dir, 'out.json');
    expect(crosswalk(['memory', 'export', out], home).status).toBe(0);
    expect(new MappingMemory(out).list().map((entry) => entry.id).sort()).toEqual(listed.map((entry) => entry.id).sort());

    const one = listed.find((entry) => entry.source === 'note')!;
    expect(crosswalk(['memory', 'erase', one.id], home).stdout).toMatch(`Erased ${one.id}.`);
    expect(crosswalk(['memory', 'erase'], home).stdout).toMatch(/Erased the mapping memory \(1 pair\)\./);
    expect(JSON.parse(crosswalk(['memory', 'list', '--json'], home).stdout)).toEqual([]);
    expect(crosswalk(['memory', 'forget'], home).status).toBe(2);
  });
});
