// The imported systems side by side, one card each: pick one to browse its catalogue.
import type { FlowSummary, SystemSummary } from '../../../../shared/contract';
import { AlertIcon, CheckCircleIcon, PlusIcon, SystemsIcon } from '../../components/icons';
import { plural } from '../../format';
import { openapiVersionLabel } from '../../../../shared/catalogue';
import { hashFor } from '../../shell/areas';

/** Source / Target, as the data flows use the system. */
export function flowRoles(system: SystemSummary, flows: readonly FlowSummary[] | undefined): Array<'Source' | 'Target'> {
  const roles = new Set<'Source' | 'Target'>();
  for (const flow of flows ?? []) {
    if (flow.source.system === system.name) roles.add('Source');
    if (flow.target.system === system.name) roles.add('Target');
  }
  return [...roles];
}

export function ValidationBadge({ system }: { system: SystemSummary }) {
  const { validation } = system;
  if (validation.state === 'pending') {
    return (
      <span className="validation validation-pending" title="The document is being checked against the OpenAPI schema">
        <span className="spinner spinner-sm" aria-hidden="true" />
        Validating…
      </span>
    );
  }
  if (validation.errors.length === 0 && validation.incomplete) {
    return (
      <span className="validation validation-pending" title={`Validation could not finish: ${validation.incomplete}`}>
        <AlertIcon size={13} />
        Not fully validated
      </span>
    );
  }
  if (validation.errors.length === 0) {
    return (
      <span className="validation validation-ok" title="The document follows the OpenAPI schema">
        <CheckCircleIcon size={13} />
        Valid
      </span>
    );
  }
  return (
    <span className="validation validation-problems" title="The document breaks the OpenAPI schema in places: see Problems">
      <AlertIcon size={13} />
      {plural(validation.errors.length, 'problem')}
    </span>
  );
}

interface SystemStripProps {
  systems: readonly SystemSummary[];
  selectedId: number;
  flows: readonly FlowSummary[] | undefined;
  onImport: () => void;
}

export function SystemStrip({ systems, selectedId, flows, onImport }: SystemStripProps) {
  return (
    <nav className="system-strip" aria-label="Systems">
      <ul className="system-cards">
        {systems.map((system) => {
          const roles = flowRoles(system, flows);
          return (
            <li key={system.id}>
              <a className="system-card" href={hashFor('systems', String(system.id))} aria-current={system.id === selectedId ? 'true' : undefined}>
                <span className="system-card-icon">
                  <SystemsIcon size={15} />
                </span>
                <span className="system-card-text">
                  <span className="system-card-top">
                    <span className="system-card-name">{system.name}</span>
                    {roles.map((role) => (
                      <span key={role} className={role === 'Source' ? 'badge badge-info' : 'badge badge-accent'}>
                        {role}
                      </span>
                    ))}
                    <span className="spacer" />
                    <ValidationBadge system={system} />
                  </span>
                  <span className="system-card-title" title={`${system.title} ${system.apiVersion} · ${openapiVersionLabel(system.openapiVersion)}`}>
                    {system.title}
                    {system.apiVersion && ` ${system.apiVersion}`}
                    <span className="faint"> · {openapiVersionLabel(system.openapiVersion)}</span>
                  </span>
                </span>
              </a>
            </li>
          );
        })}
        {systems.length < 2 && (
          <li>
            <button type="button" className="system-card system-card-add" onClick={onImport}>
              <span className="system-card-icon">
                <PlusIcon size={15} />
              </span>
              <span className="system-card-text">
                <span className="system-card-name">Import the other side</span>
                <span className="system-card-title">An integration maps one system onto another: import the second API too.</span>
              </span>
            </button>
          </li>
        )}
      </ul>
    </nav>
  );
}
