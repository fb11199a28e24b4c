import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { KEY_BYTES } from './cipher';
import { decodeKey, keyName, type KeyStore, type KeyStoreInfo } from './key-store';

const FOLDER_MODE = 0o700;
const FILE_MODE = 0o600;

/**
 * Keys as files in one folder readable by the user only (0700, files 0600; looser modes are
 * tightened when seen), for machines without a usable OS key store. A workspace must never be
 * stored in this folder: whoever copies or syncs the folder would carry the keys with it.
 */
export class KeyFiles implements KeyStore {
  readonly info: KeyStoreInfo;

  constructor(
    readonly dir: string,
    fallbackReason?: string,
  ) {
    this.info = { kind: 'key-files', location: dir, ...(fallbackReason ? { fallbackReason } : {}) };
  }

  find(workspaceId: string): Buffer | undefined {
    const file = this.fileOf(workspaceId);
    if (!fs.existsSync(file)) return undefined;
    tighten(this.dir, FOLDER_MODE);
    tighten(file, FILE_MODE);
    return decodeKey(fs.readFileSync(file, 'utf8'), file);
  }

  findOrCreate(workspaceId: string): Buffer {
    const found = this.find(workspaceId);
    if (found) return found;
    fs.mkdirSync(this.dir, { recursive: true, mode: FOLDER_MODE });
    tighten(this.dir, FOLDER_MODE);
    // Written aside, then linked into place: another process creating the same key at the same
    // moment either wins (and its key is used) or loses, never leaving a half-written file.
    const file = this.fileOf(workspaceId);
    const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    fs.writeFileSync(temporary, `${randomBytes(KEY_BYTES).toString('base64')}\n`, { mode: FILE_MODE, flag: 'wx' });
    try {
      fs.linkSync(temporary, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      fs.rmSync(temporary, { force: true });
    }
    return this.find(workspaceId)!;
  }

  private fileOf(workspaceId: string): string {
    return path.join(this.dir, `${keyName(workspaceId).replace(':', '-')}.key`);
  }
}

/** Windows keeps no POSIX modes: there the folder inherits the user profile's access list. */
function tighten(target: string, mode: number) {
  if (process.platform === 'win32') return;
  if ((fs.statSync(target).mode & 0o777 & ~mode) !== 0) fs.chmodSync(target, mode);
}
