// The workspace summary tells progress by what is done, not by how many rows exist.
import { describe, expect, it } from 'vitest';
import { openDemoSession } from '../../helpers/handlers';
import { present } from '../../helpers/narrow';

describe('the workspace summary', () => {
  it('counts rows done and flows complete, not rows', async () => {
    const { session, call } = await openDemoSession();
    const counts = async () => present((await call('workspace.current')) ?? undefined, 'the open workspace').counts;
    expect(await counts()).toMatchObject({ flows: 2, mappings: 0, mappingsDone: 0, flowsComplete: 0 });

    const [first] = await call('flows.list');
    const { rows } = await call('mapping.sheet', { flowId: first!.id });
    expect(await counts()).toMatchObject({ mappings: rows.length, mappingsDone: 0, flowsComplete: 0 });

    const withSource = rows.filter((row) => row.sourcePaths.length > 0).slice(0, 3);
    expect(withSource).toHaveLength(3);
    for (const row of withSource) await call('mapping.decide', { rowId: row.id, decision: 'accept' });
    expect(await counts()).toMatchObject({ mappingsDone: 3, flowsComplete: 0 });

    // Every row done (accepted or not needed): the flow is complete; the other flow, never opened, is not.
    for (const row of rows.filter((each) => !withSource.includes(each))) await call('mapping.updateRow', { rowId: row.id, status: 'not_needed' });
    expect(await counts()).toMatchObject({ mappings: rows.length, mappingsDone: rows.length, flowsComplete: 1, flows: 2 });
    session.close();
  });
});
