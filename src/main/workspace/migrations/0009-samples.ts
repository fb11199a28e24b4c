import type { Migration } from './migration';

export const samples: Migration = {
  version: 9,
  name: 'samples with provenance and their contract-check findings',
  sql: `
      -- A JSON body (a response or a request) attached to an entity of a system's catalogue, with where it
      -- came from. entity: the catalogue entity id (schema:Customer); operation: the catalogue operation id
      -- (GET /customers/{customerId}); document_version: the system's imported_at when it was saved (and
      -- checked_version the one its findings were computed against); url: redacted.
      CREATE TABLE sandbox_sample (
        id               INTEGER PRIMARY KEY,
        system_id        INTEGER NOT NULL REFERENCES system (id) ON DELETE CASCADE,
        entity           TEXT NOT NULL CHECK (entity <> ''),
        operation        TEXT,
        direction        TEXT NOT NULL CHECK (direction IN ('response', 'request')),
        status           INTEGER,
        content_type     TEXT,
        environment      TEXT,
        document_version TEXT NOT NULL,
        api_version      TEXT NOT NULL DEFAULT '',
        method           TEXT,
        url              TEXT,
        history_id       INTEGER REFERENCES sandbox_history (id) ON DELETE SET NULL,
        captured_at      TEXT NOT NULL,
        checked_version  TEXT NOT NULL,
        body             TEXT NOT NULL CHECK (json_valid(body))
      );
      CREATE INDEX sandbox_sample_by_entity ON sandbox_sample (system_id, entity, id);

      -- What the contract check found in one sample. field: the pointer in catalogue form (lines[].taxRate),
      -- '' for the body as a whole (an undocumented status).
      CREATE TABLE sandbox_sample_finding (
        id          INTEGER PRIMARY KEY,
        sample_id   INTEGER NOT NULL REFERENCES sandbox_sample (id) ON DELETE CASCADE,
        kind        TEXT NOT NULL,
        pointer     TEXT NOT NULL,
        field       TEXT NOT NULL,
        -- 0: the finding lies outside the entity in the body (a page wrapper's paging fields); field is then the body's path.
        in_entity   INTEGER NOT NULL DEFAULT 1 CHECK (in_entity IN (0, 1)),
        schema_path TEXT NOT NULL,
        message     TEXT NOT NULL
      );
      CREATE INDEX sandbox_sample_finding_by_sample ON sandbox_sample_finding (sample_id);
    `,
};
