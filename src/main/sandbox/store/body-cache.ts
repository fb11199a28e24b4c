// Response bodies as files under CROSSWALK_HOME/cache/<workspace-id>/: never beside the workspace,
// which may be shared. A body's id is random hex, so a file name never comes from outside.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../../errors';

const BODY_ID = /^[0-9a-f]{32}$/;

export class BodyCache {
  readonly dir: string;
  private ensured = false;

  /** `root` is the cache folder (CROSSWALK_HOME/cache); each workspace has a folder of its own in it. */
  constructor(root: string, workspaceId: string) {
    this.dir = path.join(root, workspaceId);
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

  /** Writes a whole body at once (owner-only), creating the folder only when the write finds it missing. */
  write(bodyId: string, bytes: Buffer): void {
    const file = this.pathOf(bodyId);
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

  remove(bodyId: string | null): void {
    if (bodyId === null || !BODY_ID.test(bodyId)) return;
    try {
      fs.unlinkSync(this.pathOf(bodyId));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
}
