// Cancellation and events over both transports, with the real pieces: the web host on 127.0.0.1 read
// with fetch (the token in a header, never in the URL), and the preload's bridge and main's IPC calls
// joined by an in-process ipcMain/ipcRenderer pair (no Electron binary is needed). A cancel is proven
// by the work stopping — the suggestion engine's worker exits and no row is written — not by the promise.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { IPC_EVENT_CHANNEL } from '../../../src/shared/call-names';
import type { CallResult } from '../../../src/shared/contract';
import type { CrosswalkEvent } from '../../../src/shared/contract/events';
import { createHandlers } from '../../../src/main/api/handlers';
import { Session } from '../../../src/main/api/session';
import { serveCalls, type CallWindow } from '../../../src/main/electron/ipc-calls';
import { APP_ENTRY_URL, APP_ORIGIN } from '../../../src/main/electron/url-policy';
import { listRows } from '../../../src/main/mapping/rows';
import { suggestJob } from '../../../src/main/mapping/suggest-job';
import { WorkerRunner } from '../../../src/main/platform/workers/runner';
import { Settings } from '../../../src/main/settings/settings';
import { CALL_ID_HEADER, startWebHost, TOKEN_HEADER, type WebHost } from '../../../src/main/webhost/server';
import { createBridge, type BridgeIpc } from '../../../src/preload/bridge';
import { parseServerSentEvent, takeBlocks } from '../../../src/shared/server-sent-events';
import { bigFlowWorkspace } from '../../../bench/big-flow';
import { demoDocument } from '../../helpers/cli';
import { testServices } from '../../helpers/services';
import { tempDir } from '../../helpers/temp';

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A session on a workspace holding one flow of 800 × 800 fields whose rows were never created (its sheet runs the engine in a worker). */
async function bigFlowSession() {
  const dir = tempDir();
  const { file, flowId } = bigFlowWorkspace(dir, 20, 40);
  const workers = new WorkerRunner();
  const session = new Session(new Settings(path.join(dir, 'settings')), { kind: 'browser' }, testServices(dir, { workers }));
  await session.open(file);
  cleanups.push(() => session.close(), () => workers.stopAll());
  return { session, workers, flowId };
}

const busySuggestionWorkers = (workers: WorkerRunner) => workers.workers().filter((worker) => worker.entry === suggestJob.entry && worker.busy);

