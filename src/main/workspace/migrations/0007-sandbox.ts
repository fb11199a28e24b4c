import type { Migration } from './migration';

export const sandbox: Migration = {
  version: 7,
  name: 'sandbox requests, environments, history and settings',
  sql: `
      -- A saved request of one system. definition: JSON of query, headers, body, auth and settings, every
      -- secret value replaced by {"secret": true, "set": bool} (the value is sealed in secret, scope
      -- 'system:<id>/request:<id>'). operation/document_version: the catalogue operation it came from.
      CREATE TABLE sandbox_request (
        id               INTEGER PRIMARY KEY,
        system_id        INTEGER NOT NULL REFERENCES system (id) ON DELETE CASCADE,
        folder           TEXT NOT NULL DEFAULT '',
        name             TEXT NOT NULL CHECK (name <> ''),
        method           TEXT NOT NULL,
        url              TEXT NOT NULL,
        definition       TEXT NOT NULL CHECK (json_valid(definition)),
        operation        TEXT,
        document_version INTEGER,
        -- Set by a re-import that removed or incompatibly changed the operation; the request is kept as is.
        broken_reason    TEXT,
        broken_at        TEXT,
        created_at       TEXT NOT NULL,
        updated_at       TEXT NOT NULL
      );
      CREATE INDEX sandbox_request_by_system ON sandbox_request (system_id, folder, name);

      -- An environment of one system: definition holds variables, TLS, proxy and auth, secrets replaced as
      -- above (scope 'system:<id>/env:<id>'; the cookie jar is one of them).
      CREATE TABLE sandbox_environment (
        id          INTEGER PRIMARY KEY,
        system_id   INTEGER NOT NULL REFERENCES system (id) ON DELETE CASCADE,
        name        TEXT NOT NULL CHECK (name <> '') COLLATE NOCASE,
        kind        TEXT NOT NULL CHECK (kind IN ('sandbox', 'staging', 'production', 'mock', 'other')),
        base_url    TEXT NOT NULL DEFAULT '',
        server_url  TEXT,
        definition  TEXT NOT NULL CHECK (json_valid(definition)),
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL,
        UNIQUE (system_id, name)
      );

      -- Every call sent, redacted. detail: JSON of the sent request's headers, response headers,
      -- redirects and the draft to run it again. body_id: the body's file in the cache folder.
      CREATE TABLE sandbox_history (
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
        detail         TEXT NOT NULL CHECK (json_valid(detail))
      );
      CREATE INDEX sandbox_history_by_system ON sandbox_history (system_id, id);
      CREATE INDEX sandbox_history_by_status ON sandbox_history (status);

      CREATE TABLE sandbox_settings (
        id            INTEGER PRIMARY KEY CHECK (id = 1),
        history_limit INTEGER NOT NULL DEFAULT 1000 CHECK (history_limit > 0)
      );
      INSERT INTO sandbox_settings (id) VALUES (1);
    `,
};
