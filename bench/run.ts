// Foundation benchmarks: each figure is printed as a ratio against a baseline measured in the same run.
//   npm run bench
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createHandlers } from '../src/main/api/handlers';
import { addQuestion } from '../src/main/specification/questions';
import { startWebHost } from '../src/main/webhost/server';
import { browserSession } from '../tests/helpers/calls';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crosswalk-bench-'));
const WRITES = 2_000;
const CALLS = 1_000;

async function time(run: () => unknown | Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await run();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function report(name: string, ours: number, baseline: number, baselineName: string) {
  console.log(`${name.padEnd(44)} ${ours.toFixed(1).padStart(8)} ms   ${baselineName.padEnd(36)} ${baseline.toFixed(1).padStart(8)} ms   ratio ${(ours / baseline).toFixed(2)}x`);
}

async function workspaceWrites() {
  const session = browserSession(dir);
  session.create(path.join(dir, 'writes.crosswalk'), 'Bench');
  const workspace = session.requireWorkspace();
  const ours = await time(() => {
    for (let i = 0; i < WRITES; i++) addQuestion(workspace, { kind: 'question', question: `Question ${i}?`, owner: 'bench' });
  });
  session.close();

  const raw = new Database(path.join(dir, 'raw.sqlite'));
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = FULL');
  raw.exec('CREATE TABLE q (id INTEGER PRIMARY KEY, kind TEXT, question TEXT, owner TEXT, created_at TEXT, updated_at TEXT)');
  const insert = raw.prepare('INSERT INTO q (kind, question, owner, created_at, updated_at) VALUES (?, ?, ?, ?, ?)');
  const select = raw.prepare('SELECT * FROM q WHERE id = ?');
  const baseline = await time(() => {
    for (let i = 0; i < WRITES; i++) {
      const now = new Date().toISOString();
      const id = raw.transaction(() => insert.run('question', `Question ${i}?`, 'bench', now, now).lastInsertRowid).immediate();
      select.get(id);
    }
  });
  raw.close();
  report(`${WRITES} durable writes, one transaction each`, ours, baseline, 'bare better-sqlite3, same pragmas');
}

async function webHostCalls() {
  const session = browserSession(dir);
  await session.open(path.join(dir, 'writes.crosswalk'));
  const host = await startWebHost({ handlers: createHandlers(session), rendererDir: dir, log: session.services.log, events: session.events });
  const origin = `http://127.0.0.1:${host.port}`;
  const call = () =>
    fetch(`${origin}/api/integration.get`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-crosswalk-token': host.token },
      body: '{}',
    }).then((response) => response.json());
  await call();
  const ours = await time(async () => {
    for (let i = 0; i < CALLS; i++) await call();
  });

  const body = JSON.stringify(await call());
  const bare = http.createServer((_request, response) => {
    _request.resume();
    _request.on('end', () => response.end(body));
  });
  await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
  const bareUrl = `http://127.0.0.1:${(bare.address() as AddressInfo).port}/`;
  const baseline = await time(async () => {
    for (let i = 0; i < CALLS; i++) await fetch(bareUrl, { method: 'POST', body: '{}' }).then((response) => response.json());
  });
  report(`${CALLS} contract calls through the web host`, ours, baseline, 'bare node:http answering the same');
  await host.close();
  bare.closeAllConnections();
  bare.close();
  session.close();
}

async function main() {
  console.log(`Crosswalk foundation bench (Node ${process.version}, ${os.cpus().length} cores)`);
  await workspaceWrites();
  await webHostCalls();
  fs.rmSync(dir, { recursive: true, force: true });
}

void main();
