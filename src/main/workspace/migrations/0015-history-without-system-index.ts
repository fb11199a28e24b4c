import type { Migration } from './migration';

/**
 * Every send adds a history row and, once the history is full, prunes the oldest: the index on
 * (system_id, id) cost each of them two more pages written. The history is bounded (1,000 rows by
 * default, 100,000 at most), and a search by system reads it whole faster than every send keeps the index.
 */
export const historyWithoutSystemIndex: Migration = {
  version: 15,
  name: 'history without its system index',
  sql: 'DROP INDEX sandbox_history_by_system;',
};
