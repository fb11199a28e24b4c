// Picks the mapping rows a test case covers: one flow's sheet at a time, searchable, ticked rows kept across flows.
import { useMemo, useState } from 'react';
import type { FlowSummary, MappingRow } from '../../../../shared/contract';
import { Dialog } from '../../components/Dialog';
import { SearchInput } from '../../components/SearchInput';
import { Unloaded } from '../../components/Unloaded';
import { useSheet } from '../mapping/queries';

interface CoversDialogProps {
  title: string;
  flows: FlowSummary[];
  /** The flow shown first (the test's use case's). */
  firstFlowId?: number;
  initial: string[];
  onSave: (covers: string[]) => Promise<unknown>;
  onClose: () => void;
}

const statusLabel: Record<MappingRow['status'], string> = {
  suggested: 'Suggested',
  accepted: 'Accepted',
  rejected: 'Rejected',
  needs_decision: 'Needs decision',
  not_needed: 'Not needed',
};

export function CoversDialog({ title, flows, firstFlowId, initial, onSave, onClose }: CoversDialogProps) {
  const [flowId, setFlowId] = useState<number | null>(firstFlowId ?? flows[0]?.id ?? null);
  const [selected, setSelected] = useState(() => new Set(initial));
  const [query, setQuery] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const sheet = useSheet(flowId ?? 0, flowId !== null);

  const rows = useMemo(() => {
    const all = sheet.data?.rows ?? [];
    const needle = query.trim().toLowerCase();
    if (!needle) return all;
    return all.filter((row) => [row.mapId, row.targetPath, ...row.sourcePaths].some((text) => text.toLowerCase().includes(needle)));
  }, [sheet.data, query]);

  const toggle = (mapId: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(mapId)) next.delete(mapId);
      else next.add(mapId);
      return next;
    });

  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      await onSave([...selected].sort());
      onClose();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={title}
      subtitle="Tick the mapping rows this test checks."
      size="lg"
      onClose={onClose}
      busy={busy}
      onSubmit={() => void save()}
      footer={
        <>
          <span className="muted">{selected.size} selected</span>
          <span className="spacer" />
          <button type="button" className="btn" onClick={onClose} disabled={busy}>
            Cancel
          </button>
          <button type="submit" className="btn btn-primary" disabled={busy}>
            Save covered rows
          </button>
        </>
      }
    >
      {flows.length === 0 ? (
        <p className="muted">There are no data flows yet, so no mapping rows to cover.</p>
      ) : (
        <div className="covers-picker">
          <div className="covers-toolbar">
            <label className="visually-hidden" htmlFor="covers-flow">
              Data flow
            </label>
            <select id="covers-flow" className="select" value={flowId ?? ''} onChange={(event) => setFlowId(Number(event.target.value))}>
              {flows.map((flow) => (
                <option key={flow.id} value={flow.id}>
                  {flow.name}
                </option>
              ))}
            </select>
            <SearchInput label="Search mapping rows" placeholder="Map ID, target or source field" value={query} onSearch={setQuery} slashHint={false} />
          </div>
          {!sheet.data ? (
            <Unloaded query={sheet} title="The mapping sheet could not be loaded" />
          ) : rows.length === 0 ? (
            <p className="muted covers-empty">{query ? 'No row matches the search.' : 'This flow has no mapping rows.'}</p>
          ) : (
            <ul className="covers-list" aria-label="Mapping rows">
              {rows.map((row) => (
                <li key={row.id}>
                  <label className="covers-row">
                    <input type="checkbox" checked={selected.has(row.mapId)} onChange={() => toggle(row.mapId)} aria-label={`${row.mapId} ${row.targetPath}`} />
                    <span className="mono covers-map-id">{row.mapId}</span>
                    <span className="mono covers-target">{row.targetPath}</span>
                    <span className="mono muted covers-source">{row.sourcePaths.join(' + ') || '—'}</span>
                    <span className="faint covers-status">{statusLabel[row.status]}</span>
                  </label>
                </li>
              ))}
            </ul>
          )}
          {error && <p className="field-error" role="alert">{error}</p>}
        </div>
      )}
    </Dialog>
  );
}
