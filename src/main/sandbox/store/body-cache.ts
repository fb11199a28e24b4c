// Response bodies as files under CROSSWALK_HOME/cache/<workspace-id>/: never beside the workspace,
// which may be shared. A body's id is random hex, so a file name never comes from outside.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../../errors';

const BODY_ID = /^[0-9a-f]{32}$/;

/**
 * Emptied files of pruned bodies kept for the next bodies written. Once the history is full, each send
 * writes one body and prunes one (in batches of up to 50, see history.ts): renaming an emptied file spares
 * the file system an inode made and one freed, which on some (ext4 under load: ~0.4 ms of system time
 * each) cost more than the whole exchange.
 */
export const SPARE_FILES = 50;

/** Which spare slots of a folder this process believes filled: another process sharing the folder may take or replace one. */
export type SpareSlots = boolean[];
const emptySlots = (): SpareSlots => new Array<boolean>(SPARE_FILES).fill(false);
/** Per folder, shared by every cache made on it in this process (the handlers make one per call). */
const slotsByFolder = new Map<string, SpareSlots>();

export class BodyCache {
  readonly dir: string;
  private ensured = false;
  private readonly spares: SpareSlots;

  /**
   * `root` is the cache folder (CROSSWALK_HOME/cache); each workspace has a folder of its own in it. `spares`
   * is this process's record of the folder's spare files unless given (a test stands in for another process).
   */
  constructor(root: string, workspaceId: string, spares?: SpareSlots) {
    this.dir = path.join(root, workspaceId);
    if (spares) this.spares = spares;
    else {
      this.spares = slotsByFolder.get(this.dir) ?? emptySlots();
      slotsByFolder.set(this.dir, this.spares);
    }
  }

  newId(): string {
    // A random UUID's 32 hex digits (122 random bits): Node draws them from a buffered pool, where
    // randomBytes asks the system's generator each time.
    return randomUUID().replaceAll('-', '');
  }

  /** The file of a body id; refuses anything that is not one. */
  pathOf(bodyId: string): string {
    if (!BODY_ID.test(bodyId)) throw new UserError('BODY_ID', `"${bodyId.slice(0, 80)}" is not a response body id: take the bodyId a send or history entry gave.`);
    return path.join(this.dir, `${bodyId}.body`);
  }

  /** Creates the folder (owner-only) before a body is written. */
  ensure(): void {
    if (this.ensured && fs.existsSync(this.dir)) return;
    fs.mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    this.ensured = true;
  }

  /**
   * Writes a whole body at once (owner-only) into a spare file when there is one, else a new file; creates
   * the folder only when the write finds it missing.
   */
  write(bodyId: string, bytes: Buffer): void {
    const file = this.pathOf(bodyId);
    if (this.takeSpare(file)) {
      // Empty (see remove) and owner-only since it was made.
      const fd = fs.openSync(file, 'r+');
      try {
        fs.writeFileSync(fd, bytes);
      } finally {
        fs.closeSync(fd);
      }
      return;
    }
    try {
      fs.writeFileSync(file, bytes, { mode: 0o600 });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      fs.mkdirSync(this.dir, { recursive: true, mode: 0o700 });
      fs.writeFileSync(file, bytes, { mode: 0o600 });
    }
  }

  has(bodyId: string | null): boolean {
    return bodyId !== null && BODY_ID.test(bodyId) && fs.existsSync(this.pathOf(bodyId));
  }

  /** Deletes a pruned body: its file is emptied and kept as a spare under another name, or deleted when enough are kept. */
  remove(bodyId: string | null): void {
    if (bodyId === null || !BODY_ID.test(bodyId)) return;
    const file = this.pathOf(bodyId);
    const slot = this.spares.indexOf(false);
    try {
      if (slot === -1) {
        fs.unlinkSync(file);
        return;
      }
      // Emptied before it is renamed: a spare never holds a body, even after a crash. (Opened to truncate:
      // truncateSync opens, truncates and closes, one call more.)
      fs.closeSync(fs.openSync(file, fs.constants.O_WRONLY | fs.constants.O_TRUNC));
      // Replaces a spare another process left in the slot.
      fs.renameSync(file, this.spareFile(slot));
      this.spares[slot] = true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }

  private spareFile(slot: number): string {
    return path.join(this.dir, `spare-${slot}`);
  }

  /** Renames a spare file to `file`; false when there is none (or another process took it first). */
  private takeSpare(file: string): boolean {
    const slot = this.spares.lastIndexOf(true);
    if (slot === -1) return false;
    this.spares[slot] = false;
    try {
      fs.renameSync(this.spareFile(slot), file);
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      return false;
    }
  }
}
