// A searchable select of one system's entities: the system, then a filtered list of its entities.
import { useId, useMemo, useState } from 'react';
import type { SystemSummary } from '../../../../shared/contract';
import { SearchInput } from '../../components/SearchInput';
import { queryError } from '../../state/queries';
import { useCatalogue } from '../systems/queries';

export interface EntityChoice {
  system: string;
  /** The catalogue id (schema:Order) and the name shown. */
  entityId: string;
  entityName: string;
}

interface EntitySelectProps {
  label: string;
  systems: readonly SystemSummary[];
  value: EntityChoice | null;
  onChange: (choice: EntityChoice | null) => void;
}

const SHOWN = 200;

export function EntitySelect({ label, systems, value, onChange }: EntitySelectProps) {
  const id = useId();
  const [systemId, setSystemId] = useState<number | null>(() => systems.find((system) => system.name === value?.system)?.id ?? null);
  const [query, setQuery] = useState('');
  const system = systems.find((candidate) => candidate.id === systemId) ?? null;
  const catalogue = useCatalogue(system);

  const entities = useMemo(() => {
    const all = catalogue.data?.entities ?? [];
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    const matching = words.length ? all.filter((entity) => words.every((word) => entity.name.toLowerCase().includes(word))) : all;
    // Named schemas first: they are what analysts map.
    return [...matching].sort((a, b) => (a.kind === b.kind ? a.name.localeCompare(b.name) : a.kind === 'schema' ? -1 : 1));
  }, [catalogue.data, query]);

  return (
    <fieldset className="entity-select">
      <legend className="field-label">{label}</legend>
      <select
        className="select"
        aria-label={`${label} system`}
        value={systemId ?? ''}
        onChange={(event) => {
          setSystemId(event.target.value ? Number(event.target.value) : null);
          setQuery('');
          onChange(null);
        }}
      >
        <option value="">Choose a system…</option>
        {systems.map((candidate) => (
          <option key={candidate.id} value={candidate.id}>
            {candidate.name} — {candidate.title}
          </option>
        ))}
      </select>
      {system && (
        <>
          <SearchInput label={`Search ${label.toLowerCase()} entities`} placeholder="Search entities" value={query} onSearch={setQuery} slashHint={false} />
          <div className="entity-options" role="listbox" id={id} aria-label={`${label} entity`}>
            {catalogue.isError ? (
              <div className="entity-options-note">{queryError(catalogue)}</div>
            ) : !catalogue.data ? (
              <div className="entity-options-note">Loading entities…</div>
            ) : entities.length === 0 ? (
              <div className="entity-options-note">No entity matches “{query}”.</div>
            ) : (
              entities.slice(0, SHOWN).map((entity) => {
                // A flow names its entity; a pick in this list, by catalogue id.
                const selected = value?.system === system.name && (value.entityId === entity.id || value.entityId === entity.name);
                return (
                  <div
                    key={entity.id}
                    role="option"
                    aria-selected={selected}
                    tabIndex={selected ? 0 : -1}
                    className="entity-option"
                    onClick={() => onChange({ system: system.name, entityId: entity.id, entityName: entity.name })}
                    onKeyDown={(event) => {
                      if (event.key === 'Enter' || event.key === ' ') {
                        event.preventDefault();
                        onChange({ system: system.name, entityId: entity.id, entityName: entity.name });
                      }
                      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
                        event.preventDefault();
                        const next = (event.key === 'ArrowDown' ? event.currentTarget.nextElementSibling : event.currentTarget.previousElementSibling) as HTMLElement | null;
                        next?.focus();
                      }
                    }}
                  >
                    <span className="entity-option-name">{entity.name}</span>
                    {entity.kind === 'body' && <span className="badge">body</span>}
                  </div>
                );
              })
            )}
          </div>
          {entities.length > SHOWN && <p className="field-hint">Showing {SHOWN} of {entities.length}: search to narrow.</p>}
        </>
      )}
    </fieldset>
  );
}
