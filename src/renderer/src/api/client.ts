// Picks the transport at start-up (the desktop bridge when the preload exposed one, HTTP to the
// local web host otherwise); the rest of the renderer only sees `api`, `subscribe` and `onMenuCommand`.
import { callNames, type CallName, type MenuCommand } from '../../../shared/call-names';
import type { CallResult, CrosswalkApi } from '../../../shared/contract';
import type { CrosswalkEvent } from '../../../shared/contract/events';
import { parseServerSentEvent, takeBlocks } from '../../../shared/server-sent-events';
import type { DesktopBridge } from '../../../shared/bridge';

export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

interface Transport {
  send(name: CallName, input: unknown, shownWorkspace: string | undefined, callId: string): Promise<CallResult>;
  cancel(callId: string): void;
  /** Starts passing main's events to `deliver`; returns how to stop. */
  listen(deliver: (event: CrosswalkEvent) => void): () => void;
}

/** Calls whose answer says which workspace this window now shows. */
const switchingCalls = new Set<CallName>(['workspace.current', 'workspace.open', 'workspace.create', 'workspace.openDemo']);

/**
 * The workspace this window shows, sent with every call: main refuses a call meant for a workspace
 * that another window or tab has since replaced, instead of writing into the wrong file.
 */
let shownWorkspace: string | undefined;

const bridge = (window as unknown as { crosswalk?: DesktopBridge }).crosswalk;

export const host: 'desktop' | 'browser' = bridge ? 'desktop' : 'browser';

const transport: Transport = bridge
  ? {
      send: (name, input, workspace, callId) => bridge.calls[name](input, workspace, callId),
      cancel: (callId) => bridge.cancel(callId),
      listen: (deliver) => bridge.onEvent(deliver),
    }
  : httpTransport(takeToken());

/**
 * One async function per call. A call given `{ signal }` is cancelled when it aborts: main stops its
 * work (a worker exits, nothing more is written) and the call rejects with an ApiError coded CANCELLED.
 */
export const api = Object.fromEntries(
  callNames.map((name) => [
    name,
    async (input: unknown, options?: { signal?: AbortSignal }) => {
      const callId = crypto.randomUUID();
      const signal = options?.signal;
      const cancel = () => transport.cancel(callId);
      signal?.addEventListener('abort', cancel, { once: true });
      try {
        const result = await transport.send(name, input ?? {}, shownWorkspace, callId);
        if (!result.ok) throw new ApiError(result.error.code, result.error.message);
        if (switchingCalls.has(name)) shownWorkspace = (result.value as { path?: string } | null)?.path;
        return result.value;
      } finally {
        signal?.removeEventListener('abort', cancel);
      }
    },
  ]),
) as CrosswalkApi;

const listeners = new Set<(event: CrosswalkEvent) => void>();
let stopListening: (() => void) | undefined;

/** Main's events (src/shared/contract/events.ts) while subscribed; returns how to unsubscribe. */
export function subscribe(listener: (event: CrosswalkEvent) => void): () => void {
  listeners.add(listener);
  stopListening ??= transport.listen((event) => {
    for (const each of [...listeners]) each(event);
  });
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      stopListening?.();
      stopListening = undefined;
    }
  };
}

export function onMenuCommand(listener: (command: MenuCommand) => void): () => void {
  return bridge ? bridge.onMenuCommand(listener) : () => {};
}

/** The web host hands the per-launch token in the URL; keep it for this tab and take it out of sight. */
function takeToken(): string {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem('crosswalk.token', fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.pathname + url.search + url.hash);
  }
  return fromUrl ?? sessionStorage.getItem('crosswalk.token') ?? '';
}

function httpTransport(token: string): Transport {
  return {
    async send(name, input, workspace, callId) {
      let response: Response;
      try {
        response = await fetch(`/api/${name}`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-crosswalk-token': token,
            'x-crosswalk-call-id': callId,
            ...(workspace ? { 'x-crosswalk-workspace': encodeURIComponent(workspace) } : {}),
          },
          body: JSON.stringify(input),
        });
      } catch {
        return failure('HOST_UNREACHABLE', 'Crosswalk is not answering: the "crosswalk serve" process may have stopped. Start it again and reload this page.');
      }
      if (response.status === 401) {
        return failure('BAD_TOKEN', 'This page has no valid access token: open the address that "crosswalk serve" printed, including its ?token= part.');
      }
      return (await response.json()) as CallResult;
    },
    cancel(callId) {
      void fetch('/cancel', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-crosswalk-token': token },
        body: JSON.stringify({ callId }),
      }).catch(() => undefined); // a host that is gone has nothing left to cancel
    },
    listen: (deliver) => streamEvents(token, deliver),
  };
}

/**
 * Reads GET /events as a stream (EventSource cannot send the token header, and the token never goes
 * into a URL), reconnecting after a pause while the host is away.
 */
function streamEvents(token: string, deliver: (event: CrosswalkEvent) => void): () => void {
  const stop = new AbortController();
  const connect = async () => {
    while (!stop.signal.aborted) {
      try {
        const response = await fetch('/events', { headers: { 'x-crosswalk-token': token }, signal: stop.signal });
        if (!response.ok || !response.body) throw new Error(`event stream refused: ${response.status}`);
        const lines = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let rest = '';
        for (;;) {
          const { value, done } = await lines.read();
          if (done) break;
          const taken = takeBlocks(rest + value);
          rest = taken.rest;
          for (const block of taken.blocks) {
            const event = parseServerSentEvent(block);
            if (event) deliver(event);
          }
        }
      } catch {
        // the host went away or refused: try again shortly
      }
      if (!stop.signal.aborted) await new Promise((resolve) => setTimeout(resolve, 2000));
    }
  };
  void connect();
  return () => stop.abort();
}

const failure = (code: string, message: string): CallResult => ({ ok: false, error: { code, message } });
