import type { CatalogueEntity, CatalogueField } from '../../src/shared/catalogue';

/** A leaf field at a path (`billing.city`, `lines[].amount`): a string unless `extra` says otherwise. */
export function field(pathText: string, extra: Partial<CatalogueField> = {}): CatalogueField {
  const segments = pathText.split('.');
  return {
    path: pathText,
    name: segments[segments.length - 1]!.replace(/\[\]/g, ''),
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

/** A named schema holding these fields. */
export function entity(name: string, fields: CatalogueField[]): CatalogueEntity {
  return {
    id: `schema:${name}`,
    kind: 'schema',
    name,
    pointer: `#/components/schemas/${name}`,
    shape: { type: 'object', nullable: false, readOnly: false, writeOnly: false, deprecated: false },
    fields,
    usedBy: [],
  };
}
