import type { CatalogueEntity } from '../../shared/catalogue';
import { UserError } from '../errors';
import type { SystemImports } from '../openapi/system-import';
import type { Workspace } from '../workspace/workspace';
import { entityName } from './roots';

export interface EntityRef {
  system: string;
  entity: string;
}

/** `CRM:Order` (or `CRM:schema:Order`) → { system: 'CRM', entity: 'Order' }. */
export function parseEntityRef(text: string, what: string): EntityRef {
  const colon = text.indexOf(':');
  const system = colon > 0 ? text.slice(0, colon).trim() : '';
  const entity = colon > 0 ? text.slice(colon + 1).trim() : '';
  if (!system || !entity) throw new UserError('BAD_ENTITY_REF', `The ${what} must be written <system>:<entity> (e.g. CRM:Order), not "${text}".`);
  return { system, entity };
}

/** The key learned decisions are stored under: "<system>:<entity name>". */
export const entityKey = (ref: EntityRef) => `${ref.system}:${ref.entity}`;

/** A flow's side as the command line writes it: `CRM:Order`, or `Budget:PutTransactionWrapper › transaction` when rooted. */
export const sideRef = (side: EntityRef & { root?: string }) => `${side.system}:${entityName({ name: side.entity, root: side.root })}`;

export interface ResolvedEntity {
  system: { id: number; name: string };
  entity: CatalogueEntity;
}

/**
 * The entity, with its fields, from a system's catalogue. Accepts the entity's name (`Order`) or id
 * (`schema:Order`); named schemas win over inline bodies. Unknown names fail naming near matches.
 */
export async function resolveEntity(workspace: Workspace, imports: SystemImports, ref: EntityRef): Promise<ResolvedEntity> {
  const systems = workspace.read((db) => db.prepare('SELECT id, name FROM system ORDER BY id').all() as { id: number; name: string }[]);
  const system = systems.find((candidate) => candidate.name === ref.system) ?? systems.find((candidate) => candidate.name.toLowerCase() === ref.system.toLowerCase());
  if (!system) {
    throw new UserError(
      'SYSTEM_NOT_FOUND',
      `The workspace has no system named "${ref.system}"${systems.length ? `; it has ${systems.map((s) => `"${s.name}"`).join(', ')}` : ': add one first'}.`,
    );
  }
  const catalogue = await imports.catalogue(workspace, system.id);
  const ranked = [...catalogue.entities].sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'schema' ? -1 : 1));
  const wanted = ref.entity.toLowerCase();
  const found =
    ranked.find((entity) => entity.id === ref.entity) ??
    ranked.find((entity) => entity.name === ref.entity) ??
    ranked.find((entity) => entity.name.toLowerCase() === wanted || entity.id.toLowerCase() === wanted);
  if (!found) {
    const schemas = ranked.filter((entity) => entity.kind === 'schema');
    const near = schemas
      .filter((entity) => {
        const other = entity.name.toLowerCase();
        return other.includes(wanted) || wanted.includes(other) || other.startsWith(wanted.slice(0, 3));
      })
      .slice(0, 5);
    const listed = near.length ? `: did you mean ${near.map((e) => `"${e.name}"`).join(', ')}?` : `; it has ${schemas.slice(0, 8).map((e) => `"${e.name}"`).join(', ')}${schemas.length > 8 ? ', …' : ''}.`;
    throw new UserError('ENTITY_NOT_FOUND', `System ${system.name} has no entity named "${ref.entity}"${listed}`);
  }
  return { system, entity: await imports.entity(workspace, system.id, found.id) };
}
