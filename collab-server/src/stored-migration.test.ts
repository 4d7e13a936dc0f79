import { readFileSync } from 'node:fs';
import { getSchemaVersion, planToJSON } from '@prozesswerkstatt/plan-model';
import { MemoryDocumentStorage } from '@prozesswerkstatt/storage';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { migrateStoredDocument } from './stored-migration.js';

/** A plan stored by the schema-2 code: plain text fields as strings. */
const v2State = Buffer.from(
  readFileSync(
    new URL(
      '../../packages/plan-model/src/migrations/fixtures/v2-plan-doc.base64',
      import.meta.url,
    ),
    'utf8',
  ).trim(),
  'base64',
);

function docOf(state: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return doc;
}

describe('migrateStoredDocument', () => {
  it('stores the migration of an old plan before serving it, once', async () => {
    const storage = new MemoryDocumentStorage({ logger: () => {} });
    await storage.appendUpdates('plans/old', [v2State]);
    const before = planToJSON(docOf(v2State));

    const first = await migrateStoredDocument(storage, 'plans/old', v2State);
    expect(first.appended).toBe(1);
    expect(getSchemaVersion(docOf(first.state!))).toBe(3);
    expect(planToJSON(docOf(first.state!))).toEqual({ ...before, schemaVersion: 3 });
    const stored = (await storage.loadDocument('plans/old'))!;
    expect(getSchemaVersion(docOf(stored))).toBe(3);

    const again = await migrateStoredDocument(storage, 'plans/old', stored);
    expect(again).toEqual({ state: stored, appended: 0 });
    expect(await storage.countUpdates('plans/old')).toBe(2);
  });

  it('leaves documents that are not plans and missing documents alone', async () => {
    const storage = new MemoryDocumentStorage({ logger: () => {} });
    const other = new Y.Doc();
    other.getMap('plan').set('x', 'y');
    const state = Y.encodeStateAsUpdate(other);
    expect(await migrateStoredDocument(storage, 'plans/x', state)).toEqual({ state, appended: 0 });
    expect(await migrateStoredDocument(storage, 'plans/y', null)).toEqual({
      state: null,
      appended: 0,
    });
    expect(await storage.countUpdates('plans/x')).toBe(0);
  });
});
