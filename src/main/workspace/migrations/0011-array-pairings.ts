import type { SqliteDatabase } from '../sqlite';
import type { CodeMigration } from './migration';

/**
 * Array pairings and a flow's endpoints.
 *
 * An array pairing maps a target array of objects to a source array as a whole (`line_items[]` ←
 * `lines[]`: one target element per source element) or to one source object (`contact.addresses[]` ←
 * `billingAddress`: one element), optionally with a discriminator constant written into the element
 * and a filter on the source elements. Several pairings on one target array make it discriminated.
 * Rows under a pairing (field_mapping.pairing_id) describe its element; their paths stay full paths
 * from the entity root, and a source path under the pairing's source is read from the current element.
 *
 * field_mapping's UNIQUE (flow_id, target_path) has to give way to uniqueness per pairing (a
 * discriminated array has one `contact.addresses[].city` row per pairing). SQLite cannot drop a table
 * constraint, so the table is rebuilt from its own stored DDL (keeping columns earlier steps added);
 * with foreign keys on, dropping the old table would cascade into the tables that reference it, so
 * their references are saved first and put back after.
 */
export const arrayPairings: CodeMigration = {
  version: 11,
  name: 'array pairings, and the operations a flow reads and writes with',
  id: 'array-pairings-v1',
  run(db) {
    db.exec(`
      CREATE TABLE array_pairing (
        id                  INTEGER PRIMARY KEY,
        flow_id             INTEGER NOT NULL REFERENCES data_flow (id) ON DELETE CASCADE,
        -- A pairing nested in an element of another (line_items[].taxes[] ← lines[].taxes[]).
        parent_id           INTEGER REFERENCES array_pairing (id) ON DELETE CASCADE,
        -- The target array, written with its [] (line_items[], contact.addresses[]).
        target_path         TEXT NOT NULL CHECK (target_path LIKE '%[]'),
        -- A source array with its [] (each element gives one target element), or a source object (one element).
        source_path         TEXT NOT NULL CHECK (source_path <> ''),
        -- The element field that tells this pairing's elements apart (address_type), relative to the element, and its constant.
        discriminator_path  TEXT NOT NULL DEFAULT '',
        discriminator_value TEXT NOT NULL DEFAULT '',
        -- Which source elements are taken (pseudocode, e.g. type = "product"); '' takes all.
        filter              TEXT NOT NULL DEFAULT '',
        status              TEXT NOT NULL DEFAULT 'accepted' CHECK (status IN ('suggested', 'accepted')),
        confidence          REAL CHECK (confidence IS NULL OR (confidence >= 0 AND confidence <= 1)),
        notes               TEXT NOT NULL DEFAULT '',
        position            INTEGER NOT NULL DEFAULT 0,
        updated_at          TEXT NOT NULL
      );
      CREATE INDEX array_pairing_by_flow ON array_pairing (flow_id, position, id);

      -- The catalogue operation a flow reads its source with (GET /orders/{orderId}) and the one it writes
      -- the target with (POST /invoices), how it writes (create, update or upsert) and, for update and
      -- upsert, the target field that finds the existing record.
      ALTER TABLE data_flow ADD COLUMN source_operation TEXT;
      ALTER TABLE data_flow ADD COLUMN target_operation TEXT;
      ALTER TABLE data_flow ADD COLUMN write_mode TEXT CHECK (write_mode IS NULL OR write_mode IN ('create', 'update', 'upsert'));
      ALTER TABLE data_flow ADD COLUMN match_key TEXT NOT NULL DEFAULT '';
    `);
    rebuildFieldMapping(db);
    db.exec(`
      ALTER TABLE field_mapping ADD COLUMN pairing_id INTEGER REFERENCES array_pairing (id) ON DELETE CASCADE;
      CREATE UNIQUE INDEX field_mapping_by_target ON field_mapping (flow_id, coalesce(pairing_id, 0), target_path);
      CREATE INDEX field_mapping_by_pairing ON field_mapping (pairing_id) WHERE pairing_id IS NOT NULL;
    `);
  },
};

interface Reference {
  table: string;
  from: string;
  on_delete: string;
}

function rebuildFieldMapping(db: SqliteDatabase) {
  const { sql } = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'field_mapping'").get() as { sql: string };
  const unique = /,\s*UNIQUE\s*\(\s*flow_id\s*,\s*target_path\s*\)/i;
  if (!unique.test(sql)) throw new Error('field_mapping has no UNIQUE (flow_id, target_path) to relax: the schema is not the one this step expects.');
  const others = db
    .prepare("SELECT sql FROM sqlite_master WHERE tbl_name = 'field_mapping' AND type IN ('index', 'trigger') AND sql IS NOT NULL")
    .all() as Array<{ sql: string }>;
  const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as Array<{ name: string }>).map((t) => t.name);
  const references = tables.flatMap((table) =>
    (db.prepare('SELECT "table" AS parent, "from", on_delete FROM pragma_foreign_key_list(?)').all(table) as Array<{ parent: string } & Omit<Reference, 'table'>>)
      .filter((key) => key.parent === 'field_mapping')
      .map((key) => ({ table, from: key.from, on_delete: key.on_delete.toUpperCase() })),
  );
  // What the old table's drop would delete or clear in the tables that reference it, put back afterwards.
  references.forEach((ref, i) => {
    const saved = ref.on_delete === 'CASCADE' ? '*' : `rowid AS saved_rowid, "${ref.from}" AS saved_value`;
    db.exec(`CREATE TEMP TABLE saved_reference_${i} AS SELECT ${saved} FROM "${ref.table}" WHERE "${ref.from}" IS NOT NULL`);
  });
  db.exec(sql.replace(unique, '').replace(/^CREATE TABLE\s+"?field_mapping"?/i, 'CREATE TABLE field_mapping_rebuilt'));
  db.exec('INSERT INTO field_mapping_rebuilt SELECT * FROM field_mapping');
  db.exec('DROP TABLE field_mapping');
  db.exec('ALTER TABLE field_mapping_rebuilt RENAME TO field_mapping');
  for (const other of others) db.exec(other.sql);
  references.forEach((ref, i) => {
    if (ref.on_delete === 'CASCADE') db.exec(`INSERT INTO "${ref.table}" SELECT * FROM temp.saved_reference_${i}`);
    else db.exec(`UPDATE "${ref.table}" SET "${ref.from}" = (SELECT saved_value FROM temp.saved_reference_${i} s WHERE s.saved_rowid = "${ref.table}".rowid) WHERE rowid IN (SELECT saved_rowid FROM temp.saved_reference_${i})`);
    db.exec(`DROP TABLE temp.saved_reference_${i}`);
  });
}
