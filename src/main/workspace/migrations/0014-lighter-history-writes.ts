import type { Migration } from './migration';

/**
 * Every send adds a history row and, once the history is full, prunes the oldest, so each of the
 * table's indexes and checks is paid on every send:
 * - the status index goes: the history is bounded (1,000 rows by default), and a search by status reads
 *   it whole faster than every send keeps the index;
 * - detail loses its json_valid check, which parsed each row's JSON again: only addHistory writes it,
 *   from JSON.stringify;
 * - samples get an index on history_id: pruning a row sets its samples' link to NULL, which otherwise
 *   reads every sample.
 * SQLite drops a check only by rebuilding the table. Dropping the old table sets the samples' links to
 * NULL (ON DELETE SET NULL, foreign keys being on), so they are kept aside and restored.
 */
export const lighterHistoryWrites: Migration = {
  version: 14,
  name: 'history without its status index and detail check; samples indexed by history row',
  sql: `
      CREATE TABLE sandbox_history_rebuilt (
        id             INTEGER PRIMARY KEY,
        system_id      INTEGER REFERENCES system (id) ON DELETE SET NULL,
        request_id     INTEGER REFERENCES sandbox_request (id) ON DELETE SET NULL,
        environment_id INTEGER REFERENCES sandbox_environment (id) ON DELETE SET NULL,
        at             TEXT NOT NULL,
        method         TEXT NOT NULL,
        url            TEXT NOT NULL,
        status         INTEGER,
        status_text    TEXT,
        error          TEXT,
        error_kind     TEXT,
        dns            REAL,
        connect        REAL,
        tls            REAL,
        first_byte     REAL,
        download       REAL,
        total          REAL,
        size           INTEGER,
        content_type   TEXT,
        body_id        TEXT,
        -- JSON written by addHistory only.
        detail         TEXT NOT NULL
      );
      INSERT INTO sandbox_history_rebuilt SELECT id, system_id, request_id, environment_id, at, method, url, status, status_text, error, error_kind,
        dns, connect, tls, first_byte, download, total, size, content_type, body_id, detail FROM sandbox_history;
      CREATE TEMP TABLE sample_history_link AS SELECT id, history_id FROM sandbox_sample WHERE history_id IS NOT NULL;
      DROP TABLE sandbox_history;
      ALTER TABLE sandbox_history_rebuilt RENAME TO sandbox_history;
      UPDATE sandbox_sample SET history_id = (SELECT link.history_id FROM sample_history_link link WHERE link.id = sandbox_sample.id)
        WHERE id IN (SELECT id FROM sample_history_link);
      DROP TABLE sample_history_link;
      CREATE INDEX sandbox_history_by_system ON sandbox_history (system_id, id);
      CREATE INDEX sandbox_sample_by_history ON sandbox_sample (history_id);
    `,
};
