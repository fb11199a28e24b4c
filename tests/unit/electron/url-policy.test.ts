import { describe, expect, it } from 'vitest';
import {
  APP_ORIGIN,
  externalUrl,
  isPermissionAllowed,
  isTrustedSender,
  isTrustedUrl,
  originOf,
  trustedOrigins,
} from '../../../src/main/electron/url-policy';

describe('externalUrl: what may open in the system browser', () => {
  it.each([
    ['https://example.com/docs?q=1#top', 'https://example.com/docs?q=1#top'],
    ['http://example.com', 'http://example.com/'],
    ['HTTPS://EXAMPLE.COM/Path', 'https://example.com/Path'],
  ])('opens %s as %s', (raw, expected) => {
    expect(externalUrl(raw)).toBe(expected);
  });

  it.each([
    'javascript:alert(1)',
    ' javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'file:///etc/passwd',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'app://crosswalk/index.html',
    'smb://attacker/share',
    'ms-msdt:/id PCWDiagnostic',
    'mailto:someone@example.com',
    'https://example.com@evil.example/',
    'https://user:pass@example.com/',
    'https://:pass@example.com/',
    '//example.com/path',
    'example.com',
    '',
    'https://',
    `https://example.com/${'a'.repeat(9000)}`,
  ])('refuses %s', (raw) => {
    expect(externalUrl(raw)).toBeNull();
  });

  it('refuses anything that is not a string', () => {
    expect(externalUrl(undefined)).toBeNull();
    expect(externalUrl({ href: 'https://example.com' })).toBeNull();
  });

  it('returns the parsed form, so what opens is what was checked', () => {
    expect(externalUrl('https://example.com\\@evil.example/')).toBe('https://example.com/@evil.example/');
  });
});

describe('trusted origins', () => {
  it('trusts only app://crosswalk without a dev server', () => {
    expect(trustedOrigins()).toEqual([APP_ORIGIN]);
    expect(trustedOrigins('')).toEqual([APP_ORIGIN]);
  });

  it('adds the dev server when it runs on this machine', () => {
    expect(trustedOrigins('http://localhost:5173/')).toEqual([APP_ORIGIN, 'http://localhost:5173']);
    expect(trustedOrigins('http://127.0.0.1:5173')).toEqual([APP_ORIGIN, 'http://127.0.0.1:5173']);
  });

  it('ignores a dev server URL pointing elsewhere or at another scheme', () => {
    expect(trustedOrigins('https://evil.example:5173/')).toEqual([APP_ORIGIN]);
    expect(trustedOrigins('file:///tmp/index.html')).toEqual([APP_ORIGIN]);
    expect(trustedOrigins('http://localhost.evil.example/')).toEqual([APP_ORIGIN]);
    expect(trustedOrigins('not a url')).toEqual([APP_ORIGIN]);
  });

  it('computes app:// origins by hand (Node says "null" for custom schemes)', () => {
    expect(new URL('app://crosswalk/x').origin).toBe('null');
    expect(originOf('app://crosswalk/index.html')).toBe('app://crosswalk');
    expect(originOf('app://CROSSWALK/index.html')).toBe('app://crosswalk');
    expect(originOf('app://crosswalk@evil/index.html')).toBeNull();
    expect(originOf('file:///index.html')).toBeNull();
  });

  const trusted = trustedOrigins('http://localhost:5173');
  it.each([
    ['app://crosswalk/index.html', true],
    ['app://crosswalk/', true],
    ['http://localhost:5173/index.html', true],
    ['app://crosswalk.evil/index.html', false],
    ['app://evil/index.html', false],
    ['http://localhost:5174/', false],
    ['https://localhost:5173/', false],
    ['file:///work/main/out/renderer/index.html', false],
    ['https://example.com/', false],
    ['about:blank', false],
    ['javascript:alert(1)', false],
    ['garbage', false],
  ])('%s trusted: %s', (url, expected) => {
    expect(isTrustedUrl(url, trusted)).toBe(expected);
  });
});

describe('isTrustedSender: who may make IPC calls', () => {
  const trusted = [APP_ORIGIN];
  const good = { webContentsId: 7, frame: { url: 'app://crosswalk/index.html', isMainFrame: true } };

  it('accepts the main window top frame on app://crosswalk', () => {
    expect(isTrustedSender(good, 7, trusted)).toBe(true);
  });

  it('refuses another window, a subframe, a missing frame, a foreign origin, or no main window', () => {
    expect(isTrustedSender({ ...good, webContentsId: 8 }, 7, trusted)).toBe(false);
    expect(isTrustedSender({ ...good, frame: { ...good.frame, isMainFrame: false } }, 7, trusted)).toBe(false);
    expect(isTrustedSender({ ...good, frame: null }, 7, trusted)).toBe(false);
    expect(isTrustedSender({ ...good, frame: { url: 'https://evil.example/', isMainFrame: true } }, 7, trusted)).toBe(false);
    expect(isTrustedSender({ ...good, frame: { url: 'file:///index.html', isMainFrame: true } }, 7, trusted)).toBe(false);
    expect(isTrustedSender(good, undefined, trusted)).toBe(false);
  });
});

describe('permissions', () => {
  it('allows only clipboard writes from the app itself', () => {
    expect(isPermissionAllowed('clipboard-sanitized-write', 'app://crosswalk/', [APP_ORIGIN])).toBe(true);
    expect(isPermissionAllowed('clipboard-sanitized-write', 'app://crosswalk', [APP_ORIGIN])).toBe(true);
    expect(isPermissionAllowed('clipboard-sanitized-write', 'https://evil.example/', [APP_ORIGIN])).toBe(false);
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'hid', 'unknown']) {
      expect(isPermissionAllowed(permission, 'app://crosswalk/', [APP_ORIGIN])).toBe(false);
    }
  });
});
