// Mock throughput and start-up against Stoplight Prism, side by side in one run (never in npm test).
//   npx tsx bench/mock-throughput.ts   (WARMUP=8 s, then ROUNDS=3 rounds of DURATION=5 s per server, interleaved so a busy
//                                       machine weighs on all three alike; --no-startup leaves part 2 out)
// 1. GET of one entity with request validation (path uuid, bearer credentials), 10 connections, autocannon:
//    Crosswalk's mock, Prism, and a bare node:http server answering the same JSON (the limit); target ≥ 5× Prism.
// 2. Start-up on GitHub's document (5.7 MB, ~1,000 operations): bench/mock-startup.ts, with Prism.
import os from 'node:os';
import path from 'node:path';
import { ensureMockTools, firstAnswer, freePort, REPOSITORY, startBareServer, startCrosswalkMock, startPrism, type Served } from './mock-tools';
import { measureStartup } from './mock-startup';

const DURATION = Number(process.env.DURATION ?? 5);
const ROUNDS = Number(process.env.ROUNDS ?? 3);
// Measured here: a fresh mock process answers ~10x slower for its first seconds (JIT, lazy compiles), so each server warms up first.
const WARMUP = Number(process.env.WARMUP ?? 8);
const CRM = path.join(REPOSITORY, 'resources', 'demo', 'crm.openapi.yaml');
const ENTITY = '/customers/5f0c2a8e-3b1d-4c6a-9e2f-7a41d8b9c013';
const AUTH = { authorization: 'Bearer bench' };

interface Result {
  name: string;
  requests: number;
  non2xx: number;
  errors: number;
  latencyP50: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function load(autocannonPath: string, served: Served, duration: number): Promise<Result> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- installed into bench/.cache, not a dependency
  const autocannon = require(autocannonPath) as (options: object) => Promise<{ requests: { average: number }; non2xx: number; errors: number; latency: { p50: number } }>;
  const url = `${served.base}${ENTITY}`;
  const result = await autocannon({ url, connections: 10, duration, headers: AUTH });
  return { name: served.name, requests: result.requests.average, non2xx: result.non2xx, errors: result.errors, latencyP50: result.latency.p50 };
}

async function throughput(tools: { prism: string; autocannon: string }) {
  const ours = startCrosswalkMock(CRM, await freePort(), '/v2');
  const prism = startPrism(tools.prism, CRM, await freePort());
  try {
    const since = performance.now();
    const [oursReady, prismReady] = await Promise.all([firstAnswer(`${ours.base}${ENTITY}`, AUTH, since, 60_000), firstAnswer(`${prism.base}${ENTITY}`, AUTH, since, 60_000)]);
    if (oursReady === undefined || prismReady === undefined) throw new Error('a mock did not start within 60 s');
    const response = await fetch(`${ours.base}${ENTITY}`, { headers: AUTH });
    const body = await response.text();
    const prismStatus = (await fetch(`${prism.base}${ENTITY}`, { headers: AUTH })).status;
    const invalidOurs = (await fetch(`${ours.base}/customers/not-a-uuid`, { headers: AUTH })).status;
    const invalidPrism = (await fetch(`${prism.base}/customers/not-a-uuid`, { headers: AUTH })).status;
    console.log(`Both validate: an invalid id answers ${invalidOurs} (ours) and ${invalidPrism} (Prism); the entity answers ${response.status} and ${prismStatus}.`);
    const bare = startBareServer(await freePort(), body);
    await firstAnswer(bare.base, {}, performance.now(), 10_000);
    const servers = [ours, prism, bare];
    const rounds: Result[][] = [];
    try {
      for (const served of servers) await load(tools.autocannon, served, WARMUP);
      for (let round = 0; round < ROUNDS; round++) {
        const results: Result[] = [];
        for (const served of servers) results.push(await load(tools.autocannon, served, DURATION));
        rounds.push(results);
        const [a, b, c] = results as [Result, Result, Result];
        console.log(`  round ${round + 1}: ${a.requests.toFixed(0)} / ${b.requests.toFixed(0)} / ${c.requests.toFixed(0)} req/s, Crosswalk / Prism ${(a.requests / b.requests).toFixed(2)}x`);
      }
    } finally {
      await bare.stop();
    }
    console.log(`\nGET ${ENTITY} (${Buffer.byteLength(body)} bytes of JSON), 10 connections, ${ROUNDS} interleaved rounds of ${DURATION} s each after a ${WARMUP} s warm-up each; medians:`);
    const medians = servers.map((served, index) => {
      const of = rounds.map((results) => results[index]!);
      const requests = median(of.map((result) => result.requests));
      console.log(
        `  ${served.name.padEnd(16)} ${requests.toFixed(0).padStart(7)} req/s   p50 ${String(median(of.map((result) => result.latencyP50))).padStart(4)} ms   non-2xx ${of.reduce((sum, result) => sum + result.non2xx, 0)}   errors ${of.reduce((sum, result) => sum + result.errors, 0)}`,
      );
      return requests;
    });
    const ratios = rounds.map((results) => results[0]!.requests / results[1]!.requests);
    console.log(`  Crosswalk / Prism: ${median(ratios).toFixed(2)}x, median of the rounds' ratios (target >= 5x)   Crosswalk / bare node:http: ${(medians[0]! / medians[2]!).toFixed(2)}x`);
  } finally {
    await Promise.all([ours.stop(), prism.stop()]);
  }
}

async function main() {
  const tools = ensureMockTools();
  console.log(`Mock bench (Node ${process.version}, ${os.cpus().length} cores, load average ${os.loadavg()[0]!.toFixed(1)})`);
  await throughput(tools);
  if (!process.argv.includes('--no-startup')) await measureStartup(tools.prism);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
