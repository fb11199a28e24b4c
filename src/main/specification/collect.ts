import type { Catalogue, CatalogueEntity, CatalogueField } from '../../shared/catalogue';
import type { ArrayPairing, FlowDetail, MappingRow, RowExpression } from '../../shared/contract';
import { flowProgram } from '../mapping/expressions/generate';
import { isUserError } from '../errors';
import { checkRows, completeness, effectivelyRequired } from '../mapping/checks';
import { listPairingsIn } from '../mapping/pairings';
import { flowSides, flowVersions } from '../mapping/sheet';
import { underRoot } from '../mapping/roots';
import { getFlow, listFlows } from '../mapping/flows';
import { ensureRows, listRowsIn } from '../mapping/rows';
import type { SystemImports } from '../openapi/system-import';
import { listSystems } from '../openapi/systems';
import { defaultRedactor, looksSecret } from '../platform/redact';
import { driftReport } from '../sandbox/samples/drift';
import { sampledExamples } from '../sandbox/samples/sampled-examples';
import type { Workspace } from '../workspace/workspace';
import { listChangesIn, listSignOffIn } from './change-log';
import { getIntegration } from './integration';
import { listInputsIn } from './inputs';
import { listQuestionsIn, questionRef } from './questions';
import { describeScheme } from './requirement-inference';
import { listRequirements } from './requirements';
import {
  SPEC_FORMAT,
  SPEC_FORMAT_VERSION,
  type SpecDocument,
  type SpecEndpoint,
  type SpecFlow,
  type SpecMapping,
  type SpecPairing,
  type SpecSystem,
  type SpecTestCase,
} from './spec-document';
import type { SqliteDatabase } from '../workspace/sqlite';
import { listTestCasesIn, testCaseRef } from './test-cases';
import { listUseCasesIn } from './use-cases';

export const flowRef = (id: number) => `F-${id}`;

interface ResolvedFlow {
  flow: FlowDetail;
  source: CatalogueEntity | null;
  target: CatalogueEntity | null;
  /** Target field path → a value its saved samples showed, for the template's example column. */
  targetSampled: Map<string, string>;
  problem: string | null;
}

async function resolveFlows(workspace: Workspace, imports: SystemImports): Promise<ResolvedFlow[]> {
  const resolved: ResolvedFlow[] = [];
  for (const summary of listFlows(workspace)) {
    const flow = getFlow(workspace, summary.id);
    try {
      // Each side resolved once; the rows' paths are relative to the flow's roots.
      const sides = await flowSides(workspace, imports, flow);
      // Sampled values are keyed by the entity's paths: re-keyed relative to the flow's target root, as the rows are.
      const targetSampled = new Map<string, string>();
      for (const [path, value] of sampledExamples(workspace, sides.target.system.id, sides.target.entity)) {
        const relative = underRoot(flow.target.root, path);
        if (relative !== undefined) targetSampled.set(relative, value);
      }
      resolved.push({ flow, source: sides.source.rooted, target: sides.target.rooted, targetSampled, problem: null });
    } catch (error) {
      if (!isUserError(error)) throw error;
      resolved.push({ flow, source: null, target: null, targetSampled: new Map(), problem: error.message });
    }
  }
  return resolved;
}

const typeOf = (field: CatalogueField | undefined) => (field ? field.type + (field.type === 'array' && field.itemType ? ` of ${field.itemType}` : '') : 'unknown');

type FieldsByPath = Map<string, CatalogueField>;

const fieldsByPath = (entity: CatalogueEntity | null): FieldsByPath => new Map(entity?.fields.map((field) => [field.path, field]));

function discoveredSources(paths: string[], sourceFields: FieldsByPath): { discoveredSources?: string[] } {
  const discovered = paths.filter((path) => sourceFields.get(path)?.discovered);
  return discovered.length > 0 ? { discoveredSources: discovered } : {};
}

const valueText = (value: unknown) => (value === null ? 'null' : typeof value === 'object' ? JSON.stringify(value) : String(value));
const allowedValues = (field: CatalogueField | undefined) => (field?.enum ?? field?.itemEnum ?? []).map(valueText);

