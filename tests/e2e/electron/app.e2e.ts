// The desktop app itself, through Playwright's Electron driver. Skipped, with the reason, where no
// Electron binary exists (it cannot be downloaded on the CI machines).
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import type { DesktopBridge } from '../../../src/shared/bridge';
import { callNames } from '../../../src/shared/call-names';
import { electronSqliteBinding, findElectronBinary, projectRoot } from '../../../scripts/electron-binary.mjs';

const binaryPath = findElectronBinary().path;
const mainEntry = path.join(projectRoot, 'out', 'main', 'index.js');
const NO_BINARY =
  'No Electron binary in node_modules/electron/dist (it could not be downloaded on this machine); these tests run where `npm start` can launch Electron';

// The list reporter does not print skip reasons: say it once where the run is watched.
if (!binaryPath && process.env.TEST_WORKER_INDEX === undefined) console.log(`[electron] tests skipped: ${NO_BINARY}`);
test.skip(!binaryPath, NO_BINARY);
test.skip(!!binaryPath && !fs.existsSync(electronSqliteBinding()), 'better-sqlite3 has no Electron build yet: run `npm run electron:native` (it needs internet)');
test.skip(!!binaryPath && !fs.existsSync(mainEntry), 'out/main/index.js is missing: run `npm run build` first');

test.describe.configure({ mode: 'serial' });

/** The page's globals these tests touch: the bridge, and the Node names that must be missing there. */
type PageGlobals = typeof globalThis & {
  crosswalk: DesktopBridge;
  require?: unknown;
  module?: unknown;
  location: { href: string };
  open(url: string): unknown;
};
/** Main's globals: where a test's stand-in for shell.openExternal records the URLs. */
type MainGlobals = typeof globalThis & { openedExternally?: string[] };

let app: ElectronApplication;
let page: Page;
let home: string;

test.beforeAll(async () => {
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'crosswalk-electron-e2e-'));
  const env = { ...process.env, CROSSWALK_HOME: home } as Record<string, string>;
  delete env.ELECTRON_RUN_AS_NODE;
  delete env.CROSSWALK_WORKSPACE;
  // The system's proxy test sets Electron's session proxy: the runner's own proxy variables would come first.
  for (const name of ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy']) delete env[name];
  app = await electron.launch({
    executablePath: binaryPath!,
    // Chromium refuses to start as root with its OS sandbox (CI containers); the renderer is still
    // "sandboxed" in Electron's sense (no Node, contextIsolation), which is what these tests check.
    args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), mainEntry],
    cwd: projectRoot,
    env,
  });
  page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
});

test.afterAll(async () => {
  await app?.close().catch(() => {});
  if (home) fs.rmSync(home, { recursive: true, force: true });
});

