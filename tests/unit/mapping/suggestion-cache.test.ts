// mapping.suggestions answers from the flow's cached candidates while the documents and the decisions
// are unchanged, and computes anew when either changes (a workspace file on disk, the real engine).
import { describe, expect, it } from 'vitest';
import { suggestionComputations } from '../../../src/main/mapping/suggestion-cache';
import { suggestMappings } from '../../../src/main/mapping/suggest';
import { demoDocument } from '../../helpers/cli';
import { openDemoSession } from '../../helpers/handlers';
import { present, withStatus } from '../../helpers/narrow';

describe('the flow candidates cache', () => {
  it('computes once for the rows and the candidates, again only when decisions or documents change', async () => {
    const { session, call } = await openDemoSession();
    const flow = present((await call('flows.list', {})).find((f) => f.name === 'Orders to invoices'), 'the demo flow');
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
    expect(first).toHaveLength(target.fields.filter((field) => field.leaf).length);
    expect(first).toEqual(suggestMappings(source, target));

    // Editing a row changes no decision: still cached.
    const row = present(rows.find((r) => r.status === 'suggested'), 'a suggested row');
    await call('mapping.updateRow', { rowId: row.id, notes: 'checked' });
    await call('mapping.suggestions', { flowId: flow.id });
    expect(computed()).toBe(0);

    // A rejection is a new decision: computed anew, without the pair.
    await call('mapping.decide', { rowId: row.id, decision: 'reject' });
    const afterReject = await call('mapping.suggestions', { flowId: flow.id });
    expect(computed()).toBe(1);
    expect(present(afterReject.find((s) => s.target === row.targetPath), 'its suggestion').candidates.map((c) => c.source)).not.toContain(row.sourcePaths[0]);
    // Undoing it restores the earlier decisions: the earlier answer, from the cache.
    await call('mapping.updateRow', { rowId: row.id, sourcePaths: row.sourcePaths, status: 'suggested' });
    expect(await call('mapping.suggestions', { flowId: flow.id })).toEqual(first);
    expect(computed()).toBe(0);

    // Re-importing a document (same text, a new import) misses too.
    const preview = withStatus(await call('systems.previewReimport', { id: 1, source: { kind: 'file', path: demoDocument('crm.openapi.yaml') } }), 'ready');
    await call('systems.applyReimport', { previewId: preview.previewId });
    expect(await call('mapping.suggestions', { flowId: flow.id })).toEqual(first);
    expect(computed()).toBe(1);
    session.close();
  });
});
