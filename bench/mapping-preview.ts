// A preview of a flow of 300 mapped fields (250 in nested objects, 50 in the elements of an array) on a
// 1 MB source payload: our preview (rows run in the expression worker, the target checked against its
// schema, problems tied to rows, provenance) against the same JSONata expressions evaluated directly by
// jsonata in this thread, compiled beforehand (the bar: within 3×; aim under 100 ms). Same run, same payload.
//   npx tsx bench/mapping-preview.ts [elements]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import jsonata from 'jsonata';
import { evaluatePayloads, wrapped } from '../src/main/mapping/expressions/evaluate';
import { evaluateFlow, prepareFlow, previewFlow, problemsOf, provenanceOf } from '../src/main/mapping/expressions/preview';
import { addFlow } from '../src/main/mapping/flows';
import { listRows, updateRow } from '../src/main/mapping/rows';
import { mappingSheet } from '../src/main/mapping/sheet';
import { SystemImports } from '../src/main/openapi/system-import';
import { addSystem } from '../src/main/openapi/systems';
import { defaultWorkerRunner } from '../src/main/platform/workers/runner';
import { createWorkspace } from '../src/main/workspace/workspace';

const GROUPS = ['customer', 'billing', 'shipping', 'payment', 'delivery'];
const LEAVES = 50;
const WORDS = ['name', 'code', 'city', 'street', 'country', 'region', 'email', 'phone', 'total', 'amount', 'price', 'quantity', 'status', 'reference', 'note'];

const leafName = (group: number, leaf: number) => `${WORDS[(group * 7 + leaf) % WORDS.length]}${leaf}`;
const leafType = (leaf: number) => (leaf % 5 === 0 ? 'number' : 'string');

/** An entity of 5 objects × 50 leaves and an array `lines` of objects of 50 leaves: 300 leaf fields. */
function schema(prefix: string) {
  const properties: Record<string, unknown> = {};
  GROUPS.forEach((group, g) => {
    properties[`${prefix}${group}`] = { type: 'object', properties: Object.fromEntries(Array.from({ length: LEAVES }, (_, l) => [leafName(g, l), { type: leafType(l), maxLength: leafType(l) === 'string' ? 64 : undefined }])) };
  });
  properties[`${prefix}lines`] = { type: 'array', items: { type: 'object', properties: Object.fromEntries(Array.from({ length: LEAVES }, (_, l) => [leafName(9, l), { type: leafType(l) }])) } };
  return { type: 'object', properties };
}

const document = (title: string, entity: string, prefix: string) => ({ openapi: '3.0.3', info: { title, version: '1.0.0' }, paths: {}, components: { schemas: { [entity]: schema(prefix) } } });

