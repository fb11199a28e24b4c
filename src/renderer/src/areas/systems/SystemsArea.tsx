// Systems: the imported API documents, one card each, and the selected one's catalogue to browse.
// Import, re-import (with a review of what changes) and removal happen in dialogs.
import { useEffect, useRef, useState } from 'react';
import type { SystemSummary } from '../../../../shared/contract';
import { api } from '../../api/client';
import { LoadFailed } from '../../components/LoadFailed';
import { EmptyState } from '../../components/EmptyState';
import { PlusIcon, SystemsIcon } from '../../components/icons';
import { Loading } from '../../components/Loading';
import { RefreshButton } from '../../components/RefreshButton';
import { Page } from '../../shell/Page';
import { areaById } from '../../shell/areas';
import { useApp, useWorkspace } from '../../state/app-context';
import { useLoad } from '../../state/use-load';
import { CatalogueView } from './CatalogueView';
import { ImportDialog } from './ImportDialog';
import { ReimportDialog } from './ReimportDialog';
import { RemoveDialog } from './RemoveDialog';
import { useSystemsPlace } from './route';
import { SystemHeader } from './SystemHeader';
import { SystemStrip } from './SystemStrip';

type DialogState = { kind: 'import' } | { kind: 'reimport'; system: SystemSummary } | { kind: 'remove'; system: SystemSummary } | null;

/** How often, and for how long, to look again while a document is still being validated. */
const POLL_MS = 2500;
const POLL_LIMIT = 48;

export function SystemsArea() {
  const { dataVersion, reloadAll, refreshWorkspace } = useApp();
  const workspace = useWorkspace();
  const systems = useLoad(`${workspace.path}|systems`, () => api['systems.list']({}), [dataVersion]);
  const flows = useLoad(`${workspace.path}|flows`, () => api['flows.list']({}), [dataVersion]);
  const [place, setPlace] = useSystemsPlace();
  const [dialog, setDialog] = useState<DialogState>(null);
  const area = areaById('systems');

  const list = systems.data;
  const selected = list?.find((system) => system.id === place.systemId) ?? list?.[0];

  // An address naming a system that is not (or no longer) here falls back to the first one.
  useEffect(() => {
    if (list && place.systemId !== null && !list.some((system) => system.id === place.systemId)) {
      setPlace({ systemId: null, tab: 'entities', item: null }, { replace: true });
    }
  }, [list, place.systemId, setPlace]);

  // Validation runs after an import: look again until it is done (for a while).
  const polls = useRef(0);
  const pending = list?.some((system) => system.validation.state === 'pending') ?? false;
  useEffect(() => {
    if (!pending) {
      polls.current = 0;
      return;
    }
    if (polls.current >= POLL_LIMIT) return;
    const timer = window.setTimeout(() => {
      polls.current += 1;
      systems.reload();
    }, POLL_MS);
    return () => window.clearTimeout(timer);
  }, [pending, list, systems.reload]);

  /** After an import, a re-import or a removal: show the answer at once, then read everything again. */
  const changed = (update: { system: SystemSummary } | { removed: number }) => {
    setDialog(null);
    systems.setData((current = []) =>
      'removed' in update
        ? current.filter((system) => system.id !== update.removed)
        : current.some((system) => system.id === update.system.id)
          ? current.map((system) => (system.id === update.system.id ? update.system : system))
          : [...current, update.system],
    );
    if ('removed' in update) setPlace({ systemId: null, tab: 'entities', item: null });
    else if (update.system.id !== place.systemId) setPlace({ systemId: update.system.id, tab: 'entities', item: null });
    systems.reload();
    flows.reload();
    void refreshWorkspace();
  };

  const importButton = (
    <button type="button" className="btn btn-primary" onClick={() => setDialog({ kind: 'import' })}>
      <PlusIcon />
      Import system…
    </button>
  );

  return (
    <Page
      title={area.title}
      description={area.description}
      actions={
        <>
          <RefreshButton onClick={reloadAll} />
          {importButton}
        </>
      }
    >
      {systems.error && !list ? (
        <LoadFailed title="The systems could not be loaded" onRetry={systems.reload}>
          {systems.error}
        </LoadFailed>
      ) : !list ? (
        <Loading />
      ) : list.length === 0 || !selected ? (
        <EmptyState
          icon={SystemsIcon}
          title="Import the two systems this integration connects"
          actions={importButton}
        >
          <p>
            Every crosswalk maps one API onto another. Start with the OpenAPI documents of the <strong>source</strong>{' '}
            system (where the data comes from) and the <strong>target</strong> system (where it goes): from a file, a web
            address, or pasted text. Swagger 2.0, OpenAPI 3.0 and 3.1 are supported, as JSON or YAML.
          </p>
          <p>Once imported, you can browse each system&apos;s entities, fields, operations, authentication and servers here.</p>
        </EmptyState>
      ) : (
        <div className="systems">
          <SystemStrip systems={list} selectedId={selected.id} flows={flows.data} onImport={() => setDialog({ kind: 'import' })} />
          <CatalogueView
            key={selected.id}
            system={selected}
            place={place.systemId === selected.id ? place : { systemId: selected.id, tab: place.systemId === null ? place.tab : 'entities', item: null }}
            onPlace={setPlace}
            onRefreshSystems={systems.reload}
            header={
              <SystemHeader
                system={selected}
                flows={flows.data}
                onReimport={() => setDialog({ kind: 'reimport', system: selected })}
                onRemove={() => setDialog({ kind: 'remove', system: selected })}
              />
            }
          />
        </div>
      )}

      {dialog?.kind === 'import' && (
        <ImportDialog takenNames={(list ?? []).map((system) => system.name)} onClose={() => setDialog(null)} onImported={(system) => changed({ system })} />
      )}
      {dialog?.kind === 'reimport' && <ReimportDialog system={dialog.system} onClose={() => setDialog(null)} onApplied={(system) => changed({ system })} />}
      {dialog?.kind === 'remove' && (
        <RemoveDialog
          system={dialog.system}
          flows={(flows.data ?? []).filter((flow) => flow.source.system === dialog.system.name || flow.target.system === dialog.system.name)}
          onClose={() => setDialog(null)}
          onRemoved={() => changed({ removed: dialog.system.id })}
        />
      )}
    </Page>
  );
}
