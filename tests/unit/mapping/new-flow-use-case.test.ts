import { describe, expect, it } from 'vitest';
import { openDemoSession } from '../../helpers/handlers';

describe('a new flow\'s use case', () => {
  it('takes a short title and a story separately, and an existing use case keeps its own story', async () => {
    const { session, call } = await openDemoSession();
    const story = 'As a finance clerk, I want every shipped order invoiced the same day, so that month-end closes without re-keying orders by hand.';
    const flow = await call('flows.create', { source: { system: 'CRM', entity: 'Order' }, target: { system: 'Accounting', entity: 'Invoice' }, name: 'Shipped orders', useCase: 'Invoice each shipped order', useCaseStory: story });
    const created = (await call('useCases.list', {})).find((useCase) => useCase.title === 'Invoice each shipped order');
    expect(created).toMatchObject({ title: 'Invoice each shipped order', story });
    expect(flow.useCaseId).toBe(created!.id);

    await call('flows.create', { source: { system: 'CRM', entity: 'Order' }, target: { system: 'Accounting', entity: 'Invoice' }, name: 'Again', useCase: 'Invoice each shipped order', useCaseStory: 'Another story' });
    expect((await call('useCases.list', {})).filter((useCase) => useCase.title === 'Invoice each shipped order').map((useCase) => useCase.story)).toEqual([story]);
    session.close();
  });
});
