import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../errors';
import { APPLICATION_ID, applyMigrations, pendingMigrations, schemaVersionOf } from './migrate';
import { latestVersion, migrations as shippedMigrations, type Migration } from './migrations';
import { BUSY_TIMEOUT_MS, backupsOf, workspaceFailure } from './failures';
import { openDatabase, openDatabaseCopy, prepared, type SqliteDatabase, type SqliteTransaction } from './sqlite';

export const WORKSPACE_EXTENSION = '.crosswalk';
const BACKUPS_KEPT = 3;

/**
 * One open workspace file. Reads run directly; every write runs inside one immediate transaction,
 * so a write that throws half-way leaves the file exactly as it was.
 */
export class Workspace {
  /** Writes through this connection that may change cached rows (see changeStamp). */
  private writes = 0;
  /** Whether this connection's commits wait for the disk now (synchronous FULL, as connect() opens it). */
  private waitsForDisk = true;
  private transaction: SqliteTransaction<(run: (db: SqliteDatabase) => unknown) => unknown> | undefined;

  constructor(
    readonly path: string,
    private readonly db: SqliteDatabase,
    /**
     * How it is opened when not for writing: 'read-only' (writes are refused), or a copy of a file older
     * than this Crosswalk, migrated in memory (writes change the copy only) with the file's schema version.
     */
    readonly detached?: 'read-only' | { copyOfSchema: number },
  ) {}

  /** The schema version of the file itself (the copy's is `schemaVersion`). */
  get fileSchemaVersion(): number {
    return typeof this.detached === 'object' ? this.detached.copyOfSchema : this.schemaVersion;
  }

  get schemaVersion(): number {
    return this.read(schemaVersionOf);
  }

  read<T>(query: (db: SqliteDatabase) => T): T {
    try {
      return query(this.db);
    } catch (error) {
      throw workspaceFailure(this.path, error);
    }
  }

  /**
   * Whether the file may have changed since a cache of its rows took this stamp: a write through this
   * connection (but those that leave cached rows alone), or a commit by another connection or process
   * (SQLite's data_version, which does not count this connection's own commits).
   */
  changeStamp(): string {
    return `${this.writes}/${this.read((db) => prepared(db, 'PRAGMA data_version').pluck().get() as number)}`;
  }

  /**
   * `waitForDisk: false` for a record whose loss in a power cut is acceptable (a history row): the
   * commit does not wait for the disk (WAL with synchronous NORMAL, left so until a write that must wait).
   * A crash of the app loses nothing, and the next durable write syncs it along with its own.
   * `leavesCachedRows: true` for a write that only adds to or prunes the history, which nothing caches:
   * it leaves the change stamp as it was.
   */
  write<T>(change: (db: SqliteDatabase) => T, { waitForDisk = true, leavesCachedRows = false }: { waitForDisk?: boolean; leavesCachedRows?: boolean } = {}): T {
    try {
      return this.commit(change, waitForDisk);
    } finally {
      // Counted once the write is over, so that nothing cached while it ran outlives it.
      if (!leavesCachedRows) this.writes += 1;
    }
  }

  private commit<T>(change: (db: SqliteDatabase) => T, waitForDisk: boolean): T {
    // Switched only when the kind of write changes: history rows written one after another leave it at
    // NORMAL, and the next write that must wait for the disk switches it back to FULL before it commits.
    if (waitForDisk !== this.waitsForDisk && !this.detached && !this.db.inTransaction) {
      prepared(this.db, waitForDisk ? 'PRAGMA synchronous = FULL' : 'PRAGMA synchronous = NORMAL').run();
      this.waitsForDisk = waitForDisk;
    }
    if (this.detached === 'read-only') {
      throw new UserError('WORKSPACE_READ_ONLY', `${this.path} was opened for reading only, so nothing can be changed in it: open it in the app, or with a command that changes it.`);
    }
    // One transaction function for every write: better-sqlite3 builds four wrappers for each one made.
    this.transaction ??= this.db.transaction((run: (db: SqliteDatabase) => unknown) => {
      const result = run(this.db);
      if (result instanceof Promise) {
        throw new Error('A workspace write must be synchronous: awaiting inside a transaction would commit it half-done.');
      }
      return result;
    });
    try {
      return this.transaction.immediate(change) as T;
    } catch (error) {
      throw workspaceFailure(this.path, error);
    }
  }

