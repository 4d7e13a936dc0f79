/**
 * Receives the storage layer's warnings (in-memory mode, corrupt log entries). The collab-server
 * passes its own logger; without one they go to `console.warn`, never nowhere.
 */
export type StorageLogger = (message: string) => void;

/** The logger used when the caller passes none. */
export const defaultLogger: StorageLogger = (message) => {
  console.warn(message);
};
