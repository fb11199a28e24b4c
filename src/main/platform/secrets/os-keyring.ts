import { randomBytes } from 'node:crypto';
import type { Entry } from '@napi-rs/keyring';
import { UserError } from '../../errors';
import { KEY_BYTES } from './cipher';
import { decodeKey, keyName, type KeyStore, type KeyStoreInfo } from './key-store';

const SERVICE = 'Crosswalk';

/** One credential in the OS key store (the part of @napi-rs/keyring's Entry used here). */
export type KeyringEntry = Pick<Entry, 'getPassword' | 'setPassword' | 'deletePassword'>;
export type KeyringEntries = (account: string) => KeyringEntry;

/**
 * Linux entries are pinned to the Secret Service (GNOME Keyring, KWallet…): left to choose, the
 * binding falls back to the kernel keyring, which forgets everything at reboot.
 */
export const osKeyringEntries: KeyringEntries = (account) => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the native module loads on first use, not with every command that never reads a secret
  const { Entry: KeyringEntry } = require('@napi-rs/keyring') as typeof import('@napi-rs/keyring');
  return new KeyringEntry(SERVICE, account, { linux: { store: 'secret-service' } });
};

/** Writes, reads and deletes a probe entry; returns why the store cannot be used, or undefined when it can. */
export function probeOsKeyring(entries: KeyringEntries = osKeyringEntries): string | undefined {
  const value = randomBytes(8).toString('hex');
  try {
    const probe = entries(`probe:${value}`);
    probe.setPassword(value);
    const read = probe.getPassword();
    probe.deletePassword();
    return read === value ? undefined : 'a probe entry written there could not be read back';
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/**
 * Keys in the operating system's key store, under service "Crosswalk", account "workspace-key:<id>".
 * Keys made earlier, while that store could not be reached, are still found in `earlier` (the key files).
 */
export class OsKeyring implements KeyStore {
  readonly info: KeyStoreInfo = { kind: 'os-keyring', location: `${storeName()}, service "${SERVICE}"` };

  constructor(
    private readonly entries: KeyringEntries = osKeyringEntries,
    private readonly earlier?: KeyStore,
  ) {}

  find(workspaceId: string): Buffer | undefined {
    const name = keyName(workspaceId);
    const text = this.use(() => this.entries(name).getPassword());
    return text === null ? this.earlier?.find(workspaceId) : decodeKey(text, `the ${storeName()} (${name})`);
  }

  findOrCreate(workspaceId: string): Buffer {
    const found = this.find(workspaceId);
    if (found) return found;
    // OS key stores have no create-if-absent: reading back keeps the window in which two processes
    // creating the same key both win as small as it can be.
    this.use(() => this.entries(keyName(workspaceId)).setPassword(randomBytes(KEY_BYTES).toString('base64')));
    return this.find(workspaceId)!;
  }

  private use<T>(action: () => T): T {
    try {
      return action();
    } catch (error) {
      throw new UserError(
        'KEY_STORE_UNAVAILABLE',
        `Crosswalk cannot reach the ${storeName()} (${error instanceof Error ? error.message : String(error)}): unlock it, or allow Crosswalk access, and try again.`,
      );
    }
  }
}

function storeName(): string {
  if (process.platform === 'darwin') return 'macOS Keychain';
  if (process.platform === 'win32') return 'Windows Credential Manager';
  return 'Secret Service (GNOME Keyring, KWallet…)';
}
