import path from 'node:path';
import type { WorkspaceSummary } from '../../shared/contract';
import type { Workspace } from './workspace';

/**
 * A mapping row that is done: accepted with something to fill its field, or not needed — the rule of
 * mapping/checks.ts's completeness, in SQL.
 */
const DONE = `(m.status = 'not_needed' OR (m.status = 'accepted' AND (json_array_length(m.source_paths) > 0 OR m.mapping_type = 'constant' OR coalesce(m.default_value, '') <> '')))`;

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
        mappingsDone: count('field_mapping m', `WHERE ${DONE}`),
        // A flow is complete when it has rows and all of them are done (a flow never opened has none yet).
        flowsComplete: count(
          'data_flow f',
          `WHERE EXISTS (SELECT 1 FROM field_mapping m WHERE m.flow_id = f.id) AND NOT EXISTS (SELECT 1 FROM field_mapping m WHERE m.flow_id = f.id AND NOT ${DONE})`,
        ),
        testCases: count('test_case'),
        openQuestions: count('open_question', "WHERE status = 'open'"),
      },
    };
  });
}
