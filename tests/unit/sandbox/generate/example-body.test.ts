// An operation's example body for the request client (request direction) and previews (responses):
// the media type's own example first, else generated from the schema, on the demo's real documents.
import { describe, expect, it } from 'vitest';
import { PayloadValidator } from '../../../../src/main/openapi/payload/validator';
import { documentGenerator, exampleBody } from '../../../../src/main/sandbox/generate';
import { loadMockDocument } from '../../../../src/main/sandbox/mock/source';
import { demoDocument } from '../../../helpers/cli';

describe('exampleBody', () => {
  it('generates a request body without read-only fields, and a response with them, both valid (3.1)', async () => {
    const { document } = await loadMockDocument(demoDocument('crm.openapi.yaml'));
    const request = exampleBody(document, 'createCustomer', 'request', { seed: 4 })!;
    expect(request).toMatchObject({ contentType: 'application/json', source: 'generated', schemaPointer: '#/paths/~1customers/post/requestBody/content/application~1json/schema' });
    expect(request.body).not.toHaveProperty('id');
    expect(request.body).not.toHaveProperty('createdAt');
    expect(new PayloadValidator(document, { mode: 'open', direction: 'request' }).validate(request.schemaPointer!, request.body)).toEqual([]);

    const everyProperty = documentGenerator(document, { direction: 'response', optionalShare: 1 });
    const response = exampleBody(document, 'POST /customers', 'response', { seed: 4, generator: everyProperty })!;
    expect(response.body).toHaveProperty('id');
    expect(new PayloadValidator(document, { mode: 'closed', direction: 'response' }).validate(response.schemaPointer!, response.body)).toEqual([]);
    expect(exampleBody(document, 'createCustomer', 'request', { seed: 4 })!.body).toEqual(request.body);
  });

  it('reads a Swagger 2.0 body parameter and a chosen response status', async () => {
    const { document } = await loadMockDocument(demoDocument('accounting.swagger.json'));
    const operation = Object.entries(document.paths as Record<string, Record<string, { operationId?: string; parameters?: Array<{ in: string }> }>>)
      .flatMap(([, item]) => Object.values(item))
      .find((candidate) => candidate.parameters?.some((parameter) => parameter.in === 'body'))!;
    const request = exampleBody(document, operation.operationId!, 'request', { seed: 2 })!;
    expect(request.schemaPointer).toMatch(/\/parameters\/\d+\/schema$/);
    expect(new PayloadValidator(document, { mode: 'open', direction: 'request' }).validate(request.schemaPointer!, request.body)).toEqual([]);
  });

  it('uses the media type example when the document gives one', () => {
    const document = {
      openapi: '3.0.3',
      info: { title: 't', version: '1' },
      paths: { '/x': { get: { responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object' }, examples: { one: { value: { from: 'example' } } } } } } } } } },
    };
    expect(exampleBody(document, 'GET /x', 'response')).toMatchObject({ body: { from: 'example' }, source: 'example' });
    expect(exampleBody(document, 'GET /x', 'request')).toBeUndefined();
  });

  it('names operations that exist when asked for one that does not', () => {
    const document = { openapi: '3.0.3', info: { title: 't', version: '1' }, paths: { '/x': { get: { operationId: 'getX', responses: {} } } } };
    expect(() => exampleBody(document, 'GET /y', 'response')).toThrow('The document has no operation "GET /y": name one as "GET /path" or by its operationId (for example getX).');
  });
});
