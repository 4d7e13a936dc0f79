import { chmod, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteDocumentStorage } from './sqlite-document-storage.js';

const quiet = (): void => {};
const modeOf = async (path: string): Promise<number> => (await stat(path)).mode & 0o777;

describe.runIf(process.platform !== 'win32')('SQLite file modes', () => {
  let parent: string;
  beforeEach(async () => (parent = await mkdtemp(join(tmpdir(), 'pw-modes-'))));
  afterEach(() => rm(parent, { recursive: true, force: true }));

  it('creates the data folder 0700 and the database, -wal and -shm files 0600', async () => {
    const dataDir = join(parent, 'data');
    const storage = await SqliteDocumentStorage.open({ dataDir, logger: quiet });
    try {
      await storage.appendUpdates('plans/a', [new Uint8Array([0, 0])]);
      const file = join(dataDir, 'prozesswerkstatt.sqlite');
      expect(await modeOf(dataDir)).toBe(0o700);
      expect(await modeOf(file)).toBe(0o600);
      expect(await modeOf(`${file}-wal`)).toBe(0o600);
      expect(await modeOf(`${file}-shm`)).toBe(0o600);
    } finally {
      await storage.close();
    }
  });

  it('narrows an existing world-readable database and folder', async () => {
    const dataDir = join(parent, 'old');
    const first = await SqliteDocumentStorage.open({ dataDir, logger: quiet });
    await first.close();
    const file = join(dataDir, 'prozesswerkstatt.sqlite');
    await chmod(file, 0o644);
    await chmod(dataDir, 0o755);
    const second = await SqliteDocumentStorage.open({ dataDir, logger: quiet });
    try {
      expect(await modeOf(file)).toBe(0o600);
      expect(await modeOf(dataDir)).toBe(0o700);
    } finally {
      await second.close();
    }
  });
});
