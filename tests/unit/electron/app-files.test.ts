import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveAppFile } from '../../../src/main/electron/app-files';
import { contentTypeOf } from '../../../src/main/static-files';

const root = path.resolve('/srv/crosswalk/out/renderer');

describe('resolveAppFile: app:// requests stay inside the built renderer', () => {
  it.each([
    ['app://crosswalk/', 'index.html'],
    ['app://crosswalk', 'index.html'],
    ['app://crosswalk/index.html', 'index.html'],
    ['app://crosswalk/assets/index-abc123.js', 'assets/index-abc123.js'],
    ['app://crosswalk/assets/a%20b.css', 'assets/a b.css'],
    ['app://crosswalk/assets/index.js?v=1#x', 'assets/index.js'],
    // The URL parser removes dot segments before we see the path: still inside the root.
    ['app://crosswalk/../../etc/passwd', 'etc/passwd'],
    ['app://crosswalk/%2e%2e/%2e%2e/etc/passwd', 'etc/passwd'],
  ])('%s → %s', (url, relative) => {
    expect(resolveAppFile(url, root)).toBe(path.join(root, relative));
  });

  it.each([
    'app://crosswalk/..%2f..%2fetc%2fpasswd',
    'app://crosswalk/%2e%2e%2f%2e%2e%2fetc/passwd',
    'app://crosswalk/assets/..%2F..%2F..%2Fpackage.json',
    'app://crosswalk/..%5c..%5cwindows%5cwin.ini',
    'app://crosswalk/%2Fetc%2Fpasswd/..%2f..',
    'app://crosswalk/index.html%00.png',
    'app://crosswalk/%E0%A4%A',
    'app://evil/index.html',
    'app://crosswalk.evil/index.html',
    'app://user@crosswalk/index.html',
    'file:///etc/passwd',
    'https://crosswalk/index.html',
    'not a url',
  ])('refuses %s', (url) => {
    const file = resolveAppFile(url, root);
    // Backslashes are ordinary characters on POSIX: such a name may resolve, but only inside the root.
    if (file !== null) expect(file.startsWith(root + path.sep)).toBe(true);
    if (!url.includes('%5c')) expect(file).toBeNull();
  });

  it('refuses a path that resolves to the root folder itself', () => {
    expect(resolveAppFile('app://crosswalk/assets/..%2f', root)).toBeNull();
  });

  it('names content types by extension', () => {
    expect(contentTypeOf('/x/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeOf('/x/a.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeOf('/x/font.woff2')).toBe('font/woff2');
    expect(contentTypeOf('/x/unknown.bin')).toBe('application/octet-stream');
  });
});
