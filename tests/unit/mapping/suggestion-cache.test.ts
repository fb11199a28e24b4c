// mapping.suggestions answers from the flow's cached candidates while the documents and the decisions
// are unchanged, and computes anew when either changes (a workspace file on disk, the real engine).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CallName } from '../../../src/shared/call-names';
import { dispatch } from '../../../src/main/api/dispatch';
import { createHandlers } from '../../../src/main/api/handlers';
import { Session } from '../../../src/main/api/session';
import { createDemoWorkspace } from '../../../src/main/demo/demo-workspace';
import { suggestionComputations } from '../../../src/main/mapping/suggestion-cache';
import { Settings } from '../../../src/main/settings/settings';
import { suggestMappings } from '../../../src/main/mapping/suggest';
import { tempDir } from '../../helpers/temp';

const demo = path.resolve(__dirname, '../../../resources/demo');

async function open() {
  const dir = tempDir();
  const file = path.join(dir, 'demo.crosswalk');
  (await createDemoWorkspace(file)).close();
  const session = new Session(new Settings(path.join(dir, 'settings')), { kind: 'browser' });
  await session.open(file);
  const handlers = createHandlers(session);
  const call = async (name: CallName, input: unknown) => {
    const result = await dispatch(handlers, name, input, () => {});
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
    return result.value as any;
  };
  return { session, call };
}

describe('the flow candidates cache', () => {
  it('computes once for the rows and the candidates, again only when decisions or documents change', async () => {
    const { session, call } = await open();
    const flow = (await call('flows.list', {})).find((f: any) => f.name === 'Orders to invoices');
    let runs = suggestionComputations();
    const computed = () => {
      const now = suggestionComputations();
      const delta = now - runs;
      runs = now;
      return delta;
    };
    const { rows } = await call('mapping.sheet', { flowId: flow.id });
    expect(computed()).toBe(1); // rows created with the engine's suggestions
    const first = await call('mapping.suggestions', { flowId: flow.id });
    expect(computed()).toBe(0);
    expect(await call('mapping.suggestions', { flowId: flow.id })).toEqual(first);
    expect(computed()).toBe(0);
    // The cached answer is the engine's answer.
    const [source, target] = [await call('systems.entity', { id: 1, entity: 'schema:Order' }), await call('systems.entity', { id: 2, entity: 'schema:Invoice' })];
    const direct = new Map(suggestMappings(source, target).map((entry) => [entry.target, entry.candidates.map((c) => c.source)]));
    for (const entry of first) expect(entry.candidates.map((c: any) => c.source)).toEqual(direct.get(entry.target) ?? []);

    // Editing a row changes no decision: still cached.
    const row = rows.find((r: any) => r.status === 'suggested');
    await call('mapping.updateRow', { rowId: row.id, notes: 'checked' });
    await call('mapping.suggestions', { flowId: flow.id });
    expect(computed()).toBe(0);

    // A rejection is a new decision: computed anew, without the pair.
    await call('mapping.decide', { rowId: row.id, decision: 'reject' });
    const afterReject = await call('mapping.suggestions', { flowId: flow.id });
    expect(computed()).toBe(1);
    expect(afterReject.find((s: any) => s.target === row.targetPath).candidates.map((c: any) => c.source)).not.toContain(row.sourcePaths[0]);
    // Undoing it restores the earlier decisions: the earlier answer, from the cache.
    await call('mapping.updateRow', { rowId: row.id, sourcePaths: row.sourcePaths, status: 'suggested' });
    expect(await call('mapping.suggestions', { flowId: flow.id })).toEqual(first);
    expect(computed()).toBe(0);

    // Re-importing a document (same text, a new import) misses too.
    const preview = await call('systems.previewReimport', { id: 1, source: { kind: 'file', path: path.join(demo, 'crm.openapi.yaml') } });
    await call('systems.applyReimport', { previewId: preview.previewId });
    expect(await call('mapping.suggestions', { flowId: flow.id })).toEqual(first);
    expect(computed()).toBe(1);
    session.close();
  });
});
