// The catalogue of the two demo documents: Acme CRM (OpenAPI 3.1, YAML) and Ledgerly Accounting (Swagger 2.0, JSON).
import { beforeAll, describe, expect, it } from 'vitest';
import type { Catalogue } from '../../../src/shared/catalogue';
import { catalogueOf, entity, field, operation, paths, treeProblems } from './catalogue-helpers';

let crm: Catalogue;
let accounting: Catalogue;

beforeAll(async () => {
  crm = await catalogueOf('resources/demo/crm.openapi.yaml');
  accounting = await catalogueOf('resources/demo/accounting.swagger.json');
});

describe('Acme CRM (OpenAPI 3.1)', () => {
  it('lists every named schema as an entity, in document order, then the inline bodies', () => {
    expect(crm.openapiVersion).toBe('3.1.0');
    expect(crm.entities.map((candidate) => candidate.id)).toEqual([
      'schema:Customer',
      'schema:Address',
      'schema:OrderStatus',
      'schema:Order',
      'schema:OrderLine',
      'schema:Error',
      'schema:CustomerPage',
      'schema:OrderPage',
      'body:cancelOrder request',
    ]);
    expect(crm.warnings).toEqual([]);
  });

  it('flattens Order through arrays and referenced schemas', () => {
    const order = entity(crm, 'Order');
    expect(field(order, 'lines')).toMatchObject({ type: 'array', itemType: 'object', itemRef: 'OrderLine', required: true, minItems: 1, maxItems: 500, leaf: false, depth: 0 });
    expect(field(order, 'lines[].unitPrice')).toMatchObject({
      name: 'unitPrice',
      parent: 'lines',
      depth: 1,
      type: 'number',
      format: 'double',
      minimum: 0,
      required: true,
      leaf: true,
      example: 248.1,
      description: 'Price per unit before discount, excluding tax.',
    });
    expect(field(order, 'lines[].lineTotal')).toMatchObject({ readOnly: true, required: false });
    expect(field(order, 'billingAddress')).toMatchObject({ type: 'object', ref: 'Address', leaf: false, required: false });
    expect(field(order, 'billingAddress.postalCode')).toMatchObject({ type: 'string', maxLength: 12, required: true, parent: 'billingAddress', depth: 1 });
    expect(field(order, 'shippingAddress.postalCode').maxLength).toBe(12);
    expect(field(order, 'salesRep.fullName')).toMatchObject({ maxLength: 160, example: 'Daniel Reyes' });
    expect(field(order, 'customer.addresses[].city')).toMatchObject({ depth: 2, parent: 'customer.addresses', maxLength: 60 });
    expect(treeProblems(order)).toEqual([]);
  });

  it('reads nullability, enums, formats, examples and $ref siblings', () => {
    const order = entity(crm, 'Order');
    expect(field(order, 'requestedDeliveryDate')).toMatchObject({ type: 'string', format: 'date', nullable: true, example: '2024-05-28' });
    expect(field(order, 'orderDate')).toMatchObject({ nullable: false, required: true });
    expect(field(order, 'status')).toMatchObject({ type: 'string', ref: 'OrderStatus', enum: ['open', 'confirmed', 'shipped', 'cancelled'], required: true, leaf: true });
    expect(field(order, 'priority')).toMatchObject({ enum: ['High', 'Medium', 'Low'], default: 'Medium' });
    expect(field(order, 'orderNumber')).toMatchObject({ pattern: '^SO-[0-9]{6}$', maxLength: 40, example: 'SO-004217' });
    // `$ref` with siblings (3.1): the siblings win over the target's own description.
    expect(field(order, 'customer')).toMatchObject({
      ref: 'Customer',
      readOnly: true,
      description: 'The full customer record; only present when requested with `expand=customer`.',
    });
    expect(field(entity(crm, 'Customer'), 'phone')).toMatchObject({ type: 'string', nullable: true, pattern: '^\\+[1-9][0-9]{6,14}$' });
    expect(field(entity(crm, 'Customer'), 'customerTier')).toMatchObject({ default: 'Bronze', enum: ['Bronze', 'Silver', 'Gold'] });
    expect(field(entity(crm, 'Customer'), 'id').description).toBe('Unique identifier assigned by the CRM.');
  });

  it('keeps a non-object schema as an entity with its own shape', () => {
    const status = entity(crm, 'OrderStatus');
    expect(status.fields).toEqual([]);
    expect(status.shape).toMatchObject({ type: 'string', enum: ['open', 'confirmed', 'shipped', 'cancelled'] });
    expect(status.shape.description).toMatch(/^Lifecycle state of an order:\n/);
    expect(status.pointer).toBe('#/components/schemas/OrderStatus');
  });

  it('records which operations carry each entity, page wrappers counting for the wrapper only', () => {
    const uses = (name: string) => entity(crm, name).usedBy.map((use) => `${use.operation} ${use.role} ${use.status ?? ''}`.trim());
    expect(uses('Order')).toEqual(['GET /orders/{orderId} response 200', 'POST /orders/{orderId}/cancel response 200', 'POST orderConfirmed request']);
    expect(uses('OrderPage')).toEqual(['GET /orders response 200']);
    expect(uses('OrderLine')).toEqual([]);
    expect(uses('Customer')).toEqual([
      'POST /customers request',
      'POST /customers response 201',
      'GET /customers/{customerId} response 200',
      'PATCH /customers/{customerId} request',
      'PATCH /customers/{customerId} response 200',
    ]);
    expect(entity(crm, 'Error').usedBy.filter((use) => use.operation === 'GET /orders').map((use) => use.status)).toEqual(['400', '401', '429']);
  });

  it('turns the inline cancel body into an entity of its own', () => {
    const body = entity(crm, 'cancelOrder request', 'body');
    expect(body.pointer).toBe('#/paths/~1orders~1{orderId}~1cancel/post/requestBody/content/application~1json/schema');
    expect(body.fields).toEqual([
      expect.objectContaining({ path: 'reason', type: 'string', maxLength: 500, example: 'Customer found a cheaper supplier', leaf: true }),
    ]);
    expect(body.usedBy).toEqual([{ operation: 'POST /orders/{orderId}/cancel', role: 'request', mediaType: 'application/json', array: false }]);
    expect(operation(crm, 'cancelOrder').request).toEqual({ required: false, mediaType: 'application/json', type: 'object', entity: 'body:cancelOrder request', array: false });
  });

  it('lists operations with merged parameters, bodies, responses and security', () => {
    const listOrders = operation(crm, 'listOrders');
    expect(listOrders).toMatchObject({ id: 'GET /orders', method: 'GET', path: '/orders', tags: ['Orders'], summary: 'List orders', deprecated: false, webhook: false });
    expect(listOrders.parameters.map((parameter) => [parameter.name, parameter.in, parameter.type])).toEqual([
      ['limit', 'query', 'integer'],
      ['cursor', 'query', 'string'],
      ['updatedSince', 'query', 'string'],
      ['status', 'query', 'string'],
    ]);
    expect(listOrders.parameters[0]).toMatchObject({ default: 50, required: false });
    expect(listOrders.parameters[2]).toMatchObject({ format: 'date-time', example: '2024-05-01T00:00:00Z' });
    expect(listOrders.parameters[3]).toMatchObject({ ref: 'OrderStatus', enum: ['open', 'confirmed', 'shipped', 'cancelled'] });
    expect(listOrders.responses.map((response) => [response.status, response.entity])).toEqual([
      ['200', 'schema:OrderPage'],
      ['400', 'schema:Error'],
      ['401', 'schema:Error'],
      ['429', 'schema:Error'],
    ]);
    expect(listOrders.security).toEqual([[{ scheme: 'oauth2', scopes: ['orders:read'] }], [{ scheme: 'bearerAuth', scopes: [] }]]);

    const getOrder = operation(crm, 'getOrder');
    expect(getOrder.parameters.map((parameter) => `${parameter.in}:${parameter.name}`)).toEqual(['path:orderId', 'query:expand']);
    expect(getOrder.parameters[0]).toMatchObject({ required: true, format: 'uuid', description: "The order's identifier." });

    expect(operation(crm, 'updateCustomer').request).toMatchObject({ mediaType: 'application/merge-patch+json', entity: 'schema:Customer', required: true });
  });

  it('lists 3.1 webhooks as operations', () => {
    expect(operation(crm, 'onOrderConfirmed')).toMatchObject({
      id: 'POST orderConfirmed',
      path: 'orderConfirmed',
      webhook: true,
      request: { entity: 'schema:Order', required: true },
      responses: [{ status: '200', description: 'The event was received.', array: false }],
      // No security on the webhook itself: the document's applies.
      security: [[{ scheme: 'oauth2', scopes: ['orders:read', 'customers:read'] }], [{ scheme: 'bearerAuth', scopes: [] }]],
    });
  });

  it('marks the sandbox and the production server', () => {
    expect(crm.servers).toEqual([
      {
        url: 'https://sandbox.api.acme-crm.example/v2',
        resolvedUrl: 'https://sandbox.api.acme-crm.example/v2',
        relative: false,
        description: 'Sandbox – test data, reset nightly',
        variables: [],
        environment: 'sandbox',
      },
      { url: 'https://api.acme-crm.example/v2', resolvedUrl: 'https://api.acme-crm.example/v2', relative: false, description: 'Production', variables: [], environment: 'production' },
    ]);
  });

  it('maps the OAuth 2.0 client-credentials and JWT bearer schemes', () => {
    expect(crm.securitySchemes).toEqual([
      {
        name: 'oauth2',
        type: 'oauth2',
        description: 'OAuth 2.0 client credentials flow for server-to-server integrations.',
        flows: [
          {
            type: 'clientCredentials',
            tokenUrl: 'https://auth.acme-crm.example/oauth/token',
            scopes: [
              { name: 'orders:read', description: 'Read sales orders' },
              { name: 'customers:read', description: 'Read customers' },
              { name: 'orders:write', description: 'Cancel sales orders' },
              { name: 'customers:write', description: 'Create and update customers' },
            ],
          },
        ],
      },
      { name: 'bearerAuth', type: 'bearer', bearerFormat: 'JWT', description: 'A signed JWT issued from the CRM admin console (personal access token).' },
    ]);
  });
});

