// `crosswalk mock` as a user runs it: the spawned CLI prints its address first, answers on 127.0.0.1
// (generated bodies, request checks, Prefer, chaos), stops on SIGTERM, and explains bad input.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { PayloadValidator } from '../../../src/main/openapi/payload/validator';
import { loadMockDocument } from '../../../src/main/sandbox/mock/source';
import { bin, crosswalk, demoDocument } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp';

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

/** Starts `crosswalk mock …` and resolves with its first line and the process. */
async function startCli(args: string[]) {
  const child = spawn(bin, ['mock', ...args], { env: { ...process.env, CROSSWALK_HOME: tempDir() } });
  children.push(child);
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const firstLine = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`mock exited with ${code}: ${stderr}`)));
  });
  return { child, firstLine };
}

const bearer = { authorization: 'Bearer test' };

describe('crosswalk mock', () => {
  it('prints its address first, serves generated answers that validate, checks requests, and stops on SIGTERM', async () => {
    const { child, firstLine } = await startCli([demoDocument('crm.openapi.yaml'), '--seed', '7', '--port', '0']);
    const match = /^Crosswalk mock of Acme CRM API at (http:\/\/127\.0\.0\.1:\d+)(\/v2)$/.exec(firstLine);
    expect(match, firstLine).not.toBeNull();
    const base = `${match![1]}${match![2]}`;

    const customer = await fetch(`${base}/customers/0b7c5a4e-9d1f-4c3b-8a2e-6f1d2c3b4a59`, { headers: bearer });
    expect(customer.status).toBe(200);
    const body = await customer.json();
    const { document } = await loadMockDocument(demoDocument('crm.openapi.yaml'));
    expect(new PayloadValidator(document, { mode: 'open', direction: 'response' }).validate('#/components/schemas/Customer', body)).toEqual([]);

    expect((await fetch(`${base}/customers/0b7c5a4e-9d1f-4c3b-8a2e-6f1d2c3b4a59`)).status).toBe(401);
    const invalid = await fetch(`${base}/customers?limit=100000`, { headers: bearer });
    expect(invalid.status).toBe(400);
    expect(((await invalid.json()) as { errors: Array<{ pointer: string }> }).errors.map((error) => error.pointer)).toEqual(['/query/limit']);
    expect((await fetch(`${base}/customers/0b7c5a4e-9d1f-4c3b-8a2e-6f1d2c3b4a59`, { headers: { ...bearer, prefer: 'code=404' } })).status).toBe(404);

    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 60_000);

  it('gives the same answers for the same seed in another run', async () => {
    const bodies: unknown[] = [];
    for (let run = 0; run < 2; run++) {
      const { child, firstLine } = await startCli([demoDocument('crm.openapi.yaml'), '--seed', '42']);
      const base = firstLine.split(' at ')[1]!;
      bodies.push(await (await fetch(`${base}/customers/5d6c0f7e-1a2b-4c3d-9e8f-0a1b2c3d4e5f`, { headers: bearer })).json());
      child.kill('SIGTERM');
    }
    expect(bodies[1]).toEqual(bodies[0]);
  }, 60_000);

  it('serves a workspace system chosen with --system, and injects --chaos faults', async () => {
    const workspace = path.join(tempDir(), 'demo.crosswalk');
    expect(crosswalk(['demo', workspace]).status).toBe(0);
    const { firstLine } = await startCli([workspace, '--system', 'Accounting', '--chaos', 'ratelimit=2/min']);
    const match = /^Crosswalk mock of Ledgerly Accounting API at (http:\/\/127\.0\.0\.1:\d+\/api\/v1)$/.exec(firstLine);
    expect(match, firstLine).not.toBeNull();
    const key = { 'x-ledgerly-key': 'k' };
    expect((await fetch(`${match![1]}/contacts`, { headers: key })).status).toBe(200);
    expect((await fetch(`${match![1]}/contacts`, { headers: key })).status).toBe(200);
    const limited = await fetch(`${match![1]}/contacts`, { headers: key });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  }, 60_000);

  it('asks which system of a workspace with several, naming them', () => {
    const workspace = path.join(tempDir(), 'demo.crosswalk');
    crosswalk(['demo', workspace]);
    const result = crosswalk(['mock', workspace]);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(`crosswalk: ${workspace} has 2 systems: choose one with --system ("CRM", "Accounting").\n`);
    expect(crosswalk(['mock', workspace, '--system', 'Billing']).stderr).toBe(`crosswalk: ${workspace} has no system named "Billing": its systems are "CRM", "Accounting".\n`);
  }, 60_000);

  it('refuses a chaos spec or seed it cannot read, saying how to write it', () => {
    const chaos = crosswalk(['mock', demoDocument('crm.openapi.yaml'), '--chaos', 'latency=fast']);
    expect(chaos.status).toBe(1);
    expect(chaos.stderr).toBe(
      'crosswalk: --chaos "latency=fast": latency is a duration or a range (200ms, 200-800ms, 2s). Write it like latency=200-800ms,error=0.05,reset=0.01,timeout=0.01,ratelimit=100/min.\n',
    );
    expect(crosswalk(['mock', demoDocument('crm.openapi.yaml'), '--seed', 'abc']).stderr).toBe('crosswalk: --seed must be a whole number from 0 to 999999999, not "abc".\n');
    expect(crosswalk(['mock']).status).toBe(2);
  }, 60_000);

  it('lists mock in --help with its --chaos spec', () => {
    const help = crosswalk(['--help']).stdout;
    expect(help).toContain('mock <api-doc-or-workspace> [--system NAME] [--port N] [--seed N] [--chaos SPEC]');
    expect(help).toContain('latency=200-800ms,error=0.05,reset=0.01,timeout=0.01,ratelimit=100/min');
  });
});
