// The mock sandboxes as the app runs them (mocks.* calls): started per system from its stored document,
// pointed at by the system's "Mock" environment, with faults on demand, stopped by the call and with their
// workspace.
import { afterEach, describe, expect, it } from 'vitest';
import { listEnvironments } from '../../../../src/main/sandbox/store/environments';
import { browserSession, sessionCalls } from '../../../helpers/calls';
import { openDemoSession } from '../../../helpers/handlers';
import { tempDir } from '../../../helpers/temp';
import { present } from '../../../helpers/narrow';

const sessions: Array<{ close: () => void }> = [];
afterEach(() => {
  for (const session of sessions.splice(0)) session.close();
});

async function demo() {
  const opened = await openDemoSession();
  sessions.push(opened.session);
  const systems = await opened.call('systems.list');
  const crm = present(systems.find((system) => system.name === 'CRM'), 'the CRM system');
  const accounting = present(systems.find((system) => system.name === 'Accounting'), 'the Accounting system');
  return { ...opened, crm, accounting };
}

/** Whether nothing answers at `url` any more (a fresh connection, not one kept alive from before). */
const refused = (url: string) =>
  fetch(url, { headers: { connection: 'close' } }).then(
    () => false,
    () => true,
  );

describe('mocks in the app', () => {
  it('serves a system from its stored document, behind the system’s "Mock" environment, and stops on request', async () => {
    const { session, call, crm } = await demo();
    const started = await call('mocks.start', { systemId: crm.id, seed: 7 });
    expect(started).toMatchObject({ systemId: crm.id, system: 'CRM', seed: 7, chaos: '' });
    expect(started.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v2$/);

    const answer = await fetch(`${started.url}/customers`, { headers: { authorization: 'Bearer any' } });
    expect(answer.status).toBe(200);
    expect(Array.isArray(((await answer.json()) as { data?: unknown[] }).data)).toBe(true);
    // The documented security is checked for presence.
    expect((await fetch(`${started.url}/customers`)).status).toBe(401);

    const store = { workspace: session.requireWorkspace(), secrets: { keys: session.services.keys } };
    const mockEnvironment = present(listEnvironments(store, crm.id).find((environment) => environment.name === 'Mock'), 'the Mock environment');
    expect(mockEnvironment).toMatchObject({ kind: 'mock', baseUrl: started.url, id: started.environmentId });
    expect(await call('mocks.list')).toEqual([started]);
    // Asking again answers the running mock.
    expect((await call('mocks.start', { systemId: crm.id })).port).toBe(started.port);

    expect(await call('mocks.stop', { systemId: crm.id })).toEqual({ stopped: true });
    await expect.poll(() => refused(`${started.url}/customers`)).toBe(true);
    expect(await call('mocks.list')).toEqual([]);
    expect(await call('mocks.stop', { systemId: crm.id })).toEqual({ stopped: false });
  });

  it('injects the faults asked for, refuses a chaos spec it cannot read, and stops with its workspace', async () => {
    const { session, call, accounting } = await demo();
    await expect(call('mocks.start', { systemId: accounting.id, chaos: 'error=lots' })).rejects.toThrow(/error/);
    const started = await call('mocks.start', { systemId: accounting.id, chaos: 'error=1' });
    expect(started.chaos).toBe('error=1');
    const catalogue = await call('systems.catalogue', { id: accounting.id });
    const get = present(catalogue.operations.find((operation) => operation.method === 'GET' && !operation.path.includes('{')), 'a GET without path parameters');
    const answer = await fetch(`${started.url}${get.path}`, { headers: { authorization: 'Bearer any', 'x-api-key': 'any' } });
    expect(answer.status).toBeGreaterThanOrEqual(500);

    session.close();
    await expect.poll(() => refused(`${started.url}${get.path}`)).toBe(true);
  });
});

describe('the demo', () => {
  it('opens with both systems’ mocks running, and the CRM’s samples showing a discovered field and a drift finding', async () => {
    const session = browserSession(tempDir());
    sessions.push(session);
    const { call } = sessionCalls(session);
    await call('workspace.openDemo');
    const mocks = await call('mocks.list');
    expect(mocks.map((mock) => mock.system).sort()).toEqual(['Accounting', 'CRM']);
    const crm = present(mocks.find((mock) => mock.system === 'CRM'), 'the CRM mock');

    // A request through the Mock environment reaches it.
    const sent = await call('sandbox.send', {
      request: { draft: { systemId: crm.systemId, name: 'List customers', method: 'GET', url: '{{baseUrl}}/customers', headers: [{ name: 'Authorization', value: 'Bearer demo' }] } },
      environmentId: crm.environmentId,
    });
    expect(sent).toMatchObject({ outcome: 'response', result: { status: 200 } });

    const customer = await call('systems.entity', { id: crm.systemId, entity: 'schema:Customer' });
    expect(customer.fields.find((field) => field.path === 'salesRegion')).toMatchObject({ discovered: { samples: 2 } });
    const drift = await call('sandbox.drift', { systemId: crm.systemId });
    expect(drift.rows.map((row) => `${row.field} ${row.kind}`)).toEqual(expect.arrayContaining(['salesRegion undocumented-field', 'customerTier enum']));
  });
});
