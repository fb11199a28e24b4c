// The suggestion engine in a worker thread: the same answer as inline, the event loop free while it
// runs, a failure that rejects and writes nothing, one computation for concurrent asks.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CatalogueEntity } from '../../../src/shared/catalogue';
import { computeCandidates, setWorkerFromPairs, stopSuggestionWorkers, WORKER_FROM_PAIRS } from '../../../src/main/mapping/compute-candidates';
import { addFlow } from '../../../src/main/mapping/flows';
import { ensureRows, listRows } from '../../../src/main/mapping/rows';
import { suggestMappings } from '../../../src/main/mapping/suggest';
import { clearSuggestionCache, flowCandidates, suggestionComputations } from '../../../src/main/mapping/suggestion-cache';
import { buildCatalogue } from '../../../src/main/openapi/catalogue';
import { importApiDocument } from '../../../src/main/openapi/import';
import { addSystem } from '../../../src/main/openapi/systems';
import { createWorkspace } from '../../../src/main/workspace/workspace';
import { bigDocument } from '../../../bench/big-flow';
import { demoDocument } from '../../helpers/cli';
import { openDemoSession } from '../../helpers/handlers';
import { present } from '../../helpers/narrow';
import { tempDir } from '../../helpers/temp';

async function demoEntity(file: string, name: string): Promise<CatalogueEntity> {
  const result = await importApiDocument(demoDocument(file), { validation: false });
  return (result as unknown as { catalogue: { entities: CatalogueEntity[] } }).catalogue.entities.find((e) => e.kind === 'schema' && e.name === name)!;
}

/** A generated pair of about `groups` × 30 leaf fields each (camelCase against snake_case names). */
function bigPair(groups = 12, leaves = 30) {
  const entity = (document: ReturnType<typeof bigDocument>, name: string) => buildCatalogue(document).entities.find((e) => e.name === name)!;
  return {
    source: entity(bigDocument('Big CRM', 'SalesOrder', 'camel', 7, groups, leaves), 'SalesOrder'),
    target: entity(bigDocument('Big ERP', 'ErpOrder', 'snake', 11, groups, leaves), 'ErpOrder'),
  };
}

const WORKER = { workerFromPairs: 0 };
const INLINE = { workerFromPairs: Infinity };

afterEach(() => {
  setWorkerFromPairs(WORKER_FROM_PAIRS);
  clearSuggestionCache();
});

