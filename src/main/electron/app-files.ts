// Maps app://crosswalk/<path> requests to files of the built renderer, never outside it.
import { resolveStaticFile } from '../static-files';
import { APP_HOST, APP_SCHEME } from './url-policy';

/** The file under rootDir that an app:// request names, or null for another host or a path leaving rootDir. */
export function resolveAppFile(requestUrl: string, rootDir: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host.toLowerCase() !== APP_HOST || url.username || url.password) return null;
  return resolveStaticFile(url.pathname, rootDir);
}
