#!/usr/bin/env node
// `npm start [-- path/to/file.crosswalk]`: the Electron app when it can run here; otherwise, saying why,
// the same UI served to the browser by `bin/crosswalk serve`.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { electronSqliteBinding, electronVersion, findElectronBinary, projectRoot } from './electron-binary.mjs';

const FETCH_TIMEOUT_MS = 120_000;
/** An Electron that exits with an error this soon never got a window up (missing libraries, no GPU…). */
const EARLY_EXIT_MS = 5_000;

// npm runs scripts from the package root: resolve workspace paths against where `npm start` was typed.
const callerDir = process.env.INIT_CWD ?? process.cwd();
const args = process.argv.slice(2).map((arg) => (arg.startsWith('-') ? arg : path.resolve(callerDir, arg)));

const say = (line) => console.log(`crosswalk: ${line}`);

main().catch((error) => {
  console.error(`crosswalk: npm start failed: ${error?.message ?? error}`);
  process.exit(1);
});

async function main() {
  const why = electronUnavailable();
  if (why) return serveInBrowser(why);

  if (!build()) process.exit(1);
  const binary = findElectronBinary().path;
  say(`starting the Electron app (Electron ${electronVersion()}).`);
  const started = Date.now();
  const { code, signal } = await run(binary, [projectRoot, ...args], withoutRunAsNode(process.env));
  if (code && Date.now() - started < EARLY_EXIT_MS) {
    return serveInBrowser(`Electron exited at once with status ${code}, so it cannot run on this machine (see its output above).`);
  }
  exitLike(code, signal);
}

/** Why the Electron app cannot run here, or null when it can (fetching its binary once if needed). */
function electronUnavailable() {
  let binary = findElectronBinary();
  if (!binary.path && !process.env.ELECTRON_EXEC_PATH && electronVersion()) {
    say(`no Electron binary yet: fetching Electron ${electronVersion()} (at most ${FETCH_TIMEOUT_MS / 1000} s)…`);
    const fetched = spawnSync(process.execPath, [path.join(projectRoot, 'node_modules', 'electron', 'install.js')], {
      cwd: projectRoot,
      encoding: 'utf8',
      timeout: FETCH_TIMEOUT_MS,
    });
    binary = findElectronBinary();
    if (!binary.path) {
      const detail =
        fetched.error?.code === 'ETIMEDOUT'
          ? `no answer within ${FETCH_TIMEOUT_MS / 1000} s`
          : firstLine(fetched.stderr) || firstLine(fetched.stdout) || `installer exit status ${fetched.status}`;
      return `No Electron binary: it could not be downloaded (${detail}; it comes from github.com/electron/electron/releases unless ELECTRON_MIRROR says otherwise).`;
    }
  }
  if (!binary.path) return `No Electron binary: ${binary.reason}.`;
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return 'No display (DISPLAY and WAYLAND_DISPLAY are unset), so Electron cannot open a window here.';
  }
  if (!fs.existsSync(electronSqliteBinding())) {
    say("better-sqlite3 has no build for Electron's ABI yet: building it once.");
    const native = spawnSync(process.execPath, [path.join(projectRoot, 'scripts', 'electron-native.mjs')], { cwd: projectRoot, stdio: 'inherit' });
    if (native.status !== 0) return "better-sqlite3 could not be built for Electron (see the line above), and Electron cannot open workspaces without it.";
  }
  return null;
}

async function serveInBrowser(reason) {
  say(reason);
  say('serving the same UI to your browser instead.');
  if (rendererIsStale() && !build()) {
    if (!fs.existsSync(path.join(projectRoot, 'out', 'renderer', 'index.html'))) process.exit(1);
    say('the build failed: serving the previous build of the UI.');
  }
  const { code, signal } = await run(process.execPath, [path.join(projectRoot, 'bin', 'crosswalk'), 'serve', ...args], process.env);
  exitLike(code, signal);
}

function build() {
  const cli = path.join(projectRoot, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  const result = spawnSync(process.execPath, [cli, 'build'], { cwd: projectRoot, stdio: 'inherit' });
  if (result.status !== 0) console.error('crosswalk: electron-vite build failed (see above).');
  return result.status === 0;
}

/** True when out/renderer is missing or older than any source it is built from. */
function rendererIsStale() {
  const built = path.join(projectRoot, 'out', 'renderer', 'index.html');
  if (!fs.existsSync(built)) return true;
  const builtAt = fs.statSync(built).mtimeMs;
  const sources = ['src/renderer', 'src/shared', 'electron.vite.config.ts', 'package.json'].map((entry) => path.join(projectRoot, entry));
  return sources.some((source) => newestMtime(source) > builtAt);
}

function newestMtime(entry) {
  if (!fs.existsSync(entry)) return 0;
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs
    .readdirSync(entry, { withFileTypes: true })
    .reduce((newest, child) => Math.max(newest, newestMtime(path.join(entry, child.name))), stat.mtimeMs);
}

/**
 * Runs a child with our stdio. On POSIX it gets its own process group so that a terminal's Ctrl+C
 * reaches it only through us; npm forwards the same signal to us too, so a repeat within a moment is
 * dropped (the child would take a second SIGINT as "stop now, skip the clean-up").
 */
function run(command, commandArgs, env) {
  return new Promise((resolve, reject) => {
    // From where `npm start` was typed: a relative path the analyst types later (in the app or the browser) means a file there, not in the install folder.
    const child = spawn(command, commandArgs, { cwd: callerDir, env, stdio: 'inherit', detached: process.platform !== 'win32' });
    const lastSent = new Map();
    const forward = (signal) => {
      if (Date.now() - (lastSent.get(signal) ?? 0) < 1000) return;
      lastSent.set(signal, Date.now());
      child.kill(signal);
    };
    const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'];
    for (const signal of signals) process.on(signal, forward);
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      for (const name of signals) process.off(name, forward);
      resolve({ code, signal });
    });
  });
}

function exitLike(code, signal) {
  process.exit(code ?? (signal ? 128 + (os.constants.signals[signal] ?? 0) : 1));
}

function withoutRunAsNode(env) {
  const copy = { ...env };
  delete copy.ELECTRON_RUN_AS_NODE;
  return copy;
}

function firstLine(text) {
  return (text ?? '').split('\n').map((line) => line.trim()).find(Boolean) ?? '';
}
