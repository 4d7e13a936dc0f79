import { randomUUID } from 'node:crypto';
import { createMeasure, type ResultEvent } from '@prozesswerkstatt/storage';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Db } from '../db.js';
import { createPlan } from '../plans.js';
import { openTestStorage, testAccount } from '../test-database.js';
import type { SessionUser } from '../users.js';
import { ResultEventBus, resultsContext } from './result-events.js';
import { openResultStream } from './result-stream.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

let db: Db;
let close: () => Promise<void>;
let planId: string;
let editor: SessionUser;
const buses: ResultEventBus[] = [];
const aborts: AbortController[] = [];

beforeEach(async () => {
  let storage;
  ({ db, storage, close } = await openTestStorage());
  editor = await testAccount(db, 'Edda');
  planId = await createPlan(db, storage, editor, { title: 'Spielplatz', requestingUnit: '' });
});
afterEach(async () => {
  for (const abort of aborts.splice(0)) abort.abort();
  await Promise.all(buses.splice(0).map((bus) => bus.close()));
  await close();
});

/** Two app instances' results buses on the real Redis, plus one of another deployment. */
async function instances() {
  const channelPrefix = `pw-test-${randomUUID()}:`;
  const a = new ResultEventBus({ redisUrl: REDIS_URL, channelPrefix });
  const b = new ResultEventBus({ redisUrl: REDIS_URL, channelPrefix });
  const elsewhere = new ResultEventBus({
    redisUrl: REDIS_URL,
    channelPrefix: `${channelPrefix}x:`,
  });
  buses.push(a, b, elsewhere);
  await Promise.all([a.ready(), b.ready(), elsewhere.ready()]);
  return { a, b, elsewhere };
}

it('relays a measure written through one instance to the other through Redis, once', async () => {
  const { a, b, elsewhere } = await instances();
  const onA: ResultEvent[] = [];
  const onB: ResultEvent[] = [];
  const onElsewhere: ResultEvent[] = [];
  a.subscribe(planId, (e) => onA.push(e));
  b.subscribe(planId, (e) => onB.push(e));
  elsewhere.subscribe(planId, (e) => onElsewhere.push(e));

  const measure = await createMeasure(
    resultsContext(db, a),
    planId,
    { title: { de: 'Schattendach' } },
    editor.id,
  );
  const expected: ResultEvent = {
    planId,
    kind: 'measure',
    reason: 'created',
    ids: [measure.id],
    actorId: editor.id,
  };
  await expect.poll(() => onB).toEqual([expected]);
  // A saw its own write once, locally (not again through Redis); the other deployment nothing.
  expect(onA).toEqual([expected]);
  expect(onElsewhere).toEqual([]);
});

it('reaches an open results stream on the other instance', async () => {
  const { a, b } = await instances();
  const abort = new AbortController();
  aborts.push(abort);
  const reader = openResultStream({
    planId,
    signal: abort.signal,
    stillAllowed: async () => true,
    bus: b,
  }).getReader();
  const decoder = new TextDecoder();
  let text = '';
  const read = async (wanted: string) => {
    while (!text.includes(wanted)) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
    return text;
  };
  await read(': open');
  const measure = await createMeasure(
    resultsContext(db, a),
    planId,
    { title: { de: 'Bänke' } },
    editor.id,
  );
  expect(await read('event: result')).toContain(
    `data: ${JSON.stringify({
      kind: 'measure',
      reason: 'created',
      ids: [measure.id],
      actorId: editor.id,
    })}`,
  );
  expect(text).not.toContain('Bänke');
});
