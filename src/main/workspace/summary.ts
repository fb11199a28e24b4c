import path from 'node:path';
import type { WorkspaceSummary } from '../../shared/contract';
import type { Workspace } from './workspace';

export function summarize(workspace: Workspace): WorkspaceSummary {
  return workspace.read((db) => {
    const integration = db.prepare('SELECT name, status FROM integration WHERE id = 1').get() as WorkspaceSummary['integration'];
    const count = (table: string, where = '') =>
      (db.prepare(`SELECT count(*) AS n FROM ${table} ${where}`).get() as { n: number }).n;
    return {
      path: workspace.path,
      fileName: path.basename(workspace.path),
      schemaVersion: workspace.schemaVersion,
      integration,
      counts: {
        systems: count('system'),
        flows: count('data_flow'),
        useCases: count('use_case'),
        mappings: count('field_mapping'),
        testCases: count('test_case'),
        openQuestions: count('open_question', "WHERE status = 'open'"),
      },
    };
  });
}
