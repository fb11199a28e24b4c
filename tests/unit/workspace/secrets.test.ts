import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Redactor } from '../../../src/main/platform/redact';
import { KeyFiles } from '../../../src/main/platform/secrets';
import { LATEST_SCHEMA_VERSION } from '../../../src/main/workspace/migrations';
import { deleteSecret, listSecrets, readSecret, setSecret, workspaceIdOf } from '../../../src/main/workspace/secrets';
import { createWorkspace, openWorkspace, type Workspace } from '../../../src/main/workspace/workspace';
import { tempDir } from '../../helpers/temp';

const API_KEY = 'sk_live_51HhPLAINapiKEY';
const PASSWORD = 'hunter2-plain-PASSWORD';

function newWorkspace(dir = tempDir()): Workspace {
  return createWorkspace(path.join(dir, 'shared.crosswalk'), 'Orders to invoices');
}

/** The bytes SQLite keeps for the workspace: the file and its write-ahead log. */
const storedBytes = (workspace: Workspace) =>
  Buffer.concat([workspace.path, `${workspace.path}-wal`].filter((file) => fs.existsSync(file)).map((file) => fs.readFileSync(file)));

const sealedOf = (workspace: Workspace, name: string) =>
  workspace.read((db) => db.prepare("SELECT sealed FROM secret WHERE scope = '' AND name = ?").pluck().get(name) as string);

