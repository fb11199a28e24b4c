import { describe, expect, it } from 'vitest';
import { checkRows, completeness, unmappedRows, type CheckedRow } from '../../../src/main/mapping/checks';
import { entity, field } from '../../helpers/catalogue-fields';

const source = entity('Order', [
  field('number', { maxLength: 40 }),
  field('quantity', { type: 'string' }),
  field('amount', { type: 'number' }),
  field('confirmedAt', { format: 'date-time' }),
  field('status', { enum: ['open', 'shipped', 'cancelled'] }),
  field('note'),
  field('lines[].sku'),
]);
const target = entity('Invoice', [
  field('id', { readOnly: true }),
  field('reference', { required: true, maxLength: 20 }),
  field('qty', { type: 'integer', required: true }),
  field('total', { type: 'integer' }),
  field('issueDate', { format: 'date', required: true }),
  field('state', { enum: ['OPEN', 'VOIDED'] }),
  field('address', { type: 'object', leaf: false }),
  field('address.city', { required: true }),
  field('firstSku'),
  field('items[].code'),
]);

let nextId = 1;
const row = (targetPath: string, changes: Partial<CheckedRow> = {}): CheckedRow => {
  const id = nextId++;
  return {
    id, mapId: `M-${String(id).padStart(4, '0')}`, targetPath, sourcePaths: [], mappingType: 'direct',
    status: 'suggested', transformation: '', defaultValue: null, valueMap: [], condition: '', ...changes,
  };
};

const kinds = (rows: CheckedRow[]) => checkRows(rows, source, target).map((c) => [c.targetPath, c.kind, c.severity]);

