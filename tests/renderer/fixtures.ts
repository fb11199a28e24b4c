// Contract records for the renderer's tests: a value for every field, `extra` for what a test is about.
import type { FlowDetail, MappingCheck, MappingRow } from '../../src/shared/contract';

export { field } from '../helpers/catalogue-fields';

export function mappingRow(id: number, extra: Partial<MappingRow> = {}): MappingRow {
  return {
    id,
    mapId: `M-${String(id).padStart(4, '0')}`,
    flowId: 1,
    targetPath: `field${id}`,
    sourcePaths: [],
    mappingType: 'direct',
    status: 'needs_decision',
    confidence: null,
    transformation: '',
    defaultValue: null,
    valueMap: [],
    condition: '',
    notes: '',
    owner: '',
    updatedAt: '2025-01-01T00:00:00.000Z',
    review: null,
    pairingId: null,
    expression: null,
    expressionDrift: false,
    ...extra,
  };
}

export function check(rowId: number | null, kind: MappingCheck['kind'], severity: MappingCheck['severity'] = 'error'): MappingCheck {
  return { rowId, mapId: rowId === null ? null : `M-${rowId}`, targetPath: `field${rowId}`, kind, severity, message: kind };
}

export function flowDetail(id: number, extra: Partial<FlowDetail> = {}): FlowDetail {
  return {
    id,
    name: `Flow ${id}`,
    useCase: null,
    useCaseId: null,
    source: { system: 'CRM', entity: 'Order', root: '' },
    target: { system: 'Accounting', entity: 'Invoice', root: '' },
    trigger: { kind: 'event', detail: '' },
    mappings: { total: 0, accepted: 0 },
    endpoints: { sourceOperation: null, targetOperation: null, writeMode: null, matchKey: '' },
    outcomes: [],
    ...extra,
  };
}
