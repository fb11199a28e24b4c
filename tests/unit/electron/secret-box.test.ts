import { beforeEach, describe, expect, it, vi } from 'vitest';

// A stand-in for Electron's safeStorage; requiring the real electron package would start a download.
const safeStorage = vi.hoisted(() => ({
  available: true,
  backend: 'gnome_libsecret',
  isEncryptionAvailable() {
    return this.available;
  },
  getSelectedStorageBackend() {
    return this.backend;
  },
  encryptString: (plain: string) => Buffer.from(`enc(${plain})`),
  decryptString: (sealed: Buffer) => {
    const text = sealed.toString();
    if (!/^enc\(.*\)$/s.test(text)) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    return text.slice(4, -1);
  },
}));
vi.mock('electron', () => ({ safeStorage }));

const { createSafeStorageSecretBox } = await import('../../../src/main/electron/secret-box');

describe('the safeStorage secret box', () => {
  beforeEach(() => {
    safeStorage.available = true;
    safeStorage.backend = 'gnome_libsecret';
  });

  it('seals to printable text and opens it again', () => {
    const box = createSafeStorageSecretBox();
    const sealed = box.seal('sk_test_123 ✓');
    expect(sealed).toMatch(/^safeStorage:v1:[A-Za-z0-9+/=]+$/);
    expect(sealed).not.toContain('sk_test_123');
    expect(box.open(sealed)).toBe('sk_test_123 ✓');
  });

  it('refuses, saying why, when the OS key store is unavailable', () => {
    safeStorage.available = false;
    expect(() => createSafeStorageSecretBox().seal('x')).toThrow(/key store is not available/);
  });

  it.runIf(process.platform === 'linux')('treats the hard-coded-key fallback on Linux as unavailable', () => {
    safeStorage.backend = 'basic_text';
    expect(() => createSafeStorageSecretBox().seal('x')).toThrow(/key store is not available/);
  });

  it('refuses text it did not seal, or cannot decrypt', () => {
    const box = createSafeStorageSecretBox();
    expect(() => box.open('plain-text-secret')).toThrow(/not sealed by Crosswalk/);
    expect(() => box.open(`safeStorage:v1:${Buffer.from('garbage').toString('base64')}`)).toThrow(/cannot be decrypted/);
  });
});
