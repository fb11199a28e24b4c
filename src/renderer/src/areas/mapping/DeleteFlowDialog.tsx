// Asks before a flow is deleted. The delete can be undone at once, or the flow restored later from the
// Data flows page's "Deleted flows" (main keeps it whole).
import type { CallOutput, FlowSummary } from '../../../../shared/contract';
import { api } from '../../api/client';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useDialogAction } from '../../components/dialog-action';
import { plural } from '../../format';
import { useApp } from '../../state/app-context';
import { useCallCache } from '../../state/queries';

export type DeletedFlow = CallOutput<'flows.delete'>;

interface DeleteFlowDialogProps {
  flow: FlowSummary;
  rows: number;
  onClose: () => void;
  onDeleted: (deleted: DeletedFlow) => void;
}

export function DeleteFlowDialog({ flow, rows, onClose, onDeleted }: DeleteFlowDialogProps) {
  const { trackSave, refreshWorkspace } = useApp();
  const cache = useCallCache();
  const { busy, error, run } = useDialogAction();

  const remove = () =>
    run(async () => {
      const deleted = await trackSave(api['flows.delete']({ id: flow.id }));
      cache.update('flows.list', {}, (flows) => flows.filter((each) => each.id !== flow.id));
      cache.invalidate('flows.deleted');
      cache.invalidate('useCases.list');
      void refreshWorkspace();
      onDeleted(deleted);
    });

  return (
    <ConfirmDialog
      title={`Delete “${flow.name}”?`}
      subtitle={`${flow.source.system} · ${flow.source.entity} → ${flow.target.system} · ${flow.target.entity}`}
      size="md"
      busy={busy}
      error={error}
      confirm={busy ? 'Deleting…' : 'Delete flow'}
      onConfirm={() => void remove()}
      onClose={onClose}
    >
      <p>
        Its {plural(rows, 'mapping row')}, outcomes and links to questions and test cases go with it. You can undo right after, or restore it later from{' '}
        <strong>Deleted flows</strong> on the Data flows page.
      </p>
    </ConfirmDialog>
  );
}
