// Building catalogues and finding things in a diff, for the diff tests.
import type { Catalogue } from '../../../../src/shared/catalogue';
import type { CatalogueDiff, EntityChange, OperationChange } from '../../../../src/shared/catalogue-diff';
import { buildCatalogue } from '../../../../src/main/openapi/catalogue';
import { diffCatalogues } from '../../../../src/main/openapi/diff';
import { catalogueOf } from '../catalogue-helpers';

export const diffFixture = (name: string) => `tests/fixtures/openapi/diff/${name}`;

export async function diffOf(before: string, after: string): Promise<CatalogueDiff> {
  return diffCatalogues(await catalogueOf(diffFixture(before)), await catalogueOf(diffFixture(after)));
}

/** The catalogue of an OpenAPI 3.1 document with these schemas (and paths, if given). */
export function catalogueWith(schemas: Record<string, unknown>, paths: Record<string, unknown> = {}): Catalogue {
  return buildCatalogue({ openapi: '3.1.0', info: { title: 'T', version: '1' }, paths, components: { schemas } });
}

export function changedEntity(diff: CatalogueDiff, name: string): EntityChange {
  const found = diff.entities.changed.find((entity) => entity.name === name);
  if (!found) throw new Error(`No changed entity ${name}: ${diff.entities.changed.map((entity) => entity.name).join(', ')}`);
  return found;
}

export function changedOperation(diff: CatalogueDiff, id: string): OperationChange {
  const found = diff.operations.changed.find((operation) => operation.id === id);
  if (!found) throw new Error(`No changed operation ${id}: ${diff.operations.changed.map((operation) => operation.id).join(', ')}`);
  return found;
}

/** The aspect changes of one field, keyed by aspect. */
export function fieldChanges(entity: EntityChange, path: string) {
  const found = entity.fields.changed.find((field) => field.path === path);
  if (!found) throw new Error(`No changed field ${path} in ${entity.name}: ${entity.fields.changed.map((field) => field.path).join(', ')}`);
  return Object.fromEntries(found.changes.map((change) => [change.aspect, change]));
}
