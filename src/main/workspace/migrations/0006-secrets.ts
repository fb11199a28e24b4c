import type { Migration } from './migration';

export const workspaceIdAndSecrets: Migration = {
  version: 6,
  name: 'workspace id and sealed secrets',
  sql: `
      -- Names the workspace to the user's key store, which keeps the key its secrets are sealed with.
      -- Random, also for existing workspaces; a copy of the file keeps it, and so opens the same secrets.
      CREATE TABLE workspace_identity (
        id           INTEGER PRIMARY KEY CHECK (id = 1),
        workspace_id TEXT NOT NULL CHECK (length(workspace_id) = 32 AND workspace_id NOT GLOB '*[^0-9a-f]*')
      );
      INSERT INTO workspace_identity (id, workspace_id) VALUES (1, lower(hex(randomblob(16))));

      -- Credentials, sealed (AES-256-GCM, "cw:v1:…"); never a plain value. scope is '' for the
      -- workspace as a whole, later e.g. 'system:3/env:2'.
      CREATE TABLE secret (
        id         INTEGER PRIMARY KEY,
        scope      TEXT NOT NULL DEFAULT '',
        name       TEXT NOT NULL CHECK (name <> ''),
        sealed     TEXT NOT NULL CHECK (substr(sealed, 1, 6) = 'cw:v1:'),
        updated_at TEXT NOT NULL,
        UNIQUE (scope, name)
      );
    `,
};
