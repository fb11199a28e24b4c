import type { Migration } from './migration';

export const mappingIdsAndDecisions: Migration = {
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
};
