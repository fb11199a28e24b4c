import fs from 'node:fs/promises';
import { protocol } from 'electron';
import { contentTypeOf, SECURITY_HEADERS } from '../static-files';
import { resolveAppFile } from './app-files';
import { APP_SCHEME } from './url-policy';

/** Must run before app 'ready': app:// behaves like https (origin, fetch, secure context). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves the built renderer (out/renderer) on app://crosswalk/, read-only, with the strict CSP. */
export function serveAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed.');
    const file = resolveAppFile(request.url, rendererDir);
    if (!file) return plain(404, 'Not found.');
    try {
      const body = await fs.readFile(file);
      return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
        status: 200,
        headers: { ...SECURITY_HEADERS, 'content-type': contentTypeOf(file), 'cache-control': 'no-cache' },
      });
    } catch {
      return file.endsWith('index.html')
        ? plain(503, 'The Crosswalk UI is not built yet: run "npm run build", then reload (Ctrl+R).')
        : plain(404, 'Not found.');
    }
  });
}

const plain = (status: number, message: string) =>
  new Response(message, { status, headers: { ...SECURITY_HEADERS, 'content-type': 'text/plain; charset=utf-8' } });
