// Workbook export speed and memory: writeWorkbook on a spec with 10,000 mapping rows against exceljs'
// own streaming WorkbookWriter writing the same rows (same columns, plain values, no styles) in the
// same run. Each side runs in its own process so that its peak memory is its own.
//   npx tsx bench/export-xlsx.ts [rounds]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { MappingStatus, MappingType } from '../src/shared/contract';
import type { SpecDocument, SpecFlow, SpecMapping } from '../src/main/specification/spec-document';
import { sheetsOf, type SheetDef } from '../src/main/specification/workbook/sheets';
import { writeWorkbook } from '../src/main/specification/workbook/write-workbook';

const ROWS = 10_000;
const FLOWS = 4;

const words = ['customer', 'billing', 'address', 'line', 'amount', 'currency', 'tax', 'invoice', 'order', 'contact', 'reference', 'status', 'date', 'country', 'code', 'name'];
const pick = (n: number, k: number) => words[(n * 7 + k * 13) % words.length]!;
const statuses: MappingStatus[] = ['suggested', 'accepted', 'accepted', 'needs_decision', 'not_needed', 'rejected'];
const types: MappingType[] = ['direct', 'direct', 'direct', 'derived', 'lookup', 'concatenation', 'constant'];

function row(id: number): SpecMapping {
  const mappingType = types[id % types.length]!;
  const sources = mappingType === 'constant' ? [] : mappingType === 'concatenation' ? [`${pick(id, 1)}.firstName`, `${pick(id, 1)}.lastName`] : [`${pick(id, 1)}.${pick(id, 2)}${id % 3 === 0 ? '[].value' : ''}`];
  return {
    id,
    mapId: `M-${String(id).padStart(4, '0')}`,
    expression: null,
    expressionGenerated: true,
    expressionDisagreement: '',
    targetPath: `${pick(id, 3)}.${pick(id, 4)}_${pick(id, 5)}${id % 5 === 0 ? '[].amount' : ''}`,
    targetType: id % 4 === 0 ? 'number' : 'string',
    targetFormat: id % 9 === 0 ? 'date-time' : null,
    targetRequired: id % 6 === 0,
    targetMaxLength: id % 4 === 0 ? null : 50 + (id % 200),
    targetDescription: id % 2 === 0 ? `The ${pick(id, 3)} ${pick(id, 4)} as the ${pick(id, 5)} system records it, used on ${pick(id, 6)} documents.` : '',
    targetAllowedValues: mappingType === 'lookup' ? ['A', 'I'] : [],
    targetNullable: id % 3 === 0,
    targetExample: id % 4 === 0 ? String(id * 3) : `${pick(id, 4)}-${id}`,
    sourcePaths: sources,
    sourceTypes: sources.map(() => 'string'),
    sourceDescriptions: sources.map((source) => `The ${source.replace(/[.[\]]+/g, ' ')} field.`),
    sourceAllowedValues: sources.map(() => (mappingType === 'lookup' ? ['ACTIVE', 'INACTIVE'] : [])),
    mappingType,
    status: statuses[id % statuses.length]!,
    confidence: id % 3 === 0 ? null : (id % 100) / 100,
    transformation: id % 4 === 0 ? `Format as ISO 8601 date; trim; upper-case the ${pick(id, 6)} code` : '',
    defaultValue: mappingType === 'constant' ? 'EUR' : null,
    condition: id % 11 === 0 ? `${pick(id, 7)}.type = BILLING` : '',
    valueMap: mappingType === 'lookup' ? [{ source: 'ACTIVE', target: 'A' }, { source: 'INACTIVE', target: 'I' }, { source: '=cmd', target: '@x' }] : [],
    notes: id % 5 === 0 ? `Confirmed with finance on the ${pick(id, 8)} ${pick(id, 9)} rules; see the open question.` : '',
    owner: id % 7 === 0 ? 'Finance' : '',
    questions: [],
    updatedAt: '2025-03-01T10:00:00.000Z',
  };
}

function benchDocument(): SpecDocument {
  const flows: SpecFlow[] = Array.from({ length: FLOWS }, (_, index) => ({
    id: index + 1,
    ref: `F-${index + 1}`,
    name: `Flow ${index + 1} ${pick(index, 1)} to ${pick(index, 2)}`,
    useCase: null,
    source: { system: 'CRM', entity: `Entity${index}`, root: '' },
    target: { system: 'ERP', entity: `Entity${index}`, root: '' },
    trigger: { kind: 'event', detail: 'webhook' },
    outcomes: [],
    completeness: 50,
    checks: [],
    mappings: Array.from({ length: ROWS / FLOWS }, (_, n) => row(index * (ROWS / FLOWS) + n + 1)),
  }));
  return {
    format: 'crosswalk-spec',
    formatVersion: 1,
    generatedAt: new Date().toISOString(),
    integration: { name: 'Bench', businessCase: 'Bench', status: 'draft', author: 'bench', specVersion: '1.0', createdAt: '', updatedAt: '' },
    systems: [],
    useCases: [],
    flows,
    requirements: [],
    inputs: [],
    testCases: [],
    questions: [],
    endpoints: [],
    changeLog: [],
    signOff: [],
  };
}

