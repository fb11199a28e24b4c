import { KEY_BYTES } from './cipher';

/** What a Settings screen shows: which store holds the workspaces' keys, and where. */
export interface KeyStoreInfo {
  kind: 'os-keyring' | 'key-files';
  location: string;
  /** Why the operating system's key store is not used, when it is not. */
  fallbackReason?: string;
}

/**
 * The user's store of per-workspace keys, shared by every front end on the machine (desktop app,
 * web host, CLI). Keys never go into a workspace: a copied workspace opens its secrets only where
 * its key is.
 */
export interface KeyStore {
  readonly info: KeyStoreInfo;
  /** The workspace's key, or undefined when this store has none. */
  find(workspaceId: string): Buffer | undefined;
  /** The workspace's key, created (32 random bytes) on first use. */
  findOrCreate(workspaceId: string): Buffer;
}

/** The name a workspace's key is kept under. Workspace ids come from files that may be shared, so only the expected form passes. */
export function keyName(workspaceId: string): string {
  if (!/^[0-9a-f]{32}$/.test(workspaceId)) throw new Error(`"${workspaceId}" is not a workspace id (32 hexadecimal digits).`);
  return `workspace-key:${workspaceId}`;
}

export function decodeKey(text: string, where: string): Buffer {
  const key = Buffer.from(text.trim(), 'base64');
  if (key.length !== KEY_BYTES) throw new Error(`The key in ${where} is damaged (not ${KEY_BYTES} bytes).`);
  return key;
}
