// A question raised on a mapping row, and Map IDs typed in a question's text: linked when a row has the ID,
// warned about when none has — in the calls the app reads and in the JSON spec.
import { describe, expect, it } from 'vitest';
import { openDemoSession } from '../../helpers/handlers';
import { present } from '../../helpers/narrow';

describe('questions on mapping rows', () => {
  it('raises a question on a row and names the Map IDs its text quotes, with whether each exists', async () => {
    const { call } = await openDemoSession();
    const flow = present((await call('flows.list')).find((f) => f.name === 'Orders to invoices'), 'the demo flow');
    const [row, other] = (await call('mapping.sheet', { flowId: flow.id })).rows;
    const raised = await call('questions.add', { question: `Does ${other!.mapId} win over this row, and what of M-9999?`, mapId: row!.mapId });
    expect(raised).toMatchObject({ mapId: row!.mapId, flowId: flow.id });
    expect(raised.mentions).toEqual([
      { mapId: other!.mapId, exists: true },
      { mapId: 'M-9999', exists: false },
    ]);
    const answered = await call('questions.update', { id: raised.id, answer: `Yes, ${row!.mapId} wins.` });
    expect(answered.mentions.map((mention) => mention.mapId)).toEqual([other!.mapId, 'M-9999', row!.mapId]);
    const listed = present((await call('questions.list')).find((question) => question.id === raised.id), 'listed question');
    expect(listed.mentions).toEqual(answered.mentions);
  });
});
