import { describe, expect, it } from 'vitest';
import { openDemoSession } from '../../helpers/handlers';
import { present } from '../../helpers/narrow';

describe('use cases', () => {
  it('adds, edits, descopes and removes one; its flows stay, unlinked', async () => {
    const { call } = await openDemoSession();
    const before = await call('useCases.list');
    const linked = present(before.find((useCase) => useCase.flows.length > 0), 'a use case with flows');

    const added = await call('useCases.add', { title: 'Credit notes', story: 'When an order is refunded, I want a credit note so the ledger balances.' });
    expect(added).toMatchObject({ ref: `UC-${added.id}`, title: 'Credit notes', descoped: false, flows: [] });
    expect(await call('useCases.update', { id: added.id, descoped: true })).toMatchObject({ descoped: true, title: 'Credit notes' });

    await call('useCases.remove', { id: linked.id });
    const flows = await call('flows.list');
    for (const name of linked.flows) expect(flows.find((flow) => flow.name === name)).toMatchObject({ useCase: null });
    expect((await call('useCases.list')).map((useCase) => useCase.id)).not.toContain(linked.id);
  });

  it('says which use case is gone', async () => {
    const { refused } = await openDemoSession();
    expect((await refused('useCases.update', { id: 999, title: 'x' })).message).toMatch(/UC-999 does not exist/);
    expect((await refused('useCases.add', { title: '   ' })).code).toBe('INVALID_INPUT');
  });
});

describe('configurable inputs', () => {
  it('stores options per system and never a credential value', async () => {
    const { call, refused } = await openDemoSession();
    const option = await call('inputs.add', { name: 'Invoice due days', kind: 'option', system: 'Accounting', defaultValue: '30', description: 'Days until an invoice is due' });
    expect(option).toMatchObject({ ref: `CI-${option.id}`, system: 'Accounting', required: true, defaultValue: '30' });

    const secret = await refused('inputs.add', { name: 'API key', kind: 'credential', system: 'Accounting', defaultValue: 'sk_live_123' });
    expect(secret.message).toMatch(/secrets are never stored/);
    const credential = await call('inputs.add', { name: 'API key', kind: 'credential', system: 'Accounting', description: 'Settings → Integrations' });
    expect((await refused('inputs.update', { id: credential.id, defaultValue: 'sk_live_123' })).code).toBe('SECRET_REFUSED');
    expect((await refused('inputs.update', { id: option.id, kind: 'credential' })).code).toBe('SECRET_REFUSED');

    expect((await refused('inputs.add', { name: 'x', system: 'Nowhere' })).message).toMatch(/no system named "Nowhere"/);
    expect(await call('inputs.update', { id: option.id, system: null, required: false })).toMatchObject({ system: null, required: false });
    await call('inputs.remove', { id: option.id });
    const names = (await call('inputs.list')).map((input) => input.name);
    expect(names).toContain('API key');
    expect(names).not.toContain('Invoice due days');
  });
});

describe('test cases', () => {
  it('links a test case to a use case and to the mapping rows it covers, by Map ID', async () => {
    const { call, refused } = await openDemoSession();
    const flow = present((await call('flows.list'))[0], 'a demo flow');
    const sheet = await call('mapping.sheet', { flowId: flow.id });
    const [first, second] = [present(sheet.rows[0], 'a row').mapId, present(sheet.rows[1], 'a second row').mapId];
    const useCase = present((await call('useCases.list'))[0], 'a demo use case');

    const test = await call('testCases.add', { title: 'Confirmed order becomes a draft invoice', useCaseId: useCase.id, givenInput: 'Order 1001, confirmed', expectedResult: 'Invoice in DRAFT', covers: [second, first, first] });
    expect(test).toMatchObject({ ref: `TC-${test.id}`, useCaseId: useCase.id, status: 'not_run', covers: [first, second].sort() });

    const passed = await call('testCases.update', { id: test.id, status: 'passed', notes: 'Run on sandbox 21 Nov', covers: [first] });
    expect(passed).toMatchObject({ status: 'passed', notes: 'Run on sandbox 21 Nov', covers: [first] });

    const unknown = await refused('testCases.update', { id: test.id, status: 'failed', covers: [first, 'M-9999'] });
    expect(unknown.message).toMatch(/Map ID "M-9999"/);
    expect((await call('testCases.list')).find((item) => item.id === test.id)).toMatchObject({ status: 'passed', covers: [first] });
    expect((await refused('testCases.add', { title: 'x', useCaseId: 999 })).message).toMatch(/UC-999 does not exist/);
  });
});

describe('open questions on mapping rows', () => {
  it('raises a question on a row; it belongs to the row’s flow', async () => {
    const { call, refused } = await openDemoSession();
    const flow = present((await call('flows.list'))[0], 'a demo flow');
    const row = present((await call('mapping.sheet', { flowId: flow.id })).rows[0], 'a row');
    const question = await call('questions.add', { question: 'Which currency when the order has none?', mapId: row.mapId });
    expect(question).toMatchObject({ mapId: row.mapId, flowId: flow.id, status: 'open' });
    expect((await refused('questions.add', { question: 'x', mapId: 'M-9999' })).message).toMatch(/M-9999/);
  });
});

describe('change log and sign-off', () => {
  it('stamps entries with the spec version and keeps the three sign-off roles', async () => {
    const { call, refused } = await openDemoSession();
    await call('integration.update', { specVersion: '0.4' });
    expect(await call('changeLog.add', { summary: 'Agreed currency handling with finance', author: 'Dana' })).toMatchObject({ version: '0.4', author: 'Dana' });
    expect((await call('signOff.list')).map((entry) => entry.role)).toEqual(['prepared', 'reviewed', 'approved']);
    expect(await call('signOff.update', { role: 'reviewed', name: 'Sam Lee', date: '2026-11-20' })).toEqual({ role: 'reviewed', name: 'Sam Lee', date: '2026-11-20', note: '' });
    expect((await refused('signOff.update', { role: 'approved', date: '20/11/2026' })).code).toBe('INVALID_INPUT');
  });
});
