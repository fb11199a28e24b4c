// Runs the numbered schema steps (migrations/). The workspace's `PRAGMA user_version` says how many
// have run; schema_migration records each one's checksum so that editing an applied step fails loudly.
import type { SqliteDatabase } from './sqlite';
import { checksumOf, migrations, type Migration } from './migrations';

/** 'CRSW': marks a SQLite file as a Crosswalk workspace. */
export const APPLICATION_ID = 0x43525357;

export function schemaVersionOf(db: SqliteDatabase): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Migrations a workspace at `version` still needs, in order. */
export function pendingMigrations(version: number, all: readonly Migration[] = migrations): Migration[] {
  return all.filter((migration) => migration.version > version);
}

/** Runs every pending migration in one transaction: a failure leaves the file at its old version. */
export function applyMigrations(db: SqliteDatabase, all: readonly Migration[] = migrations): number[] {
  const run = db.transaction(() => {
    const from = schemaVersionOf(db);
    db.exec(`CREATE TABLE IF NOT EXISTS schema_migration (
      version    INTEGER PRIMARY KEY,
      name       TEXT NOT NULL,
      checksum   TEXT NOT NULL,
      applied_at TEXT NOT NULL
    )`);
    verifyAppliedMigrations(db, all);
    const applied: number[] = [];
    for (const migration of pendingMigrations(from, all)) {
      if ('sql' in migration) db.exec(migration.sql);
      else migration.run(db);
      db.prepare('INSERT INTO schema_migration (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)').run(
        migration.version,
        migration.name,
        checksumOf(migration),
        new Date().toISOString(),
      );
      db.pragma(`user_version = ${migration.version}`);
      applied.push(migration.version);
    }
    if (from === 0) db.pragma(`application_id = ${APPLICATION_ID}`);
    return applied;
  });
  const applied = run.immediate();
  for (const migration of all) if (applied.includes(migration.version) && 'afterCommit' in migration) migration.afterCommit?.(db);
  return applied;
}

function verifyAppliedMigrations(db: SqliteDatabase, all: readonly Migration[]) {
  const rows = db.prepare('SELECT version, checksum FROM schema_migration').all() as {
    version: number;
    checksum: string;
  }[];
  for (const row of rows) {
    const known = all.find((migration) => migration.version === row.version);
    if (known && checksumOf(known) !== row.checksum) {
      throw new Error(
        `Schema migration ${row.version} was changed after it had been applied to this workspace; ` +
          'restore the migration and add a new one instead.',
      );
    }
  }
}
