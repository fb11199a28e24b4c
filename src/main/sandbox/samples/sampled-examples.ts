// An example value per field of an entity, from its saved response samples: the most frequent value each
// field showed. For the template columns of the spec, where a document gives no example of its own.
import type { CatalogueEntity } from '../../../shared/catalogue';
import type { Workspace } from '../../workspace/workspace';
import { profileRecords } from './profile';
import { recordsOf } from './sample-records';

const MAX_SAMPLES = 20;
const MAX_EXAMPLE_LENGTH = 80;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Field path → the value the entity's latest samples showed most often, as text. Empty when it has no samples. */
export function sampledExamples(workspace: Workspace, systemId: number, entity: CatalogueEntity): Map<string, string> {
  const bodies = workspace.read((db) => {
    const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sandbox_sample'").get();
    if (!exists) return [];
    return db
      .prepare("SELECT body FROM sandbox_sample WHERE system_id = ? AND entity = ? AND direction = 'response' ORDER BY id DESC LIMIT ?")
      .all(systemId, entity.id, MAX_SAMPLES) as Array<{ body: string }>;
  });
  if (bodies.length === 0) return new Map();
  const topLevel = new Set(entity.fields.filter((field) => field.depth === 0).map((field) => field.name));
  const records = bodies.flatMap(({ body }) => {
    const value = JSON.parse(body) as unknown;
    // One record, unless the body's own keys are not the entity's (a list page wrapping its records).
    if (isObject(value) && Object.keys(value).some((key) => topLevel.has(key))) return [value];
    return recordsOf(value) ?? [];
  });
  const examples = new Map<string, string>();
  for (const field of profileRecords(records, { topValues: 1 }).fields) {
    const top = field.top[0];
    if (top && top.value !== '') examples.set(field.path, top.value.slice(0, MAX_EXAMPLE_LENGTH));
  }
  return examples;
}
