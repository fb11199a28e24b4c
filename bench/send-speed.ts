// Sandbox send path against a bare client, in one run: 500 sequential requests to a local server
// through the whole send path (variables, secrets, auth, platform http, body file, history row)
// against undici's `request` plus the same file write and SQLite insert. Then a 100 MB response: what
// would cross to the renderer, and how much the main process' heap grows.
//   npx tsx --expose-gc bench/send-speed.ts
// The history is filled to its limit first, so that each send also prunes, as in daily use.
// Targets: ratio within 1.2× (against a fresh connection per request, as the send path opens); renderer
// payload < 1 MB; heap growth < 50 MB.
// The server counts the connections each kind opens: the run stops if the send path or the fresh bare did
// not open one per request, or the keep-alive bare opened any.
// Files and databases go to os.tmpdir(). Where making and deleting a file is dear (ext4 under load: ~0.4 ms
// of system time each), the bare's new file per request weighs more than the send path's, which reuses
// pruned bodies' files; TMPDIR=/dev/shm (tmpfs) gives the same comparison with file operations nearly free.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Agent, request as undiciRequest } from 'undici';
import { contract, RequestDraftInput } from '../src/shared/contract';
import { addSystem } from '../src/main/openapi/systems';
import { createHttpService } from '../src/main/platform/http';
import { Redactor } from '../src/main/platform/redact';
import { KeyFiles, rememberingKeys } from '../src/main/platform/secrets';
import { send, type SendDeps } from '../src/main/sandbox/send/send';
import { BodyCache } from '../src/main/sandbox/store/body-cache';
import { saveEnvironment } from '../src/main/sandbox/store/environments';
import { addHistory, sandboxSettings } from '../src/main/sandbox/store/history';
import { saveRequest } from '../src/main/sandbox/store/requests';
import { workspaceIdOf } from '../src/main/workspace/secrets';
import { createWorkspace } from '../src/main/workspace/workspace';

const N = Number(process.env.N ?? 500);
const BIG = 100 * 1024 * 1024;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crosswalk-send-bench-'));
const answer = JSON.stringify({ id: 'c-42', name: 'Ada', tier: 'gold', orders: Array.from({ length: 20 }, (_, i) => ({ id: i, total: i * 3.5 })) });

const server = http.createServer((request, response) => {
  if (request.url?.startsWith('/big')) {
    response.writeHead(200, { 'content-type': 'application/json', 'content-length': String(BIG) });
    const piece = Buffer.alloc(256 * 1024, 0x20);
    let sent = 0;
    const pump = () => {
      while (sent < BIG) {
        sent += piece.length;
        if (!response.write(piece)) return void response.once('drain', pump);
      }
      response.end();
    };
    return pump();
  }
  request.resume();
  request.on('end', () => {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(answer);
  });
});

