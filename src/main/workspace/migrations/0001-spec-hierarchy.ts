import type { Migration } from './migration';

export const specHierarchy: Migration = {
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
};
