// The mocks an app runs: at most one per workspace and system, started and stopped on demand, listed
// for the Sandbox area, looked up when a "Mock" environment sends (its port is known only while the
// mock runs), and all stopped when their workspace closes or the app quits.
import { UserError } from '../../errors';
import type { Chaos } from './faults';
import { startMock, type MockOptions, type RunningMock } from './server';

type JsonObject = Record<string, unknown>;

export interface MockStart {
  /** The workspace's path (as the session knows it). */
  workspace: string;
  system: string;
  document: JsonObject;
  port?: number;
  seed?: number;
  chaos?: Chaos;
}

export interface MockSummary {
  workspace: string;
  system: string;
  url: string;
  port: number;
  seed: number;
  chaos: Chaos;
  startedAt: string;
}

interface Entry {
  summary: MockSummary;
  mock: RunningMock;
}

const keyOf = (workspace: string, system: string) => `${workspace}\u0000${system}`;

export class MockRegistry {
  private readonly running = new Map<string, Entry>();
  private readonly starting = new Map<string, Promise<MockSummary>>();

  constructor(private readonly start: (document: JsonObject, options: MockOptions) => Promise<RunningMock> = startMock) {}

  /** Starts the system's mock; one already running (or starting) is answered as it is. */
  async startMock(request: MockStart): Promise<MockSummary> {
    const key = keyOf(request.workspace, request.system);
    const running = this.running.get(key);
    if (running) return running.summary;
    const pending = this.starting.get(key);
    if (pending) return pending;
    const seed = request.seed ?? 1;
    const starting = this.start(request.document, { port: request.port, seed, chaos: request.chaos }).then((mock) => {
      const summary: MockSummary = { workspace: request.workspace, system: request.system, url: mock.url, port: mock.port, seed, chaos: request.chaos ?? {}, startedAt: new Date().toISOString() };
      this.running.set(key, { summary, mock });
      return summary;
    });
    this.starting.set(key, starting);
    try {
      return await starting;
    } finally {
      this.starting.delete(key);
    }
  }

  /** The running mocks, of one workspace or all. */
  list(workspace?: string): MockSummary[] {
    return [...this.running.values()].map((entry) => entry.summary).filter((summary) => workspace === undefined || summary.workspace === workspace);
  }

  /** The address a "Mock" environment sends to: the running mock's, or an error saying to start it. */
  urlOf(workspace: string, system: string): string {
    const entry = this.running.get(keyOf(workspace, system));
    if (!entry) throw new UserError('MOCK_NOT_RUNNING', `The mock of ${system} is not running: start the mock (Sandbox area, or crosswalk mock <workspace> --system "${system}"), then send again.`);
    return entry.summary.url;
  }

  /** Forgets what the mock's clients created, changed and deleted, and its rate limit's count. */
  reset(workspace: string, system: string): void {
    this.running.get(keyOf(workspace, system))?.mock.reset();
  }

  /** Stops one mock; false when it was not running. */
  async stop(workspace: string, system: string): Promise<boolean> {
    const key = keyOf(workspace, system);
    await this.starting.get(key)?.catch(() => undefined);
    const entry = this.running.get(key);
    if (!entry) return false;
    this.running.delete(key);
    await entry.mock.close();
    return true;
  }

  /** When a workspace closes: its mocks stop. */
  async stopWorkspace(workspace: string): Promise<void> {
    await Promise.all([...this.starting.keys()].map((key) => this.starting.get(key)?.catch(() => undefined)));
    await Promise.all(this.list(workspace).map((summary) => this.stop(summary.workspace, summary.system)));
  }

  /** When the app quits: every mock stops. */
  async stopAll(): Promise<void> {
    await Promise.all([...this.starting.values()].map((pending) => pending.catch(() => undefined)));
    await Promise.all(this.list().map((summary) => this.stop(summary.workspace, summary.system)));
  }
}