async function until(condition: () => boolean, what: string) {
  for (let i = 0; i < 1000 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  if (!condition()) throw new Error(`Gave up waiting until ${what}.`);
}

/** Waits until the engine is busy on the flow (and a little longer, so the job is likely running in its ready worker). */
async function engineBusy(workers: WorkerRunner) {
  await until(() => busySuggestionWorkers(workers).length === 1, 'the suggestion engine is busy');
  await new Promise((resolve) => setTimeout(resolve, 300));
  return busySuggestionWorkers(workers)[0]!.threadId;
}

async function expectWorkStopped(session: Session, workers: WorkerRunner, flowId: number, threadId: number) {
  await until(() => !workers.workers().some((worker) => worker.threadId === threadId), 'the engine worker has exited');
  expect(busySuggestionWorkers(workers)).toEqual([]);
  // Nothing written after the cancel: the flow still has no rows.
  expect(listRows(session.requireWorkspace(), flowId)).toEqual([]);
}

describe('over the web host', () => {
  async function host(session: Session): Promise<WebHost> {
    const started = await startWebHost({ handlers: createHandlers(session), rendererDir: tempDir(), log: session.services.log, events: session.events });
    cleanups.push(() => started.close());
    return started;
  }
  const post = (h: WebHost, route: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`http://127.0.0.1:${h.port}${route}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: h.token, ...headers },
      body: JSON.stringify(body),
    });

  it('cancels a long call by its id: the engine worker exits, nothing is written, the call answers CANCELLED', async () => {
    const { session, workers, flowId } = await bigFlowSession();
    const h = await host(session);
    const answer = post(h, '/api/mapping.sheet', { flowId }, { [CALL_ID_HEADER]: 'sheet-1' }).then((response) => response.json() as Promise<CallResult>);
    const threadId = await engineBusy(workers);

    const cancel = await post(h, '/cancel', { callId: 'sheet-1' });
    expect(await cancel.json()).toEqual({ ok: true, value: { cancelled: true } });
    expect(await answer).toEqual({ ok: false, error: { code: 'CANCELLED', message: expect.stringMatching(/^mapping\.sheet was cancelled/) } });
    await expectWorkStopped(session, workers, flowId, threadId);

    // The same call, not cancelled, creates every row.
    const sheet = (await (await post(h, '/api/mapping.sheet', { flowId })).json()) as CallResult;
    expect(sheet.ok && (sheet.value as { rows: unknown[] }).rows).toHaveLength(800);
  });

  it('cancels a call whose caller goes away (an aborted fetch)', async () => {
    const { session, workers, flowId } = await bigFlowSession();
    const h = await host(session);
    const caller = new AbortController();
    const answer = fetch(`http://127.0.0.1:${h.port}/api/mapping.sheet`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: h.token },
      body: JSON.stringify({ flowId }),
      signal: caller.signal,
    }).catch((error: unknown) => error);
    const threadId = await engineBusy(workers);
    caller.abort();
    expect(await answer).toBeInstanceOf(Error);
    await expectWorkStopped(session, workers, flowId, threadId);
  });

  it('refuses cancel and the event stream without the token', async () => {
    const { session } = await bigFlowSession();
    const h = await host(session);
    expect((await fetch(`http://127.0.0.1:${h.port}/cancel`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"callId":"x"}' })).status).toBe(401);
    expect((await fetch(`http://127.0.0.1:${h.port}/events`)).status).toBe(401);
    expect((await fetch(`http://127.0.0.1:${h.port}/events?token=${h.token}`)).status).toBe(401);
  });

  it('streams an event to a tab reading /events with its token', async () => {
    const dir = tempDir();
    const session = new Session(new Settings(path.join(dir, 'settings')), { kind: 'browser' }, testServices(dir));
    session.create(path.join(dir, 'w.crosswalk'), 'Events');
    cleanups.push(() => session.close());
    const h = await host(session);
    const stream = new AbortController();
    cleanups.push(() => stream.abort());
    const response = await fetch(`http://127.0.0.1:${h.port}/events`, { headers: { [TOKEN_HEADER]: h.token }, signal: stream.signal });
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    const received = readEvents(response.body!);

    const imported = (await (await post(h, '/api/systems.import', { name: 'CRM', source: { kind: 'file', path: demoDocument('crm.openapi.yaml') } })).json()) as CallResult;
    expect(imported.ok).toBe(true);
    const systemId = (imported as { value: { system: { id: number } } }).value.system.id;
    expect(await received.next('systems.validated')).toEqual({ name: 'systems.validated', payload: { workspace: session.current!.path, systemId } });
  });
});

/** Reads server-sent events off a stream; `next(name)` resolves with the next event of that name. */
function readEvents(body: ReadableStream<Uint8Array>) {
  const seen: CrosswalkEvent[] = [];
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let rest = '';
  void (async () => {
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) return;
      const taken = takeBlocks(rest + value);
      rest = taken.rest;
      for (const block of taken.blocks) {
        const event = parseServerSentEvent(block);
        if (event) seen.push(event);
      }
    }
  })();
  return {
    async next(name: CrosswalkEvent['name']) {
      await until(() => seen.some((event) => event.name === name), `a ${name} event arrived`);
      return seen.find((event) => event.name === name)!;
    },
  };
}

