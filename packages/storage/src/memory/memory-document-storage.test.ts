import { describe, expect, it } from 'vitest';
import { runStorageTests } from '../testing/storage-acceptance.js';
import { MemoryDocumentStorage } from './memory-document-storage.js';

runStorageTests('memory', async () => {
  const storage = new MemoryDocumentStorage({ logger: () => {} });
  return { storage, teardown: () => storage.close() };
});

describe('MemoryDocumentStorage', () => {
  it('warns loudly that nothing is persisted', () => {
    const messages: string[] = [];
    new MemoryDocumentStorage({ logger: (message) => messages.push(message) });
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/NOTHING IS PERSISTED/);
  });
});
