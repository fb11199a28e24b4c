// Secrets sealed with AES-256-GCM under a per-workspace key kept in ONE user-level key store, the
// same for the desktop app, the web host and the CLI: the operating system's, else key files.
import path from 'node:path';
import { appDataDir } from '../../settings/settings';
import { KeyFiles } from './key-files';
import type { KeyStore } from './key-store';
import { OsKeyring, osKeyringEntries, probeOsKeyring, type KeyringEntries } from './os-keyring';
import { rememberingKeys } from './remembered-keys';

export { environmentSecret, environmentVariableOf } from './environment';
export { KeyFiles } from './key-files';
export type { KeyStore, KeyStoreInfo } from './key-store';
export { OsKeyring, probeOsKeyring, type KeyringEntries, type KeyringEntry } from './os-keyring';
export { rememberingKeys } from './remembered-keys';
export { openSecret, sealSecret, SecretUnavailableError, type SecretId } from './sealing';

/**
 * The OS key store when a probe entry can be written, read and deleted there; otherwise key files in
 * `<settings folder>/keys`, saying why. Choose once per process: a key found is remembered for its life.
 */
export function chooseKeyStore({ settingsDir = appDataDir(), entries = osKeyringEntries }: { settingsDir?: string; entries?: KeyringEntries } = {}): KeyStore {
  const keyFiles = path.join(settingsDir, 'keys');
  const problem = probeOsKeyring(entries);
  if (problem !== undefined) return rememberingKeys(new KeyFiles(keyFiles, `The operating system's key store cannot be used (${problem}).`));
  return rememberingKeys(new OsKeyring(entries, new KeyFiles(keyFiles)));
}
