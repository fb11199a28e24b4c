// Requests and environments opened for sending (secrets unsealed), kept in this process' memory for the
// sends that follow, so that a request sent again costs no reads, parses or unsealing. Never written
// anywhere. Everything is dropped as soon as the workspace may have changed (Workspace.changeStamp: any
// write through this connection but the history's, any commit by another connection or process), or
// when asked with other keys or another environment for CROSSWALK_SECRET_<NAME>. Those variables are read
// when a request or environment is opened, not again while it stays cached.
import type { KeyStore } from '../../platform/secrets';
import type { Workspace } from '../../workspace/workspace';
import type { SandboxStore } from './context';
import { openEnvironment } from './environments';
import { openRequest } from './requests';

interface Entry {
  value: unknown;
  /** The secret values the redactor learnt while opening it: taught again to whoever gets it. */
  taught: string[];
}

interface Cache {
  stamp: string;
  keys: KeyStore;
  env: NodeJS.ProcessEnv | undefined;
  entries: Map<string, Entry>;
}

/** Enough for every request and environment an analyst sends in a session; past it, all are opened anew. */
const ENTRIES_KEPT = 500;

const caches = new WeakMap<Workspace, Cache>();

export interface OpenedForSend {
  request(id: number): ReturnType<typeof openRequest>;
  environment(id: number): ReturnType<typeof openEnvironment>;
  /** `open` gives the value of a name the request's variables lack (the system's secret variables): remembered too. */
  fallback(systemId: number, name: string, open: (store: SandboxStore) => string | undefined): string | undefined;
}

/** The store's opened requests and environments, as valid as the workspace is now. Values are frozen: copy before changing. */
export function openedForSend(store: SandboxStore): OpenedForSend {
  const stamp = store.workspace.changeStamp();
  const { keys, env } = store.secrets;
  let cache = caches.get(store.workspace);
  if (!cache || cache.stamp !== stamp || cache.keys !== keys || cache.env !== env) caches.set(store.workspace, (cache = { stamp, keys, env, entries: new Map() }));
  return new Opened(store, cache);
}

// Methods rather than closures made per send: each closure bound to a name costs a defineProperty under
// tsx (esbuild's keepNames), which runs the CLI and the web host.
class Opened implements OpenedForSend {
  constructor(
    private readonly store: SandboxStore,
    private readonly kept: Cache,
  ) {}

  request(id: number): ReturnType<typeof openRequest> {
    return this.remembered(`request:${id}`, (opening) => openRequest(opening, id), (opened) => opened.missing.length === 0);
  }

  environment(id: number): ReturnType<typeof openEnvironment> {
    return this.remembered(`environment:${id}`, (opening) => openEnvironment(opening, id), (opened) => opened.missing.length === 0);
  }

  fallback(systemId: number, name: string, open: (store: SandboxStore) => string | undefined): string | undefined {
    return this.remembered(`fallback:${systemId}:${name}`, open, (value) => value !== undefined);
  }

  // What did not open here is not kept: a key restored to the key store, or a variable set since, would not be seen.
  private remembered<T>(key: string, open: (store: SandboxStore) => T, complete: (value: T) => boolean): T {
    const { store, kept } = this;
    const found = kept.entries.get(key);
    if (found) {
      for (const value of found.taught) store.secrets.redactor?.add(value);
      return found.value as T;
    }
    const taught: string[] = [];
    const redactor = store.secrets.redactor;
    const learning = { add: (value: string) => (taught.push(value), redactor?.add(value)) };
    const value = deepFreeze(open({ ...store, secrets: { ...store.secrets, redactor: learning } }));
    if (!complete(value)) return value;
    if (kept.entries.size >= ENTRIES_KEPT) kept.entries.clear();
    kept.entries.set(key, { value, taught });
    return value;
  }
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const item of Object.values(value)) deepFreeze(item);
  }
  return value;
}
