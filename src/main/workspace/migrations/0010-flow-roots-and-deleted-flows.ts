import type { Migration } from './migration';

export const flowRootsAndDeletedFlows: Migration = {
  version: 10,
  name: 'flow roots and deleted flows kept for restoring',
  sql: `
      -- The object inside each entity the flow maps ('' for the entity itself, 'Employee', 'data.items[]'):
      -- the flow's row paths are relative to it.
      ALTER TABLE data_flow ADD COLUMN source_root TEXT NOT NULL DEFAULT '';
      ALTER TABLE data_flow ADD COLUMN target_root TEXT NOT NULL DEFAULT '';

      -- A deleted flow as it was (flow, outcomes, rows and what linked to them, JSON), until it is restored.
      CREATE TABLE deleted_flow (
        id         INTEGER PRIMARY KEY,
        flow_id    INTEGER NOT NULL,
        name       TEXT NOT NULL,
        deleted_at TEXT NOT NULL,
        snapshot   TEXT NOT NULL CHECK (json_valid(snapshot))
      );
    `,
};
