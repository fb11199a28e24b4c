// The sandbox's left column: the system's operations grouped by tag (searchable), its saved requests in
// folders, and the history of calls (searchable by request name or URL, and by status). Each opens in
// the request editor.
import { useMemo, useState } from 'react';
import type { CatalogueOperation } from '../../../../shared/catalogue';
import type { HistoryEntrySummary, SavedRequest } from '../../../../shared/contract';
import { SearchInput } from '../../components/SearchInput';
import { useCall } from '../../state/queries';
import { MethodBadge } from '../systems/operation-format';
import { duration } from './request-draft';

export function OperationList({ operations, onPick }: { operations: readonly CatalogueOperation[]; onPick: (operation: CatalogueOperation) => void }) {
  const [query, setQuery] = useState('');
  const groups = useMemo(() => {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    const matching = operations.filter((operation) => {
      if (operation.webhook) return false;
      const haystack = `${operation.method} ${operation.path} ${operation.summary ?? ''} ${operation.operationId ?? ''} ${operation.tags.join(' ')}`.toLowerCase();
      return words.every((word) => haystack.includes(word));
    });
    const byTag = new Map<string, CatalogueOperation[]>();
    for (const operation of matching) {
      const tag = operation.tags[0] ?? 'Other operations';
      byTag.set(tag, [...(byTag.get(tag) ?? []), operation]);
    }
    return [...byTag.entries()];
  }, [operations, query]);

  return (
    <div className="sandbox-list">
      <SearchInput label="Search operations" placeholder="Search operations" value={query} onSearch={setQuery} slashHint={false} />
      {groups.length === 0 && <p className="muted sandbox-list-empty">{operations.length === 0 ? 'This document lists no operations.' : 'No operation matches.'}</p>}
      {groups.map(([tag, list]) => (
        <details key={tag} className="sandbox-group" open>
          <summary>
            {tag} <span className="faint">{list.length}</span>
          </summary>
          <ul>
            {list.map((operation) => (
              <li key={operation.id}>
                <button type="button" className="sandbox-item" title={operation.summary ?? operation.id} onClick={() => onPick(operation)}>
                  <MethodBadge method={operation.method} />
                  <span className="mono sandbox-item-path">{operation.path}</span>
                </button>
              </li>
            ))}
          </ul>
        </details>
      ))}
    </div>
  );
}

export function SavedList({ requests, currentId, onPick }: { requests: readonly SavedRequest[]; currentId: number | null; onPick: (request: SavedRequest) => void }) {
  const folders = useMemo(() => {
    const byFolder = new Map<string, SavedRequest[]>();
    for (const request of [...requests].sort((a, b) => a.folder.localeCompare(b.folder) || a.name.localeCompare(b.name))) byFolder.set(request.folder, [...(byFolder.get(request.folder) ?? []), request]);
    return [...byFolder.entries()];
  }, [requests]);
  if (requests.length === 0) return <p className="muted sandbox-list-empty">No saved requests yet. Open an operation, send it, and save it to keep it with this system.</p>;
  return (
    <div className="sandbox-list">
      {folders.map(([folder, list]) => (
        <details key={folder} className="sandbox-group" open>
          <summary>{folder || 'Top level'}</summary>
          <ul>
            {list.map((request) => (
              <li key={request.id}>
                <button type="button" className={`sandbox-item${request.id === currentId ? ' is-current' : ''}`} onClick={() => onPick(request)}>
                  <MethodBadge method={request.method} />
                  <span className="sandbox-item-path">{request.name}</span>
                  {request.broken && (
                    <span className="badge badge-danger" title={request.broken.reason}>
                      broken
                    </span>
                  )}
                </button>
              </li>
            ))}
          </ul>
        </details>
      ))}
    </div>
  );
}

const statusFilters = ['', '2xx', '3xx', '4xx', '5xx', 'failed'] as const;

export function HistoryList({ systemId, currentId, onPick }: { systemId: number; currentId: number | null; onPick: (entry: HistoryEntrySummary) => void }) {
  const [text, setText] = useState('');
  const [status, setStatus] = useState<(typeof statusFilters)[number]>('');
  const history = useCall('sandbox.history', { systemId, ...(text ? { text } : {}), ...(status ? { status } : {}), limit: 200 });
  const entries = history.data?.entries ?? [];
  return (
    <div className="sandbox-list">
      <div className="history-filters">
        <SearchInput label="Search history by name or URL" placeholder="Search by name or URL" value={text} onSearch={setText} slashHint={false} />
        <select className="select" aria-label="Status" value={status} onChange={(event) => setStatus(event.target.value as (typeof statusFilters)[number])}>
          {statusFilters.map((filter) => (
            <option key={filter} value={filter}>
              {filter === '' ? 'Any status' : filter === 'failed' ? 'No response' : filter}
            </option>
          ))}
        </select>
      </div>
      {history.isError && <p className="field-error">History could not be read.</p>}
      {entries.length === 0 && !history.isLoading && <p className="muted sandbox-list-empty">{text || status ? 'No call matches.' : 'Nothing sent yet: every call made here is kept, with secrets redacted.'}</p>}
      <ul aria-label="History">
        {entries.map((entry) => (
          <li key={entry.id}>
            <button type="button" className={`sandbox-item history-item${entry.id === currentId ? ' is-current' : ''}`} onClick={() => onPick(entry)}>
              <MethodBadge method={entry.method} />
              <span className="sandbox-item-path history-item-label" title={entry.name ? `${entry.name}\n${entry.url}` : entry.url}>
                {entry.name && <span className="history-item-name">{entry.name}</span>}
                <span className="mono">{entry.url.replace(/^https?:\/\/[^/]+/, '')}</span>
              </span>
              <span className={`history-status${entry.status === null ? ' is-failed' : entry.status >= 400 ? ' is-error' : ''}`}>{entry.status ?? 'failed'}</span>
              <span className="faint history-time">{duration(entry.timings.total)}</span>
            </button>
          </li>
        ))}
      </ul>
      {history.data && history.data.total > entries.length && <p className="faint sandbox-list-empty">Showing the newest {entries.length} of {history.data.total}.</p>}
    </div>
  );
}
