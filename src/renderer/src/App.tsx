// The app shell: loads what the host knows, then lays out sidebar, the current area and the status bar.
import { useCallback, useEffect, useMemo, useRef, useState, type ComponentType } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { AppInfo, WorkspaceSummary } from '../../shared/contract';
import { api, onMenuCommand } from './api/client';
import { Alert } from './components/Alert';
import { LogoMark, RefreshIcon } from './components/icons';
import { Loading } from './components/Loading';
import { AppContext, type AppContextValue, type WorkspaceIntent } from './state/app-context';
import { errorMessage, useSaveState } from './state/save-state';
import { areaById, areaFromMenuCommand, mainAreas, type AreaId } from './shell/areas';
import { Sidebar } from './shell/Sidebar';
import { StatusBar } from './shell/StatusBar';
import { useHashRoute } from './shell/use-hash-route';
import { useNarrow } from './shell/use-narrow';
import { OverviewArea } from './areas/OverviewArea';
import { SystemsArea } from './areas/systems/SystemsArea';
import { MappingArea } from './areas/mapping/MappingArea';
import { SandboxArea } from './areas/sandbox/SandboxArea';
import { SpecificationArea } from './areas/specification/SpecificationArea';
import { WorkspacesArea } from './areas/WorkspacesArea';

const areaViews: Record<AreaId, ComponentType> = {
  overview: OverviewArea,
  systems: SystemsArea,
  mapping: MappingArea,
  sandbox: SandboxArea,
  spec: SpecificationArea,
  workspaces: WorkspacesArea,
};

type Boot =
  | { state: 'loading' }
  | { state: 'failed'; message: string }
  | { state: 'ready'; info: AppInfo; workspace: WorkspaceSummary | null };

/** What the host knows and the workspace it has open: the shell waits for both. */
const readBoot = (): Promise<Boot> =>
  Promise.all([api['app.info']({}), api['workspace.current']({})]).then(
    ([info, workspace]): Boot => ({ state: 'ready', info, workspace }),
    (error: unknown): Boot => ({ state: 'failed', message: errorMessage(error) }),
  );

export function App() {
  const [boot, setBoot] = useState<Boot>({ state: 'loading' });

  useEffect(() => {
    let current = true;
    void readBoot().then((next) => {
      if (current) setBoot(next);
    });
    return () => {
      current = false;
    };
  }, []);

  const retry = () => {
    setBoot({ state: 'loading' });
    void readBoot().then(setBoot);
  };

  if (boot.state === 'loading') {
    return (
      <div className="boot">
        <Loading label="Starting Crosswalk…" delay={400} />
      </div>
    );
  }
  if (boot.state === 'failed') {
    return (
      <div className="boot">
        <div className="boot-card">
          <div className="brand">
            <LogoMark />
            <span className="brand-name">Crosswalk</span>
          </div>
          <Alert title="Crosswalk could not start">{boot.message}</Alert>
          <button type="button" className="btn" onClick={retry}>
            <RefreshIcon />
            Try again
          </button>
        </div>
      </div>
    );
  }
  return <Shell info={boot.info} initialWorkspace={boot.workspace} />;
}

function Shell({ info, initialWorkspace }: { info: AppInfo; initialWorkspace: WorkspaceSummary | null }) {
  const [workspace, setWorkspace] = useState(initialWorkspace);
  const queryClient = useQueryClient();
  const [route, navigate] = useHashRoute();
  const [workspaceIntent, setWorkspaceIntent] = useState<WorkspaceIntent>(null);
  const [refreshError, setRefreshError] = useState<string | null>(null);
  const { saveState, trackSave, resetSaveState } = useSaveState();
  const mainRef = useRef<HTMLElement>(null);
  // Collapsed on a narrow window unless the analyst opens it; the choice lasts until the width class changes.
  const narrow = useNarrow();
  const [sidebarChoice, setSidebarChoice] = useState<{ collapsed: boolean; narrow: boolean } | null>(null);
  const sidebarCollapsed = sidebarChoice && sidebarChoice.narrow === narrow ? sidebarChoice.collapsed : narrow;

  // Without an open workspace every area but Workspaces is meaningless: show it as the welcome screen.
  const area: AreaId = workspace ? route : 'workspaces';
  const definition = areaById(area);

  const refreshWorkspace = useCallback(async () => {
    try {
      setWorkspace(await api['workspace.current']({}));
      setRefreshError(null);
    } catch (error) {
      setRefreshError(errorMessage(error));
    }
  }, []);

  const reloadAll = useCallback(() => {
    void refreshWorkspace();
    void queryClient.invalidateQueries();
  }, [refreshWorkspace, queryClient]);

  const workspaceOpened = useCallback(
    (summary: WorkspaceSummary) => {
      // Nothing read from the workspace shown so far may show in this one.
      queryClient.removeQueries();
      setWorkspace(summary);
      setRefreshError(null);
      resetSaveState();
    },
    [queryClient, resetSaveState],
  );

  // Desktop menu commands.
  useEffect(
    () =>
      onMenuCommand((command) => {
        const target = areaFromMenuCommand(command);
        if (target) return navigate(target);
        switch (command) {
          case 'workspace-changed':
            resetSaveState();
            reloadAll();
            break;
          case 'new-workspace':
          case 'open-workspace':
            navigate('workspaces');
            setWorkspaceIntent({ kind: command === 'new-workspace' ? 'create' : 'open', nonce: Date.now() });
            break;
        }
      }),
    [navigate, reloadAll, resetSaveState],
  );

  // Ctrl/Cmd+1…5 switch between the main areas.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
      const index = Number(event.key) - 1;
      const target = Number.isInteger(index) ? mainAreas[index] : undefined;
      if (!target || !workspace) return;
      event.preventDefault();
      navigate(target.id);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [navigate, workspace]);

  useEffect(() => {
    document.title = workspace ? `${definition.title} · ${workspace.integration.name} — Crosswalk` : 'Crosswalk';
  }, [definition.title, workspace]);

  const context = useMemo<AppContextValue>(
    () => ({ info, workspace, refreshWorkspace, reloadAll, workspaceOpened, navigate, trackSave, workspaceIntent }),
    [info, workspace, refreshWorkspace, reloadAll, workspaceOpened, navigate, trackSave, workspaceIntent],
  );

  const View = areaViews[area];
  return (
    <AppContext.Provider value={context}>
      <div className={sidebarCollapsed ? 'app is-sidebar-collapsed' : 'app'}>
        <button type="button" className="skip-link" onClick={() => mainRef.current?.focus()}>
          Skip to content
        </button>
        <Sidebar
          workspace={workspace}
          current={area}
          version={info.version}
          collapsed={sidebarCollapsed}
          onCollapse={(collapsed) => setSidebarChoice({ collapsed, narrow })}
        />
        <main className="main" ref={mainRef} tabIndex={-1} aria-label={definition.title}>
          {refreshError && (
            <div className="main-banner">
              <Alert onDismiss={() => setRefreshError(null)}>{refreshError}</Alert>
            </div>
          )}
          <View key={`${area}:${workspace?.path ?? ''}`} />
        </main>
        <StatusBar workspace={workspace} saveState={saveState} host={info.host} latestSchemaVersion={info.latestSchemaVersion} />
      </div>
    </AppContext.Provider>
  );
}
