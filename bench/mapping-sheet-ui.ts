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
/** Scrolls the sheet by \`step\` px each animation frame, down to the bottom and back, recording each frame's duration. */
const SCROLL_FRAMES = `(frames, step) => new Promise((resolve) => {
  const viewport = window.scroller();
  const deltas = [];
  let last = 0;
  let direction = 1;
  const tick = (now) => {
    deltas.push(now - last);
    last = now;
    if (deltas.length >= frames) return resolve(deltas.slice(1));
    const bottom = viewport.scrollHeight - viewport.clientHeight;
    if (viewport.scrollTop >= bottom) direction = -1;
    else if (viewport.scrollTop <= 0) direction = 1;
    viewport.scrollTop = Math.max(0, Math.min(bottom, viewport.scrollTop + direction * step));
    requestAnimationFrame(tick);
  };
  requestAnimationFrame((now) => { last = now; requestAnimationFrame(tick); });
})`;

const root = path.resolve(__dirname, '..');
const FRAMES = Number(process.env.FRAMES ?? 600);
const STEP = Number(process.env.STEP ?? 360); // pixels per frame: about 8 rows, a fast flick held down
const RUNS = Number(process.env.RUNS ?? 3);

interface Measured {
  rows: number;
  firstRowsMs: number;
  frames: number[];
}

async function serve(file: string, home: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(path.join(root, 'bin/crosswalk'), ['serve', file, '--port', '0'], { env: { ...process.env, CROSSWALK_HOME: home }, stdio: ['ignore', 'pipe', 'inherit'] });
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`crosswalk serve exited with ${code}`)));
  });
  if (!line.startsWith('Crosswalk is serving at ')) throw new Error(`Unexpected first line: ${line}`);
  return { url: line.replace('Crosswalk is serving at ', ''), child };
}

/** Opens the flow's sheet in a fresh page, waits for its first rows, then scrolls it to the bottom frame by frame. */
async function measure(browser: Browser, url: string, flowId: number): Promise<Measured> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  // Time from navigation start to the first sheet row in the DOM, taken in the page itself.
  await page.addInitScript(INIT);
  await page.goto(`${url}#/mapping/${flowId}`);
  await page.locator('.sheet-grid .ag-row').first().waitFor({ timeout: 120_000 });
  const firstRowsMs = (await page.evaluate('window.firstRows')) as number;
  await page.waitForTimeout(500); // let the first paint and the suggestions request settle
  const frames = (await page.evaluate(`(${SCROLL_FRAMES})(${FRAMES}, ${STEP})`)) as number[];
  const rows = (await page.evaluate('scroller().scrollHeight / 44')) as number;
  await page.close();
  return { rows: Math.round(rows), firstRowsMs, frames };
}

const quantile = (values: number[], q: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))]!;

function line(name: string, big: number, small: number) {
  console.log(`${name.padEnd(34)} ${big.toFixed(1).padStart(8)} ms   demo flow ${small.toFixed(1).padStart(7)} ms   ratio ${(big / small).toFixed(2)}x`);
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crosswalk-bench-ui-'));
  const children: ChildProcess[] = [];
  let browser: Browser | undefined;
  try {
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
    const bigHost = await serve(big.file, path.join(dir, 'home-big'));
    const demoHost = await serve(demoFile, path.join(dir, 'home-demo'));
    children.push(bigHost.child, demoHost.child);
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
    });

    const results = { big: [] as Measured[], demo: [] as Measured[] };
    for (let run = 0; run < RUNS; run++) {
      results.demo.push(await measure(browser, demoHost.url, demoFlowId));
      results.big.push(await measure(browser, bigHost.url, big.flowId));
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
    await browser?.close();
    for (const child of children) child.kill('SIGTERM');
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
