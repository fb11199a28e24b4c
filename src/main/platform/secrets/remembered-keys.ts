import type { KeyStore } from './key-store';

/**
 * A key store that asks the one it wraps once per workspace and process: every send opens its
 * secrets, and a key file read (or an OS key store round trip) per secret would cost more than the
 * request. Only keys found are kept, so a key created by another process later is still found.
 */
export function rememberingKeys(store: KeyStore): KeyStore {
  const found = new Map<string, Buffer>();
  return {
    info: store.info,
    find(workspaceId) {
      const known = found.get(workspaceId);
      if (known) return known;
      const key = store.find(workspaceId);
      if (key) found.set(workspaceId, key);
      return key;
    },
    findOrCreate(workspaceId) {
      const key = found.get(workspaceId) ?? store.findOrCreate(workspaceId);
      found.set(workspaceId, key);
      return key;
    },
  };
}
