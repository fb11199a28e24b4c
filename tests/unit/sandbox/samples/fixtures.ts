import path from 'node:path';
import { SystemImports } from '../../../../src/main/openapi/system-import';
import { Redactor } from '../../../../src/main/platform/redact';
import { BodyCache } from '../../../../src/main/sandbox/store/body-cache';
import type { SampleContext } from '../../../../src/main/sandbox/samples/samples';
import { createWorkspace } from '../../../../src/main/workspace/workspace';
import { tempDir } from '../../../helpers/temp';

export const demoDocument = (name: string) => path.resolve(__dirname, '../../../../resources/demo', name);
export const fixtureDocument = (name: string) => path.resolve(__dirname, '../../../fixtures/openapi', name);

/** A real workspace file with the given documents imported as systems, and a body cache of its own. */
export async function samplesWorkspace(documents: Record<string, string> = { crm: demoDocument('crm.openapi.yaml') }) {
  const dir = tempDir();
  const workspace = createWorkspace(path.join(dir, 'samples.crosswalk'), 'Samples');
  const systems = new SystemImports();
  const ids: Record<string, number> = {};
  for (const [name, file] of Object.entries(documents)) {
    const imported = await systems.import(workspace, name, { kind: 'file', path: file });
    if (imported.status !== 'imported') throw new Error(`${file} needs consent`);
    await imported.validation;
    ids[name] = imported.system.id;
  }
  const workspaceId = workspace.read((db) => db.prepare('SELECT workspace_id FROM workspace_identity').pluck().get() as string);
  const redactor = new Redactor();
  const context: SampleContext = { workspace, systems, redactor, bodies: new BodyCache(path.join(dir, 'cache'), workspaceId) };
  return { dir, workspace, systems, ids, redactor, context };
}
