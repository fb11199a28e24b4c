// Picks the transport at start-up (the desktop bridge when the preload exposed one, HTTP to the
// local web host otherwise); the rest of the renderer only sees `api`.
import { callNames, type CallName, type MenuCommand } from '../../../shared/call-names';
import type { CallResult, CrosswalkApi } from '../../../shared/contract';
import type { DesktopBridge } from '../../../shared/bridge';

export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

type Send = (name: CallName, input: unknown, shownWorkspace: string | undefined) => Promise<CallResult>;

/** Calls whose answer says which workspace this window now shows. */
const switchingCalls = new Set<CallName>(['workspace.current', 'workspace.open', 'workspace.create', 'workspace.openDemo']);

/**
 * The workspace this window shows, sent with every call: main refuses a call meant for a workspace
 * that another window or tab has since replaced, instead of writing into the wrong file.
 */
let shownWorkspace: string | undefined;

const bridge = (window as unknown as { crosswalk?: DesktopBridge }).crosswalk;

export const host: 'desktop' | 'browser' = bridge ? 'desktop' : 'browser';

const send: Send = bridge ? (name, input, workspace) => bridge.calls[name](input, workspace) : httpSender(takeToken());

export const api = Object.fromEntries(
  callNames.map((name) => [
    name,
    async (input: unknown) => {
      const result = await send(name, input ?? {}, shownWorkspace);
      if (!result.ok) throw new ApiError(result.error.code, result.error.message);
      if (switchingCalls.has(name)) shownWorkspace = (result.value as { path?: string } | null)?.path;
      return result.value;
    },
  ]),
) as CrosswalkApi;

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

function httpSender(token: string): Send {
  return async (name, input, workspace) => {
    let response: Response;
    try {
      response = await fetch(`/api/${name}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-crosswalk-token': token,
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
  };
}

const failure = (code: string, message: string): CallResult => ({ ok: false, error: { code, message } });
