// The object inside an entity a flow side maps (its root): the entity as a whole, or one of its objects,
// with the root Crosswalk proposes (a single-property wrapper, an envelope) chosen until the analyst picks.
import { useCall } from '../../state/queries';
import type { EntityChoice } from './EntitySelect';

interface RootSelectProps {
  label: string;
  entity: EntityChoice;
  /** null: the proposal (or the entity as a whole when there is none). */
  value: string | null;
  onChange: (root: string) => void;
}

/** The root the flow gets for this side: the analyst's pick, else the proposal, else ''. */
export function useChosenRoot(entity: EntityChoice | null, value: string | null): string {
  const roots = useCall('flows.roots', { system: entity?.system ?? '', entity: entity?.entityId ?? '' }, { enabled: entity !== null });
  return value ?? roots.data?.proposed?.root ?? '';
}

export function RootSelect({ label, entity, value, onChange }: RootSelectProps) {
  const roots = useCall('flows.roots', { system: entity.system, entity: entity.entityId });
  if (!roots.data || roots.data.roots.length === 0) return null;
  const proposed = roots.data.proposed;
  const chosen = value ?? proposed?.root ?? '';
  return (
    <label className="field">
      <span className="field-label">{label} root</span>
      <select className="select" value={chosen} onChange={(event) => onChange(event.target.value)}>
        <option value="">{entity.entityName} as a whole</option>
        {roots.data.roots.map((root) => (
          <option key={root} value={root}>
            {root}
          </option>
        ))}
      </select>
      {proposed && chosen === proposed.root && <span className="field-hint">Proposed: {proposed.reason}.</span>}
    </label>
  );
}
