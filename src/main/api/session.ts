import fs from 'node:fs';
import path from 'node:path';
import type { FilePurpose, RecentWorkspace, WorkspaceSummary } from '../../shared/contract';
import { createDemoWorkspace } from '../demo/demo-workspace';
import { stopSuggestionWorkers } from '../mapping/compute-candidates';
import { listSystems } from '../openapi/systems';
import { MockRegistry } from '../sandbox/mock/registry';
import { UserError } from '../errors';
import type { Services } from '../platform/services';
import { currentCallContext } from './call-context';
import { EventHub } from './events';
import { startSystemMock } from './system-mocks';
import type { Settings } from '../settings/settings';
import { summarize } from '../workspace/summary';
import { createWorkspace, openWorkspace, type Workspace } from '../workspace/workspace';

/** What differs between the desktop app and the browser served by the web host. */
export interface Host {
  kind: 'desktop' | 'browser';
  /** Native open/save dialogs; absent in the browser. */
  choosePath?(purpose: FilePurpose, suggested?: string): Promise<string | null>;
  /** Opens an address in the system browser (OAuth sign-in); absent in the browser, whose tab opens it on the sandbox.openUrl event. */
  openExternal?(url: string): Promise<void>;
  /** The operating system's proxy for an address, in PAC form (Electron's session); absent in the browser and the CLI. */
  resolveProxy?(url: string): Promise<string>;
}

/** The workspace a running Crosswalk has open, shared by every call whichever transport carries it. */
export class Session {
  private workspace: Workspace | null = null;
  /** The mock sandboxes this session runs: they stop with their workspace and with the session. */
  readonly mocks = new MockRegistry();

  constructor(
    readonly settings: Settings,
    readonly host: Host,
    readonly services: Services,
    /** Main's events for whichever transports serve this session. */
    readonly events = new EventHub(),
  ) {}

  get current(): Workspace | null {
    return this.workspace;
  }

  /**
   * The open workspace, for a call meant for it. A window still showing another workspace (switched
   * in another window or browser tab) is refused, so its edits never land in the wrong file.
   */
  requireWorkspace(): Workspace {
    if (!this.workspace) {
      throw new UserError('NO_WORKSPACE', 'No workspace is open: open or create one in Workspaces first.');
    }
    const { expectedWorkspace } = currentCallContext();
    if (expectedWorkspace !== undefined && expectedWorkspace !== this.workspace.path) {
      throw new UserError(
        'WORKSPACE_CHANGED',
        `This window shows ${path.basename(expectedWorkspace)}, but ${path.basename(this.workspace.path)} was opened since (in another window or tab): reload to continue there. Nothing was saved.`,
      );
    }
    return this.workspace;
  }

  async open(file: string): Promise<WorkspaceSummary> {
    return this.switchTo(await openWorkspace(file));
  }

  create(file: string, integrationName: string): WorkspaceSummary {
    return this.switchTo(createWorkspace(withExtension(file), integrationName));
  }

  /** Opens the demo workspace in the settings folder, writing it first if it is not there. */
  async openDemo(): Promise<WorkspaceSummary> {
    const file = path.join(this.settings.dir, 'demo.crosswalk');
    if (!fs.existsSync(file)) (await createDemoWorkspace(file, this.services)).close();
    const summary = await this.open(file);
    // Neither demo system has a sandbox of its own: their mocks answer from the first minute.
    for (const system of listSystems(this.workspace!)) await startSystemMock(this, this.workspace!, system.id);
    return summary;
  }

  recent(): RecentWorkspace[] {
    return this.settings.recent().map((entry) => ({ ...entry, exists: fs.existsSync(entry.path) }));
  }

  /** Closes the workspace; suggestions still computing for it are stopped (their rows are never written), its mocks too. */
  close(): void {
    stopSuggestionWorkers();
    if (this.workspace) void this.mocks.stopWorkspace(this.workspace.path);
    this.workspace?.close();
    this.workspace = null;
  }

  private switchTo(workspace: Workspace): WorkspaceSummary {
    this.close();
    this.workspace = workspace;
    const summary = summarize(workspace);
    this.settings.rememberRecent({ path: workspace.path, name: summary.integration.name });
    return summary;
  }
}

const withExtension = (file: string) => (path.extname(file) ? file : `${file}.crosswalk`);