test('opens the demo workspace on app://crosswalk', async () => {
  expect(page.url()).toMatch(/^app:\/\/crosswalk\//);
  await expect(page.locator('.sidebar-integration')).toHaveText('Acme CRM → Ledgerly: orders to invoices');
  const current = await page.evaluate(() => (globalThis as PageGlobals).crosswalk.calls['workspace.current']({}));
  expect(current).toMatchObject({ ok: true, value: { path: path.join(home, 'demo.crosswalk') } });
  const info = await page.evaluate(() => (globalThis as PageGlobals).crosswalk.calls['app.info']({}));
  expect(info).toMatchObject({ ok: true, value: { host: 'desktop', nativeDialogs: true } });
});

test('navigates the areas from the sidebar and from the View menu', async () => {
  const areas = [
    ['Systems', 'systems'],
    ['Mapping', 'mapping'],
    ['Sandbox', 'sandbox'],
    ['Spec & export', 'spec'],
    ['Overview', 'overview'],
  ] as const;
  const nav = page.getByRole('navigation', { name: 'Areas' });
  for (const [title, id] of areas) {
    await nav.getByRole('link', { name: new RegExp(`^${title}`) }).click();
    await expect(page).toHaveURL(new RegExp(`#/${id}$`));
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  }
  for (const [title, id] of areas) {
    await app.evaluate(({ Menu }, menuId) => Menu.getApplicationMenu()?.getMenuItemById(menuId)?.click(), `go:${id}`);
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  }
});

test('the page has no Node and sees only the narrow bridge', async () => {
  // contextBridge refuses to expose anything without contextIsolation, so the bridge's presence proves it.
  const facts = await page.evaluate(() => {
    const page = globalThis as PageGlobals;
    const bridge = page.crosswalk;
    return {
      require: typeof page.require,
      process: typeof page.process,
      module: typeof page.module,
      bridgeKeys: Object.keys(bridge).sort(),
      callKeys: Object.keys(bridge.calls).sort(),
      hasIpcRenderer: 'ipcRenderer' in bridge || 'ipcRenderer' in page,
    };
  });
  expect(facts).toEqual({
    require: 'undefined',
    process: 'undefined',
    module: 'undefined',
    bridgeKeys: ['calls', 'onMenuCommand'],
    callKeys: [...callNames].sort(),
    hasIpcRenderer: false,
  });
});

test('navigation away is blocked and only http(s) links leave, to the system browser', async () => {
  const before = page.url();
  await page.evaluate(() => {
    (globalThis as PageGlobals).location.href = 'https://example.com/';
  });
  await page.waitForTimeout(500);
  expect(page.url()).toBe(before);

  await app.evaluate(({ shell }) => {
    const opened: string[] = [];
    (globalThis as MainGlobals).openedExternally = opened;
    shell.openExternal = async (url: string) => {
      opened.push(url);
    };
  });
  const windows = await page.evaluate(() =>
    ['https://example.com/docs', 'file:///etc/passwd', 'javascript:alert(1)', 'https://user:pw@example.com/'].map(
      (url) => (globalThis as PageGlobals).open(url) === null,
    ),
  );
  expect(windows).toEqual([true, true, true, true]);
  expect(app.windows()).toHaveLength(1);
  expect(await app.evaluate(() => (globalThis as MainGlobals).openedExternally)).toEqual(['https://example.com/docs']);
});

test("sends the sandbox's requests through the system's proxy, as Electron's session resolves it", async () => {
  const passed: string[] = [];
  // A forward proxy that answers itself: the address asked for does not exist.
  const proxy = http.createServer((request, response) => {
    passed.push(`${request.method} ${request.url}`);
    response.writeHead(200, { 'content-type': 'application/json' }).end('{"via":"proxy"}');
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  try {
    await app.evaluate(({ session }, rules) => session.defaultSession.setProxy({ proxyRules: rules }), `http=127.0.0.1:${(proxy.address() as AddressInfo).port}`);
    const outcome = await page.evaluate(async () => {
      const { calls } = (globalThis as PageGlobals).crosswalk;
      const systems = (await calls['systems.list']({})) as { ok: true; value: Array<{ id: number; name: string }> };
      const crm = systems.value.find((system) => system.name === 'CRM')!;
      return calls['sandbox.send']({ request: { draft: { systemId: crm.id, method: 'GET', url: 'http://api.example.test/orders' } } });
    });
    expect(outcome).toMatchObject({ ok: true, value: { outcome: 'response', result: { status: 200 } } });
    expect(passed).toEqual(['GET http://api.example.test/orders']);
  } finally {
    await app.evaluate(({ session }) => session.defaultSession.setProxy({ mode: 'system' }));
    proxy.close();
  }
});

test('remembers the window bounds when it closes', async () => {
  await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.setBounds({ x: 40, y: 40, width: 1000, height: 700 }));
  await app.close();
  const settings = JSON.parse(fs.readFileSync(path.join(home, 'settings.json'), 'utf8'));
  expect(settings.window).toMatchObject({ width: 1000, height: 700, maximized: false });
});
