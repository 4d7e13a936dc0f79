import { chmod, mkdir, open } from 'node:fs/promises';

/**
 * The SQLite file holds every account's password hash, sessions and plans: on a machine with other
 * users it must not be readable by them. The data folder is created `0700` and the database file
 * `0600` before SQLite opens it; SQLite gives its `-wal` and `-shm` files the database file's
 * mode. A file or folder that exists already is narrowed to the same mode, so an installation
 * created before this rule is fixed on its next start.
 */
export const DATA_DIR_MODE = 0o700;
/** Mode of the database file; see {@link DATA_DIR_MODE}. */
export const DATABASE_FILE_MODE = 0o600;

/** Creates `dataDir` (0700) and the empty database file at `path` (0600) unless they exist. */
export async function prepareOwnerOnlyDatabase(dataDir: string, path: string): Promise<void> {
  const created = await mkdir(dataDir, { recursive: true, mode: DATA_DIR_MODE });
  // An existing folder we may not change (another owner, a read-only mount) is left as it is.
  if (created === undefined) await chmod(dataDir, DATA_DIR_MODE).catch(() => {});
  const file = await open(path, 'a', DATABASE_FILE_MODE);
  try {
    await file.chmod(DATABASE_FILE_MODE);
  } finally {
    await file.close();
  }
}
