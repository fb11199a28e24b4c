// Finds the Electron executable without require('electron'): since Electron 42 that require starts a
// download. Shared by scripts/start.mjs and the Electron end-to-end tests.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const electronPackageDir = (root) => path.join(root, 'node_modules', 'electron');

/** The installed electron package's version, e.g. "45.4.1" (null when it is not installed). */
export function electronVersion(root = projectRoot) {
  try {
    return JSON.parse(fs.readFileSync(path.join(electronPackageDir(root), 'package.json'), 'utf8')).version;
  } catch {
    return null;
  }
}

/**
 * { path, reason }: path is the executable, or null with reason saying why there is none.
 * ELECTRON_EXEC_PATH (an executable) and ELECTRON_OVERRIDE_DIST_PATH (a dist folder) win when set,
 * as they do for the electron package itself.
 */
export function findElectronBinary({ root = projectRoot, env = process.env } = {}) {
  if (env.ELECTRON_EXEC_PATH) {
    return fs.existsSync(env.ELECTRON_EXEC_PATH)
      ? { path: env.ELECTRON_EXEC_PATH, reason: 'ELECTRON_EXEC_PATH' }
      : { path: null, reason: `ELECTRON_EXEC_PATH names ${env.ELECTRON_EXEC_PATH}, which does not exist` };
  }
  const packageDir = electronPackageDir(root);
  if (!fs.existsSync(path.join(packageDir, 'package.json'))) {
    return { path: null, reason: 'the electron package is not installed (run npm ci)' };
  }
  let relative;
  try {
    relative = fs.readFileSync(path.join(packageDir, 'path.txt'), 'utf8').trim();
  } catch {
    return { path: null, reason: 'node_modules/electron/path.txt is missing: the Electron binary was never downloaded' };
  }
  const distDir = env.ELECTRON_OVERRIDE_DIST_PATH || path.join(packageDir, 'dist');
  const binary = path.join(distDir, relative);
  return fs.existsSync(binary)
    ? { path: binary, reason: 'node_modules/electron' }
    : { path: null, reason: `${path.relative(root, binary) || binary} does not exist: the Electron binary was never downloaded` };
}

/** Where scripts/electron-native.mjs puts better-sqlite3 built for this Electron (see src/main/workspace/sqlite.ts). */
export function electronSqliteBinding(root = projectRoot, version = electronVersion(root)) {
  return path.join(root, 'native', `electron-${version}`, 'better_sqlite3.node');
}
