import { planDocumentName } from '@prozesswerkstatt/contract';
import { randomBytes, randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Kysely } from 'kysely';
import type { DocumentStorage } from '../document-storage.js';
import type { Database } from '../schema/database.js';

export {
  TEST_DATABASE_URL,
  describePostgres,
  dropPostgresSchema,
  probePostgres,
  uniquePostgresSchema,
} from './postgres-test-database.js';
export {
  openPostgresSchemaDatabase,
  openSqliteSchemaDatabase,
  type SchemaTestContext,
  type SqlTestDatabase,
} from './schema-test-database.js';

/** What an adapter's test file hands to `runStorageTests` for every test. */
export interface StorageTestContext {
  /** A freshly opened, empty storage. */
  readonly storage: DocumentStorage;
  /** Closes whatever is still open and deletes the test's data (temp dir, schema). */
  readonly teardown: () => Promise<void>;
  /**
   * For persistent adapters: opens a new storage on the same data. The suite closes the previous
   * one first and closes the reopened one itself. Leave unset for the in-memory adapter.
   */
  readonly reopen?: () => Promise<DocumentStorage>;
  /**
   * The document's raw log entries in the order a load reads them (id order), for adapters that
   * store a log someone could read without the adapter.
   */
  readonly readLog?: (name: string) => Promise<Uint8Array[]>;
  /**
   * A compaction's merge lets the caller's appends through before it writes (a merge thread, or a
   * database round trip), so the suite can check that edits stream in meanwhile.
   */
  readonly mergesOffTheLoop?: boolean;
}

/** `StorageTestContext.readLog` of a SQL adapter: its `document_updates` rows in id order. */
export function sqlLogReader(db: Kysely<Database>): (name: string) => Promise<Uint8Array[]> {
  return async (name) => {
    const rows = await db
      .selectFrom('document_updates')
      .select('data')
      .where('doc_name', '=', name)
      .orderBy('id')
      .execute();
    return rows.map((row) => row.data);
  };
}

/** Creates one test's storage. */
export type StorageTestSetup = () => Promise<StorageTestContext>;

/**
 * The behaviour every `DocumentStorage` adapter must show, as a vitest suite. An adapter's test
 * file calls this once with a `setup` that opens a fresh, empty storage.
 */