/** Electron's IPC, in process: ipcMain and ipcRenderer joined, sends carrying the frame they come from. */
function ipcPair() {
  type Frame = { url: string; parent: unknown; processId: number; routingId: number };
  const mainFrame: Frame = { url: APP_ENTRY_URL, parent: null, processId: 4, routingId: 1 };
  let sendingFrame = mainFrame;
  const handles = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();
  const onMain = new Map<string, Array<(event: unknown, ...args: unknown[]) => void>>();
  const onRenderer = new Map<string, Array<(event: unknown, ...args: unknown[]) => void>>();
  const event = () => ({ sender: { id: 7 }, senderFrame: sendingFrame });
  const ipcMain = {
    handle: (channel: string, handler: (event: unknown, ...args: unknown[]) => unknown) => void handles.set(channel, handler),
    on: (channel: string, listener: (event: unknown, ...args: unknown[]) => void) => void onMain.set(channel, [...(onMain.get(channel) ?? []), listener]),
  };
  const ipcRenderer = {
    invoke: async (channel: string, ...args: unknown[]) => handles.get(channel)!(event(), ...args),
    send: (channel: string, ...args: unknown[]) => onMain.get(channel)?.forEach((listener) => listener(event(), ...args)),
    on: (channel: string, listener: (event: unknown, ...args: unknown[]) => void) => void onRenderer.set(channel, [...(onRenderer.get(channel) ?? []), listener]),
    removeListener: (channel: string, listener: unknown) => void onRenderer.set(channel, (onRenderer.get(channel) ?? []).filter((each) => each !== listener)),
  };
  const window: CallWindow = {
    isDestroyed: () => false,
    webContents: {
      id: 7,
      mainFrame: mainFrame as unknown as CallWindow['webContents']['mainFrame'],
      send: (channel: string, ...args: unknown[]) => onRenderer.get(channel)?.forEach((listener) => listener({ sender: ipcRenderer }, ...args)),
    },
  };
  return {
    ipcMain: ipcMain as unknown as Parameters<typeof serveCalls>[0]['ipcMain'],
    ipcRenderer: ipcRenderer as unknown as BridgeIpc,
    window,
    /** Makes the next messages come from another frame (a subframe, a page elsewhere). */
    sendFrom(frame: Partial<Frame>) {
      sendingFrame = { ...mainFrame, ...frame };
    },
  };
}

describe('over IPC, through the real preload bridge and main calls', () => {
  function connect(session: Session) {
    const pair = ipcPair();
    serveCalls({ ipcMain: pair.ipcMain, handlers: createHandlers(session), mainWindow: () => pair.window, trusted: [APP_ORIGIN], log: session.services.log, events: session.events });
    return { ...pair, bridge: createBridge(pair.ipcRenderer) };
  }

  it('cancels a long call by its id: the engine worker exits, nothing is written, the call answers CANCELLED', async () => {
    const { session, workers, flowId } = await bigFlowSession();
    const { bridge } = connect(session);
    const answer = bridge.calls['mapping.sheet']({ flowId }, undefined, 'sheet-2');
    const threadId = await engineBusy(workers);
    bridge.cancel('sheet-2');
    expect(await answer).toEqual({ ok: false, error: { code: 'CANCELLED', message: expect.stringMatching(/^mapping\.sheet was cancelled/) } });
    await expectWorkStopped(session, workers, flowId, threadId);
  });

  it('refuses calls and cancels from a frame other than the window top frame on app://crosswalk', async () => {
    const { session, workers, flowId } = await bigFlowSession();
    const { bridge, sendFrom } = connect(session);
    sendFrom({ url: 'https://elsewhere.example/' });
    await expect(bridge.calls['flows.list']({})).rejects.toThrow(/Refused: flows.list may only be called by the Crosswalk window/);
    sendFrom({ parent: {} });
    await expect(bridge.calls['flows.list']({})).rejects.toThrow(/Refused/);

    sendFrom({});
    const answer = bridge.calls['mapping.sheet']({ flowId }, undefined, 'sheet-3');
    await engineBusy(workers);
    sendFrom({ url: 'https://elsewhere.example/' });
    bridge.cancel('sheet-3'); // ignored: not from the window
    sendFrom({});
    const result = await answer;
    expect(result.ok && (result.value as { rows: unknown[] }).rows).toHaveLength(800);
  });

  it('passes main events to the page, and only events of the contract', async () => {
    const dir = tempDir();
    const session = new Session(new Settings(path.join(dir, 'settings')), { kind: 'browser' }, testServices(dir));
    session.create(path.join(dir, 'w.crosswalk'), 'Events');
    cleanups.push(() => session.close());
    const { bridge, window } = connect(session);
    const received: CrosswalkEvent[] = [];
    const stop = bridge.onEvent((event) => received.push(event));

    window.webContents.send(IPC_EVENT_CHANNEL, 'shell.exec', { command: 'rm -rf /' });
    const imported = await bridge.calls['systems.import']({ name: 'CRM', source: { kind: 'file', path: demoDocument('crm.openapi.yaml') } });
    expect(imported.ok).toBe(true);
    await until(() => received.length > 0, 'an event arrived');
    expect(received).toEqual([{ name: 'systems.validated', payload: { workspace: session.current!.path, systemId: 1 } }]);

    stop();
    session.events.emit('request.log', { at: 'now', line: 'GET /orders 200' });
    expect(received).toHaveLength(1);
  });
});
