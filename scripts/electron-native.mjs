#!/usr/bin/env node
// Builds better-sqlite3 for Electron's ABI into native/electron-<version>/better_sqlite3.node, from a
// copy of the package's sources, so node_modules keeps its build for Node (tests, CLI, web host).
// Needs Electron's headers from the internet. Usage: node scripts/electron-native.mjs [--force]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { electronSqliteBinding, electronVersion, projectRoot } from './electron-binary.mjs';

const HEADERS_URL = 'https://electronjs.org/headers';
const BUILD_TIMEOUT_MS = 15 * 60 * 1000;

function fail(sentence, logFile) {
  console.error(`electron-native: ${sentence}${logFile ? ` Full log: ${logFile}` : ''}`);
  process.exit(1);
}

function findNodeGyp() {
  const candidates = [
    process.env.npm_config_node_gyp,
    path.join(projectRoot, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
    // npm's own copy: <prefix>/lib/node_modules/npm on POSIX, <prefix>/node_modules/npm on Windows.
    path.join(path.dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
    path.join(path.dirname(process.execPath), 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
  ];
  return candidates.find((candidate) => candidate && fs.existsSync(candidate));
}

/** Electron's Node ABI, from the electron package (abi_version ships with it since Electron 42). */
function electronAbi() {
  try {
    return fs.readFileSync(path.join(projectRoot, 'node_modules', 'electron', 'abi_version'), 'utf8').trim();
  } catch {
    return null;
  }
}

/** A module built with NODE_MODULE_INIT exports node_register_module_v<ABI>: the one ABI it loads in. */
function abisOf(file) {
  const text = fs.readFileSync(file).toString('latin1');
  return [...new Set([...text.matchAll(/node_register_module_v(\d+)/g)].map((match) => match[1]))];
}

const version = electronVersion();
if (!version) fail('The electron package is not installed: run npm ci first.');
const target = electronSqliteBinding(projectRoot, version);
if (fs.existsSync(target) && !process.argv.includes('--force')) {
  console.log(`better-sqlite3 for Electron ${version} is already built: ${path.relative(projectRoot, target)} (--force rebuilds it).`);
  process.exit(0);
}

const source = path.join(projectRoot, 'node_modules', 'better-sqlite3');
if (!fs.existsSync(path.join(source, 'binding.gyp'))) fail('node_modules/better-sqlite3 is missing: run npm ci first.');
const nodeGyp = findNodeGyp();
if (!nodeGyp) fail('node-gyp was not found (it ships with npm): reinstall npm or run npm install --no-save node-gyp.');

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'crosswalk-sqlite-electron-'));
const logFile = path.join(os.tmpdir(), `crosswalk-electron-native-${version}.log`);
fs.cpSync(source, work, {
  recursive: true,
  filter: (file) => !['build', 'node_modules'].includes(path.relative(source, file).split(path.sep)[0]),
});

// npm exports its config to scripts as npm_config_*; on these machines that includes nodedir=/usr,
// which would make node-gyp compile against Node's headers and silently produce Node's ABI.
const env = Object.fromEntries(
  Object.entries(process.env).filter(([key]) => !/^npm_config_(nodedir|target|runtime|disturl|dist_url|arch)$/i.test(key)),
);

console.log(`Building better-sqlite3 for Electron ${version} (downloads Electron's headers, then compiles for about a minute)…`);
const log = fs.openSync(logFile, 'w');
const result = spawnSync(
  process.execPath,
  [nodeGyp, 'rebuild', '--release', '--runtime=electron', `--target=${version}`, `--dist-url=${HEADERS_URL}`, `--arch=${process.arch}`, '--jobs=max'],
  { cwd: work, env, stdio: ['ignore', log, log], timeout: BUILD_TIMEOUT_MS },
);
fs.closeSync(log);

const built = path.join(work, 'build', 'Release', 'better_sqlite3.node');
if (result.status !== 0 || !fs.existsSync(built)) {
  fs.rmSync(work, { recursive: true, force: true });
  const output = fs.readFileSync(logFile, 'utf8');
  if (result.error?.code === 'ETIMEDOUT') fail(`node-gyp took longer than ${BUILD_TIMEOUT_MS / 60000} minutes and was stopped.`, logFile);
  if (/ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|socket hang up|getaddrinfo|certificate|\b40[34]\b|proxy/i.test(output)) {
    fail(`Could not build better-sqlite3 for Electron ${version}: Electron's headers could not be downloaded from ${HEADERS_URL} (this machine has no access to it).`, logFile);
  }
  fail(`Could not build better-sqlite3 for Electron ${version}: node-gyp failed (a C++ toolchain and Python 3 are needed).`, logFile);
}

const abi = electronAbi();
const found = abisOf(built);
if (abi && !found.includes(abi)) {
  fs.rmSync(work, { recursive: true, force: true });
  fail(`The build targets Node ABI ${found.join(', ') || 'unknown'}, not Electron ${version}'s ABI ${abi}: it was compiled against the wrong headers.`, logFile);
}

fs.mkdirSync(path.dirname(target), { recursive: true });
const partial = `${target}.${process.pid}.tmp`;
fs.copyFileSync(built, partial);
fs.renameSync(partial, target);
fs.rmSync(work, { recursive: true, force: true });
console.log(
  `Built ${path.relative(projectRoot, target)} for Electron ${version}` +
    (abi ? ` (ABI ${abi}, checked).` : ' (ABI not checked: node_modules/electron/abi_version is missing).'),
);
