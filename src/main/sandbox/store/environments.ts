// Environments of each system: base URL, variables, TLS, proxy and auth; secrets sealed, including
// the environment's cookie jar.
import type { Environment, EnvironmentInput } from '../../../shared/contract';
import { UserError } from '../../errors';
import { getSystem } from '../../openapi/systems';
import { deleteSecretScope, listSecrets, readSecret, writeWithSecrets } from '../../workspace/secrets';
import { prepared, type SqliteDatabase } from '../../workspace/sqlite';
import { deleteUnused, environmentScope, openingMapper, sealingMapper, type SandboxStore } from './context';
import { environmentSlots, publicView } from './secret-slots';

export type StoredEnvironmentDefinition = Pick<EnvironmentInput, 'variables' | 'tls' | 'proxy' | 'auth'> & { cookieCount?: number };

interface EnvironmentRow {
  id: number;
  system_id: number;
  name: string;
  kind: Environment['kind'];
  base_url: string;
  server_url: string | null;
  definition: string;
}

const COLUMNS = 'id, system_id, name, kind, base_url, server_url, definition';
const cookieJarName = (id: number) => `env${id}.cookies`;

function toEnvironment(store: SandboxStore, row: EnvironmentRow, stored: Map<string, string[]>): Environment {
  const { cookieCount = 0, ...definition } = JSON.parse(row.definition) as StoredEnvironmentDefinition;
  return {
    id: row.id,
    systemId: row.system_id,
    name: row.name,
    kind: row.kind,
    baseUrl: row.base_url,
    serverUrl: row.server_url,
    ...(publicView(definition) as unknown as Pick<Environment, 'variables' | 'tls' | 'proxy' | 'auth'>),
    cookies: cookieCount,
    missingSecrets: stored.get(environmentScope(row.system_id, row.id)) ?? [],
  };
}

/** Secrets that neither open here nor come from CROSSWALK_SECRET_…, by scope. */
function missingByScope(store: SandboxStore): Map<string, string[]> {
  const missing = new Map<string, string[]>();
  for (const secret of listSecrets(store.workspace, store.secrets)) {
    if (secret.opensHere || secret.fromEnvironment) continue;
    missing.set(secret.scope, [...(missing.get(secret.scope) ?? []), secret.name]);
  }
  return missing;
}

export function listEnvironments(store: SandboxStore, systemId: number): Environment[] {
  const rows = store.workspace.read((db) => db.prepare(`SELECT ${COLUMNS} FROM sandbox_environment WHERE system_id = ? ORDER BY id`).all(systemId) as EnvironmentRow[]);
  const missing = missingByScope(store);
  return rows.map((row) => toEnvironment(store, row, missing));
}

function row(db: SqliteDatabase, id: number): EnvironmentRow {
  const found = prepared(db, `SELECT ${COLUMNS} FROM sandbox_environment WHERE id = ?`).get(id) as EnvironmentRow | undefined;
  if (!found) throw new UserError('ENVIRONMENT_NOT_FOUND', `Environment ${id} is not in this workspace (it may have been deleted): reload the list.`);
  return found;
}

export function getEnvironment(store: SandboxStore, id: number): Environment {
  return toEnvironment(store, store.workspace.read((db) => row(db, id)), missingByScope(store));
}

export function findEnvironmentByName(store: SandboxStore, systemId: number, name: string): Environment | undefined {
  const found = store.workspace.read((db) => db.prepare(`SELECT ${COLUMNS} FROM sandbox_environment WHERE system_id = ? AND name = ?`).get(systemId, name) as EnvironmentRow | undefined);
  return found && toEnvironment(store, found, missingByScope(store));
}

