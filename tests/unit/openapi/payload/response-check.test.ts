// The contract check on the demo CRM (OpenAPI 3.1) and accounting (Swagger 2.0) documents: each kind of
// drift found where it was planted, nothing found on a conforming response.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { checkResponse } from '../../../../src/main/openapi/payload/response-check';
import { PayloadValidator } from '../../../../src/main/openapi/payload/validator';

const demo = path.resolve(__dirname, '../../../../resources/demo');
const crm = parse(fs.readFileSync(path.join(demo, 'crm.openapi.yaml'), 'utf8')) as Record<string, unknown>;
const closed = new PayloadValidator(crm, { mode: 'closed', direction: 'response' });
const getCustomer = '#/paths/~1customers~1{customerId}/get';

const customer = {
  id: '5f0c2a8e-3b1d-4c6a-9e2f-7a41d8b9c013',
  firstName: 'Maria',
  lastName: 'Jensen',
  email: 'maria@example.com',
  createdAt: '2024-05-01T00:00:00Z',
};

describe('the contract check', () => {
  it('finds nothing on a response that keeps to the document', () => {
    const schema = (crm.components as { schemas: { Customer: { required?: string[]; properties: Record<string, unknown> } } }).schemas.Customer;
    const conforming = Object.fromEntries(Object.entries(customer).filter(([name]) => name in schema.properties));
    expect(Object.keys(conforming).length).toBeGreaterThanOrEqual(4);
    for (const name of schema.required ?? []) expect(conforming).toHaveProperty(name);
    expect(checkResponse(crm, closed, { operation: getCustomer, status: 200, contentType: 'application/json', body: conforming })).toEqual([]);
  });

  it('names each planted drift with its pointer', () => {
    const schema = (crm.components as { schemas: { Customer: { required?: string[] } } }).schemas.Customer;
    const required = schema.required ?? [];
    expect(required.length).toBeGreaterThan(0);
    const { [required[0]!]: _removed, ...rest } = customer as Record<string, unknown>;
    const drifted = { ...rest, loyaltyTier: 'gold', email: null, createdAt: 'last Tuesday' };
    const findings = checkResponse(crm, closed, { operation: getCustomer, status: 200, contentType: 'application/json; charset=utf-8', body: drifted });
    expect(findings.map((finding) => [finding.kind, finding.pointer])).toEqual(
      expect.arrayContaining([
        ['missing-required', `/${required[0]}`],
        ['undocumented-field', '/loyaltyTier'],
        ['null', '/email'],
        ['format', '/createdAt'],
      ]),
    );
  });

  it('reports an undocumented status code and content type', () => {
    expect(checkResponse(crm, closed, { operation: getCustomer, status: 418, contentType: 'application/json', body: {} })).toEqual([
      expect.objectContaining({ kind: 'undocumented-status', message: expect.stringMatching(/^Status 418 is not documented \(the document lists 200, /) }),
    ]);
    expect(checkResponse(crm, closed, { operation: getCustomer, status: 200, contentType: 'text/html', body: undefined })).toEqual([
      expect.objectContaining({ kind: 'undocumented-content-type' }),
    ]);
  });

  it('reads Swagger 2.0 responses', () => {
    const accounting = JSON.parse(fs.readFileSync(path.join(demo, 'accounting.swagger.json'), 'utf8')) as Record<string, unknown>;
    const validator = new PayloadValidator(accounting, { mode: 'closed', direction: 'response' });
    const paths = Object.keys(accounting.paths as Record<string, unknown>);
    const withGet = paths.find((each) => (accounting.paths as Record<string, Record<string, unknown>>)[each]!.get);
    expect(withGet).toBeDefined();
    const operation = `#/paths/${withGet!.replace(/~/g, '~0').replace(/\//g, '~1')}/get`;
    const findings = checkResponse(accounting, validator, { operation, status: 200, contentType: 'application/json', body: { surprise: true } });
    expect(findings.some((finding) => finding.kind === 'undocumented-field' && finding.pointer === '/surprise')).toBe(true);
  });
});
