// Credentials planted in a document's servers, in its `$ref` addresses and in the address typed on the
// command line are found nowhere afterwards: not in the workspace file's bytes (WAL included), CLI
// output, contract responses, logs or exports. The document is served by a real server on 127.0.0.1.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importApiDocument } from '../../../../src/main/openapi/import';
import { bin } from '../../../helpers/cli';
import { openNewSession } from '../../../helpers/handlers';
import { withStatus } from '../../../helpers/narrow';
import { tempDir } from '../../../helpers/temp';

const PLANTED = {
  cliPassword: 'CliPass-planted-71',
  cliToken: 'CliTok-planted-72',
  serverPassword: 'SrvPass-planted-73',
  serverKey: 'SrvKey-planted-74',
  refPassword: 'RefPass-planted-75',
  refToken: 'RefTok-planted-76',
};
const secrets = Object.values(PLANTED);
const PLACEHOLDERS = ['server_username', 'server_password', 'api_key', 'server_username_2', 'server_password_2', 'access_token'];

let server: http.Server;
let base: string;

beforeAll(async () => {
  server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/openapi.yaml') {
      response.setHeader('content-type', 'application/yaml');
      response.end(
        [
          'openapi: 3.0.3',
          "info: { title: Pets, version: '1' }",
          'servers:',
          `  - url: https://svc-user:${PLANTED.serverPassword}@api.pets.example/v1?api_key=${PLANTED.serverKey}`,
          '    description: production',
          'paths: {}',
          'components:',
          '  schemas:',
          '    Pet:',
          `      $ref: 'http://ref-user:${PLANTED.refPassword}@${request.headers.host}/schemas.yaml?access_token=${PLANTED.refToken}#/Pet'`,
          '',
        ].join('\n'),
      );
      return;
    }
    if (url.pathname === '/schemas.yaml') {
      response.setHeader('content-type', 'application/yaml');
      response.end('Pet:\n  type: object\n  properties:\n    name: { type: string }\n');
      return;
    }
    response.statusCode = 404;
    response.end('not here');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** Runs bin/crosswalk without blocking this process (the test's server must answer meanwhile). */
function crosswalk(args: string[], home: string): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve) => {
    execFile(bin, args, { encoding: 'utf8', env: { ...process.env, CROSSWALK_HOME: home } }, (error, stdout, stderr) => {
      resolve({ status: error ? ((error as { code?: number }).code ?? 1) : 0, output: `${stdout}\n${stderr}` });
    });
  });
}

/** Every file's bytes under `dir`, as text. */
function bytesUnder(dir: string): string {
  let all = '';
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) all += fs.readFileSync(path.join(entry.parentPath, entry.name)).toString('latin1');
  }
  return all;
}

const expectNone = (where: string, text: string) => {
  for (const secret of secrets) expect(text.includes(secret), `${secret} in ${where}`).toBe(false);
};

const typedUrl = () => `http://cli-user:${PLANTED.cliPassword}@${base}/openapi.yaml?token=${PLANTED.cliToken}`;

describe('credentials planted in a document and on the command line', () => {
  it('are replaced by placeholders in what the import returns, which says so', async () => {
    const result = withStatus(await importApiDocument(typedUrl(), { validation: false }), 'imported');
    expect(result.removedCredentials).toEqual(PLACEHOLDERS);
    expect(result.catalogue.servers.map((server) => server.url)).toEqual(['https://{{server_username}}:{{server_password}}@api.pets.example/v1?api_key={{api_key}}']);
    // The $ref's own user-info differs from the server's: placeholders of their own.
    expect(result.text).toContain(`$ref: 'http://{{server_username_2}}:{{server_password_2}}@${base}/schemas.yaml?access_token={{access_token}}#/Pet'`);
    expectNone('the import result', JSON.stringify({ ...result, validation: undefined }));
  });

  it('are found nowhere: workspace bytes (WAL included), CLI output, contract responses, logs, exports', async () => {
    const dir = tempDir();
    const home = path.join(dir, 'home');
    fs.mkdirSync(home);
    const workspace = path.join(dir, 'w.crosswalk');
    const outputs: string[] = [];
    const run = async (args: string[]) => {
      const result = await crosswalk(args, home);
      outputs.push(result.output);
      return result;
    };

    expect((await run(['demo', workspace])).status).toBe(0);
    const added = await run(['add-system', workspace, 'Pets', typedUrl()]);
    expect(added.status, added.output).toBe(0);
    expect(added.output).toContain('the document contained credentials in its addresses');
    expect((await run(['import', typedUrl()])).output).toContain('https://{{server_username}}:{{server_password}}@api.pets.example/v1?api_key={{api_key}}');
    expect((await run(['import', typedUrl(), '--json'])).status).toBe(0);
    // Failures quote the typed address: redacted.
    const missing = await run(['import', `http://cli-user:${PLANTED.cliPassword}@${base}/missing.yaml?token=${PLANTED.cliToken}`]);
    expect(missing.status).toBe(1);
    expect(missing.output).toContain(`http://***@${base}/missing.yaml?token=***`);
    const notThere = await run(['add-system', workspace, 'Other', `http://cli-user:${PLANTED.cliPassword}@${base}/missing.yaml?token=${PLANTED.cliToken}`]);
    expect(notThere.status).toBe(1);
    const exports = path.join(dir, 'exports');
    fs.mkdirSync(exports);
    expect((await run(['export', workspace, '--json', path.join(exports, 'spec.json'), '--md', path.join(exports, 'spec.md'), '--xlsx', path.join(exports, 'spec.xlsx')])).status).toBe(0);
    expect((await run(['info', workspace, '--json'])).status).toBe(0);

    // Contract responses, from a session of the app.
    const { dir: contractDir, session, call, raw } = openNewSession('Contract');
    const imported = withStatus(await call('systems.import', { name: 'Pets', source: { kind: 'url', url: typedUrl() } }), 'imported');
    expect(imported.removedCredentials).toEqual(PLACEHOLDERS);
    const refused = await raw('systems.import', { name: 'Gone', source: { kind: 'url', url: `http://cli-user:${PLANTED.cliPassword}@${base}/missing.yaml?token=${PLANTED.cliToken}` } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'API_DOC_HTTP_STATUS' } });
    const responses = [imported, refused, await call('systems.list', {}), await call('systems.catalogue', { id: imported.system.id })];
    session.close();

    expectNone('CLI output', outputs.join('\n'));
    expectNone('contract responses', JSON.stringify(responses));
    expectNone('the workspace files and their WAL', bytesUnder(dir) + bytesUnder(contractDir));
    expectNone('logs and settings', bytesUnder(home));
    expect(fs.readFileSync(path.join(exports, 'spec.md'), 'utf8')).toContain('api.pets.example');
  }, 180_000); // eight runs of bin/crosswalk, each starting tsx
});
