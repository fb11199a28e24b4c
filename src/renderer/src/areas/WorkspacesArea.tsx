// Workspaces: recent files, open by path, create a new one, or open the demo. Doubles as the welcome screen.
import { useEffect, useEffectEvent, useRef, useState, type FormEvent, type RefObject } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import type { AppSettings, RecentWorkspace, WorkspaceSummary } from '../../../shared/contract';
import { api } from '../api/client';
import { Alert } from '../components/Alert';
import { EmptyState } from '../components/EmptyState';
import { CloseIcon, FileIcon, FolderOpenIcon, HistoryIcon, PlusIcon, SandboxIcon } from '../components/icons';
import { Unloaded } from '../components/Unloaded';
import { folderOf, formatDateTime, formatRelative } from '../format';
import { Page } from '../shell/Page';
import { areaById } from '../shell/areas';
import { useApp, type WorkspaceIntent } from '../state/app-context';
import { useCall, useCallCache } from '../state/queries';
import { errorMessage } from '../state/save-state';

export function WorkspacesArea() {
  const { workspace, workspaceOpened, navigate, info, workspaceIntent } = useApp();
  const cache = useCallCache();
  const recent = useCall('workspace.recent', {});
  const area = areaById('workspaces');
  const welcome = !workspace;
  const nativeDialogs = info.nativeDialogs;

  const createName = useRef<HTMLInputElement>(null);
  const openPath = useRef<HTMLInputElement>(null);

  /** After opening or creating: adopt the workspace and go to its overview. */
  const opened = (summary: WorkspaceSummary) => {
    workspaceOpened(summary);
    navigate('overview');
  };

  // Requests from the desktop menu (File › New / Open…); Open… with native dialogs goes to OpenCard.
  useEffect(() => {
    if (workspaceIntent?.kind === 'create') createName.current?.focus();
    else if (workspaceIntent?.kind === 'open' && !nativeDialogs) openPath.current?.focus();
  }, [workspaceIntent, nativeDialogs]);

  const examplePath = `${folderOf(workspace?.path ?? recent.data?.[0]?.path ?? '') || (navigator.platform.startsWith('Win') ? 'C:\\Users\\you\\Documents\\' : '/home/you/')}`;

  return (
    <Page
      title={welcome ? 'Welcome to Crosswalk' : area.title}
      description={
        welcome
          ? 'Map one API onto another and write the integration spec as you go. Open a workspace to begin, or explore the demo.'
          : area.description
      }
    >
      <div className="workspaces">
        <div className="workspaces-main">
          {welcome && <DemoCard onOpened={opened} prominent />}
          <section className="panel" aria-labelledby="recent-title">
            <div className="panel-header">
              <h2 className="panel-title" id="recent-title">
                Recent workspaces
              </h2>
            </div>
            <RecentList recent={recent} currentPath={workspace?.path ?? null} onOpened={opened} onForgotten={(list) => cache.set('workspace.recent', {}, list)} />
          </section>
          {welcome ? <HowItWorks /> : <DemoCard onOpened={opened} />}
        </div>
        <div className="workspaces-side">
          <CreateCard inputRef={createName} examplePath={examplePath} nativeDialogs={nativeDialogs} onOpened={opened} />
          <OpenCard inputRef={openPath} examplePath={examplePath} nativeDialogs={nativeDialogs} onOpened={opened} intent={workspaceIntent} />
          <MachineCard />
        </div>
      </div>
    </Page>
  );
}

const howItWorks = [
  { title: 'Import both systems', text: 'The source and target OpenAPI documents: Swagger 2.0 or OpenAPI 3.x, JSON or YAML.' },
  { title: 'Define data flows', text: 'Which entity feeds which, what triggers it, and the use case it serves.' },
  { title: 'Map the fields', text: 'Where every target field gets its value, checked against real responses in the sandbox.' },
  { title: 'Export the spec', text: 'An Excel workbook the developers and testers build from, with the open questions.' },
];

