import path from 'node:path';
import type { WorkbookChange } from '../../../shared/contract';
import { SystemImports } from '../../openapi/system-import';
import { collectSpec } from '../../specification/collect';
import { applyWorkbookChanges } from '../../specification/workbook/apply-workbook';
import { previewWorkbook, type WorkbookPreview } from '../../specification/workbook/read-workbook';
import { openWorkspace } from '../../workspace/workspace';
import type { Services } from '../../platform/services';
import type { Flags, Io } from '../io';
import { UsageError } from '../usage';

/**
 * `crosswalk import-xlsx <workspace> <file> [--apply [--take-workbook]] [--json]`: reads a workbook a
 * stakeholder edited and prints what differs from the workspace. With --apply it applies the edits and
 * new questions; conflicts (changed in both places since the export) only with --take-workbook too.
 */
export async function importXlsxCommand([file, workbook, ...extra]: string[], flags: Flags, io: Io, services: Services): Promise<number> {
  if (!file || !workbook || extra.length > 0) throw new UsageError('import-xlsx takes the workspace file and the workbook (.xlsx) to read.');
  if (flags.takeWorkbook && !flags.apply) throw new UsageError('--take-workbook applies conflicts, so it goes with --apply.');
  const workspace = await openWorkspace(file);
  try {
    const report = await previewWorkbook(workspace, await collectSpec(workspace, new SystemImports(services)), workbook);
    const chosen = report.changes.filter((change) => change.kind !== 'conflict' || flags.takeWorkbook).map((change) => change.id);
    const result = flags.apply ? applyWorkbookChanges(workspace, report, chosen) : null;
    if (flags.json) {
      const { plan: _, ...shown } = report;
      io.out(JSON.stringify({ ...shown, applied: result }));
      return 0;
    }
    printReport(report, io);
    const conflicts = report.changes.filter((change) => change.kind === 'conflict').length;
    if (!result) {
      if (report.changes.length > 0) {
        io.out(
          `Nothing applied: run again with --apply to apply the edits and new questions` +
            (conflicts > 0 ? `; conflicts are applied only with --apply --take-workbook (the workbook's value replaces the app's).` : '.'),
        );
      }
      return 0;
    }
    io.out(`Applied ${plural(result.applied, 'change')}${result.skipped > 0 ? `, skipped ${result.skipped} (changed or deleted in Crosswalk meanwhile)` : ''}.`);
    if (conflicts > 0 && !flags.takeWorkbook) io.out(`${plural(conflicts, 'conflict')} left as Crosswalk has ${conflicts === 1 ? 'it' : 'them'}: add --take-workbook to take the workbook's ${conflicts === 1 ? 'value' : 'values'}.`);
    return 0;
  } finally {
    workspace.close();
  }
}

const plural = (count: number, one: string) => `${count} ${one}${count === 1 ? '' : 's'}`;

const shown = (value: string | null) => {
  if (value === null || value === '') return '(empty)';
  const line = value.replace(/\n/g, ' ⏎ ');
  return line.length > 60 ? `${line.slice(0, 60)}…` : line;
};

function describe(change: WorkbookChange): string {
  if (change.kind === 'new') return `${change.record}: ${shown(change.workbook)} (new)`;
  const from = shown(change.exported ?? change.current);
  const what = `${change.record} ${change.field}: ${from} → ${shown(change.workbook)}`;
  return change.kind === 'conflict' ? `${what} (conflict: Crosswalk now has ${shown(change.current)})` : `${what} (edit)`;
}

function printReport(report: WorkbookPreview, io: Io) {
  const origin = report.exportId
    ? `exported from this workspace on ${report.exportedAt!.slice(0, 16).replace('T', ' ')}`
    : 'from an export this workspace has no record of: every difference is compared with the workspace as it is now';
  io.out(`Workbook ${path.basename(report.file)}, ${origin}.`);
  const sheets = [...new Set(report.changes.map((change) => change.sheet))];
  for (const sheet of sheets) {
    io.out(sheet);
    for (const change of report.changes.filter((candidate) => candidate.sheet === sheet)) io.out(`  ${describe(change)}`);
  }
  if (report.unreadable.length > 0) {
    io.out('Could not read:');
    for (const problem of report.unreadable) {
      const where = `${problem.sheet}!${problem.cell}`;
      io.out(`  ${problem.message.includes(where) ? '' : `${where}: `}${problem.message}`);
    }
  }
  const count = (kind: WorkbookChange['kind']) => report.changes.filter((change) => change.kind === kind).length;
  io.out(
    report.changes.length === 0
      ? `No changes${report.unreadable.length > 0 ? `; ${plural(report.unreadable.length, 'cell')} could not be read` : ''}.`
      : `${plural(count('edit'), 'edit')}, ${plural(count('conflict'), 'conflict')}, ${plural(count('new'), 'new question')}` +
          (report.unreadable.length > 0 ? `; ${plural(report.unreadable.length, 'cell')} could not be read.` : '.'),
  );
}
