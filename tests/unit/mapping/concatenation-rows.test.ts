import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCatalogue } from '../../../src/main/openapi/catalogue';
import { addFlow } from '../../../src/main/mapping/flows';
import { ensureRows, listRows } from '../../../src/main/mapping/rows';
import { addSystem } from '../../../src/main/openapi/systems';
import { createWorkspace } from '../../../src/main/workspace/workspace';
import { tempDir } from '../../helpers/temp';

const document = (schemas: Record<string, unknown>) => ({ openapi: '3.0.3', info: { title: 't', version: '1' }, paths: {}, components: { schemas } });
const person = document({ Person: { type: 'object', properties: { firstName: { type: 'string' }, lastName: { type: 'string' } } } });
const member = document({ Member: { type: 'object', properties: { fullName: { type: 'string' } } } });

describe('a row suggested as a concatenation', () => {
  it('is stored with both source paths and the concatenation type', async () => {
    const workspace = createWorkspace(path.join(tempDir(), 'w.crosswalk'), 'People');
    for (const [name, doc] of [['People', person], ['Members', member]] as const) {
      addSystem(workspace, name, { text: JSON.stringify(doc), files: {}, format: 'json', title: name, apiVersion: '1', openapiVersion: '3.0.3', source: 'pasted text' });
    }
    const flow = addFlow(workspace, { name: 'People to members', source: { system: 'People', entity: 'Person' }, target: { system: 'Members', entity: 'Member' } });
    const [source] = buildCatalogue(person).entities;
    const [target] = buildCatalogue(member).entities;
    await ensureRows(workspace, flow.id, source!, target!);

    expect(listRows(workspace, flow.id)).toEqual([
      expect.objectContaining({ targetPath: 'fullName', sourcePaths: ['firstName', 'lastName'], mappingType: 'concatenation', status: 'suggested' }),
    ]);
    workspace.close();
  });
});
