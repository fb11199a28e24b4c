import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { tempDir } from './temp';

export const repositoryRoot = path.resolve(__dirname, '../..');
export const bin = path.join(repositoryRoot, 'bin', 'crosswalk');
export const demoDocument = (file: string) => path.join(repositoryRoot, 'resources', 'demo', file);

/** Runs bin/crosswalk as a user would, with its own settings folder (CROSSWALK_HOME). */
export function crosswalk(args: string[], home = tempDir()) {
  const result = spawnSync(bin, args, { encoding: 'utf8', env: { ...process.env, CROSSWALK_HOME: home } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
