import type { Migration } from './migration';

export const executableMappings: Migration = {
  version: 12,
  name: 'mapping expressions and test cases that run',
  sql: `
      -- A row's JSONata expression when an analyst wrote it; NULL: generated from the row (src/main/mapping/expressions).
      ALTER TABLE field_mapping ADD COLUMN expression TEXT;
      -- 1: the pseudocode (source, type, transformation, value map, condition, default) or the written
      -- expression changed without the other, so they may disagree; cleared when both are edited together.
      ALTER TABLE field_mapping ADD COLUMN expression_drift INTEGER NOT NULL DEFAULT 0 CHECK (expression_drift IN (0, 1));

      -- A test case that runs: the flow it runs, the source payload, and what is expected of the target
      -- (a whole payload, or checks: JSON list of {kind: 'equals'|'absent'|'no_problems', path?, value?}).
      ALTER TABLE test_case ADD COLUMN flow_id INTEGER REFERENCES data_flow (id) ON DELETE SET NULL;
      ALTER TABLE test_case ADD COLUMN input_payload TEXT CHECK (input_payload IS NULL OR json_valid(input_payload));
      ALTER TABLE test_case ADD COLUMN expected_target TEXT CHECK (expected_target IS NULL OR json_valid(expected_target));
      ALTER TABLE test_case ADD COLUMN expected_checks TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(expected_checks));
      -- The last recorded run: when, and a one-line summary of the differences ('' when it passed).
      ALTER TABLE test_case ADD COLUMN last_run_at TEXT;
      ALTER TABLE test_case ADD COLUMN last_diff TEXT NOT NULL DEFAULT '';
    `,
};
