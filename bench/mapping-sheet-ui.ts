// The 4,900-row mapping sheet in a real browser: does it open and scroll without a visible stall?
// `crosswalk serve` on a workspace with the big flow (bench/big-flow.ts, rows already created), Debian's
// Chromium through Playwright: time until the sheet shows its first rows, then the frame times
// (requestAnimationFrame deltas) while the sheet scrolls from top to bottom, each against the same page
// on the demo's small flow measured in the same run.
//   npm run build && npx tsx bench/mapping-sheet-ui.ts
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { chromium, type Browser } from '@playwright/test';
import { createDemoWorkspace } from '../src/main/demo/demo-workspace';
import { listFlows } from '../src/main/mapping/flows';
import { mappingSheet } from '../src/main/mapping/sheet';
import { SystemImports } from '../src/main/openapi/system-import';
import { openWorkspace } from '../src/main/workspace/workspace';
import { bigFlowWorkspace } from './big-flow';

// Page-side code as plain JavaScript text (tsx would wrap TypeScript functions in helpers the page lacks).
/** The sheet's vertically scrolling element (the tallest scroller), and the time its first row appeared. */
const INIT = `
  window.scroller = () => [...document.querySelectorAll('.sheet-grid *')]
    .filter((element) => /auto|scroll/.test(getComputedStyle(element).overflowY))
    .sort((a, b) => b.scrollHeight - b.clientHeight - (a.scrollHeight - a.clientHeight))[0];
  const observer = new MutationObserver(() => {
    if (document.querySelector('.sheet-grid .ag-row')) {
      window.firstRows = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { childList: true, subtree: true });
`;
/**
 * Scrolls the sheet by \`step\` px each animation frame, down to the bottom and back, recording each frame's
 * duration. Page.evaluate has no timeout of its own, so a frame callback that throws, or animation frames
 * that stop coming (headless Chromium can stop scheduling them), reject with what happened instead of
 * leaving the bench waiting for ever.
 */
const SCROLL_FRAMES = `(frames, step, stallMs) => new Promise((resolve, reject) => {
  const viewport = window.scroller();
  if (!viewport) return reject(new Error('the sheet has no scrolling element (.sheet-grid is not on the page)'));
  const deltas = [];
  let last = 0;
  let direction = 1;
  let lastTick = performance.now();
  const watchdog = setInterval(() => {
    if (performance.now() - lastTick < stallMs) return;
    clearInterval(watchdog);
    reject(new Error('no animation frame for ' + stallMs + ' ms after ' + deltas.length + ' of ' + frames + ' frames (scrollTop ' + viewport.scrollTop + ' of ' + (viewport.scrollHeight - viewport.clientHeight) + ')'));
  }, 500);
  const tick = (now) => {
    try {
      lastTick = performance.now();
      deltas.push(now - last);
      last = now;
      if (deltas.length >= frames) {
        clearInterval(watchdog);
        return resolve(deltas.slice(1));
      }
      const bottom = viewport.scrollHeight - viewport.clientHeight;
      if (viewport.scrollTop >= bottom) direction = -1;
      else if (viewport.scrollTop <= 0) direction = 1;
      viewport.scrollTop = Math.max(0, Math.min(bottom, viewport.scrollTop + direction * step));
      requestAnimationFrame(tick);
    } catch (error) {
      clearInterval(watchdog);
      reject(error);
    }
  };
  requestAnimationFrame((now) => { last = now; requestAnimationFrame(tick); });
})`;
const root = path.resolve(__dirname, '..');
const FRAMES = Number(process.env.FRAMES ?? 600);
const STEP = Number(process.env.STEP ?? 360); // pixels per frame: about 8 rows, a fast flick held down
const RUNS = Number(process.env.RUNS ?? 3);
/** No animation frame for this long while scrolling means Chromium stopped drawing the page: the run fails. */
const STALL_MS = Number(process.env.STALL_MS ?? 30_000);
const started = Date.now();
/** Progress on stderr, so a slow run shows where it is and the results on stdout stay as they were. */
const progress = (what: string) => console.error(`[${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s] ${what}`);

