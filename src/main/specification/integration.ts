import type { Integration } from '../../shared/contract';
import type { Workspace } from '../workspace/workspace';

interface IntegrationRow {
  name: string;
  business_case: string;
  status: Integration['status'];
  author: string;
  spec_version: string;
  created_at: string;
  updated_at: string;
}

export function getIntegration(workspace: Workspace): Integration {
  const row = workspace.read((db) => db.prepare('SELECT * FROM integration WHERE id = 1').get() as IntegrationRow);
  return {
    name: row.name,
    businessCase: row.business_case,
    status: row.status,
    author: row.author,
    specVersion: row.spec_version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export type IntegrationChanges = Partial<Pick<Integration, 'name' | 'businessCase' | 'status' | 'author' | 'specVersion'>>;

const columns: Record<keyof IntegrationChanges, string> = {
  name: 'name',
  businessCase: 'business_case',
  status: 'status',
  author: 'author',
  specVersion: 'spec_version',
};

export function updateIntegration(workspace: Workspace, changes: IntegrationChanges): Integration {
  const entries = Object.entries(changes).filter(([, value]) => value !== undefined) as [keyof IntegrationChanges, string][];
  if (entries.length > 0) {
    workspace.write((db) => {
      const assignments = entries.map(([key]) => `${columns[key]} = ?`).join(', ');
      db.prepare(`UPDATE integration SET ${assignments}, updated_at = ? WHERE id = 1`).run(
        ...entries.map(([, value]) => value),
        new Date().toISOString(),
      );
    });
  }
  return getIntegration(workspace);
}
