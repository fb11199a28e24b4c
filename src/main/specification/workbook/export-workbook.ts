import { randomUUID } from 'node:crypto';
import type { Workspace } from '../../workspace/workspace';
import type { SpecDocument } from '../spec-document';
import { writeWorkbook } from './write-workbook';

/** Exports whose snapshots are kept for reading their workbooks back; older workbooks read back against the app alone. */
export const KEPT_EXPORTS = 20;

/**
 * Writes the workbook and, once the file is complete, records the export (the document it carried)
 * so that reading the workbook back can tell a stakeholder's edits from changes made in the app since.
 */
export async function exportWorkbook(workspace: Workspace, document: SpecDocument, file: string): Promise<{ bytes: number; exportId: string }> {
  const exportId = randomUUID();
  const { bytes } = await writeWorkbook(document, file, { exportId });
  // An older file read through a copy migrated in memory keeps no record: the workbook is then read
  // back against the app alone.
  if (workspace.detached) return { bytes, exportId };
  workspace.write((db) => {
    db.prepare('INSERT INTO spec_export (id, exported_at, document) VALUES (?, ?, ?)').run(exportId, new Date().toISOString(), JSON.stringify(document));
    db.prepare('DELETE FROM spec_export WHERE id NOT IN (SELECT id FROM spec_export ORDER BY exported_at DESC, rowid DESC LIMIT ?)').run(KEPT_EXPORTS);
  });
  return { bytes, exportId };
}