/** exceljs' streaming writer, plain values: the same mapping rows and columns, as strings and numbers. */
async function baseline(document: SpecDocument, file: string) {
  const sheets = sheetsOf(document).filter((sheet) => sheet.kind === 'mapping') as SheetDef<SpecMapping>[];
  const tables = sheets.map((sheet) => ({
    name: sheet.name,
    header: [...sheet.columns.map((column) => column.header), 'Row id'],
    rows: sheet.rows.map((mapping) => [...sheet.columns.map((column) => column.value(mapping) ?? null), `mapping:${mapping.id}`]),
  }));
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file });
  for (const table of tables) {
    const worksheet = workbook.addWorksheet(table.name);
    worksheet.addRow(table.header).commit();
    for (const values of table.rows) worksheet.addRow(values).commit();
    worksheet.commit();
  }
  await workbook.commit();
  return { ms: performance.now() - start, cpu: process.cpuUsage(cpuStart) };
}

async function child(which: string, file: string) {
  const document = benchDocument();
  let peakHeap = 0;
  const sample = setInterval(() => (peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed)), 25);
  const before = process.memoryUsage().heapUsed;
  let ms: number;
  let cpu: NodeJS.CpuUsage;
  if (which === 'ours') {
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    await writeWorkbook(document, file, { exportId: 'bench' });
    cpu = process.cpuUsage(cpuStart);
    ms = performance.now() - start;
  } else {
    ({ ms, cpu } = await baseline(document, file));
  }
  clearInterval(sample);
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  process.stdout.write(JSON.stringify({ ms, cpuMs: (cpu.user + cpu.system) / 1000, maxRssMb: process.resourceUsage().maxRSS / 1024, heapGrowthMb: (peakHeap - before) / 1024 / 1024, bytes: fs.statSync(file).size }));
}

interface Run {
  ms: number;
  cpuMs: number;
  maxRssMb: number;
  heapGrowthMb: number;
  bytes: number;
}

function run(which: string, file: string): Run {
  const result = spawnSync(process.execPath, [...process.execArgv, __filename, '--child', which, file], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(result.stderr);
  return JSON.parse(result.stdout) as Run;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function main() {
  if (process.argv[2] === '--child') return child(process.argv[3]!, process.argv[4]!);
  const rounds = Number(process.argv[2] ?? 5);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crosswalk-bench-xlsx-'));
  const ours: Run[] = [];
  const theirs: Run[] = [];
  try {
    for (let round = 0; round < rounds; round++) {
      theirs.push(run('baseline', path.join(dir, `baseline-${round}.xlsx`)));
      ours.push(run('ours', path.join(dir, `ours-${round}.xlsx`)));
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const line = (name: string, runs: Run[]) =>
    `${name.padEnd(44)} ${median(runs.map((r) => r.ms)).toFixed(0).padStart(6)} ms wall ${median(runs.map((r) => r.cpuMs)).toFixed(0).padStart(6)} ms CPU   peak RSS ${median(runs.map((r) => r.maxRssMb)).toFixed(0).padStart(4)} MB   heap growth ${median(runs.map((r) => r.heapGrowthMb)).toFixed(0).padStart(4)} MB   ${(runs[0]!.bytes / 1024 / 1024).toFixed(2)} MB file`;
  console.log(`Workbook export, ${ROWS.toLocaleString('en')} mapping rows in ${FLOWS} flows, median of ${rounds} rounds`);
  console.log(line('writeWorkbook (styled, validated, all sheets)', ours));
  console.log(line('exceljs streaming writer, plain values', theirs));
  const ratio = (key: 'ms' | 'cpuMs') => (median(ours.map((r) => r[key])) / median(theirs.map((r) => r[key]))).toFixed(2);
  console.log(`ratio ${ratio('ms')}x wall, ${ratio('cpuMs')}x CPU (target ≤ 1.5x); CPU per round: ${ours.map((r, i) => `${(r.cpuMs / theirs[i]!.cpuMs).toFixed(2)}x`).join(' ')}`);
  console.log('CPU time (user + system, zlib threads included) is the steadier figure on a busy machine.');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
