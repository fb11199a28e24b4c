// Which URLs the desktop shell trusts, navigates to, or hands to the system browser.
// Kept free of electron so the rules can be unit-tested in plain Node.

export const APP_SCHEME = 'app';
export const APP_HOST = 'crosswalk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

const MAX_EXTERNAL_URL_LENGTH = 8192;
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

const parse = (raw: string): URL | null => {
  try {
    return new URL(raw);
  } catch {
    return null;
  }
};

/**
 * The origin as Chromium sees it. Node's URL gives "null" as the origin of any non-special scheme,
 * so app:// is assembled by hand; URLs carrying credentials have no trusted origin at all.
 */
export function originOf(raw: string): string | null {
  const url = parse(raw);
  if (!url || url.username || url.password || !url.host) return null;
  if (url.protocol === 'http:' || url.protocol === 'https:') return url.origin;
  if (url.protocol === `${APP_SCHEME}:`) return `${url.protocol}//${url.host.toLowerCase()}`;
  return null;
}

/**
 * The origins allowed to hold the bridge: app://crosswalk, plus electron-vite's dev server when
 * one is given (never in a packaged app) and it is on this machine.
 */
export function trustedOrigins(devServerUrl?: string): string[] {
  const origins = [APP_ORIGIN];
  if (devServerUrl) {
    const url = parse(devServerUrl);
    const origin = originOf(devServerUrl);
    if (url && origin && origin.startsWith('http') && LOOPBACK_HOSTS.has(url.hostname)) origins.push(origin);
  }
  return origins;
}

export const isTrustedUrl = (raw: string, trusted: readonly string[]): boolean => {
  const origin = originOf(raw);
  return origin !== null && trusted.includes(origin);
};

/** The URL to hand to the system browser, or null: plain http(s) only, no credentials, no other scheme. */
export function externalUrl(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw.length > MAX_EXTERNAL_URL_LENGTH) return null;
  const url = parse(raw);
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) return null;
  if (url.username || url.password || !url.hostname) return null;
  return url.href;
}

export interface SenderFacts {
  webContentsId: number;
  /** The frame that sent the IPC message; null once it navigated away or was destroyed. */
  frame: { url: string; isMainFrame: boolean } | null;
}

/** An IPC call is served only from the main window's top frame showing a trusted origin. */
export function isTrustedSender(sender: SenderFacts, mainWebContentsId: number | undefined, trusted: readonly string[]): boolean {
  return (
    mainWebContentsId !== undefined &&
    sender.webContentsId === mainWebContentsId &&
    sender.frame !== null &&
    sender.frame.isMainFrame &&
    isTrustedUrl(sender.frame.url, trusted)
  );
}

/** Permissions the renderer may use: writing to the clipboard (copy buttons), from a trusted origin. */
export function isPermissionAllowed(permission: string, requestingUrl: string, trusted: readonly string[]): boolean {
  return permission === 'clipboard-sanitized-write' && isTrustedUrl(requestingUrl, trusted);
}
