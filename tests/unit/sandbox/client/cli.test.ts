import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { addSystem } from '../../../../src/main/openapi/systems';
import { KeyFiles } from '../../../../src/main/platform/secrets';
import { saveEnvironment } from '../../../../src/main/sandbox/store/environments';
import { saveRequest } from '../../../../src/main/sandbox/store/requests';
import { createWorkspace } from '../../../../src/main/workspace/workspace';
import { bin } from '../../../helpers/cli';
import { tempDir } from '../../../helpers/temp';
import { environmentInput, requestInput } from './fixtures';
import { closedPort, listen, probeRoutes, type Seen } from './servers';

const seen: Seen[] = [];
let origin = '';
beforeAll(async () => {
  origin = `http://127.0.0.1:${await listen(http.createServer(probeRoutes(seen)))}`;
});

/** A workspace with system "crm", environments Local and Live (production), and saved requests; keys under home. */
async function workspaceWithRequests(home: string) {
  const file = path.join(tempDir(), 'probe.crosswalk');
  const workspace = createWorkspace(file, 'Probe');
  const { id: systemId } = addSystem(workspace, 'crm', { text: '{"openapi":"3.0.3","info":{"title":"CRM","version":"1"},"paths":{}}', files: {}, format: 'json', title: 'CRM', apiVersion: '1', openapiVersion: '3.0.3', source: 'pasted text' });
  const store = { workspace, secrets: { keys: new KeyFiles(path.join(home, 'keys')), env: {} } };
  saveEnvironment(store, environmentInput({ systemId, name: 'Local', kind: 'sandbox', baseUrl: origin }));
  saveEnvironment(store, environmentInput({ systemId, name: 'Live', kind: 'production', baseUrl: origin }));
  saveRequest(store, requestInput({ systemId, folder: 'Customers', name: 'Echo', method: 'GET', url: '{{baseUrl}}/echo', headers: [{ name: 'X-Token', value: '{{token}}' }, { name: 'Authorization', value: 'Bearer cli-SECRET-bearer' }] }));
  saveRequest(store, requestInput({ systemId, name: 'Big', method: 'GET', url: '{{baseUrl}}/big?bytes=2000000' }));
  saveRequest(store, requestInput({ systemId, name: 'Create', method: 'POST', url: '{{baseUrl}}/status?code=201' }));
  saveRequest(store, requestInput({ systemId, name: 'Broken server', method: 'GET', url: '{{baseUrl}}/status?code=503' }));
  saveRequest(store, requestInput({ systemId, name: 'Closed', method: 'GET', url: `http://127.0.0.1:${await closedPort()}/x` }));
  workspace.close();
  return file;
}

/** bin/crosswalk as a user runs it; asynchronously, as the servers it talks to live in this process. */
function run(home: string, args: string[], input?: string, env: Record<string, string> = {}): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { env: { ...process.env, CROSSWALK_HOME: home, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
    child.stdin.end(input ?? '');
  });
}

// Each run starts bin/crosswalk under tsx (a few seconds on this machine).
describe('crosswalk requests, secret set and send', { timeout: 90_000 }, () => {
  it('lists, stores a secret from stdin, and sends with --json in the documented shape', async () => {
    const home = tempDir();
    const file = await workspaceWithRequests(home);
    expect((await run(home, ['requests', file])).stdout).toContain(`crm/Customers/Echo  GET {{baseUrl}}/echo`);

    const stored = await run(home, ['secret', 'set', file, 'crm', 'token', '--env', 'Local'], 'tok-SECRET-from-stdin\n');
    expect(stored).toMatchObject({ status: 0, stdout: `Stored the secret {{token}} in crm's environment "Local", sealed.\n` });
    expect(fs.readFileSync(file).includes('tok-SECRET-from-stdin')).toBe(false);

    const sent = await run(home, ['send', file, 'crm/Customers/Echo', '--env', 'Local', '--json']);
    expect(sent.status).toBe(0);
    const printed = JSON.parse(sent.stdout) as Record<string, unknown> & { body: { headers: Record<string, string> }; timings: Record<string, unknown> };
    expect(Object.keys(printed)).toEqual(['request', 'status', 'timings', 'headers', 'size', 'body']);
    expect(printed.request).toEqual({ method: 'GET', url: `${origin}/echo` });
    expect(printed.status).toBe(200);
    expect(Object.keys(printed.timings)).toEqual(['dns', 'connect', 'tls', 'firstByte', 'download', 'total']);
    expect(printed.timings).toMatchObject({ dns: null, tls: null });
    expect(printed.body.headers['x-token']).toBe('tok-SECRET-from-stdin');
    expect(seen.at(-1)!.headers.authorization).toBe('Bearer cli-SECRET-bearer');

    const big = JSON.parse((await run(home, ['send', file, 'crm/Big', '--env', 'Local', '--json'])).stdout) as { size: number; bodyFile: string; bodyTruncated: boolean; body: string };
    expect(big).toMatchObject({ size: 2_000_000, bodyTruncated: true });
    expect(fs.statSync(big.bodyFile).size).toBe(2_000_000);
    expect(big.bodyFile.startsWith(path.join(home, 'cache'))).toBe(true);
  });

  it('exits 0 on an HTTP error status, 1 with one line on a refused port, a missing value or an unconfirmed production write', async () => {
    const home = tempDir();
    const file = await workspaceWithRequests(home);
    const missing = await run(home, ['send', file, 'crm/Echo', '--env', 'Local']);
    expect(missing).toMatchObject({ status: 1, stdout: '' });
    expect(missing.stderr).toBe('crosswalk: nothing was sent: these values are missing: token (--var token=… or CROSSWALK_SECRET_TOKEN).\n');
    expect((await run(home, ['send', file, 'crm/Echo', '--env', 'Local', '--var', 'token=t1'])).status).toBe(0);
    expect((await run(home, ['send', file, 'crm/Echo', '--env', 'Local'], undefined, { CROSSWALK_SECRET_TOKEN: 'from-env' })).status).toBe(0);
    expect(seen.at(-1)!.headers['x-token']).toBe('from-env');

    const unavailable = await run(home, ['send', file, 'crm/Broken server', '--env', 'Local', '--json']);
    expect(unavailable.status).toBe(0);
    expect(JSON.parse(unavailable.stdout)).toMatchObject({ status: 503, body: { title: 'nope' } });

    const closed = await run(home, ['send', file, 'crm/Closed']);
    expect(closed.status).toBe(1);
    expect(closed.stderr).toMatch(/^crosswalk: The connection to 127\.0\.0\.1:\d+ was refused: is the server running\?\n$/);

    const live = await run(home, ['send', file, 'crm/Create', '--env', 'Live']);
    expect(live.status).toBe(1);
    expect(live.stderr).toBe('crosswalk: nothing was sent: "Live" is a production environment: confirm that this POST may change real data there. Add --confirm-production to send it.\n');
    const confirmed = await run(home, ['send', file, 'crm/Create', '--env', 'Live', '--confirm-production']);
    expect(confirmed.status).toBe(0);
    expect(confirmed.stdout.split('\n')[1]).toMatch(/^201 Created {2}16 bytes {2}dns -, connect \d+ ms/);
  });
});
