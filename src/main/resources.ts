import fs from 'node:fs';
import path from 'node:path';

/** The repository (or packaged app) root: the nearest folder above this module holding package.json. */
export function projectRoot(from: string = __dirname): string {
  let dir = from;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`No package.json above ${from}.`);
    dir = parent;
  }
  return dir;
}

export const resourcePath = (...parts: string[]) => path.join(projectRoot(), 'resources', ...parts);
