import type { Migration } from './migration';

export const systemDocuments: Migration = {
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
};
