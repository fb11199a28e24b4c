import type { SystemSummary } from '../../shared/contract';
import { UserError } from '../errors';
import type { Workspace } from '../workspace/workspace';
import type { ApiDocument } from './document-info';

interface SystemRow {
  id: number;
  name: string;
  title: string;
  api_version: string;
  spec_version: string;
  format: SystemSummary['format'];
  source: string;
  size_bytes: number;
  imported_at: string;
}

export function listSystems(workspace: Workspace): SystemSummary[] {
  const rows = workspace.read(
    (db) =>
      db
        .prepare(
          `SELECT id, name, title, api_version, spec_version, format, source,
                  length(CAST(document AS BLOB)) AS size_bytes, imported_at
           FROM system ORDER BY id`,
        )
        .all() as SystemRow[],
  );
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    title: row.title,
    apiVersion: row.api_version,
    specVersion: row.spec_version,
    format: row.format,
    source: row.source,
    sizeBytes: row.size_bytes,
    importedAt: row.imported_at,
  }));
}

export function addSystem(workspace: Workspace, name: string, document: ApiDocument): SystemSummary {
  workspace.write((db) => {
    const taken = db.prepare('SELECT 1 FROM system WHERE name = ?').get(name);
    if (taken) throw new UserError('SYSTEM_EXISTS', `The workspace already has a system named "${name}": choose another name.`);
    db.prepare(
      `INSERT INTO system (name, title, api_version, spec_version, format, source, document, imported_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(name, document.title, document.apiVersion, document.specVersion, document.format, document.source, document.text, new Date().toISOString());
  });
  const added = listSystems(workspace).find((system) => system.name.toLowerCase() === name.toLowerCase());
  if (!added) throw new Error(`System "${name}" was not stored.`);
  return added;
}