describe('the suggestion engine in a worker thread', () => {
  it('gives exactly the inline answer on the demo entities, with learned decisions', async () => {
    const pairs = [
      [await demoEntity('crm.openapi.yaml', 'Order'), await demoEntity('accounting.swagger.json', 'Invoice')],
      [await demoEntity('crm.openapi.yaml', 'Customer'), await demoEntity('accounting.swagger.json', 'Contact')],
    ] as const;
    const learned = { accepted: [{ source: 'id', target: 'reference' }], rejected: [{ source: 'currency', target: 'currency_code' }] };
    for (const [source, target] of pairs) {
      for (const decisions of [{ accepted: [], rejected: [] }, learned]) {
        const inline = await computeCandidates(source, target, decisions, INLINE);
        expect(inline).toEqual(suggestMappings(source, target, { learned: decisions }));
        expect(await computeCandidates(source, target, decisions, WORKER)).toEqual(inline);
      }
    }
  });

  it('gives exactly the inline answer on a generated big pair', async () => {
    const { source, target } = bigPair();
    expect(source.fields.length * target.fields.length).toBeGreaterThan(100_000);
    const learned = { accepted: [], rejected: [] };
    const inline = await computeCandidates(source, target, learned, INLINE);
    expect(inline.length).toBeGreaterThan(300);
    expect(await computeCandidates(source, target, learned, WORKER)).toEqual(inline);
  });

  it('leaves the event loop free while it computes (inline, it does not)', async () => {
    const { source, target } = bigPair();
    const learned = { accepted: [], rejected: [] };
    const run = async (options: { workerFromPairs: number }) => {
      const events: string[] = [];
      let ticking = true;
      const tick = () => {
        if (!ticking) return;
        events.push('tick');
        setImmediate(tick);
      };
      setImmediate(tick);
      const answer = computeCandidates(source, target, learned, options).then(() => events.push('answer'));
      await answer;
      ticking = false;
      return events;
    };
    const inWorker = await run(WORKER);
    expect(inWorker.at(-1)).toBe('answer');
    expect(inWorker.filter((event) => event === 'tick').length).toBeGreaterThanOrEqual(2);
    // The same computation inline holds the event loop until it is done: no tick comes first.
    expect(await run(INLINE)).toEqual(['answer']);
  });

  it('rejects when the engine fails or its worker is stopped, and writes no row', async () => {
    const dir = tempDir();
    const workspace = createWorkspace(path.join(dir, 'w.crosswalk'), 'Big');
    const { source, target } = bigPair(4, 20);
    for (const [name, document] of [
      ['BigCRM', bigDocument('Big CRM', 'SalesOrder', 'camel', 7, 4, 20)],
      ['BigERP', bigDocument('Big ERP', 'ErpOrder', 'snake', 11, 4, 20)],
    ] as const) {
      addSystem(workspace, name, { text: JSON.stringify(document), files: {}, format: 'json', title: name, apiVersion: '1', openapiVersion: '3.0.3', source: 'pasted text' });
    }
    const flow = addFlow(workspace, { name: 'Big orders', source: { system: 'BigCRM', entity: 'SalesOrder' }, target: { system: 'BigERP', entity: 'ErpOrder' } });
    setWorkerFromPairs(0);

    // A field the engine cannot read fails in the worker: the call rejects with the engine's failure.
    const broken = { ...target, fields: [...target.fields, null as unknown as CatalogueEntity['fields'][number]] };
    await expect(ensureRows(workspace, flow.id, source, broken)).rejects.toThrow(/suggestion engine failed/);
    expect(listRows(workspace, flow.id)).toEqual([]);

    // A worker stopped before it answers (a crash, a closed workspace): rejected, nothing written.
    // (The worker starts within the call, before its first await.)
    const stopped = ensureRows(workspace, flow.id, source, target);
    const outcome = expect(stopped).rejects.toThrow(/suggestion engine was cancelled/);
    stopSuggestionWorkers();
    await outcome;
    expect(listRows(workspace, flow.id)).toEqual([]);

    // And the next ask computes anew and writes the rows.
    expect(await ensureRows(workspace, flow.id, source, target)).toBe(target.fields.filter((field) => field.leaf).length);
    workspace.close();
  });

  it('shares one computation among concurrent asks for the same flow, and a cache hit starts none', async () => {
    const { session, call } = await openDemoSession();
    setWorkerFromPairs(0);
    const flow = present((await call('flows.list', {})).find((f) => f.name === 'Orders to invoices'), 'the demo flow');
    const before = suggestionComputations();
    const [sheet, suggestions, again] = await Promise.all([
      call('mapping.sheet', { flowId: flow.id }),
      call('mapping.suggestions', { flowId: flow.id }),
      call('mapping.suggestions', { flowId: flow.id }),
    ]);
    expect(suggestionComputations() - before).toBe(1);
    expect(again).toEqual(suggestions);
    expect(sheet.rows.length).toBe(suggestions.length);
    // A hit answers from the cache without a worker (the cut-off says "always a worker").
    const [source, target] = [await call('systems.entity', { id: 1, entity: 'schema:Order' }), await call('systems.entity', { id: 2, entity: 'schema:Invoice' })];
    expect((await flowCandidates(session.current!, flow.id, source, target)).suggestions.length).toBe(suggestions.length);
    expect(suggestionComputations() - before).toBe(1);
    session.close();
  });

  it('creates the same rows through the worker as inline', async () => {
    const rowsOf = async (workerFromPairs: number) => {
      setWorkerFromPairs(workerFromPairs);
      const { session, call } = await openDemoSession();
      try {
        const { rows } = await call('mapping.sheet', { flowId: 1 });
        return rows.map(({ updatedAt: _, ...row }) => row);
      } finally {
        session.close();
      }
    };
    const inline = await rowsOf(Infinity);
    expect(inline.length).toBeGreaterThan(5);
    expect(await rowsOf(0)).toEqual(inline);
  });
});
