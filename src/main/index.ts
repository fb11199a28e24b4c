// Electron entry: wires the shell (src/main/electron) to the session and handler table both transports share.
import fs from 'node:fs';
import path from 'node:path';
import { app, ipcMain, session as electronSession, shell, type BrowserWindow } from 'electron';
import { IPC_MENU_CHANNEL, type CallName, type MenuCommand } from '../shared/call-names';
import { createHandlers } from './api/handlers';
import { Session } from './api/session';
import { createServices } from './platform/services';
import { appDataDir, Settings } from './settings/settings';
import { APP_VERSION } from './version';
import { installMenu, type MenuActions } from './electron/app-menu';
import { registerAppScheme, serveAppProtocol } from './electron/app-protocol';
import { serveCalls } from './electron/ipc-calls';
import { createMainWindow } from './electron/main-window';
import { integrationNameFor, startupWorkspace, workspaceArgument } from './electron/startup-workspace';
import { APP_ENTRY_URL, externalUrl, trustedOrigins } from './electron/url-policy';
import { guardAllWebContents, restrictPermissions } from './electron/web-contents-guards';
import { rememberWindowState, restoredWindowState } from './electron/window-state';
import { chooseFilePath, showError } from './electron/workspace-dialogs';

// Honoured only unpackaged: an environment variable must never point a shipped app at another page.
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
const trusted = trustedOrigins(devServerUrl);
const settings = new Settings(appDataDir());
/** Calls after which Open Recent may be out of date. */
const RECENT_CHANGING_CALLS = new Set<CallName>(['workspace.open', 'workspace.create', 'workspace.openDemo', 'workspace.forgetRecent']);

app.setName('Crosswalk');
// Chromium's profile goes inside Crosswalk's own folder, so CROSSWALK_HOME isolates it as well,
// and with it the single-instance lock (parallel test runs each get their own app).
app.setPath('userData', path.join(settings.dir, 'chromium'));
app.setAboutPanelOptions({ applicationName: 'Crosswalk', applicationVersion: APP_VERSION });
app.enableSandbox();
registerAppScheme();

if (!app.requestSingleInstanceLock()) app.quit();
else start();

function start(): void {
  let window: BrowserWindow | null = null;
  let fileFromOs: string | undefined;

  const services = createServices({ settingsDir: settings.dir });
  const session = new Session(
    settings,
    {
      kind: 'desktop',
      choosePath: (purpose, suggested) => chooseFilePath(window, purpose, suggested),
      openExternal: openSignIn,
      // The OS's proxy settings and PAC file, as Chromium reads them (calls arrive only after 'ready').
      resolveProxy: (url) => electronSession.defaultSession.resolveProxy(url),
    },
    services,
  );
  const send = (command: MenuCommand) => {
    if (window && !window.isDestroyed()) window.webContents.send(IPC_MENU_CHANNEL, command);
  };
  const refreshMenu = () => installMenu(menuActions, session.recent(), app.isPackaged);

  /** Switches the session's workspace from the menu or the OS, then tells the renderer to reload its data. */
  const switchWorkspace = async (failure: string, open: () => unknown) => {
    try {
      await open();
      send('workspace-changed');
    } catch (error) {
      await showError(window, failure, error);
    } finally {
      refreshMenu();
    }
  };
  const openFile = (file: string) => switchWorkspace(`Could not open ${path.basename(file)}`, () => session.open(file));

  const menuActions: MenuActions = {
    newWorkspace: async () => {
      const file = await chooseFilePath(window, 'create');
      if (file) await switchWorkspace('Could not create the workspace', () => session.create(file, integrationNameFor(file)));
    },
    openWorkspace: async () => {
      const file = await chooseFilePath(window, 'open');
      if (file) await openFile(file);
    },
    openDemo: () => switchWorkspace('Could not open the demo workspace', () => session.openDemo()),
    openRecent: (file) => openFile(file),
    send,
  };

  guardAllWebContents(trusted);
  serveCalls({
    ipcMain,
    handlers: createHandlers(session),
    mainWindow: () => window,
    trusted,
    log: services.log,
    events: session.events,
    afterCall: (name) => {
      if (RECENT_CHANGING_CALLS.has(name)) refreshMenu();
    },
  });

  app.on('second-instance', (_event, argv, workingDirectory) => {
    if (!window || window.isDestroyed()) return;
    if (window.isMinimized()) window.restore();
    window.focus();
    const file = workspaceArgument(argv, !!process.defaultApp);
    if (file) void openFile(path.resolve(workingDirectory, file));
  });
  // macOS hands files opened from Finder over as an event, possibly before 'ready'.
  app.on('open-file', (event, file) => {
    event.preventDefault();
    if (window) void openFile(file);
    else fileFromOs = file;
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    session.close();
    services.http.close?.();
  });

  app
    .whenReady()
    .then(async () => {
      restrictPermissions(trusted);
      serveAppProtocol(path.join(__dirname, '../renderer'));

      const problem = await openStartupWorkspace(session, fileFromOs);
      const state = restoredWindowState(settings);
      window = createMainWindow({ ...state, url: devServerUrl ?? APP_ENTRY_URL });
      rememberWindowState(window, settings);
      window.on('closed', () => {
        window = null;
      });
      refreshMenu();
      if (problem) window.once('show', () => void showError(window, problem.title, problem.error));
    })
    .catch((error: unknown) => {
      services.log.error('Start-up failed', error);
      console.error('[crosswalk] Start-up failed:', error);
      app.exit(1);
    });
}

/**
 * Opens the file named on the command line or in CROSSWALK_WORKSPACE, else the last recent workspace
 * that still exists, else the demo. A named file that fails to open is reported, and the demo opens instead.
 */
async function openStartupWorkspace(session: Session, fileFromOs: string | undefined) {
  const choice = startupWorkspace({
    argument: fileFromOs ?? workspaceArgument(process.argv, !!process.defaultApp),
    env: process.env,
    cwd: process.cwd(),
    recent: settings.recent(),
    exists: fs.existsSync,
  });
  let problem: { title: string; error: unknown } | undefined;
  if (choice.kind === 'file') {
    try {
      await session.open(choice.path);
      return undefined;
    } catch (error) {
      problem = { title: `Could not open ${path.basename(choice.path)}; the demo workspace is open instead`, error };
    }
  }
  try {
    await session.openDemo();
  } catch (error) {
    problem = { title: 'Could not open a workspace', error: problem?.error ?? error };
  }
  return problem;
}

/** An OAuth sign-in page in the system browser: only http(s) addresses, as for links (url-policy.ts). */
async function openSignIn(url: string): Promise<void> {
  const safe = externalUrl(url);
  if (!safe) throw new Error(`The authorization address ${url} is not an http or https address: correct it in the request's OAuth 2.0 settings.`);
  await shell.openExternal(safe);
}
