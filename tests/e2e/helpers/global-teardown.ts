import { rm } from 'node:fs/promises';

/** Removes the run's temporary data folder (SQLite file, generated secret) after all tests. */
export default async function globalTeardown(): Promise<void> {
  const dir = process.env['PW_E2E_DATA_DIR'];
  if (dir && process.env['PW_E2E_KEEP_DATA'] === undefined) {
    await rm(dir, { recursive: true, force: true });
  }
}
