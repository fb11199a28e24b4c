import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../../errors';

/** The folder must exist and the target must not be a folder: refused before anything is collected or written. */
export function checkExportTarget(file: string): void {
  const target = path.resolve(file);
  const folder = path.dirname(target);
  const folderStat = fs.statSync(folder, { throwIfNoEntry: false });
  if (!folderStat) throw new UserError('EXPORT_FOLDER_MISSING', `Cannot write ${file}: the folder ${folder} does not exist. Create it or choose another path.`);
  if (!folderStat.isDirectory()) throw new UserError('EXPORT_FOLDER_MISSING', `Cannot write ${file}: ${folder} is a file, not a folder. Choose another path.`);
  const existing = fs.statSync(target, { throwIfNoEntry: false });
  if (existing?.isDirectory()) throw new UserError('EXPORT_IS_FOLDER', `Cannot write ${file}: it is a folder. Name a file instead.`);
  if (existing && !existing.isFile()) throw new UserError('EXPORT_NOT_A_FILE', `Cannot write ${file}: it is a device, pipe or socket, not a file. Name a file instead.`);
}

/** Where the export lands: an existing symbolic link is written through (the file it names is replaced, the link stays). */
export function exportTargetPath(file: string): string {
  const target = path.resolve(file);
  return fs.lstatSync(target, { throwIfNoEntry: false })?.isSymbolicLink() ? fs.realpathSync.native(target) : target;
}

/** A unique name beside the target: the file is written there and renamed into place once complete. */
export const temporaryPathFor = (file: string) => {
  const target = exportTargetPath(file);
  return path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(4).toString('hex')}.partial`);
};

/** What the analyst can do about a failed write; anything else is passed on as is. */
export function exportWriteError(error: unknown, file: string): unknown {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM' || code === 'EBUSY' || code === 'EROFS') {
    return new UserError('EXPORT_NOT_WRITABLE', `Cannot write ${file} (${code}): close it if another program has it open, or choose a folder you may write to.`);
  }
  if (code === 'ENOSPC' || code === 'EDQUOT') return new UserError('EXPORT_DISK_FULL', `Cannot write ${file}: the disk is full. Free some space and export again.`);
  return error;
}

/** Writes next to the target, then renames over it: a failed write never leaves a half file where `file` was. */
export function writeFileAtomically(file: string, content: string): number {
  checkExportTarget(file);
  const target = exportTargetPath(file);
  const temporary = temporaryPathFor(target);
  try {
    fs.writeFileSync(temporary, content, { encoding: 'utf8', flush: true, flag: 'wx' });
    fs.renameSync(temporary, target);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw exportWriteError(error, file);
  }
  return fs.statSync(target).size;
}
