// `crosswalk sample` against the demo CRM's mock running in this process: one response saved as a sample
// (its history entry the provenance), then two pages followed through the send path with --pages; the
// request's variables and bearer token are what `crosswalk send` would use (the mock answers 401 without).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoWorkspace } from '../../../src/main/demo/demo-workspace';
import { listSystems } from '../../../src/main/openapi/systems';
import { KeyFiles } from '../../../src/main/platform/secrets';
import { startMock, type RunningMock } from '../../../src/main/sandbox/mock/server';
import { listSamples } from '../../../src/main/sandbox/samples/samples';
import { saveEnvironment } from '../../../src/main/sandbox/store/environments';
import { saveRequest } from '../../../src/main/sandbox/store/requests';
import { openWorkspace } from '../../../src/main/workspace/workspace';
import { bin } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp';
import { environmentInput, requestInput } from '../sandbox/client/fixtures';
import { demoDocument } from '../sandbox/samples/fixtures';

let mock: RunningMock;
beforeAll(async () => {
  mock = await startMock(parse(fs.readFileSync(demoDocument('crm.openapi.yaml'), 'utf8')) as Record<string, unknown>, { seed: 5 });
});
afterAll(() => mock.close());

/** bin/crosswalk as a user runs it; asynchronously, as the mock it talks to lives in this process. */
function run(home: string, args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { env: { ...process.env, CROSSWALK_HOME: home } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
    child.stdin.end();
  });
}

async function samplesOf(file: string) {
  const workspace = await openWorkspace(file);
  try {
    const crm = listSystems(workspace).find((system) => system.name === 'CRM')!;
    return listSamples(workspace, { systemId: crm.id });
  } finally {
    workspace.close();
  }
}

describe('crosswalk sample', { timeout: 120_000 }, () => {
  it('saves a response, then pages, as samples with their history entries; refuses without the values it needs', async () => {
    const home = tempDir();
    const file = path.join(tempDir(), 'demo.crosswalk');
    const workspace = await createDemoWorkspace(file);
    const crm = listSystems(workspace).find((system) => system.name === 'CRM')!;
    const store = { workspace, secrets: { keys: new KeyFiles(path.join(home, 'keys')), env: {} } };
    saveEnvironment(store, environmentInput({ systemId: crm.id, name: 'Local', kind: 'sandbox', baseUrl: mock.url }));
    const auth = { kind: 'bearer', token: '{{token}}' };
    saveRequest(store, requestInput({ systemId: crm.id, name: 'List customers', method: 'GET', url: '{{baseUrl}}/customers?limit=10', origin: { operation: 'GET /customers', documentVersion: 1 }, auth }));
    saveRequest(store, requestInput({ systemId: crm.id, name: 'Get customer', method: 'GET', url: '{{baseUrl}}/customers/5f0c2a8e-3b1d-4c6a-9e2f-7a41d8b9c013', origin: { operation: 'GET /customers/{customerId}', documentVersion: 1 }, auth }));
    workspace.close();
    const before = (await samplesOf(file)).length;

    const one = await run(home, ['sample', file, 'CRM/Get customer', '--entity', 'Customer', '--env', 'Local', '--var', 'token=cli-token-1']);
    expect(one.stderr).toBe('');
    expect(one.status).toBe(0);
    const [line, findings] = one.stdout.trimEnd().split('\n');
    expect(line).toMatch(/^Saved sample \d+ of Customer \(CRM, GET \/customers\/\{customerId\}, 200, history entry \d+\)\.$/);
    expect(findings).toMatch(/^Contract findings: \d+/);
    let samples = await samplesOf(file);
    expect(samples).toHaveLength(before + 1);
    expect(samples[0]).toMatchObject({ entity: 'schema:Customer', operation: 'GET /customers/{customerId}', status: 200, environment: 'Local', method: 'GET', historyId: expect.any(Number) });
    expect(samples[0]!.findings).toHaveLength(Number(/Contract findings: (\d+)/.exec(findings!)![1]));

    const paged = await run(home, ['sample', file, 'CRM/List customers', '--entity', 'schema:Customer', '--pages', '2', '--env', 'Local', '--var', 'token=cli-token-1']);
    expect(paged.status).toBe(0);
    expect(paged.stderr).toBe('Page 1: 10 of 1000 records\nPage 2: 20 of 1000 records\n');
    const pagedLines = paged.stdout.trimEnd().split('\n');
    expect(pagedLines[0]).toMatch(/^Saved 2 samples of Customer \(CRM, GET \/customers\): 20 records over 2 pages, link paging, stopped at --pages 2\.$/);
    samples = await samplesOf(file);
    const pages = samples.slice(0, 2);
    expect(samples).toHaveLength(before + 3);
    expect(pages.map((sample) => [sample.operation, sample.environment, sample.historyId === null])).toEqual([
      ['GET /customers', 'Local', false],
      ['GET /customers', 'Local', false],
    ]);
    // The page size written in the request's address kept; the second page asked for the cursor the first one gave.
    expect(pages.map((sample) => sample.url)).toEqual([expect.stringMatching(/\/customers\?limit=10&\w+=./), expect.stringMatching(/\/customers\?limit=10$/)]);
    const count = pages.flatMap((sample) => sample.findings).length;
    expect(pagedLines[1]).toBe(count === 0 ? 'Contract findings: 0 (the responses keep to the document).' : `Contract findings: ${count} (crosswalk drift ${file} shows them per entity and field).`);

    const missing = await run(home, ['sample', file, 'CRM/List customers', '--entity', 'Customer', '--pages', '2', '--env', 'Local']);
    expect(missing).toMatchObject({ status: 1, stdout: '' });
    expect(missing.stderr).toMatch(/^crosswalk: Nothing was sent: these values are missing: token \(--var token=… or CROSSWALK_SECRET_TOKEN\)\.\n$/);
    const unknown = await run(home, ['sample', file, 'CRM/Get customer', '--entity', 'Invoice', '--var', 'token=x', '--env', 'Local']);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(/^crosswalk: CRM has no entity named "Invoice": its entities include "Customer"/);
    expect((await run(home, ['sample', file, 'CRM/Get customer'])).stderr).toMatch(/sample needs --entity NAME/);
    expect(await samplesOf(file)).toHaveLength(before + 3);
  });
});
