import type { SpecDocument, SpecMapping } from '../../../src/main/specification/spec-document';

export const HOSTILE = ['=HYPERLINK("http://x","y")', '+1', '-2', '@SUM(A1)'] as const;
export const SECRET = 'sk_live_51HhOSTILEsecretVALUE';

export function mapping(id: number, overrides: Partial<SpecMapping> = {}): SpecMapping {
  return {
    id,
    mapId: `M-${String(id).padStart(4, '0')}`,
    expression: null,
    expressionGenerated: true,
    expressionDisagreement: '',
    targetPath: `field${id}`,
    targetType: 'string',
    targetFormat: null,
    targetRequired: false,
    targetMaxLength: null,
    targetDescription: '',
    targetAllowedValues: [],
    targetNullable: false,
    targetExample: '',
    sourcePaths: [`source${id}`],
    sourceDescriptions: [''],
    sourceAllowedValues: [[]],
    sourceTypes: ['string'],
    mappingType: 'direct',
    status: 'suggested',
    confidence: 0.8,
    transformation: '',
    defaultValue: null,
    condition: '',
    valueMap: [],
    notes: '',
    owner: '',
    questions: [],
    updatedAt: '2025-03-01T10:00:00.000Z',
    ...overrides,
  };
}

/** A small spec by hand, with hostile text where API documents and payloads reach the workbook. */
export function sampleDocument(): SpecDocument {
  return {
    format: 'crosswalk-spec',
    formatVersion: 1,
    generatedAt: '2025-03-02T09:30:00.000Z',
    integration: {
      name: 'Acme CRM → Ledgerly & friends',
      businessCase: 'Finance re-keys orders by hand.',
      status: 'draft',
      author: 'Ann Analyst',
      specVersion: '0.3',
      createdAt: '2025-01-01T00:00:00.000Z',
      updatedAt: '2025-03-01T00:00:00.000Z',
    },
    systems: [
      {
        name: 'CRM',
        title: 'Acme CRM API',
        apiVersion: '2.1.0',
        openapiVersion: '3.1.0',
        source: 'https://crm.example.com/openapi.yaml',
        importedAt: '2025-01-02T00:00:00.000Z',
        servers: [{ url: 'https://sandbox.crm.example.com', description: 'Sandbox', environment: 'sandbox' }],
        auth: [{ name: 'bearerAuth', type: 'http', detail: 'bearer token' }],
      },
      {
        name: 'Accounting',
        title: 'Ledgerly',
        apiVersion: '1.0',
        openapiVersion: '2.0',
        source: 'accounting.swagger.json',
        importedAt: '2025-01-02T00:00:00.000Z',
        servers: [],
        auth: [{ name: 'apiKey', type: 'apiKey', detail: 'header X-Api-Key' }],
      },
    ],
    useCases: [{ id: 1, ref: 'UC-1', title: 'Invoice confirmed orders', story: 'As a finance clerk…', descoped: false, flows: ['F-1'] }],
    flows: [
      {
        id: 1,
        ref: 'F-1',
        name: 'Orders to invoices',
        useCase: 'UC-1',
        source: { system: 'CRM', entity: 'Order', root: '' },
        target: { system: 'Accounting', entity: 'Invoice', root: '' },
        trigger: { kind: 'event', detail: 'CRM webhook orderConfirmed' },
        outcomes: [{ kind: 'failure', condition: 'Contact missing', handling: 'Create it first' }],
        completeness: 50,
        checks: [],
        mappings: [
          mapping(1, { targetPath: 'invoiceNumber', targetRequired: true, sourcePaths: [HOSTILE[0]], transformation: HOSTILE[1] }),
          mapping(2, {
            targetPath: 'status',
            mappingType: 'lookup',
            valueMap: [{ source: HOSTILE[2], target: HOSTILE[3] }],
            status: 'accepted',
            confidence: null,
            targetFormat: 'invoice-status',
            targetMaxLength: 12,
            targetDescription: 'Where the invoice is in its life: draft until sent, then open until paid or voided.',
            targetAllowedValues: ['DRAFT', 'OPEN', 'PAID', 'VOID'],
            targetNullable: true,
            targetExample: 'OPEN',
            sourceDescriptions: ['Order state: N (New), S (Shipped), X (Cancelled).'],
          }),
          mapping(3, { targetPath: 'dueDate', targetRequired: true, sourcePaths: [], sourceTypes: [], status: 'needs_decision', confidence: null, questions: ['Q-1'] }),
        ],
      },
    ],
    requirements: [
      { key: 'trigger', group: 'functional', question: 'What starts a sync?', answer: 'CRM webhook', inferred: true, confirmed: false, evidence: ['CRM: webhook orderConfirmed'] },
      { key: 'nfr.paging', group: 'non_functional', question: 'How are lists paged?', answer: '', inferred: false, confirmed: false, evidence: [] },
    ],
    inputs: [
      { id: 1, ref: 'CI-1', name: 'Ledgerly API key', kind: 'credential', system: 'Accounting', description: 'Key for the X-Api-Key header', required: true, defaultValue: SECRET },
      { id: 2, ref: 'CI-2', name: 'Invoice status', kind: 'option', system: null, description: 'DRAFT or AUTHORISED', required: true, defaultValue: 'DRAFT' },
    ],
    testCases: [
      { id: 1, ref: 'TC-1', title: 'Happy path', useCase: 'UC-1', givenInput: '{"total": "=1+1"}', expectedResult: 'Invoice created', status: 'not_run', notes: '', covers: ['M-0001'] },
    ],
    questions: [
      {
        id: 1,
        ref: 'Q-1',
        kind: 'question',
        question: 'Which due date?',
        owner: 'Finance',
        status: 'open',
        answer: '',
        flow: 'F-1',
        mapId: 'M-0003',
        mentions: [],
        createdAt: '2025-02-01T00:00:00.000Z',
        updatedAt: '2025-02-01T00:00:00.000Z',
      },
    ],
    endpoints: [
      { system: 'CRM', method: 'get', path: '/orders/{id}', operationId: 'getOrder', summary: HOSTILE[0], usedBy: [{ flow: 'F-1', role: 'reads source' }] },
    ],
    changeLog: [{ at: '2025-03-01T10:00:00.000Z', version: '0.3', author: 'Ann Analyst', summary: 'Added the orders flow' }],
    signOff: [
      { role: 'prepared', name: 'Ann Analyst', date: '2025-03-01', note: '' },
      { role: 'reviewed', name: '', date: '', note: '' },
      { role: 'approved', name: '', date: '', note: '' },
    ],
  };
}
