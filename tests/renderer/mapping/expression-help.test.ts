import { describe, expect, it } from 'vitest';
import { parseProblem } from '../../../src/shared/jsonata-text';
import { pseudocodeOf, sourceCompletions } from '../../../src/renderer/src/areas/mapping/expression-help';
import { childPointer, shownText } from '../../../src/renderer/src/areas/mapping/preview-view';
import { mappingRow } from '../fixtures';

const fields = [
  { path: 'orderNumber', type: 'string' },
  { path: 'lines[]', type: 'object[]' },
  { path: 'lines[].quantity', type: 'integer' },
  { path: 'customer.first name', type: 'string' },
];

describe('the expression editor’s help', () => {
  it('completes source paths as the row reads them: from the root, or relative to the array element it runs on with $$ for the rest', () => {
    expect(sourceCompletions(fields, []).map((each) => each.label)).toEqual(['orderNumber', 'lines', 'lines.quantity', 'customer.`first name`']);
    const inLines = sourceCompletions(fields, ['lines[]']);
    expect(inLines.map((each) => each.label)).toEqual(['$$.orderNumber', '$$.lines', 'quantity', '$$.lines.quantity', '$$.customer.`first name`']);
    expect(inLines.find((each) => each.label === 'quantity')?.detail).toBe('lines[].quantity · integer');
  });

  it('says where a text stops parsing, and nothing for one that parses', () => {
    expect(parseProblem('$substring(orderNumber, 0, 4)')).toBeNull();
    const problem = parseProblem('$substring(orderNumber, )');
    expect(problem?.position).toBeGreaterThan(20);
    expect(problem?.message).toMatch(/\S/);
  });

  it('writes the pseudocode a line per part', () => {
    const row = mappingRow(1, { mappingType: 'lookup', sourcePaths: ['status'], valueMap: [{ source: 'confirmed', target: 'AUTHORISED' }], condition: 'status != "void"', defaultValue: 'DRAFT', transformation: 'map the status' });
    expect(pseudocodeOf(row)).toEqual(['Lookup of status', 'map the status', 'Value map: confirmed → AUTHORISED', 'Only when status != "void"', 'Default: DRAFT']);
    expect(pseudocodeOf(mappingRow(2, { mappingType: 'constant', sourcePaths: [], defaultValue: 'EUR' }))).toEqual(['Constant', 'Value: EUR']);
  });
});

describe('parseProblem', () => {
  it('answers as jsonata does for paths of plain names, which it does not parse', () => {
    // The plain-path shortcut must give jsonata's own answer, including for names jsonata reads as literals.
    expect(parseProblem('customer.email3')).toBeNull();
    expect(parseProblem('and.or.in')).toBeNull();
    expect(parseProblem('a.true')).toMatchObject({ message: expect.stringContaining('literal value true'), position: expect.any(Number) });
    expect(parseProblem('x.null')).toMatchObject({ message: expect.stringContaining('literal value null') });
    expect(parseProblem('customer.')).not.toBeNull();
    expect(parseProblem('customer..email')).not.toBeNull();
  });
});

describe('a preview’s payloads shown in part', () => {
  it('cuts a big payload’s text at the limit and says how much there was', () => {
    const payload = { lines: Array.from({ length: 1000 }, (_, index) => ({ index, sku: `SKU-${index}` })) };
    const shown = shownText(payload, 5000);
    expect(shown.cut).toBe(true);
    expect(shown.text.length).toBeLessThanOrEqual(5002);
    expect(shown.total).toBe(JSON.stringify(payload, null, 2).length);
    expect(shownText({ a: 1 }, 5000)).toEqual({ text: '{\n  "a": 1\n}', total: 12, cut: false });
  });

  it('escapes keys in the pointers it gives values', () => {
    expect(childPointer(childPointer('', 'a/b'), 'c~d')).toBe('/a~1b/c~0d');
    expect(childPointer('/line_items', 0)).toBe('/line_items/0');
  });
});
