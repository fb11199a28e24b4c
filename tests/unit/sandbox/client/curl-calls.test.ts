// Copy as cURL and paste a cURL command, through the calls the request bar makes: variables resolved from
// the environment, secrets masked unless asked for, and a pasted command read back as a request.
import { describe, expect, it } from 'vitest';
import { openDemoSession } from '../../../helpers/handlers';
import { present } from '../../../helpers/narrow';

const TOKEN = 'tok-PLAIN-5b1e0c';

describe('cURL in the request bar', () => {
  it('copies a request with its variables resolved and its secrets masked unless included, and reads the copy back', async () => {
    const { call } = await openDemoSession();
    const crm = present((await call('systems.list')).find((system) => system.name === 'CRM'), 'the CRM');
    const environment = await call('sandbox.saveEnvironment', {
      systemId: crm.id,
      name: 'Local',
      kind: 'sandbox',
      baseUrl: 'http://127.0.0.1:9/v2',
      variables: [
        { name: 'customerId', value: 'C-42' },
        { name: 'token', value: TOKEN, secret: true },
      ],
    });
    const draft = { systemId: crm.id, name: 'Get', method: 'GET' as const, url: '{{baseUrl}}/customers/{{customerId}}', headers: [{ name: 'Authorization', value: 'Bearer {{token}}' }] };

    const masked = await call('sandbox.copyCurl', { request: { draft }, environmentId: environment.id });
    expect(masked.text).toContain('http://127.0.0.1:9/v2/customers/C-42');
    expect(masked.text).not.toContain(TOKEN);
    expect(masked.text).toContain('***');
    expect(masked.unresolved).toEqual([]);

    const whole = await call('sandbox.copyCurl', { request: { draft }, environmentId: environment.id, includeSecrets: true });
    expect(whole.text).toContain(`Bearer ${TOKEN}`);

    const pasted = await call('sandbox.parseCurl', { systemId: crm.id, text: whole.text });
    expect(pasted.draft).toMatchObject({ systemId: crm.id, method: 'GET', url: 'http://127.0.0.1:9/v2/customers/C-42' });
    // The bearer header becomes the request's auth, sealed when the request is saved.
    expect(pasted.draft.auth).toMatchObject({ kind: 'bearer', token: TOKEN });

    // Without an environment, the variables stay as written and are named.
    const bare = await call('sandbox.copyCurl', { request: { draft } });
    expect(bare.unresolved).toEqual(expect.arrayContaining(['baseUrl', 'customerId', 'token']));
  });
});
