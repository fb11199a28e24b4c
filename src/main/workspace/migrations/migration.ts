import { createHash } from 'node:crypto';
import type { SqliteDatabase } from '../sqlite';

/**
 * One numbered schema step. An SQL step's checksum is the hash of its SQL; a code step (a change SQL
 * cannot say, such as rewriting stored documents) declares an id, and its checksum is that id. Never
 * edit a step that has shipped: add the next one.
 */
export type Migration = SqlMigration | CodeMigration;

interface MigrationBase {
  version: number;
  name: string;
}

export interface SqlMigration extends MigrationBase {
  sql: string;
}

export interface CodeMigration extends MigrationBase {
  /** Changes whenever what `run` does changes (e.g. "redact-documents-v1"). */
  id: string;
  /** Runs inside the migrations' transaction; must be synchronous. */
  run(db: SqliteDatabase): void;
  /** Runs once the transaction has committed, for what cannot run inside one (VACUUM, a WAL checkpoint). */
  afterCommit?(db: SqliteDatabase): void;
}

export const checksumOf = (migration: Migration) =>
  createHash('sha256')
    .update('sql' in migration ? migration.sql : migration.id)
    .digest('hex');
