import fs from 'node:fs';
import type { Services } from '../platform/services';
import { SystemImports } from '../openapi/system-import';
import { addFlow } from '../mapping/flows';
import { updateIntegration } from '../specification/integration';
import { logChangeIn } from '../specification/change-log';
import { addInput } from '../specification/inputs';
import { addQuestion } from '../specification/questions';
import { addTestCase } from '../specification/test-cases';
import { addUseCase } from '../specification/use-cases';
import { Redactor } from '../platform/redact';
import { resourcePath } from '../resources';
import { saveSample } from '../sandbox/samples/samples';
import { createWorkspace, type Workspace } from '../workspace/workspace';

/** The bundled example: sync confirmed orders from a CRM (OpenAPI 3.1, YAML) to accounting (Swagger 2.0, JSON). */
export async function createDemoWorkspace(file: string, services: Partial<Pick<Services, 'http' | 'workers'>> = {}): Promise<Workspace> {
  const workspace = createWorkspace(file, 'Acme CRM → Ledgerly: orders to invoices');
  try {
    const imports = new SystemImports(services);
    const systems = [
      await imports.import(workspace, 'CRM', { kind: 'file', path: resourcePath('demo', 'crm.openapi.yaml') }),
      await imports.import(workspace, 'Accounting', { kind: 'file', path: resourcePath('demo', 'accounting.swagger.json') }),
    ];
    await Promise.all(systems.map((system) => (system.status === 'imported' ? system.validation : undefined)));
    workspace.write(() => {
      updateIntegration(workspace, {
        businessCase:
          'Finance re-keys every confirmed CRM order into accounting by hand: about 40 orders a day, with typos ' +
          'in amounts and addresses. Creating the invoice automatically when an order is confirmed saves that time, ' +
          'gets invoices out the same day and keeps customer records consistent in both systems.',
        author: 'Integration analyst',
      });
      const contacts = addUseCase(workspace, {
        title: 'Keep customers as contacts',
        story: 'As a finance clerk, I want every invoiced customer to exist as a contact in accounting, so that invoices reach the right company.',
      });
      const invoices = addUseCase(workspace, {
        title: 'Invoice confirmed orders',
        story: 'As a finance clerk, I want a draft invoice for every confirmed CRM order, so that I no longer re-key orders.',
      });
      addFlow(workspace, {
        name: 'Customers to contacts',
        useCase: contacts.title,
        source: { system: 'CRM', entity: 'Customer' },
        target: { system: 'Accounting', entity: 'Contact' },
        trigger: { kind: 'query', detail: 'Looked up before each invoice is created; created when missing' },
        outcomes: [
          { kind: 'success', condition: '201 Created, or the contact already exists (matched on email)', handling: 'Keep the contact id for the invoice' },
          { kind: 'failure', condition: '400 Validation failed (e.g. postal code too long)', handling: 'Hold the order, raise a task for finance with the message' },
        ],
      });
      addFlow(workspace, {
        name: 'Orders to invoices',
        useCase: invoices.title,
        source: { system: 'CRM', entity: 'Order' },
        target: { system: 'Accounting', entity: 'Invoice' },
        trigger: { kind: 'event', detail: 'CRM webhook orderConfirmed' },
        outcomes: [
          { kind: 'success', condition: '201 Created: invoice in DRAFT', handling: 'Write the invoice number back to the order note' },
          { kind: 'failure', condition: '409 Conflict: same Idempotency-Key already used', handling: 'Treat as success; fetch the existing invoice' },
          { kind: 'failure', condition: '429 Too Many Requests or 5xx', handling: 'Retry with backoff (1, 5, 30 min) honouring Retry-After; alert after the third failure' },
        ],
      });
      addInput(workspace, { name: 'Ledgerly API key', kind: 'credential', system: 'Accounting', description: 'Created by the customer under Settings → Integrations; stored in the connector vault, never in the spec.', required: true, defaultValue: '' });
      addInput(workspace, { name: 'CRM OAuth client', kind: 'credential', system: 'CRM', description: 'Client id and secret of a server-to-server app with the orders:read scope.', required: true, defaultValue: '' });
      addInput(workspace, { name: 'Payment terms (days)', kind: 'option', system: 'Accounting', description: 'Days from invoice date to due date when the order has no terms.', required: true, defaultValue: '30' });
      addInput(workspace, { name: 'Revenue account code', kind: 'custom_field', system: 'Accounting', description: 'Ledger account each invoice line is posted to.', required: false, defaultValue: '200' });
      addTestCase(workspace, {
        title: 'Confirmed order becomes a draft invoice',
        useCaseId: invoices.id,
        givenInput: 'Order with two lines, customer already a contact, status set to confirmed',
        expectedResult: 'One DRAFT invoice with two lines, totals equal to the order, contact linked',
        covers: [],
      });
      addTestCase(workspace, {
        title: 'New customer is created as a contact first',
        useCaseId: contacts.id,
        givenInput: 'Order for a customer unknown to accounting',
        expectedResult: 'A contact is created, then the invoice; no duplicate contact on retry',
        covers: [],
      });
      addQuestion(workspace, {
        kind: 'question',
        question: 'Should invoices be created as DRAFT for review, or AUTHORISED straight away?',
        owner: 'Finance lead',
      });
      addQuestion(workspace, {
        kind: 'corner_case',
        question: 'CRM postal codes may be up to 12 characters, Ledgerly accepts 10: truncate, reject, or hold the order?',
        owner: '',
      });
      workspace.write((db) => logChangeIn(db, 'First draft: both APIs imported, flows and open questions written down', 'Integration analyst'));
    });
    const crm = systems[0]!;
    if (crm.status === 'imported') await saveDemoSamples(workspace, imports, crm.system.id);
  } catch (error) {
    workspace.close();
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(workspace.path + suffix, { force: true });
    throw error;
  }
  return workspace;
}

/**
 * Two customers as the CRM's sandbox sent them: a custom field the document does not list (a discovered field
 * to map) and a tier outside its enum (a drift finding), so the sandbox shows both from the first start.
 */
async function saveDemoSamples(workspace: Workspace, systems: SystemImports, crmId: number): Promise<void> {
  const customers = [
    { id: '5f0c2a8e-3b1d-4c6a-9e2f-7a41d8b9c013', firstName: 'Maria', lastName: 'Okafor', email: 'maria.okafor@harbourside-tools.example', phone: '+441632960123', companyName: 'Harbourside Tools Ltd', vatNumber: 'GB123456789', addresses: [], customerTier: 'Gold', marketingOptIn: true, salesRegion: 'UK-South', createdAt: '2025-03-02T09:14:00Z', updatedAt: '2025-06-11T16:40:00Z' },
    { id: '0b7d4c1e-9a2f-4e58-8c3d-2f6e1a9b7c45', firstName: 'Jonas', lastName: 'Berg', email: 'jonas.berg@example.org', phone: null, companyName: null, vatNumber: null, addresses: [], customerTier: 'Platinum', marketingOptIn: false, salesRegion: 'Nordics', createdAt: '2025-05-20T12:00:00Z', updatedAt: '2025-05-20T12:00:00Z' },
  ];
  for (const customer of customers) {
    await saveSample(
      { workspace, systems, redactor: new Redactor() },
      {
        systemId: crmId,
        entity: 'schema:Customer',
        operation: 'GET /customers/{customerId}',
        direction: 'response',
        source: { kind: 'body', body: JSON.stringify(customer), status: 200, contentType: 'application/json', environment: 'Sandbox', method: 'GET', url: `https://sandbox.api.acme-crm.example/v2/customers/${customer.id}` },
      },
    );
  }
}
