// Mapping: the data flows (#/mapping) and one flow's mapping sheet (#/mapping/<flowId>).
import { useSubRoute } from '../../shell/use-hash-route';
import { FlowList } from './FlowList';
import { FlowScreen } from './FlowScreen';

export function MappingArea() {
  const [segments, go] = useSubRoute('mapping');
  const flowId = segments[0] && /^\d+$/.test(segments[0]) ? Number(segments[0]) : null;
  if (flowId !== null) return <FlowScreen key={flowId} flowId={flowId} onBack={() => go([])} />;
  return <FlowList onOpen={(id) => go([String(id)])} />;
}
