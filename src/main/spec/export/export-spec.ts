import type { ExportFormat } from '../../../shared/contract';
import type { SystemImports } from '../../openapi/system-import';
import type { Workspace } from '../../workspace/workspace';
import { collectSpec } from '../collect';
import type { SpecDocument } from '../spec-document';
import { exportWorkbook } from '../workbook/export-workbook';
import { jsonSpec } from './json-spec';
import { markdownSpec } from './markdown-spec';
import { checkExportTarget, writeFileAtomically } from './write-file-atomically';

export interface ExportRequest {
  format: ExportFormat;
  path: string;
}

/** Writes the spec, collected once, in each requested format; returns each file's size. */
export async function exportSpec(workspace: Workspace, imports: SystemImports, requests: ExportRequest[]): Promise<Array<{ path: string; bytes: number }>> {
  for (const request of requests) checkExportTarget(request.path);
  const document = await collectSpec(workspace, imports);
  const written: Array<{ path: string; bytes: number }> = [];
  for (const { format, path } of requests) written.push({ path, bytes: await writeSpec(workspace, document, format, path) });
  return written;
}

async function writeSpec(workspace: Workspace, document: SpecDocument, format: ExportFormat, file: string): Promise<number> {
  switch (format) {
    case 'json':
      return writeFileAtomically(file, jsonSpec(document));
    case 'md':
      return writeFileAtomically(file, markdownSpec(document));
    case 'xlsx':
      return (await exportWorkbook(workspace, document, file)).bytes;
  }
}
