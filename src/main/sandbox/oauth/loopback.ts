// The loopback redirect of a native app's authorization (RFC 8252 §7.3): a listener on 127.0.0.1 at a
// port the system picks, waiting a bounded time for the browser to come back with the code. The first
// request on the callback path ends the wait, whatever it carries: `check` decides what the browser
// is told and whether the flow goes on (a wrong state fails it rather than waiting for another try).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { OAuthError } from './errors';
import { formatSeconds } from '../../platform/http/errors';

export const DEFAULT_AUTHORIZATION_TIMEOUT_MS = 5 * 60_000;
const CALLBACK_PATH = '/callback';

export interface LoopbackRedirect {
  /** http://127.0.0.1:PORT/callback, to send as redirect_uri. */
  redirectUri: string;
  /**
   * The address the browser came back to, once `check` accepted it; fails with an OAuthError when
   * `check` refused it, the wait ran out or `signal` aborted. The listener is closed either way.
   */
  callback: Promise<URL>;
  /** Closes the listener (the callback fails as cancelled unless it already settled). */
  close(): void;
}

export interface LoopbackOptions {
  /** Returns an OAuthError to fail the flow with (the browser is told so), or nothing to accept. */
  check: (url: URL) => OAuthError | undefined;
  timeoutMs?: number;
  signal?: AbortSignal;
}

export async function listenForRedirect({ check, timeoutMs = DEFAULT_AUTHORIZATION_TIMEOUT_MS, signal }: LoopbackOptions): Promise<LoopbackRedirect> {
  signal?.throwIfAborted();
  let settle: { resolve: (url: URL) => void; reject: (error: Error) => void } = { resolve: () => undefined, reject: () => undefined };
  const callback = new Promise<URL>((resolve, reject) => (settle = { resolve, reject }));
  // The caller may never await it (it failed before opening the browser).
  callback.catch(() => undefined);
  let done = false;

  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', `http://${request.headers.host ?? '127.0.0.1'}`);
    if (done || url.pathname !== CALLBACK_PATH) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found.');
      return;
    }
    const refusal = check(url);
    response
      .writeHead(refusal ? 400 : 200, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', connection: 'close' })
      .end(refusal ? `Crosswalk did not accept this sign-in: ${refusal.message}` : 'Crosswalk received the authorization. You can close this tab.');
    finish(refusal ?? url);
  });

  const timer = setTimeout(
    () => finish(new OAuthError('OAUTH_AUTHORIZATION_TIMEOUT', `The browser did not come back from the authorization within ${formatSeconds(timeoutMs)}: sign in and consent in the page that opened, or try again.`)),
    timeoutMs,
  );
  const onAbort = () => finish(new OAuthError('CANCELLED', 'The authorization was cancelled.'));
  signal?.addEventListener('abort', onAbort, { once: true });

  function finish(outcome: URL | Error) {
    if (done) return;
    done = true;
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
    server.close();
    server.closeIdleConnections();
    if (outcome instanceof URL) settle.resolve(outcome);
    else settle.reject(outcome);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return { redirectUri: `http://127.0.0.1:${port}${CALLBACK_PATH}`, callback, close: () => finish(new OAuthError('CANCELLED', 'The authorization was cancelled.')) };
}
