import { openapiVersionLabel } from '../../../shared/catalogue';
import type { ImportSource } from '../../../shared/contract';
import { UserError } from '../../errors';
import { SystemImports } from '../../openapi/system-import';
import { openWorkspace } from '../../workspace/workspace';
import { defaultRedactor } from '../../platform/redact';
import type { Services } from '../../platform/services';
import { removedCredentialsNotice } from './import';
import type { Flags, Io } from '../io';
import { UsageError } from '../usage';

/** `crosswalk add-system <workspace> <name> <api-doc> [--allow-refs]`: imports a document into a workspace as a system. */
export async function addSystemCommand([file, name, apiDoc, ...extra]: string[], flags: Flags, io: Io, services: Services): Promise<number> {
  if (!file || !name?.trim() || !apiDoc || extra.length > 0) {
    throw new UsageError('add-system takes three arguments: the workspace, the system name and the API document (file path or URL).');
  }
  const workspace = await openWorkspace(file);
  try {
    const source: ImportSource = /^https?:\/\//i.test(apiDoc) ? { kind: 'url', url: apiDoc } : { kind: 'file', path: apiDoc };
    const imports = new SystemImports(services);
    const result = await imports.import(workspace, name.trim(), source, { allowAll: flags.allowRefs ?? false });
    if (result.status === 'needs-consent') {
      throw new UserError(
        'API_DOC_REFS_NOT_ALLOWED',
        `${defaultRedactor.text(apiDoc)} refers to documents outside its folder or on another server (${result.references.map((ref) => `"${defaultRedactor.text(ref.ref)}"`).join(', ')}); nothing was stored: run again with --allow-refs to follow them.`,
      );
    }
    if (result.removedCredentials.length > 0) io.err(removedCredentialsNotice(result.removedCredentials));
    const catalogue = await imports.catalogue(workspace, result.system.id);
    const system = (await result.validation) ?? result.system;
    const { validation } = system;
    const verdict =
      validation.state === 'pending'
        ? 'validation did not finish'
        : validation.valid
          ? 'valid'
          : `${count(validation.errors.length, 'validation problem')} (kept; see the app's Systems area)`;
    io.out(
      `Added ${system.name} to ${workspace.path}: ${system.title} ${system.apiVersion} (${openapiVersionLabel(system.openapiVersion)}), ` +
        `${count(catalogue.entities.length, 'entity', 'entities')}, ${count(catalogue.operations.length, 'operation')}; ${verdict}.`,
    );
    return 0;
  } finally {
    workspace.close();
  }
}

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
