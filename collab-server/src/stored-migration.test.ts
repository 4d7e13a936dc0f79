import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  getSchemaVersion,
  initPlan,
  planToJSON,
  readInlineContributions,
} from '@prozesswerkstatt/plan-model';
import {
  listContributions,
  listReplyHistory,
  MemoryDocumentStorage,
  SqliteDocumentStorage,
} from '@prozesswerkstatt/storage';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { migrateStoredDocument } from './stored-migration.js';

/** A plan stored by the schema-2 code: plain text fields as strings (plan-model's fixture). */
const v2State = Buffer.from(
  readFileSync(
    createRequire(import.meta.url).resolve(
      '@prozesswerkstatt/plan-model/testing/fixtures/v2-plan-doc.base64',
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
  it('moves the contributions into the tables, then stores the migration, once', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'pw-collab-migration-'));
    const storage = await SqliteDocumentStorage.open({ dataDir, logger: () => {} });
    try {
      await storage.db
        .insertInto('users')
        .values({ id: 'u', email: 'u@example.org', name: 'U', password_hash: 'h' })
        .execute();
      await storage.db
        .insertInto('plans')
        .values({ id: 'old', doc_name: 'plans/old', title: 'Old', facilitator_id: 'u' })
        .execute();
      await storage.appendUpdates('plans/old', [v2State]);
      const before = planToJSON(docOf(v2State));
      const inline = readInlineContributions(docOf(v2State));

      const first = await migrateStoredDocument(storage, 'plans/old', v2State);
      expect(first.appended).toBe(1);
      expect(getSchemaVersion(docOf(first.state!))).toBe(5);
      // The feedback texts stay in the plan; only the contributions left it.
      expect(planToJSON(docOf(first.state!))).toEqual({ ...before, schemaVersion: 5 });
      expect(readInlineContributions(docOf(first.state!))).toEqual([]);
      const stored = (await storage.loadDocument('plans/old'))!;
      expect(getSchemaVersion(docOf(stored))).toBe(5);

      const { items } = await listContributions(storage.db, 'old');
      expect(items.map((item) => [item.text, item.subjectId, item.sourceSystem]).sort()).toEqual(
        inline.map((c) => [c.text, c.subjectId, 'plan-document']).sort(),
      );
      for (const c of inline) {
        const item = items.find((i) => i.sourceRef === `${c.subjectId}/${c.id}`)!;
        const decision = {
          open: null,
          adopted: 'adopted',
          partly: 'partly_adopted',
          rejected: 'not_adopted',
        }[c.response];
        expect(item.reply?.decision ?? null).toBe(decision);
        expect(item.reply?.reason ?? '').toBe(c.reason);
        if (item.reply) expect(await listReplyHistory(storage.db, 'old', item.id)).toHaveLength(1);
      }

      const again = await migrateStoredDocument(storage, 'plans/old', stored);
      expect(again).toEqual({ state: stored, appended: 0 });
      // A load that failed after moving the rows moves nothing twice.
      await migrateStoredDocument(storage, 'plans/old', v2State);
      expect((await listContributions(storage.db, 'old')).total).toBe(inline.length);
    } finally {
      await storage.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('keeps a document old rather than lose contributions that have nowhere to go', async () => {
    const storage = new MemoryDocumentStorage({ logger: () => {} });
    await storage.appendUpdates('plans/old', [v2State]);
    const warnings: string[] = [];
    const result = await migrateStoredDocument(storage, 'plans/old', v2State, (w) =>
      warnings.push(w),
    );
    expect(result).toEqual({ state: v2State, appended: 0 });
    expect(warnings).toHaveLength(1);
    expect(await storage.countUpdates('plans/old')).toBe(1);

    // A plan without contributions migrates on any storage.
    const doc = new Y.Doc();
    initPlan(doc, { title: 'Ohne Beiträge' });
    // As the schema-2 code stored it (plan-model exports no way to write an old version).
    doc.getMap('meta').set('schemaVersion', 2);
    const bare = Y.encodeStateAsUpdate(doc);
    const migrated = await migrateStoredDocument(storage, 'plans/bare', bare);
    expect(migrated.appended).toBe(1);
    expect(getSchemaVersion(docOf(migrated.state!))).toBe(5);
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
