// The sandbox of one open workspace: its store and body cache (the handlers' send path, api/handlers/index.ts,
// adds the host's OAuth browser and proxy). The handlers and the CLI both use it.
import fs from 'node:fs';
import path from 'node:path';
import type { HistoryEntrySummary } from '../../shared/contract';
import type { Services } from '../platform/services';
import { workspaceIdOf } from '../workspace/secrets';
import type { Workspace } from '../workspace/workspace';
import { PREVIEW_BYTES, bodyPreview } from './send/preview';
import { BodyCache } from './store/body-cache';
import type { SandboxStore } from './store/context';

export interface Sandbox {
  store: SandboxStore;
  cache: BodyCache;
}

/** `appDir` is CROSSWALK_HOME (the settings folder): bodies go to its cache/<workspace-id>/. */
export function sandboxOf(workspace: Workspace, services: Pick<Services, 'keys' | 'redactor'>, appDir: string, env: NodeJS.ProcessEnv = process.env): Sandbox {
  return {
    store: { workspace, secrets: { keys: services.keys, redactor: services.redactor, env } },
    cache: new BodyCache(path.join(appDir, 'cache'), workspaceIdOf(workspace)),
  };
}

/** The first PREVIEW_BYTES of a stored body, read only when shown. */
export function storedPreview(cache: BodyCache, bodyId: string | null, contentType: string | null) {
  if (!bodyId || !cache.has(bodyId)) return null;
  const file = cache.pathOf(bodyId);
  const size = fs.statSync(file).size;
  const handle = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(Math.min(size, PREVIEW_BYTES));
    fs.readSync(handle, head, 0, head.length, 0);
    return bodyPreview(head, size, contentType);
  } finally {
    fs.closeSync(handle);
  }
}

export type HistoryListener = (entry: HistoryEntrySummary) => void;
