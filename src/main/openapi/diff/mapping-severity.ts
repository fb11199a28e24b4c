// A change that breaks mapping rows is breaking, whatever it would be on its own (a rename candidate is
// risky until rows use the field): the diff's items and summary are raised to match the impact.
import type { CatalogueDiff, EntityChange, MappingImpact } from '../../../shared/catalogue-diff';
import { worst } from './severity';
import { summarize } from './summary';

const isAt = (path: string, field: string) => path === field || path.startsWith(`${field}.`) || path.startsWith(`${field}[]`);

/** `diff` with every item behind a broken mapping row made breaking, and the summary counted again. */
export function withMappingBreaks(diff: CatalogueDiff, impacts: readonly MappingImpact[]): CatalogueDiff {
  const broken = impacts.filter((impact) => impact.status === 'broken');
  if (broken.length === 0) return diff;
  const changed: EntityChange[] = diff.entities.changed.map((entity) => {
    const paths = broken
      .filter((impact) => impact.reference.entity === entity.id || impact.reference.entity === entity.name)
      .map((impact) => impact.reference.path);
    if (paths.length === 0) return entity;
    const breaks = (field: string) => paths.some((path) => isAt(path, field));
    const fields = {
      ...entity.fields,
      renamed: entity.fields.renamed.map((rename) => (breaks(rename.from.path) ? { ...rename, severity: 'breaking' as const } : rename)),
      changed: entity.fields.changed.map((change) =>
        breaks(change.path) && change.changes.some((aspect) => aspect.severity !== 'info') ? { ...change, severity: 'breaking' as const } : change,
      ),
    };
    return { ...entity, fields, severity: worst(entity.severity, ...fields.renamed, ...fields.changed) };
  });
  const { summary: _summary, ...parts } = { ...diff, entities: { ...diff.entities, changed } };
  return { ...parts, summary: summarize(parts) };
}