/** Creates or updates an environment; `serverUrl` records the document server it was made from. */
export function saveEnvironment(store: SandboxStore, input: EnvironmentInput, serverUrl?: string): Environment {
  getSystem(store.workspace, input.systemId);
  const names = new Set<string>();
  for (const variable of input.variables) {
    if (names.has(variable.name)) throw new UserError('VARIABLE_TWICE', `The variable "${variable.name}" is defined twice in environment "${input.name}": keep one.`);
    names.add(variable.name);
  }
  const saved = writeWithSecrets(store.workspace, store.secrets, (db, secrets) => {
    const now = new Date().toISOString();
    const clash = db.prepare('SELECT id FROM sandbox_environment WHERE system_id = ? AND name = ? AND id IS NOT ?').get(input.systemId, input.name, input.id ?? null);
    if (clash) throw new UserError('ENVIRONMENT_EXISTS', `The system already has an environment named "${input.name}": choose another name.`);
    let id = input.id;
    let cookieCount = 0;
    if (id === undefined) {
      id = Number(
        db
          .prepare('INSERT INTO sandbox_environment (system_id, name, kind, base_url, server_url, definition, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
          .run(input.systemId, input.name, input.kind, input.baseUrl, serverUrl ?? null, '{}', now, now).lastInsertRowid,
      );
    } else {
      const existing = row(db, id);
      if (existing.system_id !== input.systemId) throw new UserError('ENVIRONMENT_SYSTEM', `Environment ${id} belongs to another system: save it as a new environment instead.`);
      cookieCount = (JSON.parse(existing.definition) as StoredEnvironmentDefinition).cookieCount ?? 0;
    }
    const scope = environmentScope(input.systemId, id);
    const used = new Set<string>();
    const { variables, tls, proxy, auth } = input;
    const definition = environmentSlots({ variables, tls, proxy, auth }, `env${id}.`, sealingMapper(scope, secrets, used));
    deleteUnused(scope, secrets, used, [cookieJarName(id)]);
    db.prepare('UPDATE sandbox_environment SET name = ?, kind = ?, base_url = ?, definition = ?, updated_at = ? WHERE id = ?').run(
      input.name,
      input.kind,
      input.baseUrl,
      JSON.stringify({ ...definition, cookieCount }),
      now,
      id,
    );
    return row(db, id);
  });
  return toEnvironment(store, saved, missingByScope(store));
}

export function deleteEnvironment(store: SandboxStore, id: number): void {
  writeWithSecrets(store.workspace, store.secrets, (db) => {
    const found = row(db, id);
    db.prepare('DELETE FROM sandbox_environment WHERE id = ?').run(id);
    deleteSecretScope(db, environmentScope(found.system_id, id));
  });
}

/** An environment with its secrets opened, for a send; `missing` names those this machine cannot open. */
export function openEnvironment(store: SandboxStore, id: number): { environment: Environment; opened: StoredEnvironmentDefinition; missing: string[] } {
  const found = store.workspace.read((db) => row(db, id));
  const missing: string[] = [];
  const opened = environmentSlots(JSON.parse(found.definition) as StoredEnvironmentDefinition, `env${id}.`, openingMapper(store, environmentScope(found.system_id, id), missing));
  // Not every stored secret opened to list the missing ones: `missing` says which of its own did not open.
  return { environment: toEnvironment(store, found, new Map([[environmentScope(found.system_id, id), missing]])), opened, missing };
}

/** The environment's cookie jar (tough-cookie's serialized form), opened; undefined when it has none or it cannot be opened here. */
export function readCookieJar(store: SandboxStore, environment: { id: number; systemId: number }): string | undefined {
  try {
    return readSecret(store.workspace, store.secrets, { scope: environmentScope(environment.systemId, environment.id), name: cookieJarName(environment.id) });
  } catch {
    return undefined;
  }
}

/** Seals the jar (null empties it) and records how many cookies it holds. */
export function writeCookieJar(store: SandboxStore, environment: { id: number; systemId: number }, jar: string | null, count: number): void {
  writeWithSecrets(store.workspace, store.secrets, (db, secrets) => {
    const found = row(db, environment.id);
    const ref = { scope: environmentScope(found.system_id, found.id), name: cookieJarName(found.id) };
    if (jar === null || count === 0) secrets.delete(ref);
    else secrets.set(ref, jar);
    const definition = JSON.parse(found.definition) as StoredEnvironmentDefinition;
    db.prepare('UPDATE sandbox_environment SET definition = ? WHERE id = ?').run(JSON.stringify({ ...definition, cookieCount: count }), found.id);
  });
}
