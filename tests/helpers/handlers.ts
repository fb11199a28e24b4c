import path from 'node:path';
import { createDemoWorkspace } from '../../src/main/demo/demo-workspace';
import { browserSession, openSession, sessionCalls } from './calls';
import { tempDir } from './temp';

/**
 * The demo workspace in a fresh temp dir, open in a browser session, with its handler table's calls.
 * `files` names more demo workspaces made beside it (the first one is opened).
 */
export async function openDemoSession(options: { files?: string[] } = {}) {
  const dir = tempDir();
  const files = (options.files ?? ['demo.crosswalk']).map((name) => path.join(dir, name));
  for (const file of files) (await createDemoWorkspace(file)).close();
  return { dir, file: files[0]!, files, ...(await openSession(dir, files[0]!)) };
}

/** A new, empty workspace called `name` in a fresh temp dir, open in a browser session, with its calls. */
export function openNewSession(name: string) {
  const dir = tempDir();
  const session = browserSession(dir);
  session.create(path.join(dir, 'w.crosswalk'), name);
  return { dir, ...sessionCalls(session) };
}
