import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../../errors';

/** The folder must exist; a failed write never leaves a half file where `file` was. */
export function checkExportTarget(file: string): void {
  const folder = path.dirname(path.resolve(file));
  if (!fs.existsSync(folder)) throw new UserError('EXPORT_FOLDER_MISSING', `Cannot write ${file}: the folder ${folder} does not exist. Create it or choose another path.`);
  if (!fs.statSync(folder).isDirectory()) throw new UserError('EXPORT_FOLDER_MISSING', `Cannot write ${file}: ${folder} is a file, not a folder. Choose another path.`);
  if (fs.existsSync(file) && fs.statSync(file).isDirectory()) throw new UserError('EXPORT_IS_FOLDER', `Cannot write ${file}: it is a folder. Name a file instead.`);
}

/** Writes next to the target, then renames over it. */
export function writeFileAtomically(file: string, content: string): number {
  checkExportTarget(file);
  const temp = path.join(path.dirname(path.resolve(file)), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    fs.writeFileSync(temp, content, { encoding: 'utf8', flush: true });
    fs.renameSync(temp, file);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') throw new UserError('EXPORT_NOT_WRITABLE', `Cannot write ${file}: permission denied. Choose a folder you can write to.`);
    throw error;
  }
  return fs.statSync(file).size;
}
