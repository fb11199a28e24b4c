// The drift report: the contract check's findings accumulated across the samples of each entity — per
// field and kind of finding, how many samples showed it, when first and last, and one example message.
import type { DriftKind } from '../../openapi/payload/response-check';
import type { Workspace } from '../../workspace/workspace';

export interface DriftRow {
  systemId: number;
  system: string;
  /** The catalogue entity id (`schema:Customer`). */
  entity: string;
  /** Catalogue form (`lines[].taxRate`); '' for the body as a whole (an undocumented status or content type). */
  field: string;
  /** False when the field lies outside the entity in the body (a page wrapper's own fields). */
  inEntity: boolean;
  kind: DriftKind;
  samples: number;
  firstSeen: string;
  lastSeen: string;
  /** The latest sample's message. */
  example: string;
}

export interface DriftReport {
  generatedAt: string;
  /** How many samples the report was computed from. */
  samples: number;
  rows: DriftRow[];
}

/** The report over every sample of the workspace, or of one system / entity. */
export function driftReport(workspace: Workspace, query: { systemId?: number; entity?: string } = {}): DriftReport {
  const where: string[] = [];
  const values: unknown[] = [];
  if (query.systemId !== undefined) {
    where.push('s.system_id = ?');
    values.push(query.systemId);
  }
  if (query.entity !== undefined) {
    where.push('s.entity = ?');
    values.push(query.entity);
  }
  const filter = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  return workspace.read((db) => {
    const rows = db
      .prepare(
        `SELECT s.system_id AS systemId, y.name AS system, s.entity, f.field, f.in_entity AS inEntity, f.kind,
                count(DISTINCT s.id) AS samples, min(s.captured_at) AS firstSeen, max(s.captured_at) AS lastSeen,
                (SELECT f2.message FROM sandbox_sample_finding f2 JOIN sandbox_sample s2 ON s2.id = f2.sample_id
                 WHERE s2.system_id = s.system_id AND s2.entity = s.entity AND f2.field = f.field AND f2.kind = f.kind AND f2.in_entity = f.in_entity
                 ORDER BY s2.id DESC, f2.id LIMIT 1) AS example
         FROM sandbox_sample_finding f JOIN sandbox_sample s ON s.id = f.sample_id JOIN system y ON y.id = s.system_id
         ${filter}
         GROUP BY s.system_id, s.entity, f.field, f.in_entity, f.kind
         ORDER BY y.name COLLATE NOCASE, s.entity, f.in_entity DESC, f.field, f.kind`,
      )
      .all(...values) as Array<Omit<DriftRow, 'inEntity'> & { inEntity: number }>;
    const samples = db.prepare(`SELECT count(*) FROM sandbox_sample s ${filter}`).pluck().get(...values) as number;
    return { generatedAt: new Date().toISOString(), samples, rows: rows.map((row) => ({ ...row, inEntity: row.inEntity === 1 })) };
  });
}
