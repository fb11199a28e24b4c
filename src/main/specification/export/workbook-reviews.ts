import { randomUUID } from 'node:crypto';
import type { WorkbookReport } from '../../../shared/contract';
import { UserError } from '../../errors';
import type { SystemImports } from '../../openapi/system-import';
import type { Workspace } from '../../workspace/workspace';
import { collectSpec } from '../collect';
import { applyWorkbookChanges } from '../workbook/apply-workbook';
import { previewWorkbook, type WorkbookPreview } from '../workbook/read-workbook';

const KEPT_PREVIEWS = 10;

/**
 * Workbooks read back and waiting for the analyst's choice. A preview applies only to the workspace
 * it was made in; the oldest are forgotten once there are more than a few.
 */
export class WorkbookReviews {
  private readonly previews = new Map<string, { workspace: string; preview: WorkbookPreview }>();

  async preview(workspace: Workspace, imports: SystemImports, file: string): Promise<WorkbookReport> {
    const preview = await previewWorkbook(workspace, await collectSpec(workspace, imports), file);
    const previewId = randomUUID();
    this.previews.set(previewId, { workspace: workspace.path, preview });
    for (const old of [...this.previews.keys()].slice(0, -KEPT_PREVIEWS)) this.previews.delete(old);
    const { plan: _plan, ...report } = preview;
    return { previewId, ...report };
  }

  apply(workspace: Workspace, previewId: string, changeIds: string[]): { applied: number; skipped: number } {
    const found = this.previews.get(previewId);
    if (!found || found.workspace !== workspace.path) {
      throw new UserError('PREVIEW_EXPIRED', 'This workbook preview is no longer available (another workspace was opened, or it is too old): read the workbook again.');
    }
    const result = applyWorkbookChanges(workspace, found.preview, changeIds);
    this.previews.delete(previewId);
    return result;
  }
}
