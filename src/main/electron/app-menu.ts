import path from 'node:path';
import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/call-names';
import type { RecentWorkspace } from '../../shared/contract';

export interface MenuActions {
  newWorkspace(): void;
  openWorkspace(): void;
  openDemo(): void;
  openRecent(file: string): void;
  /** Forwards a command to the renderer over IPC_MENU_CHANNEL. */
  send(command: MenuCommand): void;
}

const areas: { label: string; command: MenuCommand }[] = [
  { label: 'Overview', command: 'go:overview' },
  { label: 'Systems', command: 'go:systems' },
  { label: 'Mapping', command: 'go:mapping' },
  { label: 'Sandbox', command: 'go:sandbox' },
  { label: 'Spec && Export', command: 'go:spec' },
];

/** Rebuilt whenever the recent workspaces change, so Open Recent stays current. */
export function installMenu(actions: MenuActions, recent: readonly RecentWorkspace[], isPackaged: boolean): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(actions, recent, isPackaged, process.platform === 'darwin')));
}

function menuTemplate(
  actions: MenuActions,
  recent: readonly RecentWorkspace[],
  isPackaged: boolean,
  isMac: boolean,
): MenuItemConstructorOptions[] {
  const existing = recent.filter((entry) => entry.exists);
  return [
    ...(isMac ? [{ role: 'appMenu' } as const] : []),
    {
      label: '&File',
      submenu: [
        { label: 'New Workspace…', accelerator: 'CmdOrCtrl+N', click: () => actions.newWorkspace() },
        { label: 'Open Workspace…', accelerator: 'CmdOrCtrl+O', click: () => actions.openWorkspace() },
        { label: 'Open Demo Workspace', click: () => actions.openDemo() },
        {
          label: 'Open Recent',
          submenu: existing.length
            ? existing.map((entry) => ({
                label: `${entry.name.replace(/&/g, '&&')} (${path.basename(entry.path).replace(/&/g, '&&')})`,
                click: () => actions.openRecent(entry.path),
              }))
            : [{ label: 'No Recent Workspaces', enabled: false }],
        },
        { label: 'Manage Workspaces', click: () => actions.send('go:workspaces') },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: '&View',
      submenu: [
        ...areas.map(({ label, command }, index) => ({
          id: command,
          label,
          accelerator: `CmdOrCtrl+${index + 1}`,
          click: () => actions.send(command),
        })),
        { type: 'separator' },
        ...(isPackaged ? [] : [{ role: 'reload' } as const, { role: 'toggleDevTools' } as const, { type: 'separator' } as const]),
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [{ role: 'about', label: 'About Crosswalk' }],
    },
  ];
}