export function runStorageTests(name: string, setup: StorageTestSetup): void {
  describe(`DocumentStorage acceptance: ${name}`, () => {
    let context: StorageTestContext;
    let storage: DocumentStorage;
    const reopened: DocumentStorage[] = [];

    beforeEach(async () => {
      context = await setup();
      storage = context.storage;
    });

    afterEach(async () => {
      for (const other of reopened.splice(0)) await other.close();
      await context.teardown();
    });

    it('loads an unknown document as null and counts it as empty', async () => {
      expect(await storage.loadDocument(docName())).toBeNull();
      expect(await storage.countUpdates(docName())).toBe(0);
      expect(await storage.compact(docName())).toEqual({ mergedEntries: 0, bytes: 0 });
    });

    it('round-trips real Yjs updates: the loaded state equals the document', async () => {
      const name = docName();
      const editor = new Editor();
      editor.edit(1);
      for (const update of editor.take()) await storage.appendUpdates(name, [update]);
      editor.edit(2);
      const batch = editor.take();
      await storage.appendUpdates(name, batch);

      expectSameState(restore(await storage.loadDocument(name)), editor.doc);
      expect(await storage.countUpdates(name)).toBe(editor.total);
    });

    it('stores many updates of one call together', async () => {
      const name = docName();
      const editor = new Editor();
      for (let round = 0; round < 250; round++) editor.edit(round);
      const updates = editor.take();
      expect(updates.length).toBeGreaterThan(1000);
      await storage.appendUpdates(name, updates);

      expect(await storage.countUpdates(name)).toBe(updates.length);
      expectSameState(restore(await storage.loadDocument(name)), editor.doc);
    });

    it('stores none of the updates of a call that fails part-way', async () => {
      const name = docName();
      const editor = new Editor();
      for (let round = 0; round < 250; round++) editor.edit(round);
      const updates = editor.take();
      // A value no adapter can store, late in the batch (past the first INSERT of the SQL ones).
      updates.splice(900, 0, null as unknown as Uint8Array);

      await expect(storage.appendUpdates(name, updates)).rejects.toThrow();
      expect(await storage.countUpdates(name)).toBe(0);
      expect(await storage.loadDocument(name)).toBeNull();
    });

    it('keeps documents apart by name', async () => {
      const [first, second] = [docName(), docName()];
      const firstEditor = new Editor();
      const secondEditor = new Editor();
      firstEditor.edit(1);
      secondEditor.edit(2);
      secondEditor.edit(3);
      await storage.appendUpdates(first, firstEditor.take());
      await storage.appendUpdates(second, secondEditor.take());
      await storage.appendUpdates(`${first}/child`, new Editor().edit(4).take());

      await storage.compact(second);
      expectSameState(restore(await storage.loadDocument(first)), firstEditor.doc);
      expectSameState(restore(await storage.loadDocument(second)), secondEditor.doc);
      expect(await storage.countUpdates(first)).toBe(firstEditor.total);
      expect(await storage.countUpdates(second)).toBe(1);
    });

    it('compacts the log into one entry with an identical state', async () => {
      const name = docName();
      const editor = new Editor();
      for (let round = 0; round < 10; round++) {
        editor.edit(round);
        await storage.appendUpdates(name, editor.take());
      }
      const before = await storage.loadDocument(name);

      const result = await storage.compact(name);
      expect(result.mergedEntries).toBe(editor.total);
      expect(result.bytes).toBeGreaterThan(0);
      expect(await storage.countUpdates(name)).toBe(1);
      const after = restore(await storage.loadDocument(name));
      expectSameState(after, editor.doc);
      expectSameState(after, restore(before));

      // Compacting a compacted log changes nothing.
      expect(await storage.compact(name)).toEqual({ mergedEntries: 0, bytes: 0 });
      editor.edit(99);
      await storage.appendUpdates(name, editor.take());
      await storage.compact(name);
      expectSameState(restore(await storage.loadDocument(name)), editor.doc);
    });

    it('tells when each document last changed, and a compaction keeps that time', async () => {
      const [first, second, never] = [docName(), docName(), docName()];
      const editor = new Editor();
      expect(await storage.lastUpdatedAt([])).toEqual(new Map());
      await storage.appendUpdates(first, editor.edit(1).take());
      const early = (await storage.lastUpdatedAt([first])).get(first);
      expect(early).toBeDefined();
      // Timestamps are stored to the millisecond: the next append must be visibly later.
      await new Promise((resolve) => setTimeout(resolve, 20));
      await storage.appendUpdates(first, editor.edit(2).take());
      await storage.appendUpdates(second, new Editor().edit(3).take());

      const last = await storage.lastUpdatedAt([first, second, never, first]);
      expect([...last.keys()].sort()).toEqual([first, second].sort());
      const latest = last.get(first)!;
      expect(Date.parse(latest)).toBeGreaterThan(Date.parse(early!));
      expect(new Date(latest).toISOString()).toBe(latest);

      expect((await storage.compact(first)).mergedEntries).toBe(editor.total);
      expect((await storage.lastUpdatedAt([first])).get(first)).toBe(latest);
    });

    it('keeps updates appended while a compaction runs', async () => {
      const name = docName();
      const editor = new Editor();
      for (let round = 0; round < 30; round++) editor.edit(round);
      await storage.appendUpdates(name, editor.take());

      for (let round = 0; round < 8; round++) {
        const compaction = storage.compact(name);
        const appends: Promise<void>[] = [];
        for (let i = 0; i < 3; i++) {
          editor.edit(round * 10 + i);
          appends.push(storage.appendUpdates(name, editor.take()));
        }
        await Promise.all([compaction, ...appends]);
      }

      expectSameState(restore(await storage.loadDocument(name)), editor.doc);
      await storage.compact(name);
      expect(await storage.countUpdates(name)).toBe(1);
      expectSameState(restore(await storage.loadDocument(name)), editor.doc);
    });

    it('keeps the log in causal order when edits stream in while a compaction runs', async () => {
      const name = docName();
      const editor = new Editor();
      for (let round = 0; round < 40; round++) {
        editor.edit(round);
        await storage.appendUpdates(name, editor.take());
      }
      let merging = true;
      const compaction = storage.compact(name).finally(() => (merging = false));
      // Keystrokes keep arriving, each stored before the next, as the collab-server appends them.
      let appendedWhileMerging = 0;
      for (let round = 100; merging && round < 2100; round++) {
        editor.edit(round);
        await storage.appendUpdates(name, editor.take());
        if (merging) appendedWhileMerging++;
      }
      const { mergedEntries } = await compaction;
      for (let round = 3000; round < 3005; round++) {
        editor.edit(round);
        await storage.appendUpdates(name, editor.take());
      }

      expect(mergedEntries).toBeGreaterThan(1);
      expectSameState(restore(await storage.loadDocument(name)), editor.doc);
      const log = await context.readLog?.(name);
      if (!log) return;
      // Applied one by one in the stored order, no entry waits for a later one: the merged entry
      // comes before the edits appended while it was built.
      const replay = new Y.Doc();
      for (const entry of log) {
        Y.applyUpdate(replay, entry);
        expect(replay.store.pendingStructs).toBeNull();
        expect(replay.store.pendingDs).toBeNull();
      }
      expectSameState(replay, editor.doc);
      expect(log.length).toBe(editor.total - mergedEntries + 1);
      if (context.mergesOffTheLoop) expect(appendedWhileMerging).toBeGreaterThan(0);
    });

    it('serialises concurrent compactions of one document', async () => {
      const name = docName();
      const editor = new Editor();
      for (let round = 0; round < 20; round++) {
        editor.edit(round);
        await storage.appendUpdates(name, editor.take());
      }
      const results = await Promise.all([storage.compact(name), storage.compact(name)]);

      expect(results.reduce((sum, result) => sum + result.mergedEntries, 0)).toBe(editor.total);
      expect(await storage.countUpdates(name)).toBe(1);
      expectSameState(restore(await storage.loadDocument(name)), editor.doc);
    });

    it('round-trips a 1 MB update', async () => {
      const name = docName();
      const editor = new Editor();
      editor.doc.getText('notes').insert(0, randomBytes(512 * 1024).toString('hex'));
      const [large] = editor.take();
      expect(large?.byteLength).toBeGreaterThan(1024 * 1024);
      await storage.appendUpdates(name, [large ?? new Uint8Array()]);
      editor.edit(1);
      await storage.appendUpdates(name, editor.take());

      expectSameState(restore(await storage.loadDocument(name)), editor.doc);
      await storage.compact(name);
      expectSameState(restore(await storage.loadDocument(name)), editor.doc);
    });

    it('loads the readable rest of a log holding a corrupt entry, and keeps that entry', async () => {
      const name = docName();
      const first = new Editor().edit(1);
      const broken = new Editor().edit(2);
      const last = new Editor().edit(3);
      const [corrupt] = broken.take();
      await storage.appendUpdates(name, first.take());
      await storage.appendUpdates(name, [(corrupt ?? new Uint8Array(8)).slice(0, -2)]);
      await storage.appendUpdates(name, last.take());

      const expected = new Y.Doc();
      Y.applyUpdate(expected, Y.encodeStateAsUpdate(first.doc));
      Y.applyUpdate(expected, Y.encodeStateAsUpdate(last.doc));
      expectSameState(restore(await storage.loadDocument(name)), expected);

      const result = await storage.compact(name);
      expect(result.mergedEntries).toBe(first.total + last.total);
      // The merged entry plus the corrupt one, kept for recovery.
      expect(await storage.countUpdates(name)).toBe(2);
      expectSameState(restore(await storage.loadDocument(name)), expected);
    });

    it('keeps everything across close and reopen', async (test) => {
      if (context.reopen === undefined) {
        test.skip('not a persistent adapter');
        return;
      }
      const name = docName();
      const editor = new Editor();
      for (let round = 0; round < 5; round++) {
        editor.edit(round);
        await storage.appendUpdates(name, editor.take());
      }
      await storage.compact(name);
      const lastBatch = editor.edit(42).take();
      await storage.appendUpdates(name, lastBatch);
      await storage.close();

      const again = await context.reopen();
      reopened.push(again);
      expect(await again.countUpdates(name)).toBe(1 + lastBatch.length);
      expectSameState(restore(await again.loadDocument(name)), editor.doc);
    });

    it('rejects every call after close, and closing twice is harmless', async () => {
      const name = docName();
      await storage.appendUpdates(name, new Editor().edit(1).take());
      await storage.close();
      await storage.close();

      await expect(storage.loadDocument(name)).rejects.toThrow(/closed/);
      await expect(storage.appendUpdates(name, [new Uint8Array([0, 0])])).rejects.toThrow(/closed/);
      await expect(storage.compact(name)).rejects.toThrow(/closed/);
      await expect(storage.countUpdates(name)).rejects.toThrow(/closed/);
      await expect(storage.lastUpdatedAt([name])).rejects.toThrow(/closed/);
    });
  });
}

