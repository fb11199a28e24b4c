// Loading documents and finding things in a catalogue, for the catalogue tests.
import path from 'node:path';
import SwaggerParser from '@apidevtools/swagger-parser';
import type { Catalogue, CatalogueEntity, CatalogueField, CatalogueLimits, CatalogueOperation } from '../../../src/shared/catalogue';
import { buildCatalogue } from '../../../src/main/openapi/catalogue';

const root = path.resolve(__dirname, '../../..');

/** Parses (no $ref resolution, no validation) a document from the repository, as the import layer would. */
export async function parseDocument(relative: string): Promise<Record<string, unknown>> {
  return (await SwaggerParser.parse(path.join(root, relative))) as unknown as Record<string, unknown>;
}

export async function catalogueOf(relative: string, limits?: Partial<CatalogueLimits>): Promise<Catalogue> {
  return buildCatalogue(await parseDocument(relative), limits);
}

export const fixture = (name: string) => `tests/fixtures/openapi/${name}`;

export function entity(catalogue: Catalogue, name: string, kind: CatalogueEntity['kind'] = 'schema'): CatalogueEntity {
  const found = catalogue.entities.find((candidate) => candidate.name === name && candidate.kind === kind);
  if (!found) throw new Error(`No ${kind} entity "${name}" in ${catalogue.entities.map((candidate) => candidate.id).join(', ')}`);
  return found;
}

export function field(owner: CatalogueEntity, path: string): CatalogueField {
  const found = owner.fields.find((candidate) => candidate.path === path);
  if (!found) throw new Error(`No field "${path}" in ${owner.name}: ${owner.fields.map((candidate) => candidate.path).join(', ')}`);
  return found;
}

export const paths = (owner: CatalogueEntity) => owner.fields.map((candidate) => candidate.path);

export function operation(catalogue: Catalogue, operationId: string): CatalogueOperation {
  const found = catalogue.operations.find((candidate) => candidate.operationId === operationId);
  if (!found) throw new Error(`No operation ${operationId}`);
  return found;
}

/**
 * Problems with the tree the flat list describes: paths unique, every parent listed before its
 * children, depth = parent's depth + 1, `leaf` exactly when nothing is listed under the field,
 * children's paths extend the parent's path.
 */
export function treeProblems(owner: CatalogueEntity): string[] {
  const problems: string[] = [];
  const seen = new Map<string, CatalogueField>();
  const hasChildren = new Set<string>();
  for (const current of owner.fields) {
    if (seen.has(current.path)) problems.push(`${current.path} listed twice`);
    if (current.parent === undefined) {
      if (current.depth !== 0) problems.push(`${current.path} has no parent but depth ${current.depth}`);
    } else {
      const parent = seen.get(current.parent);
      if (!parent) problems.push(`${current.path}: parent ${current.parent} not listed before it`);
      else {
        hasChildren.add(parent.path);
        if (current.depth !== parent.depth + 1) problems.push(`${current.path}: depth ${current.depth}, parent's ${parent.depth}`);
        const expected = new RegExp(`^${parent.path.replace(/[.[\]]/g, '\\$&')}(\\[\\])*\\.${current.name.replace(/[.[\]$]/g, '\\$&')}$`);
        if (!expected.test(current.path)) problems.push(`${current.path} does not extend ${parent.path}`);
      }
    }
    seen.set(current.path, current);
  }
  for (const current of owner.fields) {
    if (current.leaf === hasChildren.has(current.path)) problems.push(`${current.path}: leaf ${current.leaf} but ${hasChildren.has(current.path) ? 'has' : 'has no'} children`);
  }
  return problems;
}
