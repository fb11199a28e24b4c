// Flattening changes field paths (unions, maps, cycles: issue 11 items 14–20). Every mapping row of the
// demo workspace and of the workspace fixtures must still point at fields their catalogue lists.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDemoWorkspace } from '../../../src/main/demo/demo-workspace';
import { ensureRows } from '../../../src/main/mapping/rows';
import { SystemImports } from '../../../src/main/openapi/system-import';
import { openWorkspace, type Workspace } from '../../../src/main/workspace/workspace';
import { tempDir } from '../../helpers/temp';

interface Row {
  id: number;
  target_path: string;
  source_paths: string;
  source_system_id: number;
  source_entity: string;
  target_system_id: number;
  target_entity: string;
}

/** Rows whose target or source paths are not fields of their entity, as "row id: side entity.path". */
async function rowsPointingAtMissingFields(workspace: Workspace): Promise<{ checked: number; missing: string[] }> {
  const imports = new SystemImports();
  const rows = workspace.read((db) =>
    db
      .prepare(
        `SELECT m.id, m.target_path, m.source_paths, f.source_system_id, f.source_entity, f.target_system_id, f.target_entity
         FROM field_mapping m JOIN data_flow f ON f.id = m.flow_id`,
      )
      .all(),
  ) as Row[];
  const fieldsOf = async (system: number, name: string) => {
    const catalogue = await imports.catalogue(workspace, system);
    const listed = catalogue.entities.find((entity) => entity.name === name || entity.id === name);
    if (!listed) return new Set<string>();
    return new Set((await imports.entity(workspace, system, listed.id)).fields.map((field) => field.path));
  };
  const missing: string[] = [];
  let checked = 0;
  for (const row of rows) {
    if (row.target_path) {
      checked++;
      if (!(await fieldsOf(row.target_system_id, row.target_entity)).has(row.target_path)) missing.push(`${row.id}: target ${row.target_entity}.${row.target_path}`);
    }
    for (const source of JSON.parse(row.source_paths) as string[]) {
      checked++;
      if (!(await fieldsOf(row.source_system_id, row.source_entity)).has(source)) missing.push(`${row.id}: source ${row.source_entity}.${source}`);
    }
  }
  return { checked, missing };
}

describe('mapping rows after the flattening changes', () => {
  it('the demo workspace has no row pointing at a missing field', async () => {
    const workspace = await createDemoWorkspace(path.join(tempDir(), 'demo.crosswalk'));
    try {
      // The demo's flows get their rows (with the engine's suggestions) when first opened: as the app does.
      const imports = new SystemImports();
      const flows = workspace.read((db) => db.prepare('SELECT id, source_system_id, source_entity, target_system_id, target_entity FROM data_flow').all()) as Row[];
      for (const flow of flows) {
        const entityOf = async (system: number, name: string) => {
          const listed = (await imports.catalogue(workspace, system)).entities.find((entity) => entity.name === name)!;
          return imports.entity(workspace, system, listed.id);
        };
        await ensureRows(workspace, flow.id, await entityOf(flow.source_system_id, flow.source_entity), await entityOf(flow.target_system_id, flow.target_entity));
      }
      const { checked, missing } = await rowsPointingAtMissingFields(workspace);
      expect(checked).toBeGreaterThan(10);
      expect(missing).toEqual([]);
    } finally {
      workspace.close();
    }
  });

  it.each(['v1-demo.crosswalk', 'v4-demo.crosswalk'])('the %s fixture has no row pointing at a missing field', async (name) => {
    const file = path.join(tempDir(), name);
    fs.copyFileSync(path.resolve(__dirname, '../../fixtures/workspaces', name), file);
    const workspace = await openWorkspace(file);
    try {
      expect((await rowsPointingAtMissingFields(workspace)).missing).toEqual([]);
    } finally {
      workspace.close();
    }
  });
});
