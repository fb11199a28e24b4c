import { spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/temp';
import { crosswalk } from '../../helpers/cli';

const bin = path.resolve(__dirname, '../../../bin/crosswalk');


describe('crosswalk demo and info', () => {
  it('writes the demo workspace and describes both systems and the flows as JSON', () => {
    const file = path.join(tempDir(), 'demo.crosswalk');
    expect(crosswalk(['demo', file])).toMatchObject({ status: 0, stderr: '' });

    const info = crosswalk(['info', file, '--json']);
    expect(info.status).toBe(0);
    expect(JSON.parse(info.stdout)).toEqual({
      path: file,
      schemaVersion: expect.any(Number),
      systems: [
        { name: 'CRM', title: 'Acme CRM API', specVersion: '3.1.0', openapiVersion: '3.1.0' },
        { name: 'Accounting', title: 'Ledgerly Accounting API', specVersion: '2.0', openapiVersion: '2.0' },
      ],
      flows: [
        { name: 'Customers to contacts', source: 'CRM:Customer', target: 'Accounting:Contact' },
        { name: 'Orders to invoices', source: 'CRM:Order', target: 'Accounting:Invoice' },
      ],
    });
  });

  it('prints a readable summary without --json', () => {
    const file = path.join(tempDir(), 'demo.crosswalk');
    crosswalk(['demo', file]);
    const info = crosswalk(['info', file]);
    expect(info.stdout).toMatch(/Systems \(2\)\n {2}CRM +Acme CRM API .+OpenAPI 3\.1\.0\n {2}Accounting +Ledgerly Accounting API .+Swagger 2\.0/);
    expect(info.stdout).toContain('Orders to invoices      CRM:Order -> Accounting:Invoice');
  });

  it('refuses to write the demo over an existing file', () => {
    const file = path.join(tempDir(), 'demo.crosswalk');
    crosswalk(['demo', file]);
    const again = crosswalk(['demo', file]);
    expect(again.status).toBe(1);
    expect(again.stderr).toBe(`crosswalk: ${file} already exists: open it, or choose another file name.\n`);
  });
});

describe('crosswalk errors', () => {
  it('exits 1 with one clear line for a workspace that does not exist', () => {
    const result = crosswalk(['info', '/nonexistent']);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toEqual([
      'crosswalk: There is no workspace at /nonexistent: check the path, or create one (crosswalk demo <file>, or New Workspace in the app).',
    ]);
  });

  it('exits 1 without a stack trace for a file that is not a workspace', () => {
    const result = crosswalk(['info', bin]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^crosswalk: .*bin\/crosswalk is not a Crosswalk workspace \(it is not an SQLite database\)/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it.each([
    [['frobnicate'], /Unknown command "frobnicate"/],
    [[], /No command given/],
    [['info'], /info takes one argument/],
    [['info', 'a', '--colour'], /Unknown option '--colour'/],
    [['serve', '--port', 'eighty'], /--port must be a number/],
  ])('exits 2 for wrong usage %j', (args, message) => {
    const result = crosswalk(args);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toContain('Run "crosswalk --help" for usage.');
  });

  it('explains every command in --help', () => {
    const help = crosswalk(['--help']);
    expect(help.status).toBe(0);
    for (const command of ['demo <file>', 'info <file> [--json]', 'serve [<file>] [--port N]']) expect(help.stdout).toContain(command);
  });
});

describe('crosswalk serve', () => {
  it('prints its address as the first line and answers calls carrying the token', async () => {
    const home = tempDir();
    const child = spawn(bin, ['serve', '--port', '0'], { env: { ...process.env, CROSSWALK_HOME: home } });
    try {
      const firstLine = await new Promise<string>((resolve, reject) => {
        createInterface({ input: child.stdout }).once('line', resolve);
        child.once('exit', (code) => reject(new Error(`serve exited with ${code}`)));
      });
      const match = /^Crosswalk is serving at (http:\/\/127\.0\.0\.1:\d+)\/\?token=([\w-]+)$/.exec(firstLine);
      expect(match, firstLine).not.toBeNull();
      const [, origin, token] = match!;
      const response = await fetch(`${origin}/api/workspace.current`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-crosswalk-token': token! },
        body: '{}',
      });
      const body = await response.json();
      expect(body).toMatchObject({ ok: true, value: { fileName: 'demo.crosswalk', counts: { systems: 2, flows: 2 } } });
      expect((await fetch(`${origin}/api/workspace.current`, { method: 'POST', body: '{}' })).status).toBe(401);
    } finally {
      child.kill('SIGTERM');
    }
  });

  it('exits 1 with a clear line when the port is taken', async () => {
    const net = await import('node:net');
    const blocker = net.createServer().listen(0, '127.0.0.1');
    await new Promise((resolve) => blocker.once('listening', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const result = crosswalk(['serve', '--port', String(port)]);
      expect(result.status).toBe(1);
      expect(result.stderr).toBe(`crosswalk: Port ${port} is already in use: choose another with --port, or leave it out to use a free one.\n`);
    } finally {
      blocker.close();
    }
  });
});
