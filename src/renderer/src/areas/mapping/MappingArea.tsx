// Mapping: the data flows (#/mapping) and one flow's mapping sheet (#/mapping/<flowId>). A flow deleted
// from its screen comes back to the list with an Undo.
import { useState } from 'react';
import { useSubRoute } from '../../shell/use-hash-route';
import type { DeletedFlow } from './DeleteFlowDialog';
import { FlowList } from './FlowList';
import { FlowScreen } from './FlowScreen';

export function MappingArea() {
  const [segments, go] = useSubRoute('mapping');
  const [justDeleted, setJustDeleted] = useState<DeletedFlow | null>(null);
  const flowId = segments[0] && /^\d+$/.test(segments[0]) ? Number(segments[0]) : null;
  if (flowId !== null) {
    return (
      <FlowScreen
        key={flowId}
        flowId={flowId}
        onBack={() => go([])}
        onDeleted={(deleted) => {
          setJustDeleted(deleted);
          go([]);
        }}
      />
    );
  }
  return <FlowList onOpen={(id) => go([String(id)])} justDeleted={justDeleted} onDeletedSeen={() => setJustDeleted(null)} />;
}
