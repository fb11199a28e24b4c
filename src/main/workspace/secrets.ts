// A workspace's secrets (API keys, tokens, passwords): stored sealed under the workspace's key from the
// user's key store, so a shared workspace file carries no credential anyone can read. Where the key is
// missing (another machine, another user), each secret is named as one to enter again.
import path from 'node:path';
import { UserError } from '../errors';
import type { Redactor } from '../platform/redact';
import { environmentSecret, openSecret, sealSecret, type KeyStore, type SecretId } from '../platform/secrets';
import { prepared, type SqliteDatabase } from './sqlite';
import type { Workspace } from './workspace';

export interface SecretRef {
  name: string;
  /** '' (the default) for the workspace as a whole; later e.g. 'system:3/env:2'. */
  scope?: string;
}

export interface SecretAccess {
  keys: KeyStore;
  /** Where CROSSWALK_SECRET_<NAME> overrides are read; process.env by default. */
  env?: NodeJS.ProcessEnv;
  /** Learns every value set or read here, so that no output shows it. */
  redactor?: Pick<Redactor, 'add'>;
}

export interface StoredSecret {
  scope: string;
  name: string;
  updatedAt: string;
  /** Whether this machine's key store holds the key that opens it. */
  opensHere: boolean;
  /** Whether a CROSSWALK_SECRET_<NAME> variable overrides it. */
  fromEnvironment: boolean;
}

/** The workspace's random id: its key's name in the key store. */
export function workspaceIdOf(workspace: Workspace): string {
  let id = workspaceIds.get(workspace);
  if (id === undefined) workspaceIds.set(workspace, (id = workspace.read((db) => db.prepare('SELECT workspace_id FROM workspace_identity WHERE id = 1').pluck().get() as string)));
  return id;
}

// A workspace's id never changes while it is open; each secret read needs it.
const workspaceIds = new WeakMap<Workspace, string>();

/** Seals the value and stores it, replacing the one stored before. */
export function setSecret(workspace: Workspace, access: SecretAccess, ref: SecretRef, value: string): void {
  const id = secretId(workspace, ref);
  if (value === '') throw new UserError('SECRET_EMPTY', `The secret "${id.name}" has no value: enter one, or delete the secret.`);
  if (access.keys.info.kind === 'key-files' && isInside(access.keys.info.location, workspace.path)) {
    throw new UserError('WORKSPACE_IN_KEY_FOLDER', `${workspace.path} is inside ${access.keys.info.location}, where Crosswalk keeps the keys: move the workspace elsewhere first.`);
  }
  access.redactor?.add(value);
  const sealed = sealSecret(access.keys, id, value);
  writeErasing(workspace, (db) =>
    db
      .prepare(
        `INSERT INTO secret (scope, name, sealed, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (scope, name) DO UPDATE SET sealed = excluded.sealed, updated_at = excluded.updated_at`,
      )
      .run(id.scope, id.name, sealed, new Date().toISOString()),
  );
}

/**
 * The secret's value: its CROSSWALK_SECRET_<NAME> variable when set, else the stored value opened;
 * undefined when there is neither. Throws SecretUnavailableError, naming it, when it cannot be opened here.
 */
export function readSecret(workspace: Workspace, access: SecretAccess, ref: SecretRef): string | undefined {
  const id = secretId(workspace, ref);
  const value = environmentSecret(id.name, access.env) ?? openStored(workspace, access.keys, id);
  if (value !== undefined) access.redactor?.add(value);
  return value;
}

/** Deletes the secret; false when there was none. */
export function deleteSecret(workspace: Workspace, ref: SecretRef): boolean {
  const { scope, name } = checkedRef(ref);
  return writeErasing(workspace, (db) => db.prepare('DELETE FROM secret WHERE scope = ? AND name = ?').run(scope, name).changes > 0);
}

/** Every stored secret (never its value), with whether it opens on this machine. */
export function listSecrets(workspace: Workspace, access: SecretAccess): StoredSecret[] {
  const workspaceId = workspaceIdOf(workspace);
  const rows = workspace.read(
    (db) => db.prepare('SELECT scope, name, sealed, updated_at AS updatedAt FROM secret ORDER BY scope, name').all() as Array<Omit<StoredSecret, 'opensHere' | 'fromEnvironment'> & { sealed: string }>,
  );
  return rows.map(({ sealed, ...secret }) => ({
    ...secret,
    opensHere: opens(access.keys, { workspaceId, scope: secret.scope, name: secret.name }, sealed),
    fromEnvironment: environmentSecret(secret.name, access.env) !== undefined,
  }));
}

