// Preview: a flow's rows run on a source payload (in the evaluation worker), and the target payload they
// build checked against the target's schema as its API would check a request (open mode: required, type,
// format, enum, maxLength, pattern, read-only sent). Each problem is tied to the row that caused it;
// each target value carries its provenance (the row and the source values it read).
import type { CatalogueEntity } from '../../../shared/catalogue';
import type { MappingRow, PreviewProblem, PreviewResult, ProvenanceEntry, RowExpression } from '../../../shared/contract';
import { UserError } from '../../errors';
import { PayloadValidator } from '../../openapi/payload/validator';
import { getStoredDocument } from '../../openapi/systems';
import { storedApiDocument, type SystemImports } from '../../openapi/system-import';
import { defaultWorkerRunner, WorkerJobError, type WorkerRunner } from '../../platform/workers/runner';
import { fieldPathOf } from '../../sandbox/samples/field-path';
import type { Workspace } from '../../workspace/workspace';
import { resolveEntity } from '../entities';
import { getFlow } from '../flows';
import { listPairings } from '../pairings';
import { flowEntities } from '../sheet';
import { hasContent, listRows } from '../rows';
import { COMPOSED, type EvaluatedPayload, type RunUnit } from './evaluate';
import { evaluateJob, jobTimeMs, PAYLOAD_TIME_MS } from './evaluate-job';
import { flowProgram } from './generate';
import { escapePointerSegment } from '../../openapi/load/pointer';

export interface RunOptions {
  signal?: AbortSignal;
  workers?: WorkerRunner;
}

/** Everything a flow needs to run, read once: its rows, their expressions, both entities and the target's validator. */
export interface PreparedFlow {
  flowId: number;
  flowName: string;
  /** The objects inside the entities the rows' paths are relative to ('' for the entity itself). */
  sourceRoot: string;
  targetRoot: string;
  rows: MappingRow[];
  expressions: RowExpression[];
  units: RunUnit[];
  source: CatalogueEntity;
  target: CatalogueEntity;
  sourceSystemId: number;
  validator: PayloadValidator;
}

const validators = new Map<string, PayloadValidator>();

async function targetValidator(workspace: Workspace, systemId: number): Promise<PayloadValidator> {
  const stored = getStoredDocument(workspace, systemId);
  const key = `${workspace.path}\u0000${systemId}\u0000${stored.importedAt}`;
  let validator = validators.get(key);
  if (!validator) {
    validator = new PayloadValidator(await storedApiDocument(stored), { mode: 'open', direction: 'request' });
    if (validators.size > 20) validators.clear();
    validators.set(key, validator);
  }
  return validator;
}

export async function prepareFlow(workspace: Workspace, imports: SystemImports, flowId: number): Promise<PreparedFlow> {
  const flow = getFlow(workspace, flowId);
  const source = await resolveEntity(workspace, imports, flow.source);
  const target = await resolveEntity(workspace, imports, flow.target);
  const rows = listRows(workspace, flowId);
  const rooted = await flowEntities(workspace, imports, flow);
  const { expressions, units } = flowProgram(rows, rooted.target, listPairings(workspace, flowId));
  for (const [side, root] of [['source', flow.source.root], ['target', flow.target.root]] as const) {
    if (root.includes('[]')) throw new UserError('ROOT_IN_ARRAY', `The flow's ${side} is rooted inside an array (${root}): a preview runs flows rooted at an object only, for now; root it at the entity or an object.`);
  }
  return {
    flowId,
    flowName: flow.name,
    sourceRoot: flow.source.root,
    targetRoot: flow.target.root,
    rows,
    expressions,
    units,
    source: source.entity,
    target: target.entity,
    sourceSystemId: source.system.id,
    validator: await targetValidator(workspace, target.system.id),
  };
}

