// The app's running mocks: one per workspace and system, listed, looked up by a Mock environment, and
// stopped one by one, with their workspace, or all at once — real servers on 127.0.0.1.
import { afterEach, describe, expect, it } from 'vitest';
import { MockRegistry } from '../../../../src/main/sandbox/mock/registry';

const document = (title: string) => ({
  openapi: '3.1.0',
  info: { title, version: '1' },
  paths: { '/ping': { get: { responses: { '200': { description: 'ok', content: { 'application/json': { example: { from: title } } } } } } } },
});

const registry = new MockRegistry();
afterEach(() => registry.stopAll());

const answers = async (url: string) => {
  try {
    return ((await (await fetch(`${url}/ping`)).json()) as { from: string }).from;
  } catch {
    return 'refused';
  }
};

describe('MockRegistry', () => {
  it('runs one mock per workspace and system, and answers the same one when asked again, even at once', async () => {
    const [crm, again] = await Promise.all([
      registry.startMock({ workspace: '/w/a.crosswalk', system: 'CRM', document: document('CRM') }),
      registry.startMock({ workspace: '/w/a.crosswalk', system: 'CRM', document: document('CRM') }),
    ]);
    expect(again.port).toBe(crm.port);
    const ledger = await registry.startMock({ workspace: '/w/a.crosswalk', system: 'Ledger', document: document('Ledger'), seed: 9 });
    const other = await registry.startMock({ workspace: '/w/b.crosswalk', system: 'CRM', document: document('Other CRM') });
    expect(new Set([crm.port, ledger.port, other.port]).size).toBe(3);
    expect(registry.list('/w/a.crosswalk').map((mock) => [mock.system, mock.seed])).toEqual([
      ['CRM', 1],
      ['Ledger', 9],
    ]);
    expect(await answers(registry.urlOf('/w/a.crosswalk', 'Ledger'))).toBe('Ledger');
    expect(await answers(registry.urlOf('/w/b.crosswalk', 'CRM'))).toBe('Other CRM');
  });

  it('says to start the mock when a Mock environment sends to one not running', async () => {
    expect(() => registry.urlOf('/w/a.crosswalk', 'CRM')).toThrow('The mock of CRM is not running: start the mock (Sandbox area, or crosswalk mock <workspace> --system "CRM"), then send again.');
    const started = await registry.startMock({ workspace: '/w/a.crosswalk', system: 'CRM', document: document('CRM') });
    expect(await registry.stop('/w/a.crosswalk', 'CRM')).toBe(true);
    expect(await registry.stop('/w/a.crosswalk', 'CRM')).toBe(false);
    expect(await answers(started.url)).toBe('refused');
    expect(() => registry.urlOf('/w/a.crosswalk', 'CRM')).toThrow(/not running/);
  });

  it('stops a workspace mocks when it closes, and every mock when the app quits', async () => {
    const a = await registry.startMock({ workspace: '/w/a.crosswalk', system: 'CRM', document: document('A') });
    const b = await registry.startMock({ workspace: '/w/b.crosswalk', system: 'CRM', document: document('B') });
    await registry.stopWorkspace('/w/a.crosswalk');
    expect(await answers(a.url)).toBe('refused');
    expect(await answers(b.url)).toBe('B');
    expect(registry.list().map((mock) => mock.workspace)).toEqual(['/w/b.crosswalk']);
    await registry.stopAll();
    expect(await answers(b.url)).toBe('refused');
    expect(registry.list()).toEqual([]);
  });
});
