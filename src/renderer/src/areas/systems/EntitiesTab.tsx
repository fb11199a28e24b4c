// The Entities tab: the searchable entity list on the left, the open entity's field tree on the right.
import { useCallback, useMemo, useState } from 'react';
import type { Catalogue } from '../../../../shared/catalogue';
import type { SystemSummary } from '../../../../shared/contract';
import { EmptyState } from '../../components/EmptyState';
import { BoxIcon } from '../../components/icons';
import { EntityDetail } from './EntityDetail';
import { EntityList, type EntityKindFilter, type EntityRow } from './EntityList';

interface EntitiesTabProps {
  system: SystemSummary;
  catalogue: Catalogue;
  /** The entity in the address, if any. */
  entityId: string | null;
  onOpenEntity: (entityId: string) => void;
  onOpenOperation: (operationId: string) => void;
}

export function EntitiesTab({ system, catalogue, entityId, onOpenEntity, onOpenOperation }: EntitiesTabProps) {
  const [listQuery, setListQuery] = useState('');
  const [kind, setKind] = useState<EntityKindFilter>('all');
  /** The field search belongs to one entity: another one starts without (or with what found it). */
  const [fieldSearch, setFieldSearch] = useState({ entityId: '', query: '' });
  const [expanded, setExpanded] = useState<ReadonlyMap<string, ReadonlySet<string>>>(new Map());

  const byId = useMemo(() => new Map(catalogue.entities.map((entity) => [entity.id, entity])), [catalogue]);
  const entity = (entityId ? byId.get(entityId) : undefined) ?? catalogue.entities[0];

  const fieldQuery = entity && fieldSearch.entityId === entity.id ? fieldSearch.query : '';
  const setFieldQuery = useCallback((query: string) => entity && setFieldSearch({ entityId: entity.id, query }), [entity]);

  const schemaEntityId = useCallback((name: string) => (byId.has(`schema:${name}`) ? `schema:${name}` : undefined), [byId]);

  const open = (row: EntityRow) => {
    // Found through one of its fields: open it with that field in view.
    if (row.fieldMatch) setFieldSearch({ entityId: row.entity.id, query: row.query });
    onOpenEntity(row.entity.id);
  };

  const setEntityExpanded = useCallback(
    (paths: ReadonlySet<string>) => {
      if (!entity) return;
      setExpanded((current) => new Map(current).set(entity.id, paths));
    },
    [entity],
  );

  if (!entity) {
    return (
      <EmptyState icon={BoxIcon} title="This document defines no entities">
        <p>
          It has no named schemas (<code>components/schemas</code> or <code>definitions</code>) and no operation with a
          request or response body, so there are no fields to map. Check that this is the right document, or re-import a
          fuller version from the provider.
        </p>
      </EmptyState>
    );
  }

  return (
    <div className="entities-tab">
      <EntityList
        entities={catalogue.entities}
        selectedId={entity.id}
        query={listQuery}
        onQuery={setListQuery}
        kind={kind}
        onKind={setKind}
        onOpen={open}
      />
      <EntityDetail
        key={entity.id}
        system={system}
        entity={entity}
        expanded={expanded.get(entity.id)}
        onExpanded={setEntityExpanded}
        query={fieldQuery}
        onQuery={setFieldQuery}
        onOpenOperation={onOpenOperation}
        schemaEntityId={schemaEntityId}
        onOpenEntity={onOpenEntity}
      />
    </div>
  );
}
