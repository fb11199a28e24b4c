// A top-level object named after the record with one qualifier (`draftTimeOff` and `sharedTimeOff` on timeOff,
// `previousOrder` on Order) is a version of the record itself: its leaves read as the record's own
// (`draftTimeOff.startDateTime` as `startDateTime`), not as another object's. Paths stay as the entity writes them.
import type { CatalogueEntity } from '../../../shared/catalogue';
import type { PathView } from './naming-views';
import { normalWords } from './tokens';

/** Words API documents add to a record's name (`TimeOffModel`): not what the record is. */
const NAME_SUFFIXES = new Set(['model', 'dto', 'response', 'request', 'resource', 'entity', 'object', 'schema', 'detail', 'details', 'data', 'info']);

/** Adds to `views` the leaves of the record's versions, read without the version's object. */
export function withRecordVersions(entity: CatalogueEntity, views: Map<string, PathView>): Map<string, PathView> {
  const recordWords = normalWords(entity.name.split('.').pop()!);
  while (recordWords.length > 1 && NAME_SUFFIXES.has(recordWords[recordWords.length - 1]!)) recordWords.pop();
  if (recordWords.length === 0) return views;
  const paths = new Set(entity.fields.map((field) => views.get(field.path)?.path ?? field.path));
  for (const field of entity.fields) {
    const view = views.get(field.path) ?? { path: field.path, parent: field.parent };
    const segments = view.path.split('.');
    if (segments.length !== 2 || segments[0]!.endsWith('[]')) continue;
    const words = normalWords(segments[0]!);
    if (words.length !== recordWords.length + 1 || words.slice(1).join(' ') !== recordWords.join(' ')) continue;
    // The record's own field of that name wins: `startDateTime` beside `draftTimeOff.startDateTime` keeps both apart.
    if (paths.has(segments[1]!)) continue;
    views.set(field.path, { ...view, path: segments[1]!, parent: undefined });
  }
  return views;
}
