// The flow's lifecycle from its screen: re-point it to other entities or roots, repair it after a
// re-import, delete it. One menu in the header; each action in its own dialog.
import { useState } from 'react';
import type { FlowDetail } from '../../../../shared/contract';
import { ChevronDownIcon } from '../../components/icons';
import { MenuButton } from '../../components/MenuButton';
import { DeleteFlowDialog, type DeletedFlow } from './DeleteFlowDialog';
import { RepairDialog, repairSummary } from './RepairDialog';
import { RepointDialog } from './RepointDialog';

interface FlowLifecycleProps {
  flow: FlowDetail;
  rows: number;
  /** Rows a re-import flagged: the repair names them. */
  flagged: number;
  /** Says what an action did on the flow screen's message line. */
  say: (message: string) => void;
  onDeleted: (deleted: DeletedFlow) => void;
}

export function FlowLifecycle({ flow, rows, flagged, say, onDeleted }: FlowLifecycleProps) {
  const [dialog, setDialog] = useState<'repoint' | 'repair' | 'delete' | null>(null);
  const close = () => setDialog(null);
  return (
    <>
      <MenuButton
        items={[
          { label: 'Source and target…', onSelect: () => setDialog('repoint') },
          { label: flagged > 0 ? `Repair after re-import… (${flagged} flagged)` : 'Repair after re-import…', onSelect: () => setDialog('repair') },
          { label: 'Delete flow…', onSelect: () => setDialog('delete'), danger: true },
        ]}
      >
        Flow actions
        <ChevronDownIcon size={12} />
      </MenuButton>
      {dialog === 'repoint' && (
        <RepointDialog
          flow={flow}
          onClose={close}
          onRepointed={(message) => {
            close();
            say(message);
          }}
        />
      )}
      {dialog === 'repair' && (
        <RepairDialog
          flow={flow}
          onClose={close}
          onRepaired={(result) => {
            close();
            say(repairSummary(result));
          }}
        />
      )}
      {dialog === 'delete' && <DeleteFlowDialog flow={flow} rows={rows} onClose={close} onDeleted={onDeleted} />}
    </>
  );
}
