// The command line's "browser": it prints the authorization address for the analyst to open, and the
// loopback redirect waits for it as long as the token cache's authorizationTimeoutMs allows.
import { formatSeconds } from '../../platform/http/errors';
import { DEFAULT_AUTHORIZATION_TIMEOUT_MS } from './loopback';
import type { OpenExternal } from './types';

export function printingOpenExternal(write: (line: string) => void, timeoutMs = DEFAULT_AUTHORIZATION_TIMEOUT_MS): OpenExternal {
  return (url) => {
    const within = timeoutMs % 60_000 === 0 ? `${timeoutMs / 60_000} minute${timeoutMs === 60_000 ? '' : 's'}` : formatSeconds(timeoutMs);
    write(`To sign in, open this address in a browser on this machine within ${within}:\n${url}\n`);
  };
}
