import fs from 'node:fs';
import path from 'node:path';
import { contract, type EnvironmentInput, type SavedRequestInput } from '../../../../src/shared/contract';
import { addSystem } from '../../../../src/main/openapi/systems';
import { Redactor } from '../../../../src/main/platform/redact';
import { KeyFiles } from '../../../../src/main/platform/secrets';
import type { SandboxStore } from '../../../../src/main/sandbox/store/context';
import { createWorkspace, type Workspace } from '../../../../src/main/workspace/workspace';
import { tempDir } from '../../../helpers/temp';

/** A workspace with one system (an empty OpenAPI document), its key files and redactor. */
export function sandboxWorkspace(dir = tempDir()): { store: SandboxStore; systemId: number; dir: string; redactor: Redactor } {
  const workspace = createWorkspace(path.join(dir, 'shared.crosswalk'), 'Probe');
  const system = addSystem(workspace, 'crm', {
    text: JSON.stringify({ openapi: '3.0.3', info: { title: 'CRM', version: '1' }, paths: {} }),
    files: {},
    format: 'json',
    title: 'CRM',
    apiVersion: '1',
    openapiVersion: '3.0.3',
    source: 'pasted text',
  });
  const redactor = new Redactor();
  return { store: { workspace, secrets: { keys: new KeyFiles(path.join(dir, 'keys')), env: {}, redactor } }, systemId: system.id, dir, redactor };
}

/** The bytes SQLite keeps for the workspace: the file and its write-ahead log. */
export const storedBytes = (workspace: Workspace) =>
  Buffer.concat([workspace.path, `${workspace.path}-wal`].filter((file) => fs.existsSync(file)).map((file) => fs.readFileSync(file)));

export const requestInput = (input: Record<string, unknown>): SavedRequestInput => contract['sandbox.saveRequest'].input.parse(input);
export const environmentInput = (input: Record<string, unknown>): EnvironmentInput => contract['sandbox.saveEnvironment'].input.parse(input);
