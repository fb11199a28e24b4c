import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { writeWorkbook } from '../../../src/main/specification/workbook/write-workbook';
import { readZipDirectory, readZipEntry } from '../../../src/main/specification/workbook/zip-directory';
import { tempDir } from '../../helpers/temp';
import { HOSTILE, SECRET, mapping, sampleDocument } from './workbook-fixture';

/** Every part of an xlsx file, unpacked, by name. */
function unzip(file: string): Map<string, string> {
  const parts = new Map<string, string>();
  for (const entry of readZipDirectory(file)!) parts.set(entry.name.replace(/^\//, ''), readZipEntry(file, entry).toString('utf8'));
  return parts;
}

/** The sheet XML of each sheet, by its name. */
function sheetXml(parts: Map<string, string>): Map<string, string> {
  const workbook = parts.get('xl/workbook.xml')!;
  const rels = parts.get('xl/_rels/workbook.xml.rels')!;
  const byName = new Map<string, string>();
  for (const [, name, rId] of workbook.matchAll(/<sheet [^>]*name="([^"]+)"[^>]*r:id="([^"]+)"/g)) {
    const target = new RegExp(`Id="${rId}"[^>]*Target="([^"]+)"`).exec(rels)![1]!;
    byName.set(name!.replace(/&apos;/g, "'").replace(/&amp;/g, '&'), parts.get(`xl/${target}`)!);
  }
  return byName;
}

async function written() {
  const file = path.join(tempDir(), 'spec.xlsx');
  const result = await writeWorkbook(sampleDocument(), file, { exportId: 'export-1' });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return { file, result, workbook, parts: unzip(file) };
}

const headers = (sheet: ExcelJS.Worksheet) => (sheet.getRow(1).values as unknown[]).slice(1).map((value) => (value as { richText: { text: string }[] }).richText.map((run) => run.text).join(''));

describe('writeWorkbook', () => {
  it('writes every sheet with its headers, the cover first and the hidden sheet last', async () => {
    const { workbook, result, file } = await written();
    expect(result.bytes).toBe(fs.statSync(file).size);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      'Cover',
      'Requirements',
      'Use cases',
      'Data flows',
      'F-1 Orders to invoices',
      'Value maps',
      'Test cases',
      'Open questions',
      'Configuration',
      'Endpoints',
      'Change log',
      'Sign-off',
      '_crosswalk',
    ]);
    expect(workbook.getWorksheet('_crosswalk')!.state).toBe('veryHidden');
    expect(headers(workbook.getWorksheet('F-1 Orders to invoices')!)).toEqual([
      'Map ID',
      'Target field',
      'Target type',
      'Required',
      'Source field(s)',
      'Source type(s)',
      'Mapping type',
      'Transformation',
      'Condition',
      'Default',
      'Value map',
      'Status',
      'Confidence',
      'Notes',
      'Owner',
      'Open question',
      'Target description',
      'Allowed values',
      'Max length',
      'Nullable',
      'Format',
      'Example',
      'Source description',
      'Source allowed values',
      'Expression',
      'Row id (do not edit)',
    ]);
    expect(headers(workbook.getWorksheet('Sign-off')!)).toEqual(['Role', 'Name', 'Date', 'Signature', 'Spec version', 'Note', 'Row id (do not edit)']);
    expect(headers(workbook.getWorksheet('Open questions')!)).toContain('Answer');
    expect(headers(workbook.getWorksheet('Test cases')!)).toEqual(['Ref', 'Title', 'Use case', 'Given input', 'Expected result', 'Covers', 'Status', 'Notes', 'Last run', 'Diff summary', 'Row id (do not edit)']);
    const mappingSheet = workbook.getWorksheet('F-1 Orders to invoices')!;
    expect(mappingSheet.getColumn(26).hidden).toBe(true);
    expect(mappingSheet.getCell('A2').text).toBe('M-0001');
    expect(mappingSheet.getCell('Z2').text).toBe('mapping:1');
  });

  it('stores text from documents and payloads as strings, never as formulas', async () => {
    const { parts, workbook } = await written();
    const worksheets = [...parts].filter(([name]) => name.startsWith('xl/worksheets/sheet'));
    expect(worksheets).toHaveLength(workbook.worksheets.length);
    for (const [name, xml] of worksheets) {
      expect(xml, name).not.toMatch(/<f[ >]/);
      // Every text cell is an inline string: t="str" is a formula's cached result, t="s" needs a shared-string table.
      expect(xml, name).not.toMatch(/t="str"/);
    }
    const sheet = workbook.getWorksheet('F-1 Orders to invoices')!;
    const values = [sheet.getCell('E2').value, sheet.getCell('H2').value, sheet.getCell('K3').value, workbook.getWorksheet('Endpoints')!.getCell('E2').value];
    expect(values.map((value) => (value as { richText: { text: string }[] }).richText[0]!.text)).toEqual([HOSTILE[0], HOSTILE[1], `${HOSTILE[2]} → ${HOSTILE[3]}`, HOSTILE[0]]);
    for (const value of values) expect(value).not.toHaveProperty('formula');
    const mappingXml = sheetXml(parts).get('F-1 Orders to invoices')!;
    expect(mappingXml).toContain('<c r="E2" s="');
    expect(mappingXml).toMatch(/<c r="E2" s="\d+" t="inlineStr"><is><r><t>=HYPERLINK\(&quot;http:\/\/x&quot;,&quot;y&quot;\)<\/t><\/r><\/is><\/c>/);
    expect(mappingXml).toMatch(/<c r="H2" s="\d+" t="inlineStr"><is><r><t>\+1<\/t>/);
  });

  it('never writes a credential, whatever the document holds', async () => {
    const { parts } = await written();
    for (const [name, xml] of parts) expect(xml, name).not.toContain(SECRET);
  });

  it('gives status columns drop-downs, freezes headers, filters, prints landscape with repeated headers, a wide sheet across pages', async () => {
    const { parts, workbook } = await written();
    const xml = sheetXml(parts);
    const mappingXml = xml.get('F-1 Orders to invoices')!;
    expect(mappingXml).toContain('<pane xSplit="2" ySplit="1" topLeftCell="C2" activePane="bottomRight" state="frozen"/>');
    expect(mappingXml).toContain('<autoFilter ref="A1:Z4"/>');
    expect(mappingXml).toMatch(/<dataValidation type="list" allowBlank="1" showErrorMessage="1" errorStyle="stop"[^>]*sqref="L2:L4"><formula1>&quot;Suggested,Accepted,Rejected,Needs decision,Not needed&quot;<\/formula1>/);
    // Too wide to fit one page at 7 pt: printed at 80 % across pages, Map ID and target field repeated on each.
    expect(mappingXml).toMatch(/<pageSetup [^>]*orientation="landscape"[^>]*scale="80"/);
    expect(mappingXml).not.toContain('fitToPage="1"');
    expect(xml.get('Use cases')).toMatch(/<pageSetup [^>]*orientation="landscape"[^>]*fitToWidth="1" fitToHeight="0"/);
    expect(xml.get('Use cases')).toContain('<pageSetUpPr fitToPage="1"/>');
    // Required and unmapped (no source, no default, not "Not needed") turns the row red.
    expect(mappingXml).toContain('<conditionalFormatting sqref="A2:Z4"><cfRule type="expression" dxfId="0" priority="1"><formula>AND($D2=&quot;Yes&quot;,LEN(TRIM($E2))=0,LEN(TRIM($J2))=0,$L2&lt;&gt;&quot;Not needed&quot;)</formula>');
    expect(parts.get('xl/styles.xml')).toMatch(/<dxfs count="3"><dxf><font><color rgb="FF9C0006"\/><\/font><fill><patternFill patternType="solid"><bgColor rgb="FFFFC7CE"\/>/);
    expect(xml.get('Open questions')).toMatch(/sqref="G2:G52"><formula1>&quot;Open,Answered,Closed&quot;/);
    expect(xml.get('Test cases')).toMatch(/<formula1>&quot;Not run,Passed,Failed,Blocked&quot;/);
    expect(xml.get('Sign-off')).toMatch(/<dataValidation type="date" operator="greaterThan"[^>]*sqref="C2:C4">/);
    expect(parts.get('xl/workbook.xml')).toContain(
      '<definedName name="_xlnm.Print_Titles" localSheetId="4">&apos;F-1 Orders to invoices&apos;!$A:$B,&apos;F-1 Orders to invoices&apos;!$1:$1</definedName>',
    );
    // The rows kept empty for new questions are not printed.
    expect(parts.get('xl/workbook.xml')).toContain('<definedName name="_xlnm.Print_Area" localSheetId="7">&apos;Open questions&apos;!$A$1:$J$2</definedName>');
    const sheet = workbook.getWorksheet('F-1 Orders to invoices')!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', xSplit: 2, ySplit: 1 });
    expect(sheet.getColumn(2).width).toBeGreaterThanOrEqual('invoiceNumber'.length);
    expect(sheet.getCell('A2').alignment).toMatchObject({ wrapText: true, vertical: 'top' });
  });

  it('carries the template columns: descriptions, allowed values listed, max length, nullable, format, example', async () => {
    const { workbook } = await written();
    const sheet = workbook.getWorksheet('F-1 Orders to invoices')!;
    const cell = (header: string, row: number) => sheet.getRow(row).getCell(headers(sheet).indexOf(header) + 1).text;
    expect(['Target description', 'Allowed values', 'Max length', 'Nullable', 'Format', 'Example', 'Source description'].map((header) => cell(header, 3))).toEqual([
      'Where the invoice is in its life: draft until sent, then open until paid or voided.',
      'DRAFT\nOPEN\nPAID\nVOID',
      '12',
      'Yes',
      'invoice-status',
      'OPEN',
      'Order state: N (New), S (Shipped), X (Cancelled).',
    ]);
    expect(cell('Nullable', 2)).toBe('No');
    expect(cell('Max length', 2)).toBe('');
  });

  it('prints no sheet\'s text under 7 pt: a sheet fits its page width only when its 10 pt text stays at 7 pt or more', async () => {
    const { parts } = await written();
    // A4 landscape less the margins, at 96 dpi; a column w characters wide takes w × 7 + 5 px.
    const printable = (11.69 - 0.8) * 96;
    for (const [name, xml] of sheetXml(parts)) {
      if (name === '_crosswalk') continue;
      const widths = [...xml.matchAll(/<col min="(\d+)" max="(\d+)" width="([\d.]+)"(?! hidden)/g)].flatMap(([, min, max, width]) => Array.from({ length: Number(max) - Number(min) + 1 }, () => Number(width)));
      const pixels = widths.reduce((sum, width) => sum + width * 7 + 5, 0);
      const setup = /<pageSetup [^>]*>/.exec(xml)![0];
      if (xml.includes('<pageSetUpPr fitToPage="1"/>')) {
        const fitted = Math.min(1, printable / pixels);
        expect(fitted * 10, name).toBeGreaterThanOrEqual(7);
      } else {
        expect(Number(/scale="(\d+)"/.exec(setup)![1]) / 10, name).toBeGreaterThanOrEqual(7);
      }
    }
  });

  it('formats editable text cells as text, so that a spreadsheet keeps "10:30" or "1/2" typed there as typed', async () => {
    const { workbook } = await written();
    const cellUnder = (sheetName: string, header: string, row: number) => {
      const sheet = workbook.getWorksheet(sheetName)!;
      return sheet.getRow(row).getCell(headers(sheet).indexOf(header) + 1);
    };
    for (const header of ['Transformation', 'Condition', 'Default', 'Notes', 'Owner', 'Open question']) expect(cellUnder('F-1 Orders to invoices', header, 2).numFmt, header).toBe('@');
    for (const header of ['Question', 'Owner', 'Answer', 'Flow', 'Map ID']) expect(cellUnder('Open questions', header, 30).numFmt, `empty row's ${header}`).toBe('@');
    expect(cellUnder('Requirements', 'Answer', 2).numFmt).toBe('@');
    expect(cellUnder('Sign-off', 'Date', 2).numFmt).toBe('yyyy-mm-dd');
    expect(cellUnder('F-1 Orders to invoices', 'Confidence', 2).numFmt).toBe('0%');
    expect(cellUnder('F-1 Orders to invoices', 'Target field', 2).numFmt).not.toBe('@');
  });

  it('links the cover\'s table of contents to each sheet inside the workbook', async () => {
    const { parts } = await written();
    const cover = sheetXml(parts).get('Cover')!;
    expect(cover).toContain('<hyperlink ref="A15" location="&apos;Requirements&apos;!A1"/>');
    expect(cover).toContain('location="&apos;Sign-off&apos;!A1"');
    expect(cover).not.toContain('r:id=');
    expect([...parts.keys()].filter((name) => name.includes('_rels/sheet'))).toEqual([]);
    expect(cover).toContain('Acme CRM → Ledgerly &amp; friends');
  });

  it('records the export id, the format and which flow each mapping sheet holds in the hidden sheet', async () => {
    const { workbook } = await written();
    const rows = workbook.getWorksheet('_crosswalk')!.getSheetValues().slice(1).map((row) => (row as unknown[]).slice(1).map((cell) => (cell as { richText: { text: string }[] }).richText.map((run) => run.text).join('')));
    expect(rows.slice(0, 3)).toEqual([['format', 'crosswalk-workbook'], ['formatVersion', '1'], ['exportId', 'export-1']]);
    expect(rows).toContainEqual(['sheet', 'mapping', 'F-1 Orders to invoices', 'F-1']);
  });

  it('keeps long and awkward text readable: cut at Excel\'s cell limit, control characters dropped, sheet names made legal', async () => {
    const document = sampleDocument();
    document.flows[0]!.name = 'Orders: [all]/open? * more than thirty-one characters';
    document.flows[0]!.mappings.push(mapping(4, { notes: `${'x'.repeat(40_000)}`, transformation: 'a\u0000b\u0007c _x0041_' }));
    const file = path.join(tempDir(), 'long.xlsx');
    await writeWorkbook(document, file, { exportId: 'e' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.worksheets[4]!;
    expect(sheet.name).toBe('F-1 Orders all open more than t');
    expect(sheet.getCell('N5').text.length).toBe(32_767);
    expect(sheet.getCell('N5').text).toMatch(/truncated: the full text is in Crosswalk\]$/);
    expect(sheet.getCell('H5').text).toBe('abc _x0041_');
  });

  it('prints a long note inside its capped Notes column, the row taller, the sheet\'s print scale unchanged', async () => {
    const scaleOf = (parts: Map<string, string>) => /<pageSetup [^>]*>/.exec(sheetXml(parts).get('F-1 Orders to invoices')!)![0];
    const { parts: plain, workbook: plainBook } = await written();
    const document = sampleDocument();
    const note = 'Confirmed with finance on the call: the legacy ledger stores this as free text, so trim it, drop trailing zeros and map the empty value to null. '.repeat(3);
    document.flows[0]!.mappings.push(mapping(4, { notes: note }));
    const file = path.join(tempDir(), 'notes.xlsx');
    await writeWorkbook(document, file, { exportId: 'e' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.getWorksheet('F-1 Orders to invoices')!;
    const column = headers(sheet).indexOf('Notes') + 1;
    const cell = sheet.getRow(5).getCell(column);
    expect(cell.text).toBe(note);
    expect(cell.alignment).toMatchObject({ wrapText: true, vertical: 'top' });
    // The column widens only to its cap (a 420-character note does not make a 420-character column), and the
    // row grows to show every line of it.
    expect(sheet.getColumn(column).width!).toBeGreaterThanOrEqual(plainBook.getWorksheet('F-1 Orders to invoices')!.getColumn(column).width!);
    expect(sheet.getColumn(column).width!).toBeLessThanOrEqual(40);
    expect(sheet.getRow(5).height).toBeGreaterThanOrEqual(Math.ceil(note.length / (sheet.getColumn(column).width! * 1.3)) * 13);
    expect(scaleOf(unzip(file))).toBe(scaleOf(plain));
  });

  it('leaves nothing behind when the export fails, and an older file of that name untouched', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'spec.xlsx');
    fs.writeFileSync(file, 'previous export');
    const broken = sampleDocument();
    (broken.flows[0] as { mappings: unknown }).mappings = [{ ...mapping(1), sourcePaths: null }];
    await expect(writeWorkbook(broken, file, { exportId: 'e' })).rejects.toThrow();
    expect(fs.readdirSync(dir)).toEqual(['spec.xlsx']);
    expect(fs.readFileSync(file, 'utf8')).toBe('previous export');
    await expect(writeWorkbook(sampleDocument(), path.join(dir, 'missing', 'spec.xlsx'), { exportId: 'e' })).rejects.toThrow(/folder .* does not exist/);
  });
});
