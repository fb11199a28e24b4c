// Contract records for the renderer's tests: a value for every field, `extra` for what a test is about.
import type { CatalogueField } from '../../src/shared/catalogue';
import type { FlowDetail, MappingCheck, MappingRow } from '../../src/shared/contract';

/** A field at a dotted path (`customer.address.city`): a string leaf unless `extra` says otherwise. */
export function field(path: string, extra: Partial<CatalogueField> = {}): CatalogueField {
  const segments = path.split('.');
  return {
    path,
    name: segments.at(-1)!.replace(/\[\]/g, ''),
    ...(segments.length > 1 ? { parent: segments.slice(0, -1).join('.') } : {}),
    depth: segments.length - 1,
    type: 'string',
    nullable: false,
    readOnly: false,
    writeOnly: false,
    deprecated: false,
    required: false,
    leaf: true,
    ...extra,
  };
}

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
    source: { system: 'CRM', entity: 'Order' },
    target: { system: 'Accounting', entity: 'Invoice' },
    trigger: { kind: 'event', detail: '' },
    mappings: { total: 0, accepted: 0 },
    outcomes: [],
    ...extra,
  };
}