/** A source payload of about 1 MB: every object field filled, `elements` array elements. */
function payload(elements: number): Record<string, unknown> {
  const value = (l: number, i: number) => (leafType(l) === 'number' ? i * 10 + l : `v${i}-${l}-abcdef`);
  const root: Record<string, unknown> = {};
  GROUPS.forEach((group, g) => (root[group] = Object.fromEntries(Array.from({ length: LEAVES }, (_, l) => [leafName(g, l), value(l, g)]))));
  root.lines = Array.from({ length: elements }, (_, i) => Object.fromEntries(Array.from({ length: LEAVES }, (_, l) => [leafName(9, l), value(l, i)])));
  return root;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function timed(runs: number, run: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  return median(times);
}

async function main() {
  const elements = Number(process.argv[2] ?? 840); // about 1.0 MB
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crosswalk-bench-preview-'));
  const workspace = createWorkspace(path.join(dir, 'preview.crosswalk'), 'Preview bench');
  for (const [name, doc] of [['Source', document('Source API', 'Order', '')], ['Target', document('Target API', 'Invoice', '')]] as const) {
    addSystem(workspace, name, { text: JSON.stringify(doc), files: {}, format: 'json', title: doc.info.title, apiVersion: '1.0.0', openapiVersion: '3.0.3', source: 'pasted text' });
  }
  const flowId = addFlow(workspace, { name: 'Orders to invoices', source: { system: 'Source', entity: 'Order' }, target: { system: 'Target', entity: 'Invoice' } }).id;
  const imports = new SystemImports();
  await mappingSheet(workspace, imports, flowId);
  // Every target field mapped from the source field of the same path; one in ten with a default too.
  listRows(workspace, flowId).forEach((row, i) => updateRow(workspace, row.id, { sourcePaths: [row.targetPath], mappingType: 'direct', status: 'accepted', ...(i % 10 === 0 ? { defaultValue: 'none' } : {}) }));

  const source = payload(elements);
  const bytes = JSON.stringify(source).length;
  const prepared = await prepareFlow(workspace, imports, flowId);
  const texts = prepared.units.map((unit) => wrapped(unit.expression, unit.levels));
  const compiled = texts.map((text) => jsonata(text));
  const direct = async () => {
    const values: unknown[] = [];
    for (const expression of compiled) values.push(await expression.evaluate(source));
    return values;
  };

  // Warm: the worker started, jsonata compiled in it, the target's validator built, as in a running app.
  await direct();
  await evaluatePayloads(prepared.units, [source]);
  const runs = 5;
  const directMs = await timed(runs, direct);
  // The rows as the worker runs them, here in this thread: composed into one expression, and row by row as before.
  const composedMs = await timed(runs, () => evaluatePayloads(prepared.units, [source]));
  const rowByRowMs = await timed(runs, () => evaluatePayloads(prepared.units, [source], undefined, { rowByRow: true }));
  console.log(`flow: ${prepared.units.length} mapped fields (${prepared.units.filter((unit) => unit.levels.length > 0).length} inside lines[]); source payload ${(bytes / 1024 / 1024).toFixed(2)} MB (${elements} elements); medians of ${runs}; load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores`);
  console.log(`jsonata directly, same expressions:      ${directMs.toFixed(0).padStart(6)} ms`);
  console.log(`our rows composed (in this thread):      ${composedMs.toFixed(0).padStart(6)} ms   ratio ${(composedMs / directMs).toFixed(2)}x   (row by row: ${rowByRowMs.toFixed(0)} ms, ${(rowByRowMs / directMs).toFixed(2)}x)`);
  try {
    const warm = await previewFlow(workspace, imports, flowId, source);
    const oursMs = await timed(runs, () => previewFlow(workspace, imports, flowId, source));
    const prepareMs = await timed(runs, () => prepareFlow(workspace, imports, flowId));
    let evaluated: Awaited<ReturnType<typeof evaluateFlow>> = [];
    const evaluateMs = await timed(runs, async () => (evaluated = await evaluateFlow(prepared, [source])));
    const problemsMs = await timed(runs, async () => problemsOf(prepared, source, evaluated[0]!));
    const provenanceMs = await timed(runs, async () => provenanceOf(prepared, source, evaluated[0]!.target));
    console.log(`our preview (worker, checks, provenance): ${oursMs.toFixed(0).padStart(5)} ms   ratio ${(oursMs / directMs).toFixed(2)}x (bar 3x; aim < 100 ms); ${warm.problems.length} problems`);
    console.log(`  prepare ${prepareMs.toFixed(0)} ms · rows in the worker ${evaluateMs.toFixed(0)} ms · problems ${problemsMs.toFixed(0)} ms · provenance ${provenanceMs.toFixed(0)} ms`);
  } catch (error) {
    // On a machine this loaded the worker may not finish within the payload's bound: say so rather than report nothing.
    console.log(`our preview (worker): ${(error as Error).message}`);
    process.exitCode = 1;
  }
  workspace.close();
  await defaultWorkerRunner.stopAll();
  fs.rmSync(dir, { recursive: true, force: true });
}

void main();
