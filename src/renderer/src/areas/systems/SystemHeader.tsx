// The selected system's identity above its catalogue: title and version, where the document came
// from, the data flows that use it, and the way to re-import or remove it.
import type { FlowSummary, SystemSummary } from '../../../../shared/contract';
import { HistoryIcon, ImportIcon, SystemsIcon, TrashIcon } from '../../components/icons';
import { formatBytes, formatDateTime, formatRelative, plural } from '../../format';
import { openapiVersionLabel } from '../../../../shared/catalogue';
import { hashFor } from '../../shell/areas';

interface SystemHeaderProps {
  system: SystemSummary;
  flows: readonly FlowSummary[] | undefined;
  onReimport: () => void;
  onRemove: () => void;
}

export function SystemHeader({ system, flows, onReimport, onRemove }: SystemHeaderProps) {
  const uses = (flows ?? []).filter((flow) => flow.source.system === system.name || flow.target.system === system.name);
  return (
    <header className="system-header">
      <span className="detail-icon">
        <SystemsIcon />
      </span>
      <div className="system-header-text">
        <div className="system-header-title">
          <h2 className="detail-title">{system.name}</h2>
          <span className="system-header-api">
            {system.title}
            {system.apiVersion && <code className="value-chip">{system.apiVersion}</code>}
          </span>
          <span className="system-header-facts">
            {openapiVersionLabel(system.openapiVersion)} · {system.format.toUpperCase()} · {formatBytes(system.sizeBytes)}
          </span>
        </div>
        <div className="system-header-meta">
          <span title={formatDateTime(system.importedAt)}>Imported {formatRelative(system.importedAt)}</span>
          {system.previousVersions > 0 && (
            <span className="system-header-history" title="Earlier documents are kept after each re-import">
              <HistoryIcon size={12} />
              {plural(system.previousVersions, 'earlier version')}
            </span>
          )}
          <span className="system-header-source mono" title={system.source}>
            <bdi>{system.source}</bdi>
          </span>
          <span className="system-header-flows">
            {uses.length === 0 ? (
              <span className="faint">No data flow uses it yet</span>
            ) : (
              <>
                In{' '}
                {uses.map((flow, index) => (
                  <span key={flow.id}>
                    {index > 0 && ', '}
                    <a href={hashFor('mapping')}>{flow.name}</a>
                    <span className="faint"> ({flow.source.system === system.name ? 'source' : 'target'})</span>
                  </span>
                ))}
              </>
            )}
          </span>
        </div>
      </div>
      <div className="system-header-actions">
        <button type="button" className="btn" onClick={onReimport} title="Import a newer version of the document and review what changes">
          <ImportIcon />
          Re-import…
        </button>
        <button type="button" className="btn btn-ghost btn-danger-ghost" onClick={onRemove} title={`Remove ${system.name} from this workspace`}>
          <TrashIcon />
          Remove…
        </button>
      </div>
    </header>
  );
}