describe('a workspace id', () => {
  it('is random for each new workspace', () => {
    const [one, two] = [newWorkspace(), newWorkspace()];
    expect(workspaceIdOf(one)).toMatch(/^[0-9a-f]{32}$/);
    expect(workspaceIdOf(one)).not.toBe(workspaceIdOf(two));
    one.close();
    two.close();
  });

  it('is given to workspaces written before secrets existed', async () => {
    const file = path.join(tempDir(), 'v4-demo.crosswalk');
    fs.copyFileSync(path.resolve(__dirname, '../../fixtures/workspaces/v4-demo.crosswalk'), file);
    const workspace = await openWorkspace(file);
    expect(workspace.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(workspaceIdOf(workspace)).toMatch(/^[0-9a-f]{32}$/);
    expect(listSecrets(workspace, { keys: new KeyFiles(path.join(tempDir(), 'keys')) })).toEqual([]);
    workspace.close();
  });
});

describe("a workspace's secrets", () => {
  it('open on the sealing machine and are named as missing on another one', async () => {
    const sealingMachine = new KeyFiles(path.join(tempDir(), 'keys'));
    const otherMachine = new KeyFiles(path.join(tempDir(), 'keys'));
    const workspace = newWorkspace();
    setSecret(workspace, { keys: sealingMachine }, { name: 'api_key' }, API_KEY);
    setSecret(workspace, { keys: sealingMachine }, { name: 'password', scope: 'system:1' }, PASSWORD);
    expect(readSecret(workspace, { keys: sealingMachine }, { name: 'api_key' })).toBe(API_KEY);
    expect(readSecret(workspace, { keys: sealingMachine }, { name: 'password', scope: 'system:1' })).toBe(PASSWORD);
    expect(readSecret(workspace, { keys: sealingMachine }, { name: 'password' })).toBeUndefined();
    const file = workspace.path;
    workspace.close();

    // The same file, shared with a colleague whose key store does not hold this workspace's key.
    const shared = await openWorkspace(file);
    const listed = listSecrets(shared, { keys: otherMachine, env: {} });
    expect(listed.map(({ scope, name, opensHere }) => ({ scope, name, opensHere }))).toEqual([
      { scope: '', name: 'api_key', opensHere: false },
      { scope: 'system:1', name: 'password', opensHere: false },
    ]);
    expect(() => readSecret(shared, { keys: otherMachine, env: {} }, { name: 'api_key' })).toThrow(
      'The secret "api_key" was sealed on another machine or for another user: enter it again.',
    );
    expect(() => readSecret(shared, { keys: otherMachine, env: {} }, { name: 'password', scope: 'system:1' })).toThrow(/^The secret "password" \(system:1\) was sealed/);

    // Entering one again there seals it for that machine, which the first one now cannot open.
    setSecret(shared, { keys: otherMachine }, { name: 'api_key' }, 'sk_live_51HhRE-ENTERED');
    expect(listSecrets(shared, { keys: otherMachine, env: {} }).map((secret) => [secret.name, secret.opensHere])).toEqual([['api_key', true], ['password', false]]);
    expect(listSecrets(shared, { keys: sealingMachine, env: {} }).map((secret) => [secret.name, secret.opensHere])).toEqual([['api_key', false], ['password', true]]);
    expect(() => readSecret(shared, { keys: sealingMachine, env: {} }, { name: 'api_key' })).toThrow(/^The secret "api_key" does not open with this machine's key/);
    shared.close();
  });

  it('are overridden by CROSSWALK_SECRET_<NAME>, also where they cannot be opened', () => {
    const workspace = newWorkspace();
    setSecret(workspace, { keys: new KeyFiles(path.join(tempDir(), 'keys')) }, { name: 'api_key' }, API_KEY);
    const elsewhere = { keys: new KeyFiles(path.join(tempDir(), 'keys')), env: { CROSSWALK_SECRET_API_KEY: 'sk_test_from_ci' } };
    expect(readSecret(workspace, elsewhere, { name: 'api_key' })).toBe('sk_test_from_ci');
    expect(readSecret(workspace, elsewhere, { name: 'api-key', scope: 'system:2' })).toBe('sk_test_from_ci');
    expect(listSecrets(workspace, elsewhere)).toEqual([{ scope: '', name: 'api_key', updatedAt: expect.any(String), opensHere: false, fromEnvironment: true }]);
    workspace.close();
  });

  it('never reach the workspace file or its WAL as plain text, and a rewrite or delete leaves no old sealed value', () => {
    const keys = new KeyFiles(path.join(tempDir(), 'keys'));
    const workspace = newWorkspace();
    setSecret(workspace, { keys }, { name: 'api_key' }, API_KEY);
    setSecret(workspace, { keys }, { name: 'password' }, PASSWORD);
    const before = [sealedOf(workspace, 'api_key'), sealedOf(workspace, 'password')];
    let bytes = storedBytes(workspace);
    for (const plain of [API_KEY, PASSWORD]) expect(bytes.includes(plain)).toBe(false);

    setSecret(workspace, { keys }, { name: 'api_key' }, `${API_KEY}-rotated`);
    expect(deleteSecret(workspace, { name: 'password' })).toBe(true);
    expect(deleteSecret(workspace, { name: 'password' })).toBe(false);
    bytes = storedBytes(workspace);
    for (const gone of [API_KEY, PASSWORD, ...before]) expect(bytes.includes(gone)).toBe(false);
    expect(readSecret(workspace, { keys }, { name: 'api_key' })).toBe(`${API_KEY}-rotated`);
    workspace.close();
  });

  it('teach the redactor every value set or read', () => {
    const keys = new KeyFiles(path.join(tempDir(), 'keys'));
    const workspace = newWorkspace();
    const setting = new Redactor();
    setSecret(workspace, { keys, redactor: setting }, { name: 'api_key' }, API_KEY);
    const reading = new Redactor();
    readSecret(workspace, { keys, redactor: reading, env: {} }, { name: 'api_key' });
    for (const redactor of [setting, reading]) expect(redactor.text(`key ${API_KEY} refused`)).toBe('key *** refused');
    workspace.close();
  });

  it('refuse an empty value, an unusable name, and a workspace kept in the key folder', () => {
    const keysDir = path.join(tempDir(), 'keys');
    const keys = new KeyFiles(keysDir);
    const workspace = newWorkspace();
    expect(() => setSecret(workspace, { keys }, { name: 'api_key' }, '')).toThrow(/has no value/);
    expect(() => setSecret(workspace, { keys }, { name: ' ' }, API_KEY)).toThrow(/cannot name a secret/);
    expect(() => setSecret(workspace, { keys }, { name: 'a\nb' }, API_KEY)).toThrow(/cannot name a secret/);
    workspace.close();

    const inKeyFolder = newWorkspace(keysDir);
    expect(() => setSecret(inKeyFolder, { keys }, { name: 'api_key' }, API_KEY)).toThrow(/is inside .*where Crosswalk keeps the keys/);
    expect(listSecrets(inKeyFolder, { keys })).toEqual([]);
    inKeyFolder.close();
  });
});
