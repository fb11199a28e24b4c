import { CredentialPlaceholders } from '../../platform/redact';
import { textWithoutCredentials, withoutCredentials } from '../../openapi/load/credentials';
import { loadYaml } from '../../openapi/load/parse';
import { DEFAULT_IMPORT_LIMITS } from '../../openapi/load/limits';
import type { SqliteDatabase } from '../sqlite';
import type { CodeMigration } from './migration';

/**
 * Documents imported before credentials were removed on import may hold them (a server URL's user-info,
 * an api_key in a query): each stored document and each kept previous version gets placeholders instead,
 * as an import does now. secure_delete overwrites the pages the old texts leave; after the commit the
 * file is vacuumed and the WAL checkpointed and truncated, so the old bytes are gone from both files.
 */
export const redactStoredDocuments: CodeMigration = {
  version: 8,
  name: 'credentials in stored documents replaced by placeholders',
  id: 'redact-stored-documents-v1',
  run(db) {
    db.pragma('secure_delete = ON');
    redactTable(db, 'system', true);
    redactTable(db, 'system_version', false);
  },
  afterCommit(db) {
    db.exec('VACUUM');
    db.pragma('wal_checkpoint(TRUNCATE)');
  },
};

interface DocumentRow {
  id: number;
  format: 'json' | 'yaml';
  source: string;
  document: string;
  files: string;
  bundle: string | null;
  validation?: string | null;
}

function redactTable(db: SqliteDatabase, table: 'system' | 'system_version', hasValidation: boolean) {
  const rows = db.prepare(`SELECT id, format, source, document, files, bundle${hasValidation ? ', validation' : ''} FROM ${table}`).all() as DocumentRow[];
  const update = db.prepare(`UPDATE ${table} SET source = ?, document = ?, files = ?, bundle = ?${hasValidation ? ', validation = ?' : ''} WHERE id = ?`);
  for (const row of rows) {
    const placeholders = new CredentialPlaceholders();
    const document = redactText(row.document, row.format, placeholders);
    const files = JSON.stringify(
      Object.fromEntries(
        Object.entries(JSON.parse(row.files) as Record<string, string>).map(([name, text]) => [placeholders.text(name), redactText(text, /^\s*[[{]/.test(text) ? 'json' : 'yaml', placeholders)]),
      ),
    );
    const bundle = row.bundle === null ? null : JSON.stringify(withoutCredentials(JSON.parse(row.bundle) as unknown, placeholders));
    const source = placeholders.text(row.source);
    const validation = row.validation ? JSON.stringify(withoutCredentials(JSON.parse(row.validation) as unknown, placeholders)) : row.validation;
    const after = [source, document, files, bundle, ...(hasValidation ? [validation] : [])];
    const before = [row.source, row.document, row.files, row.bundle, ...(hasValidation ? [row.validation] : [])];
    if (after.some((value, index) => value !== before[index])) update.run(...after, row.id);
  }
}

function redactText(text: string, format: 'json' | 'yaml', placeholders: CredentialPlaceholders): string {
  let value: unknown;
  try {
    value = format === 'json' ? JSON.parse(text) : loadYaml().parse(text, { merge: false, version: '1.2', maxAliasCount: DEFAULT_IMPORT_LIMITS.maxAliasCount });
  } catch {
    // Kept as it was imported (a JSON-looking YAML file, say): the rules applied to the text as a whole.
    return placeholders.text(text);
  }
  return textWithoutCredentials(text, format, value, placeholders);
}
