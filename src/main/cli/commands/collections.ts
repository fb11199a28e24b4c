// `crosswalk import-collection` and `crosswalk export-collection`: a system's saved requests in and out as a
// Postman collection v2.1 (folders, variables, auth). Variables and the collection's auth live in an
// environment of the system named after the collection; an export holds no secret values unless asked.
import fs from 'node:fs';
import { UserError } from '../../errors';
import { findSystemByName } from '../../openapi/systems';
import type { Services } from '../../platform/services';
import { exportSystemCollection, importCollectionInto } from '../../sandbox/postman';
import { sandboxOf } from '../../sandbox/sandbox';
import { findEnvironmentByName } from '../../sandbox/store/environments';
import { appDataDir } from '../../settings/settings';
import { openWorkspace } from '../../workspace/workspace';
import type { Flags, Io } from '../io';
import { UsageError } from '../usage';

async function systemOf(file: string, name: string) {
  const workspace = await openWorkspace(file);
  const system = findSystemByName(workspace, name);
  if (!system) {
    workspace.close();
    throw new UserError('SYSTEM_NOT_FOUND', `The workspace has no system named "${name}": see crosswalk info ${file}.`);
  }
  return { workspace, system };
}

function readJson(file: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new UserError('FILE_NOT_READABLE', `Cannot read ${file}: check the path.`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UserError('COLLECTION_NOT_JSON', `${file} is not JSON (${(error as Error).message}): export the collection from Postman as "Collection v2.1".`);
  }
}

export async function importCollectionCommand([file, systemName, collectionFile, ...extra]: string[], _flags: Flags, io: Io, services: Services): Promise<number> {
  if (!file || !systemName || !collectionFile || extra.length > 0) throw new UsageError('import-collection takes three arguments: the workspace file, the system and the collection file.');
  const { workspace, system } = await systemOf(file, systemName);
  try {
    const { store } = sandboxOf(workspace, services, appDataDir());
    const imported = importCollectionInto(store, system.id, readJson(collectionFile), collectionFile);
    io.out(
      `Imported ${imported.requests} requests in ${imported.folders} folders into ${system.name}; ${imported.variables} variables (${imported.secretVariables} secret, sealed) and the collection's auth into its environment "${imported.environment.name}".`,
    );
    for (const note of imported.notes) io.out(`note: ${note}`);
    return 0;
  } finally {
    workspace.close();
  }
}

export async function exportCollectionCommand([file, systemName, outFile, ...extra]: string[], flags: Flags, io: Io, services: Services): Promise<number> {
  if (!file || !systemName || !outFile || extra.length > 0) throw new UsageError('export-collection takes three arguments: the workspace file, the system and the file to write.');
  const { workspace, system } = await systemOf(file, systemName);
  try {
    const { store } = sandboxOf(workspace, services, appDataDir());
    const includeSecrets = flags.includeSecrets ?? false;
    const environment = flags.env ? findEnvironmentByName(store, system.id, flags.env) : undefined;
    if (flags.env && !environment) throw new UserError('ENVIRONMENT_NOT_FOUND', `${system.name} has no environment named "${flags.env}".`);
    const { collection, requests } = exportSystemCollection(store, system.id, { environmentId: environment?.id, includeSecrets });
    fs.writeFileSync(outFile, `${JSON.stringify(collection, null, 2)}\n`);
    io.out(`Wrote ${requests} requests of ${system.name} to ${outFile}${includeSecrets ? ', secrets included' : ', without secret values'}.`);
    return 0;
  } finally {
    workspace.close();
  }
}
