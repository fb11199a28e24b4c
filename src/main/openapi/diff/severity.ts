import type { DiffSeverity } from '../../../shared/catalogue-diff';

const RANK: Record<DiffSeverity, number> = { info: 0, risky: 1, breaking: 2 };

/** The most severe of `severities` (info when there are none). */
export function worst(...severities: Array<DiffSeverity | { severity: DiffSeverity } | undefined>): DiffSeverity {
  let result: DiffSeverity = 'info';
  for (const item of severities) {
    if (item === undefined) continue;
    const severity = typeof item === 'string' ? item : item.severity;
    if (RANK[severity] > RANK[result]) result = severity;
  }
  return result;
}

export const SEVERITIES: readonly DiffSeverity[] = ['breaking', 'risky', 'info'];
