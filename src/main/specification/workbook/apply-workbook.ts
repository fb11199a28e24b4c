import path from 'node:path';
import { UserError } from '../../errors';
import type { Workspace } from '../../workspace/workspace';
import { getRowIn, learnFromStatusIn } from '../../mapping/rows';
import { logChangeIn } from '../change-log';
import type { PlannedChange } from './change-report';
import type { WorkbookPreview } from './read-workbook';
import { storedValue, storeValue } from './records';

/**
 * Applies exactly the listed changes of a preview, in one transaction, and notes them in the change
 * log. A change whose record was deleted in the app since, or whose field was changed in the app since
 * the preview, is skipped and counted: nothing typed in the app is overwritten unless its conflict
 * was listed, and then only as it stood when the analyst saw it.
 */
export function applyWorkbookChanges(workspace: Workspace, report: WorkbookPreview, changeIds: string[]): { applied: number; skipped: number } {
  const planned = new Map(report.plan.map((change) => [change.id, change]));
  const wanted = [...new Set(changeIds)];
  const unknown = wanted.filter((id) => !planned.has(id));
  if (unknown.length > 0) {
    throw new UserError(
      'UNKNOWN_CHANGE',
      `${unknown.length === 1 ? 'Change' : `${unknown.length} changes, e.g.`} "${unknown[0]!.slice(0, 100)}" ${unknown.length === 1 ? 'is' : 'are'} not in this workbook's report: preview the workbook again and pick from its changes.`,
    );
  }
  if (wanted.length === 0) return { applied: 0, skipped: 0 };
  return workspace.write((db) => {
    const now = new Date().toISOString();
    const counts = { edit: 0, conflict: 0, new: 0, skipped: 0 };
    const answered = new Set<string>();
    const statusSet = new Set<string>();
    for (const id of wanted) {
      const change = planned.get(id)!;
      if (apply(change)) counts[change.type === 'newQuestion' ? 'new' : change.change]++;
      else counts.skipped++;
    }
    // An answer given in the workbook answers an open question, unless the workbook set its status too.
    const markAnswered = db.prepare("UPDATE open_question SET status = 'answered', updated_at = ? WHERE id = ? AND status = 'open'");
    for (const id of answered) if (!statusSet.has(id)) markAnswered.run(now, id);
    const applied = counts.edit + counts.conflict + counts.new;
    if (applied > 0 || counts.skipped > 0) logChangeIn(db, summary(path.basename(report.file), counts));
    return { applied, skipped: counts.skipped };

    function apply(change: PlannedChange): boolean {
      if (change.type === 'newQuestion') {
        const { kind, question, owner, status, answer, flowId, mappingId } = change.question;
        const flow = flowId !== null && db.prepare('SELECT 1 FROM data_flow WHERE id = ?').get(flowId) ? flowId : null;
        const mapping = mappingId !== null && db.prepare('SELECT 1 FROM field_mapping WHERE id = ?').get(mappingId) ? mappingId : null;
        db.prepare(
          'INSERT INTO open_question (kind, question, owner, status, answer, flow_id, mapping_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
        ).run(kind, question, owner, status, answer, flow, mapping, now, now);
        return true;
      }
      const stored = storedValue(db, change.kind, change.key, change.field);
      if (stored === undefined) return false;
      if (stored !== null && stored !== change.expected) return false;
      const before = change.kind === 'mapping' && change.field === 'status' ? (getRowIn(db, Number(change.key)).status) : null;
      if (!storeValue(db, change.kind, change.key, change.field, change.value, now)) return false;
      if (before) learnFromStatusIn(db, Number(change.key), before);
      if (change.kind === 'question' && change.field === 'answer' && change.value.trim()) answered.add(change.key);
      if (change.kind === 'question' && change.field === 'status') statusSet.add(change.key);
      return true;
    }
  });
}

function summary(file: string, counts: { edit: number; conflict: number; new: number; skipped: number }): string {
  const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
  const parts = [
    counts.edit > 0 ? count(counts.edit, 'edit') : '',
    counts.conflict > 0 ? `${count(counts.conflict, 'conflict')} resolved in favour of the workbook` : '',
    counts.new > 0 ? count(counts.new, 'new question') : '',
  ].filter(Boolean);
  const applied = parts.length > 0 ? `${parts.join(', ')} applied` : 'nothing applied';
  const skipped = counts.skipped > 0 ? ` (${count(counts.skipped, 'change')} skipped: changed or deleted in Crosswalk since the preview)` : '';
  return `Workbook ${file}: ${applied}${skipped}`;
}
