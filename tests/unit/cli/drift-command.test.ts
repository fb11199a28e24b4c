// `crosswalk drift` on a demo workspace (which comes with two CRM samples) with two more saved: the report as
// text and as JSON, exit 0.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDemoWorkspace } from '../../../src/main/demo/demo-workspace';
import { listSystems } from '../../../src/main/openapi/systems';
import { SystemImports } from '../../../src/main/openapi/system-import';
import { Redactor } from '../../../src/main/platform/redact';
import { saveSample } from '../../../src/main/sandbox/samples/samples';
import { createWorkspace } from '../../../src/main/workspace/workspace';
import { crosswalk } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp';

describe('crosswalk drift', () => {
  it('prints the drift report per entity and as JSON, exiting 0', { timeout: 120_000 }, async () => {
    const file = path.join(tempDir(), 'w.crosswalk');
    const workspace = await createDemoWorkspace(file);
    const crm = listSystems(workspace).find((system) => system.name === 'CRM')!;
    const context = { workspace, systems: new SystemImports(), redactor: new Redactor() };
    const customer = { id: '5f0c2a8e-3b1d-4c6a-9e2f-7a41d8b9c013', firstName: 'Maria', lastName: 'Okafor', email: 'maria@example.com' };
    for (const body of [{ ...customer, loyaltyPoints: 1 }, { ...customer, loyaltyPoints: 2, email: null }]) {
      await saveSample(context, { systemId: crm.id, entity: 'schema:Customer', operation: 'GET /customers/{customerId}', direction: 'response', source: { kind: 'body', body: JSON.stringify(body) } });
    }
    workspace.close();

    const text = crosswalk(['drift', file]);
    expect(text).toMatchObject({ status: 0, stderr: '' });
    const lines = text.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('CRM Customer');
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^ {2}email +null +1 sample +\S+ +\/email must be/),
        expect.stringMatching(/^ {2}loyaltyPoints +undocumented-field +2 samples +\S+ \.\. \S+ +\/loyaltyPoints is not in the document/),
        expect.stringMatching(/^ {2}salesRegion +undocumented-field +2 samples /),
        expect.stringMatching(/^ {2}customerTier +enum +1 sample /),
      ]),
    );
    expect(lines).toHaveLength(5);

    const json = crosswalk(['drift', file, '--json']);
    expect(json.status).toBe(0);
    const report = JSON.parse(json.stdout) as { samples: number; rows: Array<{ field: string; kind: string; samples: number }> };
    expect(report.samples).toBe(4);
    expect(report.rows.map((row) => [row.field, row.kind, row.samples]).sort()).toEqual([
      ['customerTier', 'enum', 1],
      ['email', 'null', 1],
      ['loyaltyPoints', 'undocumented-field', 2],
      ['salesRegion', 'undocumented-field', 2],
    ]);
  });

  it('says when there are no samples, and refuses a missing workspace argument as usage', { timeout: 120_000 }, async () => {
    const file = path.join(tempDir(), 'w.crosswalk');
    createWorkspace(file, 'No samples').close();
    expect(crosswalk(['drift', file])).toMatchObject({ status: 0, stdout: expect.stringMatching(/^No samples saved yet/) });
    expect(crosswalk(['drift'])).toMatchObject({ status: 2, stderr: expect.stringMatching(/drift takes one argument: the workspace file/) });
  });
});
