import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { open, seal } from '../../../src/main/platform/secrets/cipher';
import {
  chooseKeyStore,
  environmentSecret,
  environmentVariableOf,
  KeyFiles,
  openSecret,
  sealSecret,
  SecretUnavailableError,
  type KeyringEntries,
} from '../../../src/main/platform/secrets';
import { tempDir } from '../../helpers/temp';

const WORKSPACE = '0123456789abcdef0123456789abcdef';
const mode = (target: string) => fs.statSync(target).mode & 0o777;

/** An OS key store that works, in memory. */
function workingKeyring(): { entries: KeyringEntries; stored: Map<string, string> } {
  const stored = new Map<string, string>();
  return {
    stored,
    entries: (account) => ({
      getPassword: () => stored.get(account) ?? null,
      setPassword: (value: string) => void stored.set(account, value),
      deletePassword: () => stored.delete(account),
    }),
  };
}

describe('sealing', () => {
  const key = Buffer.alloc(32, 7);

  it('round-trips any text as versioned, printable sealed text that does not contain it', () => {
    const sealed = seal(key, 'sk_live_51Hh ✓ "quoted"', 'context');
    expect(sealed).toMatch(/^cw:v1:[A-Za-z0-9+/]+=*$/);
    expect(sealed).not.toContain('sk_live');
    expect(open(key, sealed, 'context')).toBe('sk_live_51Hh ✓ "quoted"');
    expect(seal(key, 'same', 'context')).not.toBe(seal(key, 'same', 'context'));
  });

  it('refuses tampered ciphertext, another context, another key and text it did not seal', () => {
    const sealed = seal(key, 'sk_live_51Hh', 'context');
    const bytes = Buffer.from(sealed.slice('cw:v1:'.length), 'base64');
    bytes[bytes.length - 1]! ^= 1;
    expect(open(key, `cw:v1:${bytes.toString('base64')}`, 'context')).toBeUndefined();
    expect(open(key, sealed, 'another context')).toBeUndefined();
    expect(open(Buffer.alloc(32, 8), sealed, 'context')).toBeUndefined();
    expect(open(key, 'sk_live_51Hh', 'context')).toBeUndefined();
    expect(open(key, 'cw:v1:AAAA', 'context')).toBeUndefined();
  });

  it('names the secret, never its value, when the key is not on this machine', () => {
    const here = new KeyFiles(path.join(tempDir(), 'keys'));
    const elsewhere = new KeyFiles(path.join(tempDir(), 'keys'));
    const id = { workspaceId: WORKSPACE, scope: '', name: 'api_key' };
    const sealed = sealSecret(here, id, 'sk_live_51Hh');
    expect(openSecret(here, id, sealed)).toBe('sk_live_51Hh');

    const error = (() => {
      try {
        return openSecret(elsewhere, id, sealed);
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(SecretUnavailableError);
    expect((error as Error).message).toBe('The secret "api_key" was sealed on another machine or for another user: enter it again.');
    // A value moved to another secret's row does not open either.
    expect(() => openSecret(here, { ...id, name: 'password' }, sealed)).toThrow(/The secret "password" does not open/);
  });
});

describe('key files', () => {
  it('are created readable by the user only: folder 0700, files 0600', () => {
    const dir = path.join(tempDir(), 'settings', 'keys');
    const keys = new KeyFiles(dir);
    expect(keys.find(WORKSPACE)).toBeUndefined();
    expect(fs.existsSync(dir)).toBe(false);

    const key = keys.findOrCreate(WORKSPACE);
    expect(key).toHaveLength(32);
    expect(keys.findOrCreate(WORKSPACE)).toEqual(key);
    expect(fs.readdirSync(dir)).toEqual([`workspace-key-${WORKSPACE}.key`]);
    if (process.platform !== 'win32') {
      expect(mode(dir)).toBe(0o700);
      expect(mode(path.join(dir, `workspace-key-${WORKSPACE}.key`))).toBe(0o600);
    }
  });

  it.skipIf(process.platform === 'win32')('are tightened when found looser', () => {
    const dir = path.join(tempDir(), 'keys');
    const keys = new KeyFiles(dir);
    keys.findOrCreate(WORKSPACE);
    const file = path.join(dir, `workspace-key-${WORKSPACE}.key`);
    fs.chmodSync(dir, 0o755);
    fs.chmodSync(file, 0o644);
    keys.find(WORKSPACE);
    expect([mode(dir), mode(file)]).toEqual([0o700, 0o600]);
  });

  it('take only workspace ids as names', () => {
    const keys = new KeyFiles(path.join(tempDir(), 'keys'));
    expect(() => keys.findOrCreate('../../escape')).toThrow(/not a workspace id/);
  });
});

describe('choosing the key store', () => {
  it('falls back to key files in the settings folder when the OS key store does not answer, and says why', () => {
    const settingsDir = tempDir();
    const keys = chooseKeyStore({ settingsDir });
    expect(keys.info).toEqual({ kind: 'key-files', location: path.join(settingsDir, 'keys'), fallbackReason: expect.stringMatching(/^The operating system's key store cannot be used \(.+\)\.$/) });
  });

  it('uses the OS key store when a probe entry can be written, read and deleted there', () => {
    const settingsDir = tempDir();
    const { entries, stored } = workingKeyring();
    const keys = chooseKeyStore({ settingsDir, entries });
    expect(keys.info.kind).toBe('os-keyring');
    expect(stored.size).toBe(0);
    const key = keys.findOrCreate(WORKSPACE);
    expect([...stored.keys()]).toEqual([`workspace-key:${WORKSPACE}`]);
    expect(keys.find(WORKSPACE)).toEqual(key);
    expect(fs.existsSync(path.join(settingsDir, 'keys'))).toBe(false);
  });

  it('still finds keys made as files while the OS key store was out of reach', () => {
    const settingsDir = tempDir();
    const before = chooseKeyStore({ settingsDir });
    const key = before.findOrCreate(WORKSPACE);
    const after = chooseKeyStore({ settingsDir, entries: workingKeyring().entries });
    expect(after.info.kind).toBe('os-keyring');
    expect(after.find(WORKSPACE)).toEqual(key);
  });

  it('are asked for once per process once found, while a key not found yet is asked for again', () => {
    const { entries, stored } = workingKeyring();
    const asked: string[] = [];
    const counting: KeyringEntries = (account) => {
      const entry = entries(account);
      return { ...entry, getPassword: () => (asked.push(account), entry.getPassword()) };
    };
    const keys = chooseKeyStore({ settingsDir: tempDir(), entries: counting });
    asked.length = 0;
    expect(keys.find(WORKSPACE)).toBeUndefined();
    expect(keys.find(WORKSPACE)).toBeUndefined();
    expect(asked).toHaveLength(2);
    // Another process creates the key: the next find sees it, later ones no longer ask.
    const key = Buffer.alloc(32, 9);
    stored.set(`workspace-key:${WORKSPACE}`, key.toString('base64'));
    expect(keys.find(WORKSPACE)).toEqual(key);
    expect(keys.find(WORKSPACE)).toEqual(key);
    expect(keys.findOrCreate(WORKSPACE)).toEqual(key);
    expect(asked).toHaveLength(3);
  });
});

describe('environment overrides', () => {
  it('are read from CROSSWALK_SECRET_<NAME>, upper-cased, other characters as "_"', () => {
    expect(environmentVariableOf('api_key')).toBe('CROSSWALK_SECRET_API_KEY');
    expect(environmentVariableOf('Ledgerly client-secret.v2')).toBe('CROSSWALK_SECRET_LEDGERLY_CLIENT_SECRET_V2');
    expect(environmentSecret('api key', { CROSSWALK_SECRET_API_KEY: 'from-ci' })).toBe('from-ci');
    expect(environmentSecret('api_key', { CROSSWALK_SECRET_API_KEY: '' })).toBeUndefined();
  });
});
