// What changed between two catalogues of one API, and which mapping rows that affects.
// Pure: catalogues in, plain data out (types in src/shared/catalogue-diff.ts).
import type { Catalogue } from '../../../shared/catalogue';
import type { CatalogueDiff } from '../../../shared/catalogue-diff';
import { diffEntities } from './entities';
import { diffOperations } from './operations';
import { diffSecuritySchemes } from './security';
import { diffServers } from './servers';
import { summarize } from './summary';

export { mappingImpact } from './mapping-impact';
export { formatDiffReport } from './text-report';

/** What changed from `before` to `after` (an older and a newer catalogue of the same API), each change with its severity. */
export function diffCatalogues(before: Catalogue, after: Catalogue): CatalogueDiff {
  const parts = {
    entities: diffEntities(before.entities, after.entities),
    operations: diffOperations(before.operations, after.operations, {
      before: (id) => before.entities.find((entity) => entity.id === id),
      after: (id) => after.entities.find((entity) => entity.id === id),
    }),
    securitySchemes: diffSecuritySchemes(before.securitySchemes, after.securitySchemes),
    servers: diffServers(before.servers, after.servers),
  };
  return { summary: summarize(parts), ...parts };
}
