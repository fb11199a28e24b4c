// Systems: the imported API documents, one card each, and the selected one's catalogue to browse.
// Import, re-import (with a review of what changes) and removal happen in dialogs.
import { useEffect, useRef, useState } from 'react';
import type { SystemSummary } from '../../../../shared/contract';
import { EmptyState } from '../../components/EmptyState';
import { PlusIcon, SystemsIcon } from '../../components/icons';
import { RefreshButton } from '../../components/RefreshButton';
import { Unloaded } from '../../components/Unloaded';
import { Page } from '../../shell/Page';
import { areaById } from '../../shell/areas';
import { useApp } from '../../state/app-context';
import { removeById, replaceById } from '../../state/list-edits';
import { useCallCache } from '../../state/queries';
import { useFlows } from '../mapping/queries';
import { CatalogueView } from './CatalogueView';
import { ImportDialog } from './ImportDialog';
import { ReimportDialog } from './ReimportDialog';
import { RemoveDialog } from './RemoveDialog';
import { useSystems } from './queries';
import { useSystemsPlace } from './route';
import { SystemHeader } from './SystemHeader';
import { SystemStrip } from './SystemStrip';

type DialogState = { kind: 'import' } | { kind: 'reimport'; system: SystemSummary } | { kind: 'remove'; system: SystemSummary } | null;

/** How often, and for how long, to look again while a document is still being validated. */
const POLL_MS = 2500;
const POLL_LIMIT = 48;

export function SystemsArea() {
  const { reloadAll, refreshWorkspace } = useApp();
  const cache = useCallCache();
  const systems = useSystems();
  const flows = useFlows();
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
  const { refetch: readSystems } = systems;
  useEffect(() => {
    if (!pending) {
      polls.current = 0;
      return;
    }
    if (polls.current >= POLL_LIMIT) return;
    const timer = window.setTimeout(() => {
      polls.current += 1;
      void readSystems();
    }, POLL_MS);
    return () => window.clearTimeout(timer);
  }, [pending, list, readSystems]);

  /**
   * After an import, a re-import or a removal: the answer shows at once, then everything is read again
   * when next shown (flows, mapping rows and their checks, inferred requirements all follow the documents).
   */
  const changed = (update: { system: SystemSummary } | { removed: number }) => {
    setDialog(null);
    cache.update('systems.list', {}, (current) =>
      'removed' in update ? removeById(current, update.removed) : current.some((system) => system.id === update.system.id) ? replaceById(current, update.system) : [...current, update.system],
    );
    if ('removed' in update) setPlace({ systemId: null, tab: 'entities', item: null });
    else if (update.system.id !== place.systemId) setPlace({ systemId: update.system.id, tab: 'entities', item: null });
    cache.invalidateAll();
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
      {!list ? (
        <Unloaded query={systems} title="The systems could not be loaded" />
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
            onRefreshSystems={() => void readSystems()}
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
