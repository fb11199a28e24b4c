import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWorkspace } from '../../../src/main/workspace/workspace';
import { updateIntegration } from '../../../src/main/specification/integration';
import { addQuestion } from '../../../src/main/specification/questions';
import { listUseCases, updateUseCase } from '../../../src/main/specification/use-cases';
import { inline } from '../../../src/main/specification/export/markdown-spec';
import type { SpecDocument } from '../../../src/main/specification/spec-document';
import { readZipDirectory, readZipEntry } from '../../../src/main/specification/workbook/zip-directory';
import { crosswalk } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp';

function demo() {
  const dir = tempDir();
  const file = path.join(dir, 'demo.crosswalk');
  expect(crosswalk(['demo', file]).status).toBe(0);
  return { dir, file };
}

describe('crosswalk export --json / --md', () => {
  it('writes the whole spec as versioned JSON: every flow with its rows, Map IDs and checks', async () => {
    const { dir, file } = demo();
    const out = path.join(dir, 'spec.json');
    const result = crosswalk(['export', file, '--json', out]);
    expect(result).toMatchObject({ status: 0, stderr: '' });
    expect(result.stdout).toBe(`json\t${out}\t${fs.statSync(out).size} bytes\n`);

    const spec = JSON.parse(fs.readFileSync(out, 'utf8')) as SpecDocument;
    expect(spec).toMatchObject({ format: 'crosswalk-spec', formatVersion: 1, integration: { name: 'Acme CRM → Ledgerly: orders to invoices', specVersion: '0.1' } });
    expect(spec.systems.map((system) => [system.name, system.openapiVersion])).toEqual([['CRM', '3.1.0'], ['Accounting', '2.0']]);
    const invoices = spec.flows.find((flow) => flow.name === 'Orders to invoices')!;
    expect(invoices).toMatchObject({ ref: `F-${invoices.id}`, source: { system: 'CRM', entity: 'Order' }, trigger: { kind: 'event' } });
    expect(invoices.outcomes.map((outcome) => outcome.kind)).toEqual(['success', 'failure', 'failure']);
    expect(invoices.mappings.length).toBeGreaterThan(20);
    expect(new Set(invoices.mappings.map((row) => row.mapId)).size).toBe(invoices.mappings.length);
    const contact = invoices.mappings.find((row) => row.targetPath === 'contact_id')!;
    expect(contact).toMatchObject({ targetRequired: true, targetType: 'string' });
    expect(spec.endpoints).toContainEqual(expect.objectContaining({ system: 'Accounting', method: 'POST', path: '/invoices', usedBy: [{ flow: invoices.ref, role: 'writes target' }] }));
    expect(spec.inputs.filter((input) => input.kind === 'credential').map((input) => [input.name, input.defaultValue])).toEqual([
      ['Ledgerly API key', ''],
      ['CRM OAuth client', ''],
    ]);
    expect(spec.requirements.find((requirement) => requirement.key === 'nfr.idempotency')).toMatchObject({ inferred: true });

    // Exporting again gives the same rows (the first export created them; nothing else changed).
    const again = path.join(dir, 'again.json');
    crosswalk(['export', file, '--json', again]);
    const second = JSON.parse(fs.readFileSync(again, 'utf8')) as SpecDocument;
    expect(second.flows.map((flow) => flow.mappings.map((row) => row.mapId))).toEqual(spec.flows.map((flow) => flow.mappings.map((row) => row.mapId)));
  });

  it('links each flow to its own use case when two use cases have the same title', async () => {
    const { dir, file } = demo();
    const workspace = await openWorkspace(file);
    const useCases = listUseCases(workspace);
    expect(useCases).toHaveLength(2);
    for (const useCase of useCases) updateUseCase(workspace, useCase.id, { title: 'Keep finance in sync' });
    workspace.close();

    const out = path.join(dir, 'spec.json');
    expect(crosswalk(['export', file, '--json', out]).status).toBe(0);
    const spec = JSON.parse(fs.readFileSync(out, 'utf8')) as SpecDocument;
    const linked = spec.flows.map((flow) => [flow.ref, flow.useCase]);
    expect(linked).toEqual(useCases.map((useCase) => [spec.flows.find((flow) => flow.name === useCase.flows[0])!.ref, useCase.ref]));
    expect(new Set(linked.map(([, useCase]) => useCase)).size).toBe(2);
    for (const useCase of spec.useCases) for (const flow of useCase.flows) expect(spec.flows.find((candidate) => candidate.ref === flow)!.useCase).toBe(useCase.ref);
  });

  it('writes no credentials an API document puts in a server address, in any format', () => {
    const { dir, file } = demo();
    const api = path.join(dir, 'api.yaml');
    fs.writeFileSync(
      api,
      [
        'openapi: 3.1.0',
        "info: { title: Billing, version: '1.0' }",
        'servers:',
        '  - url: https://svc:hunter2pass@api.billing.example/v1?api_key=sk_live_51HhSECRET',
        'paths: {}',
        'components: { schemas: { Bill: { type: object, properties: { total: { type: number } } } } }',
      ].join('\n'),
    );
    expect(crosswalk(['add-system', file, 'Billing', api]).status).toBe(0);
    const [json, md, xlsx] = ['spec.json', 'spec.md', 'spec.xlsx'].map((name) => path.join(dir, name));
    expect(crosswalk(['export', file, '--json', json!, '--md', md!, '--xlsx', xlsx!]).status).toBe(0);

    const spec = JSON.parse(fs.readFileSync(json!, 'utf8')) as SpecDocument;
    expect(spec.systems.find((system) => system.name === 'Billing')!.servers.map((server) => server.url)).toEqual(['https://***@api.billing.example/v1?api_key=***']);
    expect(spec.systems.find((system) => system.name === 'CRM')!.servers.map((server) => server.url)).toContain('https://api.acme-crm.example/v2');
    const texts = [fs.readFileSync(json!, 'utf8'), fs.readFileSync(md!, 'utf8'), ...readZipDirectory(xlsx!)!.map((entry) => readZipEntry(xlsx!, entry).toString('utf8'))];
    for (const text of texts) expect(text).not.toMatch(/hunter2pass|sk_live_51HhSECRET/);
  });

  it('writes Markdown in which values from documents and analysts cannot inject HTML or break tables', async () => {
    const { dir, file } = demo();
    const workspace = await openWorkspace(file);
    updateIntegration(workspace, { businessCase: 'Saves <b>time</b>\nSecond line' });
    addQuestion(workspace, { kind: 'question', question: 'Is a | in a name kept? <script>alert(1)</script>', owner: '' });
    workspace.close();

    const out = path.join(dir, 'spec.md');
    expect(crosswalk(['export', file, '--md', out]).status).toBe(0);
    const text = fs.readFileSync(out, 'utf8');
    for (const heading of ['# Acme CRM → Ledgerly', '## Business case', '## Requirements', '## Use cases', '## Data flows', '### F-', '#### Field mappings', '## Configurable inputs', '## Test cases', '## Open questions and corner cases', '## Endpoints used', '## Change log', '## Sign-off']) {
      expect(text).toContain(heading);
    }
    expect(text).toContain('Saves &lt;b&gt;time&lt;/b&gt;  \nSecond line');
    expect(text).toContain('Is a \\| in a name kept? &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(text).not.toMatch(/<script>|<b>/);
    // Every table row has as many cells as its header, the open questions' one with the | among them.
    const tables = text.split('\n\n').filter((part) => part.startsWith('| '));
    expect(tables.filter((block) => block.includes('Is a \\| in a name kept?'))).toHaveLength(1);
    for (const block of tables) {
      const cells = block.split('\n').filter(Boolean).map((line) => line.split(/(?<!\\)\|/).length);
      expect(new Set(cells).size, block.slice(0, 80)).toBe(1);
    }
  });

  it('keeps a business case one paragraph: its lines cannot open headings, lists, quotes, fences or rules', async () => {
    const { dir, file } = demo();
    const workspace = await openWorkspace(file);
    updateIntegration(workspace, { businessCase: 'Why we do it\n# Approved by the CFO\n---\n- step one\n+ step two\n1. first\n~~~\n===' });
    workspace.close();
    const out = path.join(dir, 'spec.md');
    expect(crosswalk(['export', file, '--md', out]).status).toBe(0);
    const text = fs.readFileSync(out, 'utf8');
    expect(text).toContain('Why we do it  \n\\# Approved by the CFO  \n\\---  \n\\- step one  \n\\+ step two  \n1\\. first  \n\\~~~  \n\\===\n');
    expect(text.split('\n').filter((line) => line.startsWith('# '))).toEqual(['# Acme CRM → Ledgerly: orders to invoices']);
  });

  it('escapes what Markdown would read as markup', () => {
    expect(inline('a_b *c* [x](y) `z` \\')).toBe('a\\_b \\*c\\* \\[x\\](y) \\`z\\` \\\\');
  });

  it('refuses to write over the open workspace (by any name) or two formats to one file, and the workspace stays intact', () => {
    const { dir, file } = demo();
    const before = fs.readFileSync(file);
    const link = path.join(dir, 'spec.json');
    fs.linkSync(file, link);
    for (const [flag, target] of [['--json', file], ['--xlsx', path.join(dir, '.', path.basename(file))], ['--md', `${file}-wal`], ['--json', link]] as const) {
      const result = crosswalk(['export', file, flag, target]);
      expect(result.status, target).toBe(1);
      expect(result.stderr).toMatch(/that is the open workspace's file, which it would replace\. Choose another file name\./);
    }
    const both = path.join(dir, 'spec.out');
    expect(crosswalk(['export', file, '--json', both, '--md', both]).stderr).toMatch(/The json and md exports are both to .*spec\.out: give each format a file of its own\./);
    expect(fs.existsSync(both)).toBe(false);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(crosswalk(['info', file]).status).toBe(0);
  });

  it('refuses a missing folder or no output, leaving nothing behind', () => {
    const { dir, file } = demo();
    const missing = crosswalk(['export', file, '--json', path.join(dir, 'no', 'spec.json')]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/the folder .*no does not exist\. Create it or choose another path\./);
    expect(crosswalk(['export', file]).status).toBe(2);
    expect(fs.readdirSync(dir).sort()).toEqual(['demo.crosswalk', 'demo.crosswalk-shm', 'demo.crosswalk-wal'].filter((name) => fs.existsSync(path.join(dir, name))));
  });
});
