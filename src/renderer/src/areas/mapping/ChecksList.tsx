// Every check on the flow, filterable by kind; choosing one selects its row in the sheet.
import { useMemo, useState } from 'react';
import { checkKinds, type MappingCheck } from '../../../../shared/contract';
import { AlertIcon, CheckCircleIcon, WarningIcon } from '../../components/icons';
import { checkKindLabels } from './labels';

export function ChecksList({ checks, checking, onSelect }: { checks: MappingCheck[]; checking: boolean; onSelect: (check: MappingCheck) => void }) {
  const [kind, setKind] = useState<MappingCheck['kind'] | 'all'>('all');
  const counts = useMemo(() => {
    const map = new Map<MappingCheck['kind'], number>();
    for (const check of checks) map.set(check.kind, (map.get(check.kind) ?? 0) + 1);
    return map;
  }, [checks]);
  const shown = kind === 'all' ? checks : checks.filter((check) => check.kind === kind);
  if (checking) {
    return (
      <div className="checks-empty" role="status">
        <p>Checking the rows…</p>
      </div>
    );
  }
  if (checks.length === 0) {
    return (
      <div className="checks-empty">
        <CheckCircleIcon size={20} />
        <p>No problems: every required field has a source and the types agree.</p>
      </div>
    );
  }
  return (
    <div className="checks">
      <label className="field checks-filter">
        <span className="field-label">Kind</span>
        <select className="select" value={kind} onChange={(event) => setKind(event.target.value as typeof kind)} aria-label="Filter checks by kind">
          <option value="all">All kinds ({checks.length})</option>
          {checkKinds
            .filter((candidate) => counts.has(candidate))
            .map((candidate) => (
              <option key={candidate} value={candidate}>
                {checkKindLabels[candidate]} ({counts.get(candidate)})
              </option>
            ))}
        </select>
      </label>
      <ul className="check-list checks-all">
        {shown.map((check, index) => (
          <li key={`${check.rowId}-${check.kind}-${index}`}>
            <button type="button" className={`check-item check-${check.severity} check-button`} onClick={() => onSelect(check)} disabled={check.rowId === null}>
              {check.severity === 'error' ? <AlertIcon size={13} /> : <WarningIcon size={13} />}
              <span className="check-text">
                <span className="check-where">
                  <span className="mono">{check.mapId ?? 'Flow'}</span> · <span className="mono">{check.targetPath}</span> · {checkKindLabels[check.kind]}
                </span>
                <span>{check.message}</span>
              </span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
