import type { ExportFormat } from '../../../shared/contract';
import type { SystemImports } from '../../openapi/system-import';
import type { Workspace } from '../../workspace/workspace';
import { collectSpec } from '../collect';
import { exportWorkbook } from '../workbook/export-workbook';
import { jsonSpec } from './json-spec';
import { markdownSpec } from './markdown-spec';
import { checkExportTarget, writeFileAtomically } from './write-file-atomically';

/** Writes the whole spec in one format; returns the file's size. */
export async function exportSpec(workspace: Workspace, imports: SystemImports, format: ExportFormat, file: string): Promise<{ path: string; bytes: number }> {
  checkExportTarget(file);
  const document = await collectSpec(workspace, imports);
  switch (format) {
    case 'json':
      return { path: file, bytes: writeFileAtomically(file, jsonSpec(document)) };
    case 'md':
      return { path: file, bytes: writeFileAtomically(file, markdownSpec(document)) };
    case 'xlsx':
      return { path: file, bytes: (await exportWorkbook(workspace, document, file)).bytes };
  }
}
