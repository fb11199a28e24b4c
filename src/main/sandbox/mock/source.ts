// The API document a mock serves: a document (file or URL) or one system of a workspace (by name when
// the workspace has several).
import fs from 'node:fs';
import { UserError } from '../../errors';
import { importApiDocument } from '../../openapi/import';
import { parseText } from '../../openapi/load/parse';
import { DEFAULT_IMPORT_LIMITS } from '../../openapi/load/limits';
import { readTextFile } from '../../openapi/load/source';
import { getStoredDocument, listSystems } from '../../openapi/systems';
import type { HttpService } from '../../platform/http';
import { openWorkspace } from '../../workspace/workspace';

type JsonObject = Record<string, unknown>;

export interface MockDocument {
  document: JsonObject;
  title: string;
  /** The workspace system it came from, when it came from a workspace. */
  system?: string;
  workspace?: string;
}

/** Whether `file` is a SQLite file (a workspace) rather than an API document. */
export function isWorkspaceFile(file: string): boolean {
  if (/^https?:\/\//i.test(file)) return false;
  try {
    const handle = fs.openSync(file, 'r');
    try {
      const header = Buffer.alloc(16);
      fs.readSync(handle, header, 0, 16, 0);
      return header.toString('latin1') === 'SQLite format 3\u0000';
    } finally {
      fs.closeSync(handle);
    }
  } catch {
    return false;
  }
}

export async function loadMockDocument(input: string, options: { system?: string; http?: HttpService } = {}): Promise<MockDocument> {
  if (isWorkspaceFile(input)) return fromWorkspace(input, options.system);
  if (options.system !== undefined) throw new UserError('MOCK_SYSTEM_WITHOUT_WORKSPACE', `--system names a system of a workspace, but ${input} is an API document: leave --system out, or give a workspace.`);
  const single = await singleFile(input);
  if (single) return single;
  const imported = await importApiDocument(input, { validation: false, catalogue: 'outline', http: options.http });
  if (imported.status === 'needs-consent') throw new UserError('API_DOC_REFS_NOT_ALLOWED', imported.message);
  return { document: imported.document, title: imported.title || input };
}

/**
 * A local document without references to other files, read and parsed only: the mock needs no
 * catalogue, and skipping it saves a second on GitHub's document. Anything else goes through the import.
 */
async function singleFile(input: string): Promise<MockDocument | undefined> {
  if (/^https?:\/\//i.test(input)) return undefined;
  const { text } = await readTextFile(input, input, DEFAULT_IMPORT_LIMITS);
  const { value, format } = await parseText(text, input, DEFAULT_IMPORT_LIMITS);
  if (!isObject(value) || (value.openapi === undefined && value.swagger === undefined) || hasExternalRef(value, format === 'yaml')) return undefined;
  const title = isObject(value.info) && typeof value.info.title === 'string' ? value.info.title : '';
  return { document: value, title: title || input };
}

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/** `shared`: YAML aliases may share subtrees (remember what was walked); JSON.parse gives a tree. */
function hasExternalRef(root: unknown, shared: boolean): boolean {
  const stack: unknown[] = [root];
  const seen = new Set<object>();
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value !== 'object' || value === null) continue;
    if (shared) {
      if (seen.has(value)) continue;
      seen.add(value);
    }
    if (Array.isArray(value)) {
      for (const item of value) stack.push(item);
      continue;
    }
    const record = value as JsonObject;
    if (typeof record.$ref === 'string' && !record.$ref.startsWith('#')) return true;
    for (const key in record) stack.push(record[key]);
  }
  return false;
}

async function fromWorkspace(file: string, wanted: string | undefined): Promise<MockDocument> {
  const workspace = await openWorkspace(file);
  try {
    const systems = listSystems(workspace);
    const names = systems.map((system) => system.name);
    if (systems.length === 0) throw new UserError('MOCK_NO_SYSTEM', `${file} has no system to mock: add one first (crosswalk add-system ${file} <name> <api-doc>).`);
    let system = systems[0]!;
    if (wanted !== undefined) {
      const found = systems.find((candidate) => candidate.name === wanted) ?? systems.find((candidate) => candidate.name.toLowerCase() === wanted.toLowerCase());
      if (!found) throw new UserError('MOCK_SYSTEM_NOT_FOUND', `${file} has no system named "${wanted}": its systems are ${names.map((name) => `"${name}"`).join(', ')}.`);
      system = found;
    } else if (systems.length > 1) {
      throw new UserError('MOCK_WHICH_SYSTEM', `${file} has ${systems.length} systems: choose one with --system (${names.map((name) => `"${name}"`).join(', ')}).`);
    }
    const stored = getStoredDocument(workspace, system.id);
    const document = stored.bundle ?? ((await parseText(stored.text, stored.source, DEFAULT_IMPORT_LIMITS)).value as JsonObject);
    return { document, title: stored.title || system.name, system: system.name, workspace: workspace.path };
  } finally {
    workspace.close();
  }
}