/** What a write with secrets may do to the secret table, inside its transaction. */
export interface SecretWrites {
  /** Seals and stores the value ('' deletes it). */
  set(ref: SecretRef, value: string): void;
  delete(ref: SecretRef): void;
  has(ref: SecretRef): boolean;
  /** The names stored in a scope. */
  names(scope: string): string[];
}

/**
 * One transaction that writes rows and the secrets they refer to, with secure_delete on, so a value
 * replaced or newly marked secret leaves no plain copy in freed pages (and the WAL is truncated after).
 */
export function writeWithSecrets<T>(workspace: Workspace, access: SecretAccess, change: (db: SqliteDatabase, secrets: SecretWrites) => T): T {
  const workspaceId = workspaceIdOf(workspace);
  if (access.keys.info.kind === 'key-files' && isInside(access.keys.info.location, workspace.path)) {
    throw new UserError('WORKSPACE_IN_KEY_FOLDER', `${workspace.path} is inside ${access.keys.info.location}, where Crosswalk keeps the keys: move the workspace elsewhere first.`);
  }
  return writeErasing(workspace, (db) => {
    const secrets: SecretWrites = {
      set(ref, value) {
        if (value === '') return secrets.delete(ref);
        const id = { workspaceId, ...checkedRef(ref) };
        access.redactor?.add(value);
        db.prepare(
          `INSERT INTO secret (scope, name, sealed, updated_at) VALUES (?, ?, ?, ?)
           ON CONFLICT (scope, name) DO UPDATE SET sealed = excluded.sealed, updated_at = excluded.updated_at`,
        ).run(id.scope, id.name, sealSecret(access.keys, id, value), new Date().toISOString());
      },
      delete(ref) {
        const { scope, name } = checkedRef(ref);
        db.prepare('DELETE FROM secret WHERE scope = ? AND name = ?').run(scope, name);
      },
      has(ref) {
        const { scope, name } = checkedRef(ref);
        return db.prepare('SELECT 1 FROM secret WHERE scope = ? AND name = ?').get(scope, name) !== undefined;
      },
      names: (scope) => db.prepare('SELECT name FROM secret WHERE scope = ? ORDER BY name').pluck().all(scope) as string[],
    };
    return change(db, secrets);
  });
}

/** Deletes every secret of the scope and the scopes under it ('system:3' takes 'system:3/env:2' too), erasing. */
export function deleteSecretScope(db: SqliteDatabase, scope: string): void {
  db.prepare("DELETE FROM secret WHERE scope = ? OR substr(scope, 1, length(?) + 1) = ? || '/'").run(scope, scope, scope);
}

function isInside(folder: string, file: string): boolean {
  const relative = path.relative(folder, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

function opens(keys: KeyStore, id: SecretId, sealed: string): boolean {
  try {
    openSecret(keys, id, sealed);
    return true;
  } catch {
    return false;
  }
}

function openStored(workspace: Workspace, keys: KeyStore, id: SecretId): string | undefined {
  const sealed = workspace.read((db) => prepared(db, 'SELECT sealed FROM secret WHERE scope = ? AND name = ?').pluck().get(id.scope, id.name) as string | undefined);
  return sealed === undefined ? undefined : openSecret(keys, id, sealed);
}

function secretId(workspace: Workspace, ref: SecretRef): SecretId {
  return { workspaceId: workspaceIdOf(workspace), ...checkedRef(ref) };
}

function checkedRef({ name, scope = '' }: SecretRef): { scope: string; name: string } {
  // Control characters would make the name unreadable in messages and ambiguous as a variable name.
  if (name.trim() === '' || name.length > 200 || /\p{Cc}/u.test(name + scope)) {
    throw new UserError('SECRET_NAME', `"${name}" cannot name a secret: give a name of at most 200 characters, without line breaks or control characters (e.g. api_key).`);
  }
  return { scope, name };
}

/**
 * A write with secure_delete on (for this write only: other deletes need not pay for zeroing pages),
 * so the sealed bytes it replaces or deletes are zeroed, not left in free pages; then the WAL is
 * checkpointed and truncated, as its older copies of the page still hold them. Best effort: another
 * connection reading at that moment keeps the WAL until it is done.
 */
function writeErasing<T>(workspace: Workspace, change: (db: SqliteDatabase) => T): T {
  const result = workspace.write((db) => {
    const before = Number(db.pragma('secure_delete', { simple: true }));
    db.pragma('secure_delete = ON');
    try {
      return change(db);
    } finally {
      db.pragma(`secure_delete = ${before}`);
    }
  });
  workspace.read((db) => db.pragma('wal_checkpoint(TRUNCATE)'));
  return result;
}
