import fs from 'node:fs';
import { SystemImports } from '../openapi/system-import';
import { addFlow } from '../mapping/flows';
import { updateIntegration } from '../spec/integration';
import { addQuestion } from '../spec/questions';
import { resourcePath } from '../resources';
import { createWorkspace, type Workspace } from '../workspace/workspace';

/** The bundled example: sync confirmed orders from a CRM (OpenAPI 3.1, YAML) to accounting (Swagger 2.0, JSON). */
export async function createDemoWorkspace(file: string): Promise<Workspace> {
  const workspace = createWorkspace(file, 'Acme CRM → Ledgerly: orders to invoices');
  try {
    const imports = new SystemImports();
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
      addFlow(workspace, {
        name: 'Customers to contacts',
        useCase: 'As a finance clerk, I want every invoiced customer to exist as a contact in accounting, so that invoices reach the right company.',
        source: { system: 'CRM', entity: 'Customer' },
        target: { system: 'Accounting', entity: 'Contact' },
        trigger: { kind: 'query', detail: 'Looked up before each invoice is created; created when missing' },
      });
      addFlow(workspace, {
        name: 'Orders to invoices',
        useCase: 'As a finance clerk, I want a draft invoice for every confirmed CRM order, so that I no longer re-key orders.',
        source: { system: 'CRM', entity: 'Order' },
        target: { system: 'Accounting', entity: 'Invoice' },
        trigger: { kind: 'event', detail: 'CRM webhook orderConfirmed' },
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
    });
  } catch (error) {
    workspace.close();
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(workspace.path + suffix, { force: true });
    throw error;
  }
  return workspace;
}
