// Payloads against real documents of each dialect (Swagger 2.0, OpenAPI 3.0 and 3.1), open and closed.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { PayloadValidator } from '../../../../src/main/openapi/payload/validator';

const fixture = (name: string) => {
  const text = fs.readFileSync(path.resolve(__dirname, '../../../fixtures/openapi', name), 'utf8');
  return (name.endsWith('.json') ? JSON.parse(text) : parse(text)) as Record<string, unknown>;
};
const demo = (name: string) => parse(fs.readFileSync(path.resolve(__dirname, '../../../../resources/demo', name), 'utf8')) as Record<string, unknown>;

const messages = (findings: { message: string }[]) => findings.map((finding) => finding.message);

describe('the payload validator', () => {
  const allOf = fixture('allof.openapi.yaml');

  it('accepts a payload built from every branch of an allOf, open and closed (branches do not reject each other)', () => {
    const dog = { name: 'Rex', bark: true, breed: 'Husky' };
    for (const mode of ['open', 'closed'] as const) {
      expect(new PayloadValidator(allOf, { mode, direction: 'response' }).validate('#/components/schemas/Dog', { ...dog, id: 7 })).toEqual([]);
    }
    const puppy = { name: 'Bo', bark: false, ageWeeks: 3, owner: { fullName: 'Ann', address: { city: 'Oslo', zip: '12345' } } };
    expect(new PayloadValidator(allOf, { mode: 'closed', direction: 'response' }).validate('#/components/schemas/Puppy', puppy)).toEqual([]);
  });

  it('refuses what no schema names only in closed mode, pointing at it, nested too', () => {
    const payload = { name: 'Rex', bark: true, colour: 'black', owner: null };
    const open = new PayloadValidator(allOf, { mode: 'open', direction: 'response' });
    const closed = new PayloadValidator(allOf, { mode: 'closed', direction: 'response' });
    expect(open.validate('#/components/schemas/Dog', payload)).toEqual([]);
    expect(closed.validate('#/components/schemas/Dog', payload)).toEqual([
      expect.objectContaining({ pointer: '/colour', keyword: 'undocumented', message: '/colour is not in the document (an undocumented property)' }),
      expect.objectContaining({ pointer: '/owner', keyword: 'undocumented' }),
    ]);
    const nested = { name: 'Bo', bark: false, owner: { fullName: 'Ann', nickname: 'A', address: { city: 'Oslo', floor: 3 } } };
    // One undocumented property deep in a union's branch does not make its neighbours undocumented.
    expect(closed.validate('#/components/schemas/Puppy', nested).map((finding) => finding.pointer)).toEqual(['/owner/nickname', '/owner/address/floor']);
  });

  it('names the value and the rule for each failure', () => {
    const validator = new PayloadValidator(allOf, { mode: 'open', direction: 'response' });
    expect(messages(validator.validate('#/components/schemas/Puppy', { bark: 'yes', breed: 'Poodle', ageWeeks: 0, owner: { address: { zip: 'x1' } } }))).toEqual(
      expect.arrayContaining([
        '/name is required and missing',
        '/bark must be a boolean',
        '/breed must be one of "Dingo", "Husky", "Retriever"',
        '/ageWeeks must be > 0',
        '/owner/fullName is required and missing',
        '/owner/address/city is required and missing',
        '/owner/address/zip must match pattern "^[0-9]{5}$"',
      ]),
    );
  });

  it('refuses a read-only property in a request and never requires it there', () => {
    const document = {
      openapi: '3.0.3',
      info: { title: 'x', version: '1' },
      paths: {},
      components: { schemas: { Order: { type: 'object', required: ['id', 'total'], properties: { id: { type: 'string', readOnly: true }, total: { type: 'number' }, pin: { type: 'string', writeOnly: true } } } } },
    };
    const request = new PayloadValidator(document, { mode: 'open', direction: 'request' });
    const response = new PayloadValidator(document, { mode: 'open', direction: 'response' });
    expect(request.validate('#/components/schemas/Order', { total: 5, pin: '1234' })).toEqual([]);
    expect(messages(request.validate('#/components/schemas/Order', { id: 'o1', total: 5 }))).toEqual(['/id is read-only: the API sets it, a request must not send it']);
    expect(messages(response.validate('#/components/schemas/Order', { total: 5 }))).toEqual(['/id is required and missing']);
    expect(messages(response.validate('#/components/schemas/Order', { id: 'o1', total: 5, pin: '1' }))).toEqual(['/pin is write-only: a response must not contain it']);
  });

  it.each([
    ['OpenAPI 3.0 nullable', fixture('nullable.openapi30.yaml'), '#/components/schemas/Contact'],
    ['Swagger 2.0 x-nullable', fixture('nullable.swagger.json'), '#/definitions/Contact'],
  ])('reads %s: null where allowed, refused elsewhere', (_dialect, document, pointer) => {
    const validator = new PayloadValidator(document, { mode: 'closed', direction: 'response' });
    expect(validator.validate(pointer, { email: 'ann@example.com', phone: null, manager: null })).toEqual([]);
    expect(validator.validate(pointer, { email: null })).toEqual([expect.objectContaining({ pointer: '/email', message: '/email must be a string' })]);
    expect(messages(validator.validate(pointer, { email: 'not an address' }))).toEqual(['/email must be a valid email']);
  });

  it('reads the demo documents: Swagger 2.0 and OpenAPI 3.1 with formats', () => {
    const accounting = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../../resources/demo/accounting.swagger.json'), 'utf8')) as Record<string, unknown>;
    const crm = demo('crm.openapi.yaml');
    const invoice = new PayloadValidator(accounting, { mode: 'closed', direction: 'request' });
    expect(invoice.validate('#/definitions/Invoice', { surprise: 1 }).map((finding) => finding.keyword)).toEqual(expect.arrayContaining(['required', 'undocumented']));
    const order = new PayloadValidator(crm, { mode: 'open', direction: 'response' });
    expect(order.validate('#/components/schemas/Order', { id: 12, createdAt: 'yesterday' }).map((finding) => finding.pointer)).toEqual(expect.arrayContaining(['/id', '/createdAt']));
  });

  it('reads a oneOf by its matching branch, free-form maps as open, and an operation body by its pointer', () => {
    const document = {
      openapi: '3.1.0',
      info: { title: 'Payments', version: '1' },
      paths: {
        '/payments/{id}': {
          put: { requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Payment' } } } }, responses: { '200': { description: 'ok' } } },
        },
      },
      components: {
        schemas: {
          Payment: {
            type: 'object',
            required: ['method'],
            properties: { amount: { type: ['number', 'null'] }, metadata: { type: 'object' }, method: { oneOf: [{ $ref: '#/components/schemas/Card' }, { $ref: '#/components/schemas/Bank' }], discriminator: { propertyName: 'kind' } } },
          },
          Card: { type: 'object', required: ['kind'], properties: { kind: { const: 'card' }, last4: { type: 'string' } } },
          Bank: { type: 'object', required: ['kind'], properties: { kind: { const: 'bank' }, iban: { type: 'string' } } },
        },
      },
    };
    const body = '#/paths/~1payments~1{id}/put/requestBody/content/application~1json/schema';
    const closed = new PayloadValidator(document, { mode: 'closed', direction: 'request' });
    expect(closed.validate(body, { amount: null, metadata: { anything: 1 }, method: { kind: 'bank', iban: 'NO93' } })).toEqual([]);
    expect(closed.validate(body, { method: { kind: 'bank', last4: '4242' } }).map((finding) => [finding.pointer, finding.keyword])).toEqual([['/method/last4', 'undocumented']]);
    expect(messages(closed.validate(body, { amount: 'ten', method: { kind: 'card' } }))).toEqual(['/amount must be a number or null']);
  });
});
