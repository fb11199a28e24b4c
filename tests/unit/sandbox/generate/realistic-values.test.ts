// Realistic values by field name: each name below gets a value of its kind (over several seeds), and
// never one that breaks the field's schema.
import { describe, expect, it } from 'vitest';
import { generateValue } from '../../../../src/main/sandbox/generate';

const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

const table: Array<[string, Record<string, unknown>, (value: unknown) => boolean]> = [
  ['name', { type: 'string' }, (value) => /^[A-Z][\w'.-]*( [A-Z][\w'.-]*)+$/.test(String(value))],
  ['firstName', { type: 'string' }, (value) => /^[A-Z][a-z'-]+$/.test(String(value))],
  ['last_name', { type: 'string' }, (value) => /^[A-Z][A-Za-z' -]+$/.test(String(value))],
  ['email', { type: 'string' }, (value) => /^[^@\s]+@[^@\s]+\.[a-z]{2,}$/.test(String(value))],
  ['contactEmail', { type: 'string', format: 'email' }, (value) => /^[^@\s]+@[^@\s]+\.[a-z]{2,}$/.test(String(value))],
  ['phone', { type: 'string' }, (value) => /^\+\d{8,15}$/.test(String(value))],
  ['mobileNumber', { type: 'string' }, (value) => /^\+\d{8,15}$/.test(String(value))],
  ['date', { type: 'string' }, (value) => /^\d{4}-\d{2}-\d{2}$/.test(String(value))],
  ['birthDate', { type: 'string', format: 'date' }, (value) => /^\d{4}-\d{2}-\d{2}$/.test(String(value))],
  ['created_at', { type: 'string' }, (value) => !Number.isNaN(Date.parse(String(value)))],
  ['amount', { type: 'number' }, (value) => typeof value === 'number' && value > 0 && Math.round(value * 100) === value * 100],
  ['totalPrice', { type: 'string' }, (value) => /^\d+\.\d{2}$/.test(String(value))],
  ['currency', { type: 'string' }, (value) => CURRENCIES.has(String(value))],
  ['currencyCode', { type: 'string', pattern: '^[A-Z]{3}$' }, (value) => CURRENCIES.has(String(value))],
  ['country', { type: 'string' }, (value) => /^[A-Z][a-z]/.test(String(value))],
  ['country', { type: 'string', maxLength: 2 }, (value) => /^[A-Z]{2}$/.test(String(value))],
  ['countryCode', { type: 'string' }, (value) => /^[A-Z]{2}$/.test(String(value))],
  ['city', { type: 'string' }, (value) => /^[A-Z][A-Za-z .'-]+$/.test(String(value))],
  ['postcode', { type: 'string' }, (value) => /^\d{5}(-\d{4})?$/.test(String(value))],
  ['zip_code', { type: 'string' }, (value) => /^\d{5}(-\d{4})?$/.test(String(value))],
  ['website', { type: 'string' }, (value) => /^https?:\/\/[\w.-]+/.test(String(value))],
  ['avatarUrl', { type: 'string', format: 'uri' }, (value) => /^https?:\/\/[\w.-]+/.test(String(value))],
  ['id', { type: 'string' }, (value) => /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(String(value))],
  ['customerId', { type: 'integer' }, (value) => Number.isInteger(value) && (value as number) > 0],
  ['order_id', { type: 'string', maxLength: 8 }, (value) => /^\d{1,5}$/.test(String(value))],
  ['quantity', { type: 'integer' }, (value) => Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 20],
];

describe('realistic values by field name', () => {
  it.each(table)('%s %j is a value of its kind', (name, schema, ofItsKind) => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const value = generateValue(schema, { seed, fieldName: name });
      expect(ofItsKind(value), `${name} (seed ${seed}): ${JSON.stringify(value)}`).toBe(true);
    }
  });

  it('gives up a realistic value that breaks the schema', () => {
    for (const seed of [1, 2, 3]) {
      expect(String(generateValue({ type: 'string', maxLength: 4 }, { seed, fieldName: 'email' })).length).toBeLessThanOrEqual(4);
      expect(generateValue({ type: 'string', enum: ['x@y.z'] }, { seed, fieldName: 'email' })).toBe('x@y.z');
      expect(generateValue({ type: 'number', maximum: 0.5 }, { seed, fieldName: 'amount' })).toBeLessThanOrEqual(0.5);
    }
  });

  it('names properties by their own name inside objects and array items by the array', () => {
    const value = generateValue(
      { type: 'object', required: ['customer', 'emails'], properties: { customer: { type: 'object', required: ['firstName'], properties: { firstName: { type: 'string' } } }, emails: { type: 'array', minItems: 1, items: { type: 'string' } } } },
      { seed: 3 },
    ) as { customer: { firstName: string }; emails: string[] };
    expect(value.customer.firstName).toMatch(/^[A-Z][a-z'-]+$/);
    expect(value.emails[0]).toMatch(/@/);
  });
});
