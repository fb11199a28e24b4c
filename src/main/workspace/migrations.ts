import { createHash } from 'node:crypto';
import type { SqliteDatabase } from './sqlite';

/**
 * Numbered schema migrations. The workspace's `PRAGMA user_version` says how many have run;
 * schema_migration records each one's checksum so that editing an applied migration fails loudly.
 * Never edit a migration that has shipped: add the next one.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'spec hierarchy',
    sql: `
      CREATE TABLE integration (
        id            INTEGER PRIMARY KEY CHECK (id = 1),
        name          TEXT NOT NULL,
        business_case TEXT NOT NULL DEFAULT '',
        status        TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'in_review', 'approved')),
        author        TEXT NOT NULL DEFAULT '',
        created_at    TEXT NOT NULL,
        updated_at    TEXT NOT NULL
      );

      CREATE TABLE system (
        id           INTEGER PRIMARY KEY,
        name         TEXT NOT NULL UNIQUE COLLATE NOCASE,
        title        TEXT NOT NULL DEFAULT '',
        api_version  TEXT NOT NULL DEFAULT '',
        spec_version TEXT NOT NULL,
        format       TEXT NOT NULL CHECK (format IN ('json', 'yaml')),
        source       TEXT NOT NULL DEFAULT '',
        document     TEXT NOT NULL,
        imported_at  TEXT NOT NULL
      );

      CREATE TABLE use_case (
        id       INTEGER PRIMARY KEY,
        title    TEXT NOT NULL,
        story    TEXT NOT NULL DEFAULT '',
        descoped INTEGER NOT NULL DEFAULT 0 CHECK (descoped IN (0, 1)),
        position INTEGER NOT NULL DEFAULT 0
      );

      CREATE TABLE data_flow (
        id               INTEGER PRIMARY KEY,
        name             TEXT NOT NULL UNIQUE COLLATE NOCASE,
        use_case_id      INTEGER REFERENCES use_case (id) ON DELETE SET NULL,
        source_system_id INTEGER NOT NULL REFERENCES system (id) ON DELETE RESTRICT,
        source_entity    TEXT NOT NULL,
        target_system_id INTEGER NOT NULL REFERENCES system (id) ON DELETE RESTRICT,
        target_entity    TEXT NOT NULL,
        trigger_kind     TEXT NOT NULL DEFAULT 'manual'
                         CHECK (trigger_kind IN ('event', 'schedule', 'query', 'file_drop', 'manual')),
        trigger_detail   TEXT NOT NULL DEFAULT '',
        position         INTEGER NOT NULL DEFAULT 0
      );

      CREATE TABLE flow_outcome (
        id        INTEGER PRIMARY KEY,
        flow_id   INTEGER NOT NULL REFERENCES data_flow (id) ON DELETE CASCADE,
        kind      TEXT NOT NULL CHECK (kind IN ('success', 'failure')),
        condition TEXT NOT NULL DEFAULT '',
        handling  TEXT NOT NULL DEFAULT '',
        position  INTEGER NOT NULL DEFAULT 0
      );

      CREATE TABLE field_mapping (
        id             INTEGER PRIMARY KEY,
        flow_id        INTEGER NOT NULL REFERENCES data_flow (id) ON DELETE CASCADE,
        target_path    TEXT NOT NULL,
        source_paths   TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(source_paths)),
        mapping_type   TEXT NOT NULL DEFAULT 'direct' CHECK (mapping_type IN
                         ('direct', 'derived', 'constant', 'lookup', 'conditional', 'concatenation', 'split')),
        status         TEXT NOT NULL DEFAULT 'suggested' CHECK (status IN
                         ('suggested', 'accepted', 'rejected', 'needs_decision', 'not_needed')),
        confidence     REAL CHECK (confidence IS NULL OR (confidence >= 0 AND confidence <= 1)),
        transformation TEXT NOT NULL DEFAULT '',
        default_value  TEXT,
        value_map      TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(value_map)),
        notes          TEXT NOT NULL DEFAULT '',
        owner          TEXT NOT NULL DEFAULT '',
        updated_at     TEXT NOT NULL,
        UNIQUE (flow_id, target_path)
      );

      CREATE TABLE requirement_answer (
        key        TEXT PRIMARY KEY,
        answer     TEXT NOT NULL DEFAULT '',
        inferred   INTEGER NOT NULL DEFAULT 0 CHECK (inferred IN (0, 1)),
        confirmed  INTEGER NOT NULL DEFAULT 0 CHECK (confirmed IN (0, 1)),
        updated_at TEXT NOT NULL
      );

      CREATE TABLE test_case (
        id              INTEGER PRIMARY KEY,
        use_case_id     INTEGER REFERENCES use_case (id) ON DELETE SET NULL,
        title           TEXT NOT NULL,
        given_input     TEXT NOT NULL DEFAULT '',
        expected_result TEXT NOT NULL DEFAULT '',
        status          TEXT NOT NULL DEFAULT 'not_run'
                        CHECK (status IN ('not_run', 'passed', 'failed', 'blocked')),
        position        INTEGER NOT NULL DEFAULT 0
      );

      CREATE TABLE test_case_mapping (
        test_case_id INTEGER NOT NULL REFERENCES test_case (id) ON DELETE CASCADE,
        mapping_id   INTEGER NOT NULL REFERENCES field_mapping (id) ON DELETE CASCADE,
        PRIMARY KEY (test_case_id, mapping_id)
      );

      CREATE TABLE open_question (
        id         INTEGER PRIMARY KEY,
        kind       TEXT NOT NULL DEFAULT 'question' CHECK (kind IN ('question', 'corner_case')),
        question   TEXT NOT NULL,
        owner      TEXT NOT NULL DEFAULT '',
        status     TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'answered', 'closed')),
        answer     TEXT NOT NULL DEFAULT '',
        flow_id    INTEGER REFERENCES data_flow (id) ON DELETE SET NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );

      CREATE INDEX field_mapping_by_flow ON field_mapping (flow_id);
      CREATE INDEX open_question_by_status ON open_question (status);

      INSERT INTO integration (id, name, created_at, updated_at)
      VALUES (1, 'Untitled integration', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
    `,
  },
  {
    version: 2,
    name: 'system documents, versions and validation; mapping review flags',
    sql: `
      -- Files a multi-file document references, verbatim, keyed by their path relative to the root document.
      ALTER TABLE system ADD COLUMN files TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(files));
      -- A multi-file document with every reference bundled in (JSON), so it opens without its files; NULL for one file.
      ALTER TABLE system ADD COLUMN bundle TEXT CHECK (bundle IS NULL OR json_valid(bundle));
      -- The last full validation: {"valid": bool, "errors": [{"message", "path", "line"?, "column"?}]}; NULL while it runs.
      ALTER TABLE system ADD COLUMN validation TEXT CHECK (validation IS NULL OR json_valid(validation));

      -- Every document a system had before a re-import replaced it: nothing an analyst imported is lost.
      CREATE TABLE system_version (
        id           INTEGER PRIMARY KEY,
        system_id    INTEGER NOT NULL REFERENCES system (id) ON DELETE CASCADE,
        title        TEXT NOT NULL,
        api_version  TEXT NOT NULL,
        spec_version TEXT NOT NULL,
        format       TEXT NOT NULL CHECK (format IN ('json', 'yaml')),
        source       TEXT NOT NULL,
        document     TEXT NOT NULL,
        files        TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(files)),
        bundle       TEXT CHECK (bundle IS NULL OR json_valid(bundle)),
        imported_at  TEXT NOT NULL,
        replaced_at  TEXT NOT NULL
      );
      CREATE INDEX system_version_by_system ON system_version (system_id);

      -- Why a re-import put this mapping in question (JSON list of reasons); NULL when nothing is pending.
      ALTER TABLE field_mapping ADD COLUMN review TEXT CHECK (review IS NULL OR json_valid(review));
    `,
  },
  {
    version: 3,
    name: 'mapping ids, conditions and learned decisions',
    sql: `
      -- A stable id analysts quote in reviews and tickets (M-0001), unique in the workspace, assigned on insert.
      ALTER TABLE field_mapping ADD COLUMN map_id TEXT;
      -- When this row applies, e.g. one element of a discriminated array: AddressType = BILLING.
      ALTER TABLE field_mapping ADD COLUMN condition TEXT NOT NULL DEFAULT '';
      UPDATE field_mapping SET map_id = printf('M-%04d', id);
      CREATE UNIQUE INDEX field_mapping_by_map_id ON field_mapping (map_id);

      -- Numbers once handed out are never handed out again, even after their row is deleted.
      CREATE TABLE mapping_sequence (
        id   INTEGER PRIMARY KEY CHECK (id = 1),
        last INTEGER NOT NULL
      );
      INSERT INTO mapping_sequence (id, last) VALUES (1, (SELECT coalesce(max(id), 0) FROM field_mapping));
      CREATE TRIGGER field_mapping_assign_map_id AFTER INSERT ON field_mapping WHEN NEW.map_id IS NULL
      BEGIN
        UPDATE mapping_sequence SET last = last + 1 WHERE id = 1;
        UPDATE field_mapping SET map_id = printf('M-%04d', (SELECT last FROM mapping_sequence WHERE id = 1)) WHERE id = NEW.id;
      END;

      -- What analysts accepted or rejected, workspace-wide, keyed by "<system>:<entity>" and field path:
      -- the suggestion engine learns from it and never suggests a rejected pair again.
      CREATE TABLE mapping_decision (
        source_entity TEXT NOT NULL,
        source_path   TEXT NOT NULL,
        target_entity TEXT NOT NULL,
        target_path   TEXT NOT NULL,
        decision      TEXT NOT NULL CHECK (decision IN ('accepted', 'rejected')),
        decided_at    TEXT NOT NULL,
        PRIMARY KEY (source_entity, source_path, target_entity, target_path)
      );
    `,
  },
  {
    version: 4,
    name: 'spec: configurable inputs, row questions, requirement evidence, change log, sign-off, exports',
    sql: `
      -- The analyst's version of the spec, printed on the workbook's cover and sign-off sheet.
      ALTER TABLE integration ADD COLUMN spec_version TEXT NOT NULL DEFAULT '0.1';

      -- What each customer fills in for a templated integration: credentials, options, custom field choices.
      CREATE TABLE configurable_input (
        id            INTEGER PRIMARY KEY,
        name          TEXT NOT NULL,
        kind          TEXT NOT NULL DEFAULT 'option' CHECK (kind IN ('credential', 'option', 'custom_field', 'other')),
        system_id     INTEGER REFERENCES system (id) ON DELETE SET NULL,
        description   TEXT NOT NULL DEFAULT '',
        required      INTEGER NOT NULL DEFAULT 1 CHECK (required IN (0, 1)),
        default_value TEXT NOT NULL DEFAULT '',
        position      INTEGER NOT NULL DEFAULT 0
      );

      -- A question raised on one mapping row (the workbook's "open question" column).
      ALTER TABLE open_question ADD COLUMN mapping_id INTEGER REFERENCES field_mapping (id) ON DELETE SET NULL;

      -- What the tester observed.
      ALTER TABLE test_case ADD COLUMN notes TEXT NOT NULL DEFAULT '';

      -- What an inferred requirement answer was read from (JSON list of strings).
      ALTER TABLE requirement_answer ADD COLUMN evidence TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(evidence));

      CREATE TABLE change_log (
        id      INTEGER PRIMARY KEY,
        at      TEXT NOT NULL,
        version TEXT NOT NULL DEFAULT '',
        author  TEXT NOT NULL DEFAULT '',
        summary TEXT NOT NULL
      );

      CREATE TABLE sign_off (
        role TEXT PRIMARY KEY CHECK (role IN ('prepared', 'reviewed', 'approved')),
        name TEXT NOT NULL DEFAULT '',
        date TEXT NOT NULL DEFAULT '',
        note TEXT NOT NULL DEFAULT ''
      );
      INSERT INTO sign_off (role) VALUES ('prepared'), ('reviewed'), ('approved');

      -- Each workbook handed out, with the values it carried: reading it back tells a stakeholder's
      -- edit (workbook differs from this) from an edit made in the app since (app differs from this).
      CREATE TABLE spec_export (
        id          TEXT PRIMARY KEY,
        exported_at TEXT NOT NULL,
        document    TEXT NOT NULL CHECK (json_valid(document))
      );
    `,
  },
];

export const latestVersion = (all: readonly Migration[]) => all.at(-1)?.version ?? 0;

export const LATEST_SCHEMA_VERSION = latestVersion(migrations);

/** 'CRSW': marks a SQLite file as a Crosswalk workspace. */
export const APPLICATION_ID = 0x43525357;

const checksum = (migration: Migration) => createHash('sha256').update(migration.sql).digest('hex');

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
      db.exec(migration.sql);
      db.prepare('INSERT INTO schema_migration (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)').run(
        migration.version,
        migration.name,
        checksum(migration),
        new Date().toISOString(),
      );
      db.pragma(`user_version = ${migration.version}`);
      applied.push(migration.version);
    }
    if (from === 0) db.pragma(`application_id = ${APPLICATION_ID}`);
    return applied;
  });
  return run.immediate();
}

function verifyAppliedMigrations(db: SqliteDatabase, all: readonly Migration[]) {
  const rows = db.prepare('SELECT version, checksum FROM schema_migration').all() as {
    version: number;
    checksum: string;
  }[];
  for (const row of rows) {
    const known = all.find((migration) => migration.version === row.version);
    if (known && checksum(known) !== row.checksum) {
      throw new Error(
        `Schema migration ${row.version} was changed after it had been applied to this workspace; ` +
          'restore the migration and add a new one instead.',
      );
    }
  }
}
