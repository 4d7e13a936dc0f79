import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { mergeLog, placeOfMerged } from './merge-log.js';

function updatesOf(key: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getMap('meta').set(key, key.toUpperCase());
  return Y.encodeStateAsUpdate(doc);
}

function contentOf(update: Uint8Array): unknown {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  return doc.getMap('meta').toJSON();
}

describe('mergeLog', () => {
  it('merges all entries in one go when they are readable', () => {
    const messages: string[] = [];
    const result = mergeLog(
      'plans/a',
      [
        { id: 1, data: updatesOf('a') },
        { id: 2, data: updatesOf('b') },
      ],
      (message) => messages.push(message),
    );
    expect(result.mergedIds).toEqual([1, 2]);
    expect(result.corruptIds).toEqual([]);
    expect(contentOf(result.update)).toEqual({ a: 'A', b: 'B' });
    expect(messages).toEqual([]);
  });

  it('skips and reports only the corrupt entries instead of losing the document', () => {
    const messages: string[] = [];
    const truncated = updatesOf('x').slice(0, -2);
    expect(() => Y.mergeUpdates([updatesOf('a'), truncated])).toThrow();

    const result = mergeLog(
      'plans/a',
      [
        { id: 1, data: updatesOf('a') },
        { id: 2, data: truncated },
        { id: 3, data: new Uint8Array([255, 255, 255, 255, 255, 255, 255, 255, 255, 1]) },
        { id: 4, data: updatesOf('b') },
      ],
      (message) => messages.push(message),
    );
    expect(result.mergedIds).toEqual([1, 4]);
    expect(result.corruptIds).toEqual([2, 3]);
    expect(contentOf(result.update)).toEqual({ a: 'A', b: 'B' });
    expect(messages).toHaveLength(2);
    expect(messages[0]).toMatch(/corrupt log entry 2 of document "plans\/a"/);
  });

  it('detects a lone corrupt entry too', () => {
    const messages: string[] = [];
    const result = mergeLog('plans/a', [{ id: 7, data: updatesOf('x').slice(0, -2) }], (m) =>
      messages.push(m),
    );
    expect(result.corruptIds).toEqual([7]);
    expect(contentOf(result.update)).toEqual({});
    expect(messages).toHaveLength(1);
  });
});

describe('placeOfMerged', () => {
  it('keeps the lowest merged id, also for a log too long to spread into arguments', () => {
    const ids = Array.from({ length: 300_000 }, (_, index) => 300_000 - index);
    const { keep, remove, newest } = placeOfMerged(ids);
    expect(keep).toBe(1);
    expect(newest).toBe(300_000);
    expect(remove).toHaveLength(299_999);
    expect(remove).not.toContain(1);
  });
});
