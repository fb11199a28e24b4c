// The workbook's Drift sheet: written from the drift report when samples show drift, said to be
// export-only, and ignored when the workbook is read back (an untouched export reads as no changes).
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { openDemoSession } from '../../helpers/handlers';
import type { Call } from '../../helpers/calls';
/** The demo's own samples left out: this test counts only the samples it saves. */
async function withoutDemoSamples(call: Call): Promise<void> {
  for (const system of await call('systems.list')) for (const sample of await call('sandbox.samples', { systemId: system.id })) await call('sandbox.deleteSample', { id: sample.id });
}


describe('the Drift sheet', () => {
  it('lists drift per entity and field, says it is export-only, and reads back as no changes', async () => {
    const { dir, call, session } = await openDemoSession();
    await withoutDemoSamples(call);
    const crm = (await call('systems.list')).find((system) => system.name === 'CRM')!;
    const customer = { id: '5f0c2a8e-3b1d-4c6a-9e2f-7a41d8b9c013', firstName: 'Maria', lastName: 'Okafor', email: 'maria@example.com' };
    for (const body of [{ ...customer, loyaltyPoints: 1 }, { ...customer, loyaltyPoints: 2 }]) {
      await call('sandbox.saveSample', { systemId: crm.id, entity: 'schema:Customer', operation: 'GET /customers/{customerId}', source: { kind: 'body', body: JSON.stringify(body) } });
    }
    await call('sandbox.saveSample', { systemId: crm.id, entity: 'schema:Customer', operation: 'GET /customers/{customerId}', source: { kind: 'body', body: '{}', status: 418 } });

    const file = path.join(dir, 'spec.xlsx');
    await call('spec.export', { format: 'xlsx', path: file });
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const sheet = book.getWorksheet('Drift');
    expect(sheet).toBeDefined();
    const cells = (row: ExcelJS.Row) => Array.from({ length: row.cellCount }, (_, index) => row.getCell(index + 1).text);
    const [header, ...rows] = sheet!.getRows(1, sheet!.rowCount)!.map(cells);
    expect(header).toEqual(['System', 'Entity', 'Field', 'Finding', 'Samples', 'First seen', 'Last seen', 'Example (export-only sheet: edits are not read back)']);
    expect(sheet!.headerFooter.oddHeader).toMatch(/Export-only: edits on this sheet are not read back/);
    expect(rows.map((row) => row.slice(0, 5))).toEqual([
      ['CRM', 'Customer', '(whole body)', 'undocumented status', '1'],
      ['CRM', 'Customer', 'loyaltyPoints', 'undocumented field', '2'],
    ]);

    const report = await call('spec.previewWorkbook', { path: file });
    expect(report).toMatchObject({ changes: [], unreadable: [] });
    session.close();
  });
});