/** The document's example, a discovered field's first seen value, or the samples' most frequent one; never a credential's. */
function exampleOf(field: CatalogueField | undefined, sampled: Map<string, string>): string {
  if (!field || looksSecret(field.name)) return '';
  const example = field.example !== undefined ? valueText(field.example) : (field.discovered?.examples[0] ?? sampled.get(field.path) ?? '');
  return defaultRedactor.text(example.length > 200 ? `${example.slice(0, 199)}…` : example);
}

/** A runnable test case's payloads and last result, for the JSON spec (payloads never go into workbook cells). */
function runOf(db: SqliteDatabase, id: number, flowNames: Map<number, string>): { run?: SpecTestCase['run'] } {
  const row = db.prepare('SELECT flow_id, input_payload, expected_target, expected_checks, last_run_at, last_diff FROM test_case WHERE id = ? AND input_payload IS NOT NULL AND flow_id IS NOT NULL').get(id) as
    | { flow_id: number; input_payload: string; expected_target: string | null; expected_checks: string; last_run_at: string | null; last_diff: string }
    | undefined;
  if (!row) return {};
  return {
    run: {
      flow: flowNames.get(row.flow_id) ?? '',
      input: JSON.parse(row.input_payload),
      expectedTarget: row.expected_target === null ? null : JSON.parse(row.expected_target),
      expectedChecks: JSON.parse(row.expected_checks) as unknown[],
      lastRunAt: row.last_run_at,
      lastDiff: row.last_diff,
    },
  };
}

function specMapping(row: MappingRow, sourceFields: FieldsByPath, targetFields: FieldsByPath, targetSampled: Map<string, string>, questions: string[], pairIds: Map<number, string>, runs?: RowExpression): SpecMapping {
  const field = targetFields.get(row.targetPath);
  return {
    id: row.id,
    mapId: row.mapId,
    targetPath: row.targetPath,
    targetType: typeOf(field),
    targetFormat: field?.format ?? null,
    targetRequired: field ? effectivelyRequired(field, targetFields) : false,
    targetMaxLength: field?.maxLength ?? null,
    targetDescription: field?.description ?? '',
    targetAllowedValues: allowedValues(field),
    targetNullable: field?.nullable ?? false,
    targetExample: exampleOf(field, targetSampled),
    sourcePaths: row.sourcePaths,
    sourceDescriptions: row.sourcePaths.map((path) => sourceFields.get(path)?.description ?? ''),
    sourceAllowedValues: row.sourcePaths.map((path) => allowedValues(sourceFields.get(path))),
    sourceTypes: row.sourcePaths.map((path) => typeOf(sourceFields.get(path))),
    ...discoveredSources(row.sourcePaths, sourceFields),
    mappingType: row.mappingType,
    status: row.status,
    confidence: row.confidence,
    transformation: row.transformation,
    defaultValue: row.defaultValue,
    condition: row.condition,
    valueMap: row.valueMap,
    expression: runs?.expression ?? row.expression,
    expressionGenerated: runs?.generated ?? row.expression === null,
    expressionDisagreement: runs?.disagreement ?? '',
    notes: row.notes,
    owner: row.owner,
    questions,
    updatedAt: row.updatedAt,
    ...(row.pairingId !== null && pairIds.has(row.pairingId) ? { pairing: pairIds.get(row.pairingId)! } : {}),
  };
}

function specPairings(pairings: ArrayPairing[], rows: MappingRow[]): SpecPairing[] {
  const pairIds = new Map(pairings.map((pairing) => [pairing.id, pairing.pairId]));
  return pairings.map((pairing) => ({
    id: pairing.id,
    pairId: pairing.pairId,
    parent: pairing.parentId === null ? null : (pairIds.get(pairing.parentId) ?? null),
    targetPath: pairing.targetPath,
    sourcePath: pairing.sourcePath,
    discriminator: pairing.discriminator,
    filter: pairing.filter,
    status: pairing.status,
    confidence: pairing.confidence,
    notes: pairing.notes,
    mappings: rows.filter((row) => row.pairingId === pairing.id).map((row) => row.mapId),
  }));
}

