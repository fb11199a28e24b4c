// Which workspace the desktop app opens at start-up, and when a second launch hands it a file.
import path from 'node:path';

/**
 * The workspace file named on the command line. Electron's argv holds the executable, Chromium and
 * inspector switches (Playwright adds some) and, when run as `electron <app>`, the app path: the
 * workspace is the first positional argument after those.
 */
export function workspaceArgument(argv: readonly string[], defaultApp: boolean): string | undefined {
  const positionals = argv.slice(1).filter((arg) => !arg.startsWith('-'));
  return (defaultApp ? positionals.slice(1) : positionals)[0];
}

export type StartupWorkspace = { kind: 'file'; path: string; reason: 'argument' | 'environment' | 'recent' } | { kind: 'demo' };

export function startupWorkspace(options: {
  argument: string | undefined;
  env: NodeJS.ProcessEnv;
  cwd: string;
  recent: readonly { path: string }[];
  exists: (file: string) => boolean;
}): StartupWorkspace {
  if (options.argument) return { kind: 'file', path: path.resolve(options.cwd, options.argument), reason: 'argument' };
  const fromEnv = options.env.CROSSWALK_WORKSPACE?.trim();
  if (fromEnv) return { kind: 'file', path: path.resolve(options.cwd, fromEnv), reason: 'environment' };
  const lastExisting = options.recent.find((entry) => options.exists(entry.path));
  if (lastExisting) return { kind: 'file', path: lastExisting.path, reason: 'recent' };
  return { kind: 'demo' };
}

/** A new workspace's integration is named after its file until the analyst renames it. */
export function integrationNameFor(file: string): string {
  const base = path.basename(file, path.extname(file)).replace(/[-_]+/g, ' ').trim();
  return base || 'New integration';
}
