import { app, session, shell, type WebContents } from 'electron';
import { externalUrl, isPermissionAllowed, isTrustedUrl } from './url-policy';

/**
 * Applies to every webContents Electron creates, the main window's included: no navigation away
 * from the app's origin, no <webview>, no new windows (http/https links open in the system browser).
 */
export function guardAllWebContents(trusted: readonly string[]): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, trusted));
}

function guardWebContents(contents: WebContents, trusted: readonly string[]): void {
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.on('will-navigate', (event) => {
    if (!isTrustedUrl(event.url, trusted)) refuse(event, 'navigation', event.url);
  });
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame && !isTrustedUrl(event.url, trusted)) refuse(event, 'frame navigation', event.url);
  });
  contents.on('will-redirect', (event) => {
    if (!isTrustedUrl(event.url, trusted)) refuse(event, 'redirect', event.url);
  });
  contents.setWindowOpenHandler(({ url }) => {
    openExternally(url);
    return { action: 'deny' };
  });
}

/** Opens a link in the system browser if it is a plain http(s) URL; anything else is dropped. */
function openExternally(url: string): void {
  const safe = externalUrl(url);
  if (!safe) {
    console.warn(`[crosswalk] Refused to open ${truncate(url)} outside the app: only http and https links open in the browser.`);
    return;
  }
  shell.openExternal(safe).catch((error: unknown) => console.warn(`[crosswalk] Could not open ${truncate(safe)}:`, error));
}

/** Deny by default: only the permissions isPermissionAllowed names, and only for the app's own pages. */
export function restrictPermissions(trusted: readonly string[]): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((contents, permission, callback, details) => {
    callback(isPermissionAllowed(permission, details.requestingUrl ?? contents.getURL(), trusted));
  });
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionAllowed(permission, requestingOrigin, trusted),
  );
}

function refuse(event: { preventDefault(): void }, what: string, url: string): void {
  event.preventDefault();
  console.warn(`[crosswalk] Blocked ${what} to ${truncate(url)}.`);
}

const truncate = (url: string) => (url.length > 200 ? `${url.slice(0, 200)}…` : url);
