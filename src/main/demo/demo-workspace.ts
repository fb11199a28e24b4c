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
import { resourcePath } from '../resources';
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
  } catch (error) {
    workspace.close();
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(workspace.path + suffix, { force: true });
    throw error;
  }
  return workspace;
}