describe('Ledgerly Accounting (Swagger 2.0)', () => {
  it('flattens Invoice, through allOf wrappers and line item arrays', () => {
    const invoice = entity(accounting, 'Invoice');
    expect(invoice.pointer).toBe('#/definitions/Invoice');
    expect(field(invoice, 'line_items[].qty')).toMatchObject({ type: 'number', format: 'double', minimum: 0, default: 1, example: 5, parent: 'line_items', required: false });
    expect(field(invoice, 'line_items[].description')).toMatchObject({ required: true, maxLength: 4000 });
    expect(field(invoice, 'contact_id')).toMatchObject({ required: true, readOnly: false });
    expect(field(invoice, 'invoice_id')).toMatchObject({ readOnly: true, required: false, example: 'INV-2M8Q4T1R' });
    expect(field(invoice, 'billing_address')).toMatchObject({
      type: 'object',
      ref: 'ContactAddress',
      description: "Address printed on the invoice; defaults to the contact's `POBOX` address.",
    });
    expect(field(invoice, 'billing_address.postcode')).toMatchObject({ maxLength: 10, parent: 'billing_address' });
    expect(field(invoice, 'contact')).toMatchObject({ ref: 'Contact', readOnly: true });
    expect(field(invoice, 'contact.addresses[].postcode').maxLength).toBe(10);
    expect(field(invoice, 'priority')).toMatchObject({ type: 'integer', enum: [1, 2, 3], default: 2 });
    expect(field(invoice, 'currency_code')).toMatchObject({ minLength: 3, maxLength: 3, required: true });
    expect(treeProblems(invoice)).toEqual([]);
    expect(paths(entity(accounting, 'Contact'))).toEqual([
      'contact_id',
      'given_name',
      'family_name',
      'email_address',
      'phone_number',
      'company_name',
      'tax_number',
      'addresses',
      'addresses[].address_type',
      'addresses[].address_line_1',
      'addresses[].address_line_2',
      'addresses[].city',
      'addresses[].region',
      'addresses[].postcode',
      'addresses[].country_code',
      'is_customer',
      'created_utc',
    ]);
  });

  it('takes the request body from the in: body parameter and responses from their schema', () => {
    const createInvoice = operation(accounting, 'createInvoice');
    expect(createInvoice.request).toEqual({ required: true, mediaType: 'application/json', type: 'object', entity: 'schema:Invoice', array: false });
    expect(createInvoice.parameters).toEqual([
      expect.objectContaining({ name: 'Idempotency-Key', in: 'header', type: 'string', required: false }),
    ]);
    expect(createInvoice.responses.map((response) => [response.status, response.entity])).toEqual([
      ['201', 'schema:Invoice'],
      ['400', 'schema:Error'],
      ['401', 'schema:Error'],
      ['409', 'schema:Error'],
      ['429', 'schema:Error'],
    ]);
    const listInvoices = operation(accounting, 'listInvoices');
    expect(listInvoices.parameters.map((parameter) => parameter.name)).toEqual(['page', 'page_size', 'status', 'modified_since']);
    expect(listInvoices.parameters[2]).toMatchObject({ type: 'string', enum: ['DRAFT', 'SUBMITTED', 'AUTHORISED', 'PAID', 'VOIDED'] });
    expect(listInvoices.parameters[1]).toMatchObject({ type: 'integer', default: 25 });
    expect(listInvoices.responses[0]).toMatchObject({ entity: 'schema:InvoiceList', mediaType: 'application/json' });
    expect(operation(accounting, 'voidInvoice').parameters).toEqual([expect.objectContaining({ name: 'invoice_id', in: 'path', required: true })]);
    expect(operation(accounting, 'getInvoice').security).toEqual([[{ scheme: 'apiKey', scopes: [] }], [{ scheme: 'basicAuth', scopes: [] }]]);
  });

  it('builds the server from schemes, host and basePath, and maps apiKey and basic', () => {
    expect(accounting.servers).toEqual([
      { url: 'https://sandbox.ledgerly.example/api/v1', resolvedUrl: 'https://sandbox.ledgerly.example/api/v1', relative: false, variables: [], environment: 'sandbox' },
    ]);
    expect(accounting.securitySchemes).toEqual([
      { name: 'apiKey', type: 'apiKey', in: 'header', parameterName: 'X-Ledgerly-Key', description: 'Organisation API key, created under Settings → Integrations.' },
      { name: 'basicAuth', type: 'basic', description: 'Username and password of an integration user. Intended for legacy connectors; prefer an API key.' },
    ]);
  });
});