/** Fails with \`what\` if \`promise\` has not settled within \`ms\` (Playwright's evaluate and our own waits have no timeout). */
async function within<T>(ms: number, what: string, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer after ${ms / 1000} s`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

interface Measured {
  rows: number;
  firstRowsMs: number;
  frames: number[];
}

async function serve(file: string, home: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(path.join(root, 'bin/crosswalk'), ['serve', file, '--port', '0'], { env: { ...process.env, CROSSWALK_HOME: home }, stdio: ['ignore', 'pipe', 'inherit'] });
  servers.push(child);
  const line = await within(
    60_000,
    `crosswalk serve ${path.basename(file)}`,
    new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout! }).once('line', resolve);
      child.once('exit', (code) => reject(new Error(`crosswalk serve exited with ${code}`)));
    }),
  );
  if (!line.startsWith('Crosswalk is serving at ')) throw new Error(`Unexpected first line: ${line}`);
  return { url: line.replace('Crosswalk is serving at ', ''), child };
}

const servers: ChildProcess[] = [];
/** Stops the hosts; one that ignores SIGTERM is killed, so no server outlives the bench (or keeps it running). */
async function stopServers() {
  await Promise.all(
    servers.map(async (child) => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await within(10_000, 'crosswalk serve stopping', exited).catch(() => {
        progress(`crosswalk serve (pid ${child.pid}) ignored SIGTERM for 10 s: killed`);
        child.kill('SIGKILL');
      });
      child.stdout?.destroy();
    }),
  );
}

/** Opens the flow's sheet in a fresh page, waits for its first rows, then scrolls it to the bottom frame by frame. */
async function measure(browser: Browser, url: string, flowId: number, name: string): Promise<Measured> {
  const page = await within(60_000, `${name}: opening a page`, browser.newPage({ viewport: { width: 1440, height: 900 } }));
  page.on('pageerror', (error) => progress(`${name}: error in the page: ${error.message}`));
  page.on('crash', () => progress(`${name}: the page crashed`));
  try {
    // Time from navigation start to the first sheet row in the DOM, taken in the page itself.
    await page.addInitScript(INIT);
    await page.goto(`${url}#/mapping/${flowId}`, { timeout: 120_000 });
    await page.locator('.sheet-grid .ag-row').first().waitFor({ timeout: 120_000 });
    const firstRowsMs = (await within(30_000, `${name}: reading the first rows' time`, page.evaluate('window.firstRows'))) as number;
    progress(`${name}: first rows after ${firstRowsMs.toFixed(0)} ms; scrolling ${FRAMES} frames`);
    await page.waitForTimeout(500); // let the first paint and the suggestions request settle
    // Generous: 600 frames take 10 s at 60 frames a second and a few minutes on a loaded machine; the page's own watchdog reports a stall sooner.
    const frames = (await within(FRAMES * 1_000, `${name}: scrolling ${FRAMES} frames`, page.evaluate(`(${SCROLL_FRAMES})(${FRAMES}, ${STEP}, ${STALL_MS})`))) as number[];
    const rows = (await within(30_000, `${name}: reading the sheet's height`, page.evaluate('scroller().scrollHeight / 44'))) as number;
    progress(`${name}: scrolled, median frame ${quantile(frames, 0.5).toFixed(1)} ms`);
    return { rows: Math.round(rows), firstRowsMs, frames };
  } finally {
    await within(30_000, `${name}: closing the page`, page.close()).catch((error: Error) => progress(error.message));
  }
}

const quantile = (values: number[], q: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))]!;

function line(name: string, big: number, small: number) {
  console.log(`${name.padEnd(34)} ${big.toFixed(1).padStart(8)} ms   demo flow ${small.toFixed(1).padStart(7)} ms   ratio ${(big / small).toFixed(2)}x`);
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crosswalk-bench-ui-'));
  let browser: Browser | undefined;
  try {
    progress('building the big flow and the demo workspace');
    // The big flow with its rows created (the engine's first run is bench/mapping-sheet.ts's business).
    const big = bigFlowWorkspace(dir);
    const demoFile = path.join(dir, 'demo.crosswalk');
    (await createDemoWorkspace(demoFile)).close();
    let demoFlowId = 0;
    for (const file of [big.file, demoFile]) {
      const workspace = await openWorkspace(file);
      const flowId = file === big.file ? big.flowId : listFlows(workspace).find((flow) => flow.name === 'Orders to invoices')!.id;
      if (file === demoFile) demoFlowId = flowId;
      await mappingSheet(workspace, new SystemImports(), flowId);
      workspace.close();
    }
    progress('workspaces ready; starting the hosts and Chromium');
    const bigHost = await serve(big.file, path.join(dir, 'home-big'));
    const demoHost = await serve(demoFile, path.join(dir, 'home-demo'));
    browser = await chromium.launch({
      timeout: 60_000,
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
    });

    const results = { big: [] as Measured[], demo: [] as Measured[] };
    for (let run = 0; run < RUNS; run++) {
      results.demo.push(await measure(browser, demoHost.url, demoFlowId, `run ${run + 1}/${RUNS}, demo flow`));
      results.big.push(await measure(browser, bigHost.url, big.flowId, `run ${run + 1}/${RUNS}, big flow`));
    }
    const summary = (list: Measured[]) => {
      const frames = list.flatMap((m) => m.frames);
      return {
        rows: list[0]!.rows,
        firstRows: quantile(list.map((m) => m.firstRowsMs), 0.5),
        median: quantile(frames, 0.5),
        p95: quantile(frames, 0.95),
        longest: Math.max(...frames),
        over50: frames.filter((ms) => ms > 50).length,
        frames: frames.length,
      };
    };
    const b = summary(results.big);
    const d = summary(results.demo);
    console.log(`Mapping sheet in Chromium: ${b.rows} rows against the demo flow's ${d.rows}; ${RUNS} runs of ${FRAMES} frames scrolling ${STEP} px a frame`);
    line('time to first rows (median)', b.firstRows, d.firstRows);
    line('frame time while scrolling, median', b.median, d.median);
    line('frame time while scrolling, p95', b.p95, d.p95);
    line('longest frame while scrolling', b.longest, d.longest);
    console.log(`frames over 50 ms: ${b.over50} of ${b.frames} (demo flow ${d.over50} of ${d.frames})`);
  } finally {
    await within(30_000, 'closing Chromium', browser?.close() ?? Promise.resolve()).catch((error: Error) => progress(error.message));
    await stopServers();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

void main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  // Whatever still holds the event loop (a Chromium that would not close) must not keep the bench running.
  .finally(() => process.exit());