describe('mapping checks', () => {
  it('reports a required target nothing fills, but not one under an optional parent or one with a default', () => {
    expect(kinds([row('reference'), row('address.city'), row('issueDate', { defaultValue: 'today' })])).toEqual([['reference', 'required_unmapped', 'error']]);
    const [check] = checkRows([row('reference')], source, target);
    expect(check!.message).toBe('Invoice.reference is required but nothing fills it: choose a source field, a constant or a default.');
    expect(check!.mapId).toMatch(/^M-\d{4}$/);
  });

  it('flags type mismatches without a transformation; number↔integer and date↔date-time only as notes', () => {
    expect(kinds([row('qty', { sourcePaths: ['quantity'] })])).toEqual([['qty', 'type_mismatch', 'error']]);
    expect(checkRows([row('qty', { sourcePaths: ['quantity'] })], source, target)[0]!.message).toMatch(/Order\.quantity is string, Invoice\.qty is integer: a string cannot be copied into an integer as is/);
    expect(kinds([row('qty', { sourcePaths: ['quantity'], transformation: 'parse as whole number' })])).toEqual([]);
    expect(kinds([row('total', { sourcePaths: ['amount'] })])).toEqual([['total', 'type_mismatch', 'warning']]);
    expect(kinds([row('issueDate', { sourcePaths: ['confirmedAt'] })])).toEqual([['issueDate', 'type_mismatch', 'warning']]);
  });

  it('warns when the target is shorter than the source, and when a read-only target is mapped', () => {
    expect(kinds([row('reference', { sourcePaths: ['number'] })])).toEqual([['reference', 'max_length', 'warning']]);
    expect(kinds([row('id', { sourcePaths: ['number'] })])).toEqual([['id', 'read_only_target', 'warning']]);
  });

  it('warns about a lookup whose value map is empty (its values would pass through), not one with entries, an expression of its own or a derived row', () => {
    const described = { transformation: 'the code looked up in the target system\'s table' };
    expect(kinds([row('firstSku', { sourcePaths: ['note'], mappingType: 'lookup', ...described })])).toEqual([['firstSku', 'lookup_empty', 'warning']]);
    expect(checkRows([row('firstSku', { sourcePaths: ['note'], mappingType: 'lookup' })], source, target)[0]!.message).toBe(
      'Invoice.firstSku is a lookup with an empty value map: the values of Order.note would pass through unchanged. ' +
        'List each source value with the target value it becomes, or make the row derived and say in the transformation where the target values come from.',
    );
    expect(kinds([row('firstSku', { sourcePaths: ['note'], mappingType: 'lookup', valueMap: [{ source: 'A', target: 'B' }] })])).toEqual([]);
    expect(kinds([row('firstSku', { sourcePaths: ['note'], mappingType: 'derived', ...described })])).toEqual([]);
    // The analyst's own expression runs instead of the value map.
    expect(kinds([row('firstSku', { sourcePaths: ['note'], mappingType: 'lookup', expression: '$lookup({"A": "B"}, note)' })])).toEqual([]);
  });

  it('lists source enum values without a value-map entry (equal values pass as they are)', () => {
    const checks = checkRows([row('state', { sourcePaths: ['status'], valueMap: [{ source: 'open', target: 'OPEN' }] })], source, target);
    expect(checks.map((c) => c.kind)).toEqual(['enum_unmapped']);
    expect(checks[0]!.message).toContain('"shipped", "cancelled"');
    expect(kinds([row('state', { sourcePaths: ['status'], valueMap: [{ source: 'open', target: 'OPEN' }, { source: 'shipped', target: 'OPEN' }, { source: 'cancelled', target: 'VOIDED' }] })])).toEqual([]);
  });

  it('asks which element of a list fills a single value, unless a condition or a transformation says', () => {
    expect(checkRows([row('firstSku', { sourcePaths: ['lines[].sku'] })], source, target).map((c) => [c.kind, c.severity, c.message])).toEqual([
      [
        'array_to_single',
        'error',
        'Order.lines[].sku is one element of a list, Invoice.firstSku holds one value: say which element in the condition (e.g. type = BILLING), or how the elements combine in the transformation.',
      ],
    ]);
    expect(kinds([row('firstSku', { sourcePaths: ['lines[].sku'], condition: 'the first line' })])).toEqual([]);
    expect(kinds([row('firstSku', { sourcePaths: ['lines[].sku'], transformation: 'join with commas' })])).toEqual([]);
    // Element into element: as many as there are once an array pairing says so; without one, the check asks for it.
    const pairing = { id: 1, pairId: 'P-0001', parentId: null, targetPath: 'items[]', sourcePath: 'lines[]', discriminator: null, filter: '' };
    expect(checkRows([row('items[].code', { sourcePaths: ['lines[].sku'], pairingId: 1 })], source, target, [pairing])).toEqual([]);
    expect(checkRows([row('items[].code', { sourcePaths: ['lines[].sku'] })], source, target, [pairing]).map((c) => [c.kind, c.message])).toEqual([
      [
        'array_unpaired',
        'Invoice.items[].code is a field of each element of items[], fed from Order.lines[].sku, but no array pairing says which source elements give the target\'s elements: pair items[] with lines[].',
      ],
    ]);
    // A pairing whose source is gone (a re-import) is an error of its own.
    expect(checkRows([], source, target, [{ ...pairing, sourcePath: 'parcels[]' }]).map((c) => [c.kind, c.mapId, c.message])).toEqual([
      ['pairing_invalid', 'P-0001', 'The array pairing P-0001 (items[] ← parcels[]) names Order.parcels[], which no longer exists: pair the array with another source, or remove the pairing.'],
    ]);
  });

  it('warns when free text fills a field of fixed values without a value map', () => {
    expect(kinds([row('state', { sourcePaths: ['note'] })])).toEqual([['state', 'free_text_enum', 'warning']]);
    expect(kinds([row('state', { sourcePaths: ['note'], valueMap: [{ source: 'void', target: 'VOIDED' }] })])).toEqual([]);
  });

  it('reports a source field that no longer exists', () => {
    expect(kinds([row('reference', { sourcePaths: ['gone'] })])).toEqual([['reference', 'source_missing', 'error']]);
  });

  it('computes completeness from accepted and not-needed rows that say where the value comes from', () => {
    expect(completeness([
      row('reference', { status: 'accepted', sourcePaths: ['number'] }),
      row('qty', { status: 'accepted', mappingType: 'constant' }),
      row('id', { status: 'not_needed' }),
      row('total', { status: 'suggested', sourcePaths: ['amount'] }),
    ])).toBe(75);
    expect(completeness(unmappedRows(target))).toBe(0);
    expect(unmappedRows(target).map((r) => r.targetPath)).not.toContain('address');
  });
});
