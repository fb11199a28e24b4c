// A flow's source payload from where the analyst picked it: pasted JSON (or a file's text), a saved
// sample of the source system, or one generated from the source entity's schema.
import type { PayloadSource } from '../../../shared/contract';
import { UserError } from '../../errors';
import { getStoredDocument } from '../../openapi/systems';
import { storedApiDocument, type SystemImports } from '../../openapi/system-import';
import { documentGenerator } from '../../sandbox/generate';
import { getSample } from '../../sandbox/samples/samples';
import type { Workspace } from '../../workspace/workspace';
import { resolveEntity } from '../entities';
import { getFlow } from '../flows';

/** Reads JSON text as a payload, refusing what does not parse with where it stopped. */
export function parsePayload(text: string, where: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new UserError('BAD_PAYLOAD', `${where} is not JSON (${(error as Error).message}): give a JSON document of the flow's source entity.`);
  }
}

export async function sourcePayload(workspace: Workspace, imports: SystemImports, flowId: number, source: PayloadSource): Promise<unknown> {
  switch (source.kind) {
    case 'json':
      return parsePayload(source.text, 'The payload');
    case 'sample':
      return getSample(workspace, source.sampleId).body;
    case 'generated': {
      const flow = getFlow(workspace, flowId);
      const entity = await resolveEntity(workspace, imports, flow.source);
      const document = await storedApiDocument(getStoredDocument(workspace, entity.system.id));
      return documentGenerator(document, { direction: 'response', optionalShare: 1 }).generate(entity.entity.pointer, source.seed);
    }
  }
}
