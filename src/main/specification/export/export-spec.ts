import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ExportFormat } from '../../../shared/contract';
import { UserError } from '../../errors';
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
  checkTargets(workspace, requests);
  const document = await collectSpec(workspace, imports);
  const written: Array<{ path: string; bytes: number }> = [];
  for (const { format, path } of requests) written.push({ path, bytes: await writeSpec(workspace, document, format, path) });
  return written;
}

const MEDIA_TYPES: Record<ExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json',
  md: 'text/markdown; charset=utf-8',
};

/**
 * The spec in one format as a file to download (the web host's browser cannot be handed a path): written
 * as an export is (a workbook's snapshot is kept for its read-back), then read and removed.
 */
export async function downloadSpec(workspace: Workspace, imports: SystemImports, format: ExportFormat): Promise<{ fileName: string; mediaType: string; content: string; bytes: number }> {
  const document = await collectSpec(workspace, imports);
  const base = path.basename(workspace.path).replace(/\.crosswalk$/i, '') || 'integration';
  const fileName = `${base}-spec.${format}`;
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'crosswalk-download-'));
  try {
    const file = path.join(folder, fileName);
    await writeSpec(workspace, document, format, file);
    const bytes = fs.readFileSync(file);
    return { fileName, mediaType: MEDIA_TYPES[format], content: bytes.toString('base64'), bytes: bytes.length };
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

/** Each target a file of its own: never the open workspace (or its journal), never two formats in one file. */
function checkTargets(workspace: Workspace, requests: ExportRequest[]) {
  const workspaceFiles = ['', '-wal', '-shm', '-journal'].map((suffix) => sameFileAs(`${workspace.path}${suffix}`));
  const taken = new Map<string, ExportFormat>();
  for (const { format, path: file } of requests) {
    checkExportTarget(file);
    if (workspaceFiles.some((isWorkspaceFile) => isWorkspaceFile(file))) {
      throw new UserError('EXPORT_OVER_WORKSPACE', `Cannot write the ${format} export to ${path.resolve(file)}: that is the open workspace's file, which it would replace. Choose another file name.`);
    }
    const key = identity(file);
    const earlier = taken.get(key);
    if (earlier) throw new UserError('EXPORT_SAME_FILE', `The ${earlier} and ${format} exports are both to ${path.resolve(file)}: give each format a file of its own.`);
    taken.set(key, format);
  }
}

/** A file's identity: its real path (symbolic links and "..", resolved as far as they exist). */
function identity(file: string): string {
  const resolved = path.resolve(file);
  try {
    return fs.realpathSync.native(resolved);
  } catch {
    try {
      return path.join(fs.realpathSync.native(path.dirname(resolved)), path.basename(resolved));
    } catch {
      return resolved;
    }
  }
}

/** Whether a path names `file`: the same real path, or the same file under another name (a hard link). */
function sameFileAs(file: string): (candidate: string) => boolean {
  const real = identity(file);
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  return (candidate) => {
    if (identity(candidate) === real) return true;
    const other = stat && fs.statSync(candidate, { throwIfNoEntry: false });
    return !!other && other.dev === stat.dev && other.ino === stat.ino;
  };
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
