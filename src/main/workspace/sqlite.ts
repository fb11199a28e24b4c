import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

/**
 * Opens a SQLite file with the better-sqlite3 build that fits the running runtime.
 * node_modules holds the build for plain Node (tests, CLI, web host); Electron has a different
 * ABI, so its copy lives apart in native/electron-<version>/ (see scripts/electron-native.mjs).
 */
export function openDatabase(file: string, options: { readonly?: boolean; mustExist?: boolean } = {}): SqliteDatabase {
  return new Database(file, {
    readonly: options.readonly ?? false,
    fileMustExist: options.mustExist ?? false,
    nativeBinding: electronNativeBinding(),
  });
}

/** An in-memory database holding a copy of `bytes` (a serialized database): changes never reach a file. */
export function openDatabaseCopy(bytes: Buffer): SqliteDatabase {
  return new Database(bytes, { nativeBinding: electronNativeBinding() });
}

function electronNativeBinding(): string | undefined {
  const electronVersion = process.versions.electron;
  if (!electronVersion) return undefined;
  const packaged = !!process.resourcesPath && !process.defaultApp && __dirname.includes('app.asar');
  const candidates = [
    // A development override only: a packaged app never loads native code named by the environment.
    packaged ? undefined : process.env.CROSSWALK_SQLITE_BINDING,
    path.join(process.resourcesPath ?? '', 'native', 'better_sqlite3.node'),
    path.resolve(__dirname, '..', '..', 'native', `electron-${electronVersion}`, 'better_sqlite3.node'),
  ];
  const found = candidates.find((candidate): candidate is string => !!candidate && fs.existsSync(candidate));
  if (!found) {
    throw new Error(
      `better-sqlite3 has no build for Electron ${electronVersion}: run "npm run electron:native" (it needs Electron's headers from the internet).`,
    );
  }
  return found;
}

export type SqliteDatabase = Database.Database;
export type SqliteTransaction<F extends (...args: never[]) => unknown> = Database.Transaction<F>;

const statements = new WeakMap<SqliteDatabase, Map<string, Database.Statement>>();

/**
 * The statement for `sql`, prepared once per connection: for the statements every send runs, where
 * preparing each time costs more than running. Callers must use it the same way each time (pluck or not).
 */
export function prepared(db: SqliteDatabase, sql: string): Database.Statement {
  let known = statements.get(db);
  if (!known) statements.set(db, (known = new Map()));
  let statement = known.get(sql);
  if (!statement) known.set(sql, (statement = db.prepare(sql)));
  return statement;
}