function HowItWorks() {
  return (
    <section className="panel" aria-labelledby="how-title">
      <div className="panel-header">
        <h2 className="panel-title" id="how-title">
          How Crosswalk works
        </h2>
        <span className="panel-subtitle">One workspace per integration, saved as a single .crosswalk file</span>
      </div>
      <ol className="how-steps">
        {howItWorks.map((step, index) => (
          <li key={step.title} className="how-step">
            <span className="how-number">{index + 1}</span>
            <span className="how-title">{step.title}</span>
            <span className="how-text">{step.text}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}

interface RecentListProps {
  recent: UseQueryResult<RecentWorkspace[]>;
  currentPath: string | null;
  onOpened: (summary: WorkspaceSummary) => void;
  onForgotten: (list: RecentWorkspace[]) => void;
}

function RecentList({ recent: query, currentPath, onOpened, onForgotten }: RecentListProps) {
  const [busyPath, setBusyPath] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const recent = query.data;

  if (!recent) return <Unloaded query={query} title="The recent workspaces could not be read" frame="panel-body" />;
  if (recent.length === 0) {
    return (
      <EmptyState icon={HistoryIcon} title="No recent workspaces" compact>
        Workspaces you open or create appear here, so you can switch between integrations in one click.
      </EmptyState>
    );
  }

  const open = async (path: string) => {
    setBusyPath(path);
    setFailure(null);
    try {
      onOpened(await api['workspace.open']({ path }));
    } catch (problem) {
      setFailure(errorMessage(problem));
    } finally {
      setBusyPath(null);
    }
  };

  const forget = async (path: string) => {
    setFailure(null);
    try {
      onForgotten(await api['workspace.forgetRecent']({ path }));
    } catch (problem) {
      setFailure(errorMessage(problem));
    }
  };

  return (
    <>
      {failure && (
        <div className="panel-alert">
          <Alert onDismiss={() => setFailure(null)}>{failure}</Alert>
        </div>
      )}
      <ul className="recent-list">
        {recent.map((entry) => {
          const current = entry.path === currentPath;
          return (
            <li key={entry.path} className={`recent-item${entry.exists ? '' : ' recent-missing'}`}>
              <span className="recent-icon">
                <FileIcon />
              </span>
              <div className="recent-text">
                <div className="recent-name">
                  <span className="recent-name-text">{entry.name}</span>
                  {current && <span className="badge badge-accent">Open now</span>}
                  {!entry.exists && (
                    <span className="badge badge-danger" title="The file is no longer at this path: it was moved, renamed or deleted.">
                      Missing
                    </span>
                  )}
                </div>
                <div className="recent-path mono" title={entry.path}>
                  {entry.path}
                </div>
              </div>
              <span className="recent-when" title={`Last opened ${formatDateTime(entry.openedAt)}`}>
                {formatRelative(entry.openedAt)}
              </span>
              <div className="recent-actions">
                {!current && (
                  <button
                    type="button"
                    className="btn btn-sm"
                    disabled={!entry.exists || busyPath !== null}
                    title={entry.exists ? `Open ${entry.path}` : 'The file is missing; forget it, or open it from its new place'}
                    onClick={() => void open(entry.path)}
                  >
                    {busyPath === entry.path ? 'Opening…' : 'Open'}
                  </button>
                )}
                <button
                  type="button"
                  className="btn btn-ghost btn-icon btn-sm btn-danger-ghost"
                  aria-label={`Forget ${entry.name} (${entry.path}); the file itself is kept`}
                  title="Remove from this list (the file itself is kept)"
                  onClick={() => void forget(entry.path)}
                >
                  <CloseIcon size={14} />
                </button>
              </div>
            </li>
          );
        })}
      </ul>
    </>
  );
}

interface PathCardProps {
  inputRef: RefObject<HTMLInputElement | null>;
  examplePath: string;
  nativeDialogs: boolean;
  onOpened: (summary: WorkspaceSummary) => void;
}

/** Asks main for a native file dialog; null when cancelled. */
async function choosePath(purpose: 'open' | 'create'): Promise<string | null> {
  return (await api['workspace.choosePath']({ purpose })).path;
}

interface PathInputProps {
  id: string;
  inputRef?: RefObject<HTMLInputElement | null>;
  value: string;
  onChange(value: string): void;
  examplePath: string;
  onBrowse?: () => Promise<void>;
}

/** A workspace file path, with Browse… where the desktop's file dialogs exist. */
function PathInput({ id, inputRef, value, onChange, examplePath, onBrowse }: PathInputProps) {
  return (
    <div className="input-row">
      <input
        id={id}
        ref={inputRef}
        className="input mono"
        value={value}
        placeholder={`${examplePath}orders.crosswalk`}
        onChange={(event) => onChange(event.target.value)}
        spellCheck={false}
        autoComplete="off"
      />
      {onBrowse && (
        <button type="button" className="btn" onClick={() => void onBrowse()}>
          Browse…
        </button>
      )}
    </div>
  );
}

function CreateCard({ inputRef, examplePath, nativeDialogs, onOpened }: PathCardProps) {
  const [name, setName] = useState('');
  const [path, setPath] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const browse = async () => {
    setError(null);
    try {
      const chosen = await choosePath('create');
      if (chosen) setPath(chosen);
    } catch (problem) {
      setError(errorMessage(problem));
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setError('Give the integration a name, e.g. "CRM orders to accounting invoices".');
      inputRef.current?.focus();
      return;
    }
    if (!path.trim()) {
      setError(nativeDialogs ? 'Choose where to save the workspace file (Browse…), or type its path.' : 'Type the path of the new workspace file.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onOpened(await api['workspace.create']({ path: path.trim(), name: name.trim() }));
    } catch (problem) {
      setError(errorMessage(problem));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="create-title">
      <div className="panel-header">
        <PlusIcon />
        <h2 className="panel-title" id="create-title">
          Create a workspace
        </h2>
      </div>
      <form className="panel-body form-stack" onSubmit={(event) => void submit(event)}>
        <div className="field">
          <label className="field-label" htmlFor="create-name">
            Integration name
          </label>
          <input
            id="create-name"
            ref={inputRef}
            className="input"
            value={name}
            maxLength={200}
            placeholder="e.g. Shop orders → ERP sales orders"
            onChange={(event) => setName(event.target.value)}
          />
        </div>
        <div className="field">
          <label className="field-label" htmlFor="create-path">
            Workspace file
          </label>
          <PathInput id="create-path" value={path} onChange={setPath} examplePath={examplePath} onBrowse={nativeDialogs ? browse : undefined} />
          <span className="field-hint">A new file on this computer; .crosswalk is added when you leave out the extension.</span>
        </div>
        {error && <Alert onDismiss={() => setError(null)}>{error}</Alert>}
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? 'Creating…' : 'Create workspace'}
          </button>
        </div>
      </form>
    </section>
  );
}

function OpenCard({ inputRef, examplePath, nativeDialogs, onOpened, intent }: PathCardProps & { intent: WorkspaceIntent }) {
  const [path, setPath] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const open = async (target: string) => {
    setBusy(true);
    setError(null);
    try {
      onOpened(await api['workspace.open']({ path: target }));
    } catch (problem) {
      setError(errorMessage(problem));
      setPath(target);
    } finally {
      setBusy(false);
    }
  };

  /** What the native dialog answered: a file to open, or null when cancelled. */
  const chosen = async (target: string | null) => {
    setError(null);
    if (target) await open(target);
  };
  const failed = (problem: unknown) => setError(errorMessage(problem));
  const browse = () => choosePath('open').then(chosen, failed);

  // The desktop menu's File › Open… goes straight to the native dialog.
  const onChosen = useEffectEvent(chosen);
  const onFailed = useEffectEvent(failed);
  useEffect(() => {
    if (intent?.kind === 'open' && nativeDialogs) void choosePath('open').then(onChosen, onFailed);
  }, [intent, nativeDialogs]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!path.trim()) {
      setError('Type the path of a .crosswalk file.');
      inputRef.current?.focus();
      return;
    }
    void open(path.trim());
  };

  return (
    <section className="panel" aria-labelledby="open-title">
      <div className="panel-header">
        <FolderOpenIcon />
        <h2 className="panel-title" id="open-title">
          Open a workspace
        </h2>
      </div>
      <form className="panel-body form-stack" onSubmit={submit}>
        <div className="field">
          <label className="field-label" htmlFor="open-path">
            Workspace file
          </label>
          <PathInput id="open-path" inputRef={inputRef} value={path} onChange={setPath} examplePath={examplePath} onBrowse={nativeDialogs ? browse : undefined} />
        </div>
        {error && <Alert onDismiss={() => setError(null)}>{error}</Alert>}
        <div className="form-actions">
          <button type="submit" className="btn" disabled={busy}>
            {busy ? 'Opening…' : 'Open'}
          </button>
        </div>
      </form>
    </section>
  );
}

function DemoCard({ onOpened, prominent = false }: { onOpened: (summary: WorkspaceSummary) => void; prominent?: boolean }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const openDemo = async () => {
    setBusy(true);
    setError(null);
    try {
      onOpened(await api['workspace.openDemo']({}));
    } catch (problem) {
      setError(errorMessage(problem));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className={`panel demo-card${prominent ? ' demo-card-prominent' : ''}`} aria-labelledby="demo-title">
      <div className="demo-card-body">
        <span className="demo-icon">
          <SandboxIcon />
        </span>
        <div className="demo-text">
          <h2 className="panel-title" id="demo-title">
            Demo workspace
          </h2>
          <p className="muted">
            Acme CRM → Ledgerly: confirmed orders become invoices. Two imported APIs (OpenAPI 3.1 and Swagger 2.0), two data
            flows and a few open questions to explore.
          </p>
        </div>
        <button type="button" className={prominent ? 'btn btn-primary' : 'btn'} onClick={() => void openDemo()} disabled={busy}>
          {busy ? 'Opening…' : 'Open demo workspace'}
        </button>
      </div>
      {error && (
        <div className="panel-alert">
          <Alert onDismiss={() => setError(null)}>{error}</Alert>
        </div>
      )}
    </section>
  );
}

/** What this machine keeps apart from the workspace: the keys that open its secrets, and the log. */
function MachineCard() {
  const settings = useCall('app.settings', {});
  return (
    <section className="panel" aria-labelledby="machine-title">
      <div className="panel-header">
        <h2 className="panel-title" id="machine-title">
          This machine
        </h2>
        <span className="panel-subtitle">Kept outside the workspace</span>
      </div>
      {settings.data ? (
        <dl className="panel-body properties">
          <dt title="A workspace keeps its secrets sealed: they open only where their key is.">Secret keys</dt>
          <SecretKeys keys={settings.data.secretKeys} />
          <dt>Settings</dt>
          <dd className="mono path">{settings.data.folder}</dd>
          <dt>Log</dt>
          <dd className="mono path">{settings.data.logFile}</dd>
        </dl>
      ) : (
        <Unloaded query={settings} title="This machine's settings could not be read" frame="panel-body" />
      )}
    </section>
  );
}

function SecretKeys({ keys }: { keys: AppSettings['secretKeys'] }) {
  if (keys.kind === 'os-keyring') return <dd>The operating system's key store ({keys.location})</dd>;
  return (
    <dd>
      <span className="mono path">{keys.location}</span>
      {keys.fallbackReason && (
        <span className="faint" title={keys.fallbackReason}>
          {' '}
          · the operating system's key store is not available here
        </span>
      )}
    </dd>
  );
}
