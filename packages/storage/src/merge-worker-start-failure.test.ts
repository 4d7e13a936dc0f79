import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { SqliteDocumentStorage } from './sqlite/sqlite-document-storage.js';

// A machine or sandbox where no thread can be started.
vi.mock('./start-thread.js', () => ({
  startThread: () => {
    throw new Error('no threads here');
  },
}));

describe('a merge thread that cannot start', () => {
  it('neither fails opening the storage nor its compactions, which merge inline', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'pw-storage-'));
    const messages: string[] = [];
    const storage = await SqliteDocumentStorage.open({
      dataDir,
      mergeInWorker: true,
      logger: (message) => messages.push(message),
    });
    try {
      const doc = new Y.Doc();
      const updates: Uint8Array[] = [];
      doc.on('update', (update: Uint8Array) => updates.push(update));
      for (let i = 0; i < 10; i++) doc.getMap('entries').set(`k${i}`, i);
      await storage.appendUpdates('plans/a', updates);

      expect(await storage.compact('plans/a')).toEqual(
        expect.objectContaining({ mergedEntries: 10 }),
      );
      const loaded = new Y.Doc();
      Y.applyUpdate(loaded, (await storage.loadDocument('plans/a'))!);
      expect(loaded.getMap('entries').size).toBe(10);
      expect(messages.join('\n')).toMatch(/merge thread did not start \(no threads here\)/);
    } finally {
      await storage.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
