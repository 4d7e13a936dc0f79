/** Raised by every call on a storage after `close()`. */
export class StorageClosedError extends Error {
  constructor(kind: string) {
    super(`storage (${kind}) is closed`);
    this.name = 'StorageClosedError';
  }
}

/** Raised by `openStorage` for a `DATABASE_URL` it cannot serve. */
export class UnsupportedDatabaseUrlError extends Error {
  constructor(scheme: string) {
    // Only the scheme is echoed: the rest of the URL may hold a password.
    super(
      `storage: unsupported DATABASE_URL scheme "${scheme}". Use postgres:// or postgresql:// for ` +
        'PostgreSQL, or leave DATABASE_URL unset to use the SQLite file in the data directory.',
    );
    this.name = 'UnsupportedDatabaseUrlError';
  }
}

/** The message of anything thrown, for a log line. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
