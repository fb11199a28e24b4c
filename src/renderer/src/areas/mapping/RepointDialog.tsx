// "Source and target": point the flow at another entity, or another root inside one, after a preview of
// which rows keep their fields, move or break.
import { useState } from 'react';
import type { FlowDetail } from '../../../../shared/contract';
import { api } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { DialogButtons, FormError, useDialogAction } from '../../components/dialog-action';
import { ArrowRightIcon } from '../../components/icons';
import { useApp } from '../../state/app-context';
import { queryError, useCallCache } from '../../state/queries';
import { useSystems } from '../systems/queries';
import { flowRewritten } from './cache-updates';
import { EntitySelect, type EntityChoice } from './EntitySelect';
import { RepointPreview, type RepointChange, type Unresolved } from './RepointPreview';
import { RootSelect, useChosenRoot } from './RootSelect';

type Side = FlowDetail['source'];

const choiceOf = (side: Side): EntityChoice => ({ system: side.system, entityId: side.entity, entityName: side.entity });

/** The side as the flows.repoint input takes it, when it differs from the flow's. */
function changedSide(side: Side, choice: EntityChoice | null, root: string): RepointChange['source'] {
  if (!choice) return undefined;
  const same = choice.system === side.system && (choice.entityName === side.entity || choice.entityId === side.entity) && root === side.root;
  return same ? undefined : { system: choice.system, entity: choice.entityId, root };
}

export function RepointDialog({ flow, onClose, onRepointed }: { flow: FlowDetail; onClose: () => void; onRepointed: (message: string) => void }) {
  const { trackSave } = useApp();
  const cache = useCallCache();
  const systems = useSystems();
  const [source, setSource] = useState<EntityChoice | null>(() => choiceOf(flow.source));
  const [target, setTarget] = useState<EntityChoice | null>(() => choiceOf(flow.target));
  const [sourceRoot, setSourceRoot] = useState<string | null>(flow.source.root);
  const [targetRoot, setTargetRoot] = useState<string | null>(flow.target.root);
  const chosenSourceRoot = useChosenRoot(source, sourceRoot);
  const chosenTargetRoot = useChosenRoot(target, targetRoot);
  const [unresolved, setUnresolved] = useState<Unresolved>('keep');
  const { busy, error, run } = useDialogAction();

  const change: RepointChange = {};
  const sourceChange = changedSide(flow.source, source, chosenSourceRoot);
  const targetChange = changedSide(flow.target, target, chosenTargetRoot);
  if (sourceChange) change.source = sourceChange;
  if (targetChange) change.target = targetChange;
  const changed = sourceChange !== undefined || targetChange !== undefined;

  const submit = () => {
    if (!changed) return onClose();
    void run(async () => {
      const result = await trackSave(api['flows.repoint']({ id: flow.id, ...change, unresolved }));
      flowRewritten(cache, flow.id);
      const broken = result.unresolved.length;
      onRepointed(
        `Flow re-pointed: ${result.kept} row${result.kept === 1 ? '' : 's'} kept` +
          (broken > 0 ? `, ${broken} ${unresolved === 'remove' ? 'deleted' : 'flagged for review'}` : '') +
          (result.added > 0 ? `, ${result.added} new` : '') +
          '.',
      );
    });
  };

  const side = (label: 'Source' | 'Target', choice: EntityChoice | null, setChoice: (choice: EntityChoice | null) => void, root: string | null, setRoot: (root: string | null) => void) => (
    <div className="new-flow-side">
      <EntitySelect
        label={label}
        systems={systems.data ?? []}
        value={choice}
        onChange={(next) => {
          setChoice(next);
          setRoot(null);
        }}
      />
      {choice && <RootSelect label={label} entity={choice} value={root} onChange={setRoot} />}
    </div>
  );

  return (
    <Dialog
      title="Source and target"
      subtitle={`Point “${flow.name}” at another entity, or at another object inside one. Rows whose fields are there stay, notes and decisions kept.`}
      size="xl"
      className="dialog-fit"
      busy={busy}
      onClose={onClose}
      onSubmit={submit}
      footer={
        <>
          <span className="spacer" />
          <DialogButtons onCancel={onClose} busy={busy} submit={busy ? 'Re-pointing…' : 'Re-point flow'} disabled={!changed} />
        </>
      }
    >
      <FormError error={error} />
      <div className="new-flow-entities">
        {systems.data ? (
          <>
            {side('Source', source, setSource, sourceRoot, setSourceRoot)}
            <span className="new-flow-arrow" aria-hidden="true">
              <ArrowRightIcon size={18} />
            </span>
            {side('Target', target, setTarget, targetRoot, setTargetRoot)}
          </>
        ) : (
          <p className="muted">{queryError(systems) ?? 'Loading systems…'}</p>
        )}
      </div>
      {changed ? (
        <RepointPreview flowId={flow.id} change={change} unresolved={unresolved} onUnresolved={setUnresolved} />
      ) : (
        <p className="muted">Choose another entity or root: what happens to the rows shows here before anything changes.</p>
      )}
    </Dialog>
  );
}
