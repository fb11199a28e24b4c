import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Catalogue, CatalogueOperation } from '../../../src/shared/catalogue';
import { createDemoWorkspace } from '../../../src/main/demo/demo-workspace';
import { SystemImports } from '../../../src/main/openapi/system-import';
import { inferRequirements, type InferenceInput } from '../../../src/main/specification/requirement-inference';
import { listRequirements, updateRequirement } from '../../../src/main/specification/requirements';
import { tempDir } from '../../helpers/temp';

const operation = (id: string, extra: Partial<CatalogueOperation> = {}): CatalogueOperation => {
  const [method, path] = id.split(' ') as [string, string];
  return { id, method, path, webhook: false, tags: [], deprecated: false, parameters: [], responses: [], security: [], ...extra };
};

const catalogue = (extra: Partial<Catalogue>): Catalogue => ({
  openapiVersion: '3.0.3',
  limits: { maxDepth: 10, maxFieldsPerEntity: 5000 },
  entities: [],
  operations: [],
  securitySchemes: [],
  servers: [],
  warnings: [],
  ...extra,
});

const input = (systems: InferenceInput['systems'], extra: Partial<InferenceInput> = {}): InferenceInput => ({
  systems,
  flows: [],
  mappings: { byType: {}, withValueMap: 0, withTransformation: 0 },
  ...extra,
});

const param = (name: string, where = 'query') => ({ name, in: where, required: false, type: 'string', deprecated: false });

describe('requirement inference', () => {
  it('reads XML, plain HTTP, paging, rate limits, bulk and idempotency from the operations', () => {
    const legacy = catalogue({
      openapiVersion: '2.0',
      servers: [{ url: 'http://erp.example/api', resolvedUrl: 'http://erp.example/api', relative: false, variables: [], environment: 'unknown' }],
      operations: [
        operation('GET /items', { parameters: [param('$top'), param('$skip'), param('filter')], responses: [{ status: '200', mediaType: 'application/xml', array: false }] }),
        operation('POST /items/batch', { request: { mediaType: 'text/xml', array: true, required: true }, responses: [{ status: '429', array: false }] }),
        operation('PUT /items/{id}', { parameters: [param('Idempotency-Token', 'header')] }),
      ],
    });
    const answers = inferRequirements(input([{ name: 'ERP', catalogue: legacy }]));
    expect(answers.get('transport')).toEqual({ answer: 'XML', evidence: ['ERP: application/xml, text/xml'] });
    expect(answers.get('protocol')?.answer).toMatch(/^HTTP \(plain HTTP is listed/);
    expect(answers.get('nfr.paging')?.evidence).toEqual(['ERP: GET /items has $top, $skip']);
    expect(answers.get('nfr.rate_limits')?.answer).toBe('ERP limits request rates: back off on 429 and respect Retry-After');
    expect(answers.get('nfr.bulk')?.evidence).toEqual(['ERP: POST /items/batch accepts many records at once']);
    expect(answers.get('nfr.idempotency')?.evidence).toEqual(['ERP: PUT /items/{id} takes header Idempotency-Token']);
    expect(answers.get('api.ERP')).toEqual({ answer: 'REST over HTTP, 3 operation(s)', evidence: ['Swagger 2.0 document'] });
    expect(answers.get('auth.ERP')?.answer).toMatch(/None declared/);
  });

  it('infers nothing it cannot see, and describes only the auth schemes operations use', () => {
    const api = catalogue({
      securitySchemes: [
        { name: 'key', type: 'apiKey', in: 'header', parameterName: 'X-Key' },
        { name: 'legacy', type: 'basic' },
      ],
      operations: [operation('GET /a', { security: [[{ scheme: 'key', scopes: [] }]] }), operation('GET /health')],
    });
    const answers = inferRequirements(input([{ name: 'Shop', catalogue: api }]));
    expect(answers.get('auth.Shop')).toEqual({ answer: 'API key in header "X-Key"; 1 operation(s) need none', evidence: ['securitySchemes.key (apiKey)'] });
    for (const key of ['trigger', 'direction', 'data', 'transport', 'protocol', 'transformations', 'nfr.paging', 'nfr.rate_limits', 'nfr.bulk', 'nfr.idempotency']) {
      expect(answers.has(key), key).toBe(false);
    }
  });

  it('calls flows in both directions two-way and counts transformations', () => {
    const flow = (name: string, source: string, target: string) => ({ name, source, target, entities: `${source} A → ${target} B`, rows: 3, trigger: { kind: 'schedule', detail: 'nightly' } });
    const answers = inferRequirements(
      input([], {
        flows: [flow('Out', 'CRM', 'ERP'), flow('Back', 'ERP', 'CRM')],
        mappings: { byType: { direct: 5, concatenation: 1, lookup: 2 }, withValueMap: 2, withTransformation: 1 },
      }),
    );
    expect(answers.get('direction')?.answer).toBe('Two-way: CRM → ERP, ERP → CRM');
    expect(answers.get('trigger')?.answer).toBe('Out: a schedule (nightly); Back: a schedule (nightly)');
    expect(answers.get('transformations')?.answer).toBe('Yes: 1 concatenation, 2 lookup, 2 with a value map, 1 with transformation logic (see the mapping sheets)');
  });
});

describe('the requirements checklist of a workspace', () => {
  it('shows inferred answers until the analyst confirms or rewrites them', async () => {
    const file = path.join(tempDir(), 'demo.crosswalk');
    const workspace = await createDemoWorkspace(file);
    const imports = new SystemImports();
    try {
      const list = await listRequirements(workspace, imports);
      expect(list.map((item) => item.key)).toEqual([
        'trigger', 'direction', 'auth.CRM', 'auth.Accounting', 'api.CRM', 'api.Accounting', 'data', 'transport', 'protocol', 'transformations',
        'nfr.volume', 'nfr.rate_limits', 'nfr.paging', 'nfr.bulk', 'nfr.idempotency', 'nfr.logging',
      ]);
      const auth = list.find((item) => item.key === 'auth.Accounting')!;
      expect(auth).toMatchObject({ inferred: true, confirmed: false, answer: 'API key in header "X-Ledgerly-Key" and HTTP basic (user name and password)' });
      expect(list.find((item) => item.key === 'nfr.volume')).toMatchObject({ inferred: false, answer: '' });

      expect(await updateRequirement(workspace, imports, 'auth.Accounting', { confirmed: true })).toMatchObject({ answer: auth.answer, inferred: false, confirmed: true, evidence: auth.evidence });
      const typed = await updateRequirement(workspace, imports, 'transport', { answer: 'JSON both ways; Ledgerly also offers XML, not used' });
      expect(typed).toMatchObject({ inferred: false, confirmed: true, evidence: [] });
      // Reopening an accepted inference shows the documents' answer again.
      expect(await updateRequirement(workspace, imports, 'auth.Accounting', { confirmed: false })).toMatchObject({ inferred: true, confirmed: false });
      await expect(updateRequirement(workspace, imports, 'nope', { answer: 'x' })).rejects.toThrow(/not on the requirements checklist/);
    } finally {
      workspace.close();
    }
  });
});