async function main() {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const workspace = createWorkspace(path.join(dir, 'bench.crosswalk'), 'Bench');
  const { id: systemId } = addSystem(workspace, 'crm', { text: '{"openapi":"3.0.3","info":{"title":"CRM","version":"1"},"paths":{}}', files: {}, format: 'json', title: 'CRM', apiVersion: '1', openapiVersion: '3.0.3', source: 'bench' });
  const redactor = new Redactor();
  const store = { workspace, secrets: { keys: rememberingKeys(new KeyFiles(path.join(dir, 'keys'))), env: {}, redactor } };
  const cache = new BodyCache(path.join(dir, 'cache'), workspaceIdOf(workspace));
  const environment = saveEnvironment(store, contract['sandbox.saveEnvironment'].input.parse({ systemId, name: 'Local', kind: 'sandbox', baseUrl: origin, variables: [{ name: 'token', value: 'bench-token-123456', secret: true }] }));
  const saved = saveRequest(store, contract['sandbox.saveRequest'].input.parse({ systemId, name: 'Get', method: 'GET', url: '{{baseUrl}}/customers/c-42', headers: [{ name: 'Authorization', value: 'Bearer {{token}}' }] }));
  const httpService = createHttpService({ env: {} });
  const deps: SendDeps = { store, cache, http: httpService, redactor };
  const sendOnce = () => send(deps, { request: { requestId: saved.id }, environmentId: environment.id, variables: {}, confirmProduction: false });

  // Bare: undici, the same body file and one insert per request.
  const raw = new Database(path.join(dir, 'raw.sqlite'));
  raw.pragma('journal_mode = WAL');
  // As the history row is committed (Workspace.write with waitForDisk: false): with FULL, each insert
  // here would also wait for the disk, which the send path does not.
  raw.pragma('synchronous = NORMAL');
  raw.exec('CREATE TABLE h (id INTEGER PRIMARY KEY, at TEXT, method TEXT, url TEXT, status INTEGER, size INTEGER, body_id TEXT, detail TEXT)');
  const insert = raw.prepare('INSERT INTO h (at, method, url, status, size, body_id, detail) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const bareDir = path.join(dir, 'bare');
  fs.mkdirSync(bareDir);
  // One agent for each kind: sharing undici's global one, the fresh kind reused the connection the
  // keep-alive kind had just left open (it opened none at all, the keep-alive kind one per request).
  const agents = { fresh: new Agent(), keptAlive: new Agent() };
  const bare = async (i: number, fresh: boolean) => {
    const response = await undiciRequest(`${origin}/customers/c-42`, {
      headers: { authorization: 'Bearer bench-token-123456' },
      reset: fresh,
      dispatcher: fresh ? agents.fresh : agents.keptAlive,
    });
    const body = Buffer.from(await response.body.arrayBuffer());
    // A file of its own for each kind and request: the keep-alive kind once overwrote the file the fresh kind
    // had just made, which costs a fraction of making one.
    fs.writeFileSync(path.join(bareDir, `${fresh ? 'f' : 'k'}${i}.body`), body);
    raw.transaction(() => insert.run(new Date().toISOString(), 'GET', `${origin}/customers/c-42`, response.statusCode, body.length, String(i), JSON.stringify(response.headers))).immediate();
  };

  // Parts of the send path on their own, for each step's share.
  const exchangeOnly = async (i: number) => {
    const response = await httpService.request({ url: `${origin}/customers/c-42`, headers: { authorization: 'Bearer bench-token-123456' }, responseBody: 'stream' });
    const chunks: Buffer[] = [];
    for await (const chunk of response.body) chunks.push(chunk as Buffer);
    fs.writeFileSync(path.join(bareDir, `x${i}.body`), Buffer.concat(chunks));
  };
  const historyOnly = () =>
    addHistory(store, cache, {
      systemId,
      requestId: saved.id,
      environmentId: environment.id,
      method: 'GET',
      url: `${origin}/customers/c-42`,
      status: 200,
      statusText: 'OK',
      error: null,
      errorKind: null,
      timings: { dns: null, connect: 1, tls: null, firstByte: 1, download: 1, total: 2 },
      size: answer.length,
      contentType: 'application/json',
      bodyId: null,
      detail: { request: { method: 'GET', url: origin, headers: [] }, headers: [], redirects: [], draft: null },
    });

  // An analyst's history is full (1,000 calls by default): each send then also prunes the oldest row and
  // deletes its body file. Measured there, not while the history is still filling up.
  const { historyLimit } = sandboxSettings(store, cache, {});
  for (let i = 0; i < historyLimit; i++) await sendOnce();

  // Interleaved, one request of each kind in turn, so a machine that gets busier or quieter during the run
  // weighs on every kind alike.
  const kinds = {
    ours: () => sendOnce(),
    bareFresh: (i: number) => bare(i, true),
    bareKeepAlive: (i: number) => bare(i, false),
    exchange: exchangeOnly,
    history: historyOnly,
  };
  const totals = Object.fromEntries(Object.keys(kinds).map((kind) => [kind, 0])) as Record<keyof typeof kinds, number>;
  // Processor time too: on a shared machine, waiting for a core weighs on wall time but not on it.
  const cpu = { ...totals };
  // Connections the server accepted during each kind's requests: what "new connection each" claims is checked.
  const connections = { ...totals };
  let accepted = 0;
  server.on('connection', () => (accepted += 1));
  for (let i = -20; i < N; i++) {
    for (const [kind, run] of Object.entries(kinds) as Array<[keyof typeof kinds, (i: number) => unknown]>) {
      const start = performance.now();
      const startCpu = process.cpuUsage();
      const acceptedBefore = accepted;
      await run(i < 0 ? 1_000_000 + i : i);
      // What a request leaves to the next turns of the event loop (its sockets closing at both ends) is
      // its own, not the next kind's: each pays for its own, and the same few turns.
      for (let turn = 0; turn < 6; turn++) await new Promise((resolve) => setImmediate(resolve));
      if (i >= 0) {
        connections[kind] += accepted - acceptedBefore;
        totals[kind] += performance.now() - start;
        const used = process.cpuUsage(startCpu);
        cpu[kind] += (used.user + used.system) / 1000;
      }
    }
  }
  const { ours, bareFresh, bareKeepAlive } = totals;
  if (connections.ours !== N || connections.bareFresh !== N || connections.bareKeepAlive !== 0) {
    throw new Error(`Not the connections the comparison is about: ${JSON.stringify(connections)} for ${N} requests of each kind.`);
  }

  const line = (name: string, ms: number) => console.log(`${name.padEnd(64)} ${ms.toFixed(0).padStart(6)} ms  ${(ms / N).toFixed(2)} ms/request`);
  console.log(`${N} sequential GETs to ${origin} (small JSON answer):`);
  line('crosswalk send path (secrets, variables, http, body file, history row)', ours);
  line('undici request + file write + insert, new connection each (reset)', bareFresh);
  line('undici request + file write + insert, kept-alive connection', bareKeepAlive);
  console.log(`ratio against a new connection each: ${(ours / bareFresh).toFixed(2)}× (target ≤ 1.2×); against keep-alive: ${(ours / bareKeepAlive).toFixed(2)}×`);
  console.log(`processor time (this process, the local server's share included): ${(cpu.ours / N).toFixed(2)} ms/request against ${(cpu.bareFresh / N).toFixed(2)}, ${(cpu.ours / cpu.bareFresh).toFixed(2)}×`);
  // Processor time, as wall times of a few tenths of a millisecond are mostly the machine's other work.
  console.log('shares of the send path (each step timed on its own, processor time):');
  const rest = Math.max(0, cpu.ours - cpu.exchange - cpu.history);
  for (const [name, ms] of [['exchange through platform http + body file', cpu.exchange], ['history row (insert + prune past the limit)', cpu.history], ['the rest: open request/env secrets, variables, auth, cookies, redaction, preview', rest]] as const) {
    console.log(`  ${name.padEnd(82)} ${((ms / cpu.ours) * 100).toFixed(0).padStart(3)}%`);
  }

  // A 100 MB response.
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const before = process.memoryUsage();
  let peakHeap = before.heapUsed;
  const sampler = setInterval(() => (peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed)), 20);
  const started = performance.now();
  const draft = RequestDraftInput.parse({ systemId, method: 'GET', url: `${origin}/big` }) as never;
  const big = await send(deps, { request: { draft }, environmentId: null, variables: {}, confirmProduction: false });
  const elapsed = performance.now() - started;
  clearInterval(sampler);
  const payload = Buffer.byteLength(JSON.stringify(big));
  console.log(`100 MB response: ${elapsed.toFixed(0)} ms; ${big.outcome === 'response' ? `${big.result.size.toLocaleString('en-US')} bytes to the body file` : big.outcome}`);
  console.log(`  renderer-bound payload: ${(payload / 1024).toFixed(0)} KB (target < 1,024 KB)`);
  console.log(`  main heap growth at its peak: ${((peakHeap - before.heapUsed) / 1024 / 1024).toFixed(1)} MB (target < 50 MB)${gc ? '' : ' — run with --expose-gc for a settled baseline'}`);

  raw.close();
  await Promise.all([agents.fresh.close(), agents.keptAlive.close()]);
  workspace.close();
  server.close();
  fs.rmSync(dir, { recursive: true, force: true });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
