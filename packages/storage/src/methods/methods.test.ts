import type { Method, MethodContent } from '@prozesswerkstatt/method-library';
import { validSeedMethods } from '@prozesswerkstatt/method-library/seed';
import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Database } from '../schema/database.js';
import { describePostgres } from '../testing/postgres-test-database.js';
import {
  openPostgresSchemaDatabase,
  openSqliteSchemaDatabase,
  withSchemaDatabase,
  type SchemaTestContext,
} from '../testing/schema-test-database.js';
import {
  MethodConflictError,
  MethodInputError,
  MethodNotFoundError,
  createMethod,
  getMethod,
  listMethodRevisions,
  listMethods,
  methodIdFromName,
  seedMethods,
  updateMethod,
} from './index.js';

const SEEDS = validSeedMethods();

function contentOf(method: Method): MethodContent {
  const { id: _id, ...content } = method;
  return content;
}

async function addUser(db: Kysely<Database>, id: string, name: string): Promise<void> {
  await db
    .insertInto('users')
    .values({
      id,
      email: `${id}@example.org`,
      name,
      password_hash: 'x',
      is_admin: 0,
      is_facilitator: 1,
    })
    .execute();
}

function methodTests(setup: () => Promise<SchemaTestContext>): void {
  const run = (body: (db: Kysely<Database>) => Promise<void>) => withSchemaDatabase(setup, body);

  it('seeds every method once, and a second seeding writes nothing', async () => {
    await run(async (db) => {
      const first = await seedMethods({ db }, SEEDS);
      expect(first.added).toHaveLength(SEEDS.length);
      const second = await seedMethods({ db }, SEEDS);
      expect(second).toEqual({ added: [], updated: [], keptEdited: [] });
      const methods = await listMethods(db);
      expect(methods).toHaveLength(SEEDS.length);
      const cafe = methods.find((m) => m.id === 'world-cafe');
      expect(cafe).toMatchObject({ origin: 'seed', edited: false, rowVersion: 1, updatedBy: null });
      expect(cafe?.content).toEqual(contentOf(SEEDS.find((m) => m.id === 'world-cafe')!));
      const history = await listMethodRevisions(db, 'world-cafe');
      expect(history.map((r) => [r.revision, r.kind, r.author])).toEqual([[1, 'created', null]]);
    });
  });

  it('adds new seed methods and updates unedited ones, but never overwrites an edit', async () => {
    await run(async (db) => {
      await addUser(db, 'u1', 'Fatma Facilitatorin');
      const [first, second, ...rest] = SEEDS as [Method, Method, ...Method[]];
      await seedMethods({ db }, rest);

      // A facilitator edits one seed method.
      const edited = rest[0]!;
      const mine = { ...contentOf(edited), limits: { de: 'Eigene Grenzen.', en: 'Own limits.' } };
      await updateMethod({ db }, 'u1', edited.id, 1, mine);

      // A newer seed: two new methods, a changed text for the edited and an unedited method.
      const unedited = rest[1]!;
      const newer = [
        first,
        second,
        { ...edited, purpose: { de: 'Neuer Zweck.', en: 'New purpose.' } },
        { ...unedited, purpose: { de: 'Neuer Zweck.', en: 'New purpose.' } },
        ...rest.slice(2),
      ];
      const result = await seedMethods({ db }, newer);
      expect(result.added.sort()).toEqual([first.id, second.id].sort());
      expect(result.updated).toEqual([unedited.id]);
      expect(result.keptEdited).toEqual([edited.id]);

      expect((await getMethod(db, edited.id))?.content).toEqual(mine);
      const updated = await getMethod(db, unedited.id);
      expect(updated?.content.purpose.en).toBe('New purpose.');
      expect(updated?.edited).toBe(false);
      const history = await listMethodRevisions(db, unedited.id);
      expect(history[0]).toMatchObject({
        revision: 2,
        kind: 'seed-update',
        changedFields: ['purpose'],
        author: null,
      });

      // Re-running the same seed is a no-op again.
      expect(await seedMethods({ db }, newer)).toEqual({
        added: [],
        updated: [],
        keptEdited: [edited.id],
      });
    });
  });

  it('records who changed which fields when, and refuses a stale edit', async () => {
    await run(async (db) => {
      await addUser(db, 'u1', 'Fatma Facilitatorin');
      await addUser(db, 'u2', 'Jonas Moderator');
      await seedMethods({ db }, SEEDS);
      const cafe = contentOf(SEEDS.find((m) => m.id === 'world-cafe')!);
      const times = ['2026-03-01T10:00:00.000Z', '2026-03-02T11:00:00.000Z'];
      const first = await updateMethod({ db, now: () => times[0]! }, 'u1', 'world-cafe', 1, {
        ...cafe,
        mode: 'hybrid',
        groupSize: { min: 10, max: 120 },
      });
      expect(first.changedFields).toEqual(['mode', 'groupSize']);
      expect(first.method).toMatchObject({
        rowVersion: 2,
        edited: true,
        updatedBy: { id: 'u1', name: 'Fatma Facilitatorin' },
        updatedAt: times[0],
      });

      await expect(
        updateMethod({ db }, 'u2', 'world-cafe', 1, { ...cafe, mode: 'online' }),
      ).rejects.toBeInstanceOf(MethodConflictError);

      await updateMethod({ db, now: () => times[1]! }, 'u2', 'world-cafe', 2, {
        ...first.method.content,
        strengths: { de: 'Neu.', en: 'New.' },
      });
      const history = await listMethodRevisions(db, 'world-cafe');
      expect(
        history.map((r) => [r.revision, r.kind, r.author?.name ?? null, r.changedFields]),
      ).toEqual([
        [3, 'edited', 'Jonas Moderator', ['strengths']],
        [2, 'edited', 'Fatma Facilitatorin', ['mode', 'groupSize']],
        [1, 'created', null, []],
      ]);
      expect(history[1]?.createdAt).toBe(times[0]);
      expect(history[2]?.content.mode).toBe('offline');

      // Saving the same content again records nothing.
      const same = await updateMethod({ db }, 'u2', 'world-cafe', 3, history[0]!.content);
      expect(same.changedFields).toEqual([]);
      expect(await listMethodRevisions(db, 'world-cafe')).toHaveLength(3);
    });
  });

  it('creates network methods with readable unique ids and validates input', async () => {
    await run(async (db) => {
      await addUser(db, 'u1', 'Fatma Facilitatorin');
      const base = contentOf(SEEDS[0]!);
      const content = { ...base, name: { de: 'Walk & Talk für Ältere', en: 'Walk and talk' } };
      const one = await createMethod({ db }, 'u1', content);
      const two = await createMethod({ db }, 'u1', content);
      expect([one.id, two.id]).toEqual(['walk-talk-fuer-aeltere', 'walk-talk-fuer-aeltere-2']);
      expect(one).toMatchObject({ origin: 'network', edited: true });
      expect((await listMethodRevisions(db, one.id))[0]).toMatchObject({
        kind: 'created',
        author: { name: 'Fatma Facilitatorin' },
      });

      const reserved = await createMethod({ db }, 'u1', {
        ...base,
        name: { de: 'New', en: 'New' },
      });
      expect(reserved.id).toBe('new-2');

      const invalid = createMethod({ db }, 'u1', { ...base, purpose: { de: 'x', en: '' } });
      await expect(invalid).rejects.toBeInstanceOf(MethodInputError);
      await expect(invalid).rejects.toMatchObject({
        issues: [{ path: 'purpose.en', code: 'required' }],
      });
      await expect(updateMethod({ db }, 'u1', 'nope', 1, base)).rejects.toBeInstanceOf(
        MethodNotFoundError,
      );
      expect(await listMethods(db)).toHaveLength(3);
    });
  });

  it('keeps the history when the author account is deleted', async () => {
    await run(async (db) => {
      await addUser(db, 'u1', 'Fatma Facilitatorin');
      const created = await createMethod({ db }, 'u1', contentOf(SEEDS[0]!));
      await db.deleteFrom('users').where('id', '=', 'u1').execute();
      expect((await getMethod(db, created.id))?.updatedBy).toBeNull();
      expect((await listMethodRevisions(db, created.id))[0]?.author).toBeNull();
    });
  });
}

describe('methodIdFromName', () => {
  it('spells umlauts out and keeps ids short', () => {
    expect(methodIdFromName('Bürgerrat Straße')).toBe('buergerrat-strasse');
    expect(methodIdFromName('!!!')).toBe('methode');
    expect(methodIdFromName('x'.repeat(100))).toHaveLength(48);
  });
});

describe('method library (sqlite)', () => methodTests(() => openSqliteSchemaDatabase()));
await describePostgres('method library (postgres)', () =>
  methodTests(() => openPostgresSchemaDatabase('methods_test')),
);
