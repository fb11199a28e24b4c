import { safeStorage } from 'electron';
import { UserError } from '../errors';
import type { SecretBox } from '../secrets/secret-box';

const PREFIX = 'safeStorage:v1:';

/**
 * A SecretBox backed by Electron's safeStorage (Keychain, DPAPI, libsecret/KWallet). Only usable
 * after app 'ready'. On Linux without a key store safeStorage falls back to a hard-coded key
 * ("basic_text"), which protects nothing, so that counts as unavailable too.
 */
export function createSafeStorageSecretBox(): SecretBox {
  return {
    seal(plain) {
      requireEncryption();
      return PREFIX + safeStorage.encryptString(plain).toString('base64');
    },
    open(sealed) {
      requireEncryption();
      if (!sealed.startsWith(PREFIX)) {
        throw new UserError('SECRET_UNREADABLE', 'This stored secret was not sealed by Crosswalk: enter it again.');
      }
      try {
        return safeStorage.decryptString(Buffer.from(sealed.slice(PREFIX.length), 'base64'));
      } catch {
        throw new UserError(
          'SECRET_UNREADABLE',
          'This stored secret cannot be decrypted on this machine or by this user account: enter it again.',
        );
      }
    },
  };
}

function requireEncryption(): void {
  const available =
    safeStorage.isEncryptionAvailable() &&
    !(process.platform === 'linux' && ['basic_text', 'unknown'].includes(safeStorage.getSelectedStorageBackend()));
  if (!available) {
    throw new UserError(
      'SECRETS_UNAVAILABLE',
      "Crosswalk cannot store secrets here: the operating system's key store is not available " +
        '(on Linux, run a Secret Service keyring such as GNOME Keyring or KWallet), so nothing was saved.',
    );
  }
}