/** Runs the flow's rows on each payload in the worker: 1 s per payload from ready; a runaway names its row. */
export async function evaluateFlow(prepared: PreparedFlow, payloads: unknown[], options: RunOptions & { rowByRow?: boolean } = {}): Promise<EvaluatedPayload[]> {
  const progress = new SharedArrayBuffer(8);
  const runner = options.workers ?? defaultWorkerRunner;
  const inputs = prepared.sourceRoot === '' ? payloads : payloads.map((payload) => atPath(payload, prepared.sourceRoot));
  const timeoutMs = jobTimeMs(inputs);
  try {
    const evaluated = await runner.run(evaluateJob, { units: prepared.units, payloads: inputs, progress, rowByRow: options.rowByRow }, { signal: options.signal, timeoutMs });
    return prepared.targetRoot === '' ? evaluated : evaluated.map((each) => ({ ...each, target: underPath(each.target ?? {}, prepared.targetRoot) }));
  } catch (error) {
    if (!(error instanceof WorkerJobError) || (error.reason !== 'timeout' && error.reason !== 'out-of-memory')) throw error;
    const [payloadIndex, unitIndex] = new Int32Array(progress);
    // The rows ran composed into one expression: that payload again, row by row, names the one that ran away.
    if (!options.rowByRow && unitIndex === COMPOSED) {
      const again = await evaluateFlow(prepared, [payloads[payloadIndex!]], { ...options, rowByRow: true }).then(
        () => null,
        (failure: unknown) => failure,
      );
      if (again instanceof UserError && again.code === 'EXPRESSION_RUNAWAY' && payloads.length > 1) throw new UserError(again.code, again.message.replace(' and was stopped', ` on payload ${payloadIndex! + 1} and was stopped`));
      if (again) throw again;
    }
    const unit = prepared.units[unitIndex!];
    const row = prepared.rows.find((each) => each.id === unit?.rowId);
    const which = payloads.length > 1 ? ` on payload ${payloadIndex! + 1}` : '';
    const bound = timeoutMs === PAYLOAD_TIME_MS * Math.max(1, payloads.length) ? `${PAYLOAD_TIME_MS / 1000} s per payload` : `${timeoutMs / 1000} s (1 s per payload and 1 s per MB of payload)`;
    const cause = error.reason === 'timeout' ? `ran longer than ${bound}` : 'used more memory than expressions may';
    throw new UserError(
      'EXPRESSION_RUNAWAY',
      `${row ? `${row.mapId} (${row.targetPath})` : 'A row'}'s expression ${cause}${which} and was stopped: check it for endless recursion or a huge range.`,
    );
  }
}

/** The value at a dotted object path. */
const atPath = (value: unknown, path: string) => path.split('.').reduce<unknown>((at, key) => (isObject(at) ? at[key] : undefined), value);

/** `value` wrapped in the objects of a dotted path: `Employee` → { Employee: value }. */
const underPath = (value: unknown, path: string) => path.split('.').reduceRight<unknown>((inner, key) => ({ [key]: inner }), value);

const describeRow = (row: MappingRow) => `${row.mapId} (${row.targetPath})`;

