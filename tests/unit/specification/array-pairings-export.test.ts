import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { createDemoWorkspace } from '../../../src/main/demo/demo-workspace';
import { setFlowEndpoints } from '../../../src/main/mapping/flows';
import { createPairing } from '../../../src/main/mapping/pairing-calls';
import { mappingSheet } from '../../../src/main/mapping/sheet';
import { SystemImports } from '../../../src/main/openapi/system-import';
import { collectSpec } from '../../../src/main/specification/collect';
import { jsonSpec } from '../../../src/main/specification/export/json-spec';
import { markdownSpec } from '../../../src/main/specification/export/markdown-spec';
import { applyWorkbookChanges } from '../../../src/main/specification/workbook/apply-workbook';
import { exportWorkbook } from '../../../src/main/specification/workbook/export-workbook';
import { previewWorkbook } from '../../../src/main/specification/workbook/read-workbook';
import { tempDir } from '../../helpers/temp';

const ORDERS_TO_INVOICES = 2;
const text = (value: ExcelJS.CellValue) => (value && typeof value === 'object' && 'richText' in value ? value.richText.map((run) => run.text).join('') : String(value ?? ''));

describe('array pairings and endpoints in the exports', () => {
  it('carries pairings in the JSON spec, Markdown and workbook, reads back their filter and notes, and lists the chosen endpoints', { timeout: 120_000 }, async () => {
    const imports = new SystemImports();
    const workspace = await createDemoWorkspace(path.join(tempDir(), 'demo.crosswalk'));
    await mappingSheet(workspace, imports, ORDERS_TO_INVOICES);
    const lines = await createPairing(workspace, imports, { flowId: ORDERS_TO_INVOICES, targetPath: 'line_items[]', sourcePath: 'lines[]', filter: 'quantity > 0' });
    const billing = await createPairing(workspace, imports, {
      flowId: ORDERS_TO_INVOICES,
      targetPath: 'contact.addresses[]',
      sourcePath: 'billingAddress',
      discriminator: { path: 'address_type', value: 'STREET' },
    });
    await setFlowEndpoints(workspace, imports, ORDERS_TO_INVOICES, { targetOperation: 'POST /invoices', writeMode: 'upsert', matchKey: 'reference' });

    const spec = await collectSpec(workspace, imports);
    const flow = spec.flows.find((each) => each.id === ORDERS_TO_INVOICES)!;
    const json = JSON.parse(jsonSpec(spec)) as typeof spec;
    const jsonFlow = json.flows.find((each) => each.id === ORDERS_TO_INVOICES)!;
    expect(jsonFlow.pairings).toEqual([
      expect.objectContaining({ pairId: lines.pairing.pairId, targetPath: 'line_items[]', sourcePath: 'lines[]', filter: 'quantity > 0', discriminator: null, parent: null, mappings: lines.rows.map((row) => row.mapId) }),
      expect.objectContaining({ pairId: billing.pairing.pairId, sourcePath: 'billingAddress', discriminator: { path: 'address_type', value: 'STREET' }, mappings: billing.rows.map((row) => row.mapId) }),
    ]);
    expect(jsonFlow.mappings.find((row) => row.mapId === lines.rows[0]!.mapId)?.pairing).toBe(lines.pairing.pairId);
    expect(jsonFlow.mappings.find((row) => row.targetPath === 'total')).not.toHaveProperty('pairing');
    expect(jsonFlow.endpoints).toEqual({ sourceOperation: null, targetOperation: 'POST /invoices', writeMode: 'upsert', matchKey: 'reference' });
    // The other flow chose nothing: no endpoints, no pairings, and the Endpoints list still infers its operations.
    expect(json.flows.find((each) => each.id !== ORDERS_TO_INVOICES)).not.toHaveProperty('pairings');
    const writers = spec.endpoints.filter((endpoint) => endpoint.usedBy.some((use) => use.flow === flow.ref && use.role === 'writes target'));
    expect(writers.map((endpoint) => `${endpoint.method} ${endpoint.path}`)).toEqual(['POST /invoices']);
    expect(writers[0]!.usedBy).toContainEqual({ flow: flow.ref, role: 'writes target', rule: 'upsert matched on reference' });
    expect(spec.endpoints.some((endpoint) => endpoint.usedBy.some((use) => use.flow !== flow.ref))).toBe(true);

    const markdown = markdownSpec(spec);
    expect(markdown).toContain('#### Array pairings');
    expect(markdown).toContain(`| ${billing.pairing.pairId} | contact.addresses\\[\\] | billingAddress (one element) | address\\_type = "STREET" |`);
    expect(markdown).toContain('- **Writes with:** POST /invoices (upsert matched on reference)');

    // Workbook: the Array pairings sheet; its Filter and Notes are read back, the rest is export-only.
    const file = path.join(tempDir(), 'review.xlsx');
    await exportWorkbook(workspace, spec, file);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.getWorksheet('Array pairings')!;
    const headers = (sheet.getRow(1).values as ExcelJS.CellValue[]).map(text);
    const col = (header: string) => headers.indexOf(header);
    const rowOf = (pairId: string) => [...Array(sheet.rowCount).keys()].map((i) => sheet.getRow(i + 1)).find((row) => row.getCell(col('Pair ID')).text === pairId)!;
    expect(rowOf(billing.pairing.pairId).getCell(col('Discriminator')).text).toBe('address_type = "STREET"');
    expect(rowOf(lines.pairing.pairId).getCell(col('Source')).text).toBe('lines[] (each element)');
    rowOf(lines.pairing.pairId).getCell(col('Filter')).value = 'quantity > 0 and not a gift';
    rowOf(billing.pairing.pairId).getCell(col('Notes')).value = 'Billing address only when it differs';
    rowOf(billing.pairing.pairId).getCell(col('Target array')).value = 'something else';
    const mappingSheetName = workbook.worksheets.find((each) => each.name.startsWith('F-2'))!;
    const mappingHeaders = (mappingSheetName.getRow(1).values as ExcelJS.CellValue[]).map(text);
    const pairingCells = [...Array(mappingSheetName.rowCount).keys()].map((i) => mappingSheetName.getRow(i + 1).getCell(mappingHeaders.indexOf('Array pairing')).text);
    expect(pairingCells).toContain(`${lines.pairing.pairId}: line_items[] ← lines[] where quantity > 0`);
    const flows = workbook.getWorksheet('Data flows')!;
    const flowCells = [...Array(flows.rowCount).keys()].flatMap((i) => (flows.getRow(i + 1).values as ExcelJS.CellValue[]).map(text));
    expect(flowCells).toContain('POST /invoices (upsert on reference)');
    await workbook.xlsx.writeFile(file);

    const report = await previewWorkbook(workspace, await collectSpec(workspace, imports), file);
    expect(report.unreadable).toEqual([]);
    expect(report.changes.map(({ record, field, kind, workbook: value }) => ({ record, field, kind, value }))).toEqual([
      { record: lines.pairing.pairId, field: 'Filter', kind: 'edit', value: 'quantity > 0 and not a gift' },
      { record: billing.pairing.pairId, field: 'Notes', kind: 'edit', value: 'Billing address only when it differs' },
    ]);
    expect(applyWorkbookChanges(workspace, report, report.changes.map((change) => change.id))).toEqual({ applied: 2, skipped: 0 });
    const after = (await collectSpec(workspace, imports)).flows.find((each) => each.id === ORDERS_TO_INVOICES)!.pairings!;
    expect(after.map((pairing) => [pairing.filter, pairing.notes, pairing.targetPath])).toEqual([
      ['quantity > 0 and not a gift', '', 'line_items[]'],
      ['', 'Billing address only when it differs', 'contact.addresses[]'],
    ]);
    workspace.close();
    fs.rmSync(file, { force: true });
  });
});