function specSystem(system: { name: string; title: string; apiVersion: string; source: string; importedAt: string }, catalogue: Catalogue): SpecSystem {
  return {
    name: system.name,
    title: system.title,
    apiVersion: system.apiVersion,
    openapiVersion: catalogue.openapiVersion,
    source: system.source,
    importedAt: system.importedAt,
    servers: catalogue.servers.map((server) => ({ url: defaultRedactor.url(server.url), description: server.description ?? '', environment: server.environment })),
    auth: catalogue.securitySchemes.map((scheme) => ({ name: scheme.name, type: scheme.type, detail: describeScheme(scheme) })),
  };
}

/**
 * The operations the flows use: the one a flow reads (writes) with when the analyst chose it in Flow
 * details, otherwise every operation whose response (request) body is the flow's source (target) entity.
 */
function endpointsOf(flows: ResolvedFlow[], catalogues: Map<string, Catalogue>): SpecEndpoint[] {
  const endpoints = new Map<string, SpecEndpoint>();
  const use = (system: string, operation: Catalogue['operations'][number], flow: string, role: SpecEndpoint['usedBy'][number]['role'], rule?: string) => {
    const key = `${system}\u0000${operation.id}`;
    const endpoint = endpoints.get(key) ?? {
      system,
      method: operation.method.toUpperCase(),
      path: operation.path,
      operationId: operation.operationId ?? '',
      summary: operation.summary ?? '',
      usedBy: [],
    };
    if (!endpoint.usedBy.some((entry) => entry.flow === flow && entry.role === role)) endpoint.usedBy.push({ flow, role, ...(rule ? { rule } : {}) });
    endpoints.set(key, endpoint);
  };
  const add = (system: string, entity: CatalogueEntity | null, flow: string, role: SpecEndpoint['usedBy'][number]['role'], chosen: string | null, rule?: string) => {
    const catalogue = catalogues.get(system);
    if (!catalogue) return;
    if (chosen) {
      const operation = catalogue.operations.find((candidate) => candidate.id === chosen);
      if (operation) use(system, operation, flow, role, rule);
      return;
    }
    if (!entity) return;
    const wanted = role === 'reads source' ? 'response' : 'request';
    for (const found of entity.usedBy.filter((candidate) => candidate.role === wanted)) {
      const operation = catalogue.operations.find((candidate) => candidate.id === found.operation);
      if (operation) use(system, operation, flow, role);
    }
  };
  for (const { flow, source, target } of flows) {
    const { sourceOperation, targetOperation, writeMode, matchKey } = flow.endpoints;
    const rule = writeMode ? `${writeMode}${matchKey ? ` matched on ${matchKey}` : ''}` : undefined;
    add(flow.source.system, source, flowRef(flow.id), 'reads source', sourceOperation);
    add(flow.target.system, target, flowRef(flow.id), 'writes target', targetOperation, rule);
  }
  return [...endpoints.values()];
}

/**
 * The whole spec as one value, for the exports. Flows whose mapping rows were never created get
 * them now (as opening their sheet would), so every exported row has its Map ID.
 */
