import type { Migration } from './migration';

export const specificationRecords: Migration = {
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
};
