import type { CatalogueDiff, DiffSeverity, DiffSummary } from '../../../shared/catalogue-diff';
import { worst } from './severity';

/** Counts reported items by severity (see "Conventions" in src/shared/catalogue-diff.ts). */
export function summarize(diff: Omit<CatalogueDiff, 'summary'>): DiffSummary {
  const severities: DiffSeverity[] = [];
  const count = (items: Array<{ severity: DiffSeverity }>) => severities.push(...items.map((item) => item.severity));
  count(diff.entities.added);
  count(diff.entities.removed);
  for (const entity of diff.entities.changed) {
    if (entity.root.length > 0) severities.push(worst(...entity.root));
    count(entity.fields.added);
    count(entity.fields.removed);
    count(entity.fields.changed);
    count(entity.fields.renamed);
  }
  for (const group of [diff.operations, diff.securitySchemes, diff.servers]) {
    count(group.added);
    count(group.removed);
    count(group.changed);
  }
  const summary: DiffSummary = { breaking: 0, risky: 0, info: 0, total: severities.length };
  for (const severity of severities) summary[severity]++;
  return summary;
}