/** The validator's findings and the rows' failures as problems, each tied to its row when one is to blame. */
export function problemsOf(prepared: PreparedFlow, source: unknown, evaluated: EvaluatedPayload): PreviewProblem[] {
  const rowsByTarget = new Map(prepared.rows.map((row) => [row.targetPath, row]));
  const byId = new Map(prepared.rows.map((row) => [row.id, row]));
  const problems: PreviewProblem[] = [];
  for (const entry of prepared.expressions) {
    if (entry.runs && entry.error) {
      const row = byId.get(entry.rowId)!;
      problems.push({ rowId: row.id, mapId: row.mapId, path: row.targetPath, pointer: '', keyword: 'expression', message: `${describeRow(row)}: the expression ${entry.error}` });
    }
  }
  for (const failure of evaluated.failures) {
    const row = byId.get(failure.rowId);
    if (!row) {
      problems.push({ rowId: null, mapId: null, path: '', pointer: '', keyword: 'expression', message: `A pairing's discriminator or filter failed: ${failure.message}` });
      continue;
    }
    problems.push({ rowId: row.id, mapId: row.mapId, path: row.targetPath, pointer: '', keyword: 'expression', message: `${describeRow(row)}: the expression failed: ${failure.message}` });
  }
  const target = evaluated.target ?? {};
  for (const finding of prepared.validator.validate(prepared.target.pointer, target)) {
    const fullPath = fieldPathOf(target, finding.pointer);
    const path = prepared.targetRoot === '' ? fullPath : fullPath.startsWith(`${prepared.targetRoot}.`) ? fullPath.slice(prepared.targetRoot.length + 1) : fullPath;
    // A finding on an object (a read-only object sent) is blamed on the first running row that fills it.
    const row = rowsByTarget.get(path) ?? prepared.units.map((unit) => byId.get(unit.rowId)!).find((each) => each.targetPath.startsWith(`${path}.`) || each.targetPath.startsWith(`${path}[]`));
    const keyword = finding.keyword === 'direction' ? 'readOnly' : finding.keyword;
    let message = finding.message;
    if (finding.keyword === 'required') {
      if (!row || row.status === 'rejected' || row.status === 'not_needed' || (!hasContent(row) && row.expression === null)) {
        message = `${finding.pointer} is required: no row fills this required field${row ? ` (${row.mapId} has no source, constant or default)` : ''}`;
      } else {
        message = `${finding.pointer} is required, but ${describeRow(row)} produced no value from this payload (its source is missing from it)`;
      }
    } else if (finding.keyword === 'enum' && row && row.mappingType === 'lookup') {
      message = `${finding.message}: the value map of ${row.mapId} has no entry for this value`;
    }
    if (row && row.targetPath !== path) message = `${message} (filled by ${describeRow(row)} and the other rows under it)`;
    problems.push({ rowId: row?.id ?? null, mapId: row?.mapId ?? null, path, pointer: finding.pointer, keyword, message });
  }
  return problems;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Every value at a catalogue path, with its pointer and the element index of each array it passed. */
function valuesAt(root: unknown, path: string): Array<{ pointer: string; indexes: number[]; value: unknown }> {
  let found: Array<{ pointer: string; indexes: number[]; value: unknown }> = [{ pointer: '', indexes: [], value: root }];
  const parts = path.split('[]');
  parts.forEach((part, i) => {
    const keys = part.split('.').filter((key) => key !== '');
    found = found.flatMap((item) => {
      let { value, pointer } = item;
      for (const key of keys) {
        if (!isObject(value) || !(key in value)) return [];
        value = value[key];
        pointer += `/${escapePointerSegment(key)}`;
      }
      if (i === parts.length - 1) return [{ ...item, value, pointer }];
      if (!Array.isArray(value)) return [];
      return value.map((element, index) => ({ pointer: `${pointer}/${index}`, indexes: [...item.indexes, index], value: element }));
    });
  });
  return found;
}

/** One source value read at the element indexes of the target value (the row's context arrays), or every match. */
function sourceValue(source: unknown, path: string, context: string[], indexes: number[]): { pointer: string; value: unknown } | undefined {
  const depth = context.filter((array) => path.startsWith(`${array}.`) || path === array).length;
  return valuesAt(source, path).find((item) => item.indexes.slice(0, depth).every((index, i) => index === indexes[i]));
}

/** Which row set each target value, and the source values that row read (at the same element). */
export function provenanceOf(prepared: PreparedFlow, source: unknown, target: unknown): ProvenanceEntry[] {
  const byId = new Map(prepared.rows.map((row) => [row.id, row]));
  const entries: ProvenanceEntry[] = [];
  const sourceRoot = prepared.sourceRoot === '' ? source : atPath(source, prepared.sourceRoot);
  const targetRoot = prepared.targetRoot === '' ? target : atPath(target, prepared.targetRoot);
  const prefix = prepared.targetRoot === '' ? '' : `/${prepared.targetRoot.split('.').map(escapePointerSegment).join('/')}`;
  const sourcePrefix = prepared.sourceRoot === '' ? '' : `/${prepared.sourceRoot.split('.').map(escapePointerSegment).join('/')}`;
  for (const unit of prepared.units) {
    const row = byId.get(unit.rowId);
    if (!row) continue;
    for (const value of valuesAt(targetRoot, row.targetPath)) {
      if (value.value === undefined) continue;
      entries.push({
        pointer: `${prefix}${value.pointer}`,
        rowId: row.id,
        mapId: row.mapId,
        sources: row.sourcePaths.map((path) => {
          const found = sourceValue(sourceRoot, path, unit.levels.map((level) => level.source), value.indexes);
          return { path, pointer: found ? `${sourcePrefix}${found.pointer}` : null, value: found?.value ?? null };
        }),
      });
    }
  }
  return entries;
}

/** The flow run on one payload: the target it builds, its problems and each value's provenance. */
export async function previewFlow(workspace: Workspace, imports: SystemImports, flowId: number, payload: unknown, options: RunOptions = {}): Promise<PreviewResult> {
  const prepared = await prepareFlow(workspace, imports, flowId);
  const [evaluated] = await evaluateFlow(prepared, [payload], options);
  const target = evaluated!.target ?? {};
  return { target, problems: problemsOf(prepared, payload, evaluated!), provenance: provenanceOf(prepared, payload, target) };
}


