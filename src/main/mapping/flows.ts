import type { FlowSummary } from '../../shared/contract';
import { UserError } from '../errors';
import type { Workspace } from '../workspace/workspace';

interface FlowRow {
  id: number;
  name: string;
  use_case: string | null;
  source_system: string;
  source_entity: string;
  target_system: string;
  target_entity: string;
  trigger_kind: FlowSummary['trigger']['kind'];
  trigger_detail: string;
  total: number;
  accepted: number;
}

export function listFlows(workspace: Workspace): FlowSummary[] {
  const rows = workspace.read(
    (db) =>
      db
        .prepare(
          `SELECT f.id, f.name, u.title AS use_case,
                  s.name AS source_system, f.source_entity, t.name AS target_system, f.target_entity,
                  f.trigger_kind, f.trigger_detail,
                  (SELECT count(*) FROM field_mapping m WHERE m.flow_id = f.id) AS total,
                  (SELECT count(*) FROM field_mapping m WHERE m.flow_id = f.id AND m.status = 'accepted') AS accepted
           FROM data_flow f
           JOIN system s ON s.id = f.source_system_id
           JOIN system t ON t.id = f.target_system_id
           LEFT JOIN use_case u ON u.id = f.use_case_id
           ORDER BY f.position, f.id`,
        )
        .all() as FlowRow[],
  );
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    useCase: row.use_case,
    source: { system: row.source_system, entity: row.source_entity },
    target: { system: row.target_system, entity: row.target_entity },
    trigger: { kind: row.trigger_kind, detail: row.trigger_detail },
    mappings: { total: row.total, accepted: row.accepted },
  }));
}

export interface NewFlow {
  name: string;
  useCase?: string;
  source: { system: string; entity: string };
  target: { system: string; entity: string };
  trigger?: FlowSummary['trigger'];
}

export function addFlow(workspace: Workspace, flow: NewFlow): FlowSummary {
  workspace.write((db) => {
    const systemId = (name: string) => {
      const row = db.prepare('SELECT id FROM system WHERE name = ?').get(name) as { id: number } | undefined;
      if (!row) throw new UserError('SYSTEM_NOT_FOUND', `The workspace has no system named "${name}": add it first.`);
      return row.id;
    };
    let useCaseId: number | null = null;
    if (flow.useCase) {
      const existing = db.prepare('SELECT id FROM use_case WHERE title = ?').get(flow.useCase) as { id: number } | undefined;
      useCaseId = existing?.id ?? Number(db.prepare('INSERT INTO use_case (title) VALUES (?)').run(flow.useCase).lastInsertRowid);
    }
    db.prepare(
      `INSERT INTO data_flow (name, use_case_id, source_system_id, source_entity, target_system_id, target_entity, trigger_kind, trigger_detail)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      flow.name,
      useCaseId,
      systemId(flow.source.system),
      flow.source.entity,
      systemId(flow.target.system),
      flow.target.entity,
      flow.trigger?.kind ?? 'manual',
      flow.trigger?.detail ?? '',
    );
  });
  const added = listFlows(workspace).find((candidate) => candidate.name === flow.name);
  if (!added) throw new Error(`Flow "${flow.name}" was not stored.`);
  return added;
}