export async function collectSpec(workspace: Workspace, imports: SystemImports): Promise<SpecDocument> {
  const flows = await resolveFlows(workspace, imports);
  for (const { flow, source, target } of flows) {
    if (!source || !target) continue;
    await ensureRows(workspace, flow.id, source, target);
  }
  const systems = listSystems(workspace);
  const catalogues = new Map(await Promise.all(systems.map(async (system) => [system.name, await imports.catalogue(workspace, system.id)] as const)));
  const requirements = await listRequirements(workspace, imports);
  const integration = getIntegration(workspace);
  const drift = driftReport(workspace).rows.map(({ system, entity, field, kind, samples, firstSeen, lastSeen, example }) => ({ system, entity, field, kind, samples, firstSeen, lastSeen, example }));

  return workspace.read((db) => {
    const questions = listQuestionsIn(db);
    const questionsByMapId = new Map<string, string[]>();
    for (const question of questions) {
      if (question.mapId) questionsByMapId.set(question.mapId, [...(questionsByMapId.get(question.mapId) ?? []), questionRef(question.id)]);
    }
    const useCases = listUseCasesIn(db);
    const useCaseRefsById = new Map(useCases.map((useCase) => [useCase.id, useCase.ref]));
    const specFlows: SpecFlow[] = flows.map(({ flow, source, target, targetSampled, problem }) => {
      const rows = listRowsIn(db, flow.id);
      const [sourceFields, targetFields] = [fieldsByPath(source), fieldsByPath(target)];
      const pairings = listPairingsIn(db, flow.id);
      const pairIds = new Map(pairings.map((pairing) => [pairing.id, pairing.pairId]));
      const checks = source && target ? checkRows(rows, source, target, pairings, flowVersions(workspace, flow)) : [];
      const expressions = new Map(flowProgram(rows, target ?? undefined, pairings).expressions.map((entry) => [entry.rowId, entry]));
      if (problem) checks.unshift({ rowId: null, mapId: null, targetPath: '', kind: 'entity_missing', severity: 'error', message: problem });
      return {
        id: flow.id,
        ref: flowRef(flow.id),
        name: flow.name,
        useCase: flow.useCaseId !== null ? (useCaseRefsById.get(flow.useCaseId) ?? null) : null,
        source: flow.source,
        target: flow.target,
        trigger: flow.trigger,
        outcomes: flow.outcomes.map(({ kind, condition, handling }) => ({ kind, condition, handling })),
        completeness: completeness(rows),
        checks,
        mappings: rows.map((row) => specMapping(row, sourceFields, targetFields, targetSampled, questionsByMapId.get(row.mapId) ?? [], pairIds, expressions.get(row.id))),
        ...(Object.values(flow.endpoints).some((value) => value) ? { endpoints: flow.endpoints } : {}),
        ...(pairings.length > 0 ? { pairings: specPairings(pairings, rows) } : {}),
      };
    });
    const flowRefsByName = new Map(specFlows.map((flow) => [flow.name, flow.ref]));
    return {
      format: SPEC_FORMAT,
      formatVersion: SPEC_FORMAT_VERSION,
      generatedAt: new Date().toISOString(),
      integration: {
        name: integration.name,
        businessCase: integration.businessCase,
        status: integration.status,
        author: integration.author,
        specVersion: integration.specVersion,
        createdAt: integration.createdAt,
        updatedAt: integration.updatedAt,
      },
      systems: systems.map((system) => specSystem(system, catalogues.get(system.name)!)),
      useCases: useCases.map((useCase) => ({
        id: useCase.id,
        ref: useCase.ref,
        title: useCase.title,
        story: useCase.story,
        descoped: useCase.descoped,
        flows: useCase.flows.map((name) => flowRefsByName.get(name) ?? name),
      })),
      flows: specFlows,
      requirements,
      inputs: listInputsIn(db).map((input) => ({ ...input, defaultValue: input.kind === 'credential' ? '' : input.defaultValue })),
      testCases: listTestCasesIn(db).map((testCase) => ({
        id: testCase.id,
        ref: testCaseRef(testCase.id),
        title: testCase.title,
        useCase: testCase.useCaseId ? (useCaseRefsById.get(testCase.useCaseId) ?? null) : null,
        givenInput: testCase.givenInput,
        expectedResult: testCase.expectedResult,
        status: testCase.status,
        notes: testCase.notes,
        covers: testCase.covers,
        ...runOf(db, testCase.id, new Map(flows.map(({ flow }) => [flow.id, flow.name]))),
      })),
      questions: questions.map((question) => ({
        id: question.id,
        ref: questionRef(question.id),
        kind: question.kind,
        question: question.question,
        owner: question.owner,
        status: question.status,
        answer: question.answer,
        flow: question.flowId ? flowRef(question.flowId) : null,
        mapId: question.mapId,
        mentions: question.mentions,
        createdAt: question.createdAt,
        updatedAt: question.updatedAt,
      })),
      endpoints: endpointsOf(flows, catalogues),
      changeLog: listChangesIn(db).map(({ at, version, author, summary }) => ({ at, version, author, summary })),
      signOff: listSignOffIn(db),
      ...(drift.length > 0 ? { drift } : {}),
    };
  });
}