  get isOpen(): boolean {
    return this.db.open;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

export class WorkspaceTooNewError extends UserError {
  constructor(file: string, found: number, latest: number) {
    super(
      'WORKSPACE_TOO_NEW',
      `${file} was written by a newer Crosswalk (workspace schema ${found}; this version reads up to ${latest}). ` +
        'Update Crosswalk to open it; the file was left untouched.',
    );
  }
}

/**
 * How a workspace is opened:
 * - 'write': to change it; a file written by an older version is migrated first (after a backup);
 * - 'read': never writes, migrates or backs up (read commands): a current file is opened read-only, an
 *   older one read through a copy migrated in memory (changes stay in the copy); an empty file is refused;
 * - 'current': as 'write' when the file is at this version's schema (never migrated, never backed up),
 *   as 'read' otherwise.
 */
export type WorkspaceAccess = 'write' | 'read' | 'current';

/** Opens an existing workspace (see WorkspaceAccess). */
export async function openWorkspace(
  file: string,
  { migrations = shippedMigrations, access = 'write' }: { migrations?: readonly Migration[]; access?: WorkspaceAccess } = {},
): Promise<Workspace> {
  const resolved = path.resolve(file);
  const stat = fs.statSync(resolved, { throwIfNoEntry: false });
  if (!stat) {
    throw new UserError(
      'WORKSPACE_NOT_FOUND',
      `There is no workspace at ${resolved}: check the path, or create one (crosswalk demo <file>, or New Workspace in the app).`,
    );
  }
  if (!stat.isFile()) throw new UserError('NOT_A_WORKSPACE', `${resolved} is a folder, not a workspace file.`);
  const found = inspect(resolved);
  const latest = latestVersion(migrations);
  if (found > latest) throw new WorkspaceTooNewError(resolved, found, latest);
  if (access === 'read' || (access === 'current' && found !== latest)) return openForReading(resolved, found, migrations, stat.size);

  let db: SqliteDatabase | undefined;
  try {
    db = connect(resolved);
    if (found > 0 && pendingMigrations(found, migrations).length > 0) await backUp(db, resolved, found);
    applyMigrations(db, migrations);
  } catch (error) {
    db?.close();
    throw workspaceFailure(resolved, error);
  }
  return new Workspace(resolved, db);
}

async function openForReading(file: string, found: number, migrations: readonly Migration[], size: number): Promise<Workspace> {
  if (found === 0) {
    throw notAWorkspace(file, size === 0 ? 'it is empty (0 bytes)' : 'it holds no workspace yet', 'open a .crosswalk file, or create one (crosswalk demo <file>, or New Workspace in the app)');
  }
  let db: SqliteDatabase | undefined;
  try {
    db = openDatabase(file, { readonly: true, mustExist: true });
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    if (pendingMigrations(found, migrations).length === 0) {
      return new Workspace(file, db, 'read-only');
    }
    // Older than this version: migrated in memory, the file left as it is. The copy's header must not
    // say WAL (bytes 18-19), which a database in memory cannot use.
    const bytes = db.serialize();
    bytes[18] = 1;
    bytes[19] = 1;
    const copy = openDatabaseCopy(bytes);
    db.close();
    db = copy;
    applyMigrations(db, migrations);
    return new Workspace(file, db, { copyOfSchema: found });
  } catch (error) {
    db?.close();
    throw workspaceFailure(file, error);
  }
}

/** Creates a new, empty workspace file; refuses to overwrite anything. */
export function createWorkspace(file: string, integrationName: string): Workspace {
  const resolved = path.resolve(file);
  if (fs.existsSync(resolved)) {
    throw new UserError('WORKSPACE_EXISTS', `${resolved} already exists: open it, or choose another file name.`);
  }
  fs.mkdirSync(path.dirname(resolved), { recursive: true });
  const db = connect(resolved);
  try {
    applyMigrations(db);
    db.prepare('UPDATE integration SET name = ? WHERE id = 1').run(integrationName);
  } catch (error) {
    db.close();
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(resolved + suffix, { force: true });
    throw error;
  }
  return new Workspace(resolved, db);
}

/**
 * Reads a file's schema version without writing a byte to it. Opening SQLite, even read-only, would
 * leave -wal/-shm files beside a WAL database, so the header is read directly when no WAL is pending
 * (https://www.sqlite.org/fileformat.html#the_database_header).
 */
function inspect(file: string): number {
  const walSize = fs.statSync(`${file}-wal`, { throwIfNoEntry: false })?.size ?? 0;
  const header = walSize > 0 ? headerFromSqlite(file) : headerFromBytes(file);
  if (!header) throw notAWorkspace(file, 'it is not an SQLite database');
  const { applicationId, userVersion, pageCount } = header;
  if (applicationId !== APPLICATION_ID && (applicationId !== 0 || userVersion !== 0 || pageCount > 1)) {
    throw notAWorkspace(file, 'it is a database of another program');
  }
  return userVersion;
}

interface SqliteHeader {
  applicationId: number;
  userVersion: number;
  pageCount: number;
}

function headerFromBytes(file: string): SqliteHeader | null {
  let bytes: Buffer;
  try {
    bytes = readStart(file, 100);
  } catch {
    throw new UserError('WORKSPACE_UNREADABLE', `${file} cannot be read: check that you may read it.`);
  }
  if (bytes.length === 0) return { applicationId: 0, userVersion: 0, pageCount: 0 };
  if (bytes.length < 100 || bytes.subarray(0, 16).toString('latin1') !== 'SQLite format 3\u0000') return null;
  return { pageCount: bytes.readUInt32BE(28), userVersion: bytes.readUInt32BE(60), applicationId: bytes.readUInt32BE(68) };
}

function headerFromSqlite(file: string): SqliteHeader | null {
  let db: SqliteDatabase | undefined;
  try {
    db = openDatabase(file, { readonly: true, mustExist: true });
    return {
      applicationId: db.pragma('application_id', { simple: true }) as number,
      userVersion: schemaVersionOf(db),
      pageCount: db.pragma('page_count', { simple: true }) as number,
    };
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_NOTADB') return null;
    throw workspaceFailure(file, error);
  } finally {
    db?.close();
  }
}

function readStart(file: string, length: number): Buffer {
  const fd = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(length);
    return buffer.subarray(0, fs.readSync(fd, buffer, 0, length, 0));
  } finally {
    fs.closeSync(fd);
  }
}

function connect(file: string): SqliteDatabase {
  const db = openDatabase(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  return db;
}

async function backUp(db: SqliteDatabase, file: string, version: number): Promise<string> {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const backup = `${file}.v${version}-${stamp}.backup`;
  await db.backup(backup);
  pruneBackups(file);
  return backup;
}

function pruneBackups(file: string) {
  for (const old of backupsOf(file).slice(BACKUPS_KEPT)) fs.rmSync(old, { force: true });
}

const notAWorkspace = (file: string, why: string, fix = 'open a .crosswalk file') =>
  new UserError('NOT_A_WORKSPACE', `${file} is not a Crosswalk workspace (${why}): ${fix}.`);