/** A unique document name per test, so adapters sharing a database never see each other's data. */
function docName(): string {
  return planDocumentName(randomUUID());
}

/** A Y.Doc whose updates are recorded for storing, edited through a few shared types. */
class Editor {
  readonly doc = new Y.Doc();
  total = 0;
  #pending: Uint8Array[] = [];

  constructor() {
    this.doc.on('update', (update: Uint8Array) => {
      this.#pending.push(update);
      this.total++;
    });
  }

  /** A handful of edits, each its own update: map entries, text insert and delete, array push. */
  edit(seed: number): this {
    const text = this.doc.getText('notes');
    this.doc.getMap('meta').set(`key-${seed}`, { seed, title: `Phase ${seed}` });
    text.insert(text.length, `Zeile ${seed} mit Umlauten: äöü ß\n`);
    if (text.length > 40) text.delete(seed % 20, 3);
    this.doc.getArray('phases').push([`phase-${seed}`]);
    this.doc.getMap('meta').delete(`key-${seed - 3}`);
    return this;
  }

  /** The updates recorded since the last call. */
  take(): Uint8Array[] {
    return this.#pending.splice(0);
  }
}

function restore(update: Uint8Array | null): Y.Doc {
  expect(update).not.toBeNull();
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update ?? new Uint8Array());
  return doc;
}

function expectSameState(actual: Y.Doc, expected: Y.Doc): void {
  expect(Y.encodeStateVector(actual)).toEqual(Y.encodeStateVector(expected));
  expect(actual.getText('notes').toString()).toBe(expected.getText('notes').toString());
  expect(actual.getMap('meta').toJSON()).toEqual(expected.getMap('meta').toJSON());
  expect(actual.getArray('phases').toJSON()).toEqual(expected.getArray('phases').toJSON());
  // Nothing left pending: every stored update could be integrated.
  expect(actual.store.pendingStructs).toBeNull();
  expect(actual.store.pendingDs).toBeNull();
}
