import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Where Crosswalk keeps its own settings (not the analyst's work, which lives in workspace files). */
export function appDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.CROSSWALK_HOME) return path.resolve(env.CROSSWALK_HOME);
  const home = os.homedir();
  switch (process.platform) {
    case 'darwin':
      return path.join(home, 'Library', 'Application Support', 'Crosswalk');
    case 'win32':
      return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Crosswalk');
    default:
      return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'crosswalk');
  }
}

export interface RecentEntry {
  path: string;
  name: string;
  openedAt: string;
}

export interface WindowState {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

interface SettingsData {
  recent: RecentEntry[];
  window?: WindowState;
}

const RECENT_KEPT = 10;

/** A small JSON file, rewritten atomically (temp file + rename) so a crash never leaves half of it. */
export class Settings {
  readonly file: string;

  constructor(readonly dir: string = appDataDir()) {
    this.file = path.join(dir, 'settings.json');
  }

  recent(): RecentEntry[] {
    return this.load().recent;
  }

  rememberRecent(entry: Omit<RecentEntry, 'openedAt'>): void {
    const data = this.load();
    data.recent = [
      { ...entry, openedAt: new Date().toISOString() },
      ...data.recent.filter((existing) => existing.path !== entry.path),
    ].slice(0, RECENT_KEPT);
    this.save(data);
  }

  forgetRecent(file: string): void {
    const data = this.load();
    data.recent = data.recent.filter((existing) => existing.path !== file);
    this.save(data);
  }

  windowState(): WindowState | undefined {
    return this.load().window;
  }

  saveWindowState(window: WindowState): void {
    this.save({ ...this.load(), window });
  }

  private load(): SettingsData {
    try {
      const data = JSON.parse(fs.readFileSync(this.file, 'utf8')) as Partial<SettingsData>;
      return { ...data, recent: Array.isArray(data.recent) ? data.recent : [] };
    } catch {
      return { recent: [] };
    }
  }

  private save(data: SettingsData): void {
    fs.mkdirSync(this.dir, { recursive: true });
    const temp = `${this.file}.${process.pid}.tmp`;
    fs.writeFileSync(temp, JSON.stringify(data, null, 2));
    fs.renameSync(temp, this.file);
  }
}
