import { createContribution } from '@prozesswerkstatt/storage';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Db } from '../db.js';
import { createPlan } from '../plans.js';
import { openTestStorage, testAccount } from '../test-database.js';
import type { SessionUser } from '../users.js';
import { ResultEventBus, resultsContext } from './result-events.js';
import { openResultStream } from './result-stream.js';

let db: Db;
let close: () => Promise<void>;
let planId: string;
let editor: SessionUser;
const aborts: AbortController[] = [];

beforeEach(async () => {
  let storage;
  ({ db, storage, close } = await openTestStorage());
  editor = await testAccount(db, 'Edda');
  planId = await createPlan(db, storage, editor, { title: 'Spielplatz', requestingUnit: '' });
});
afterEach(async () => {
  for (const abort of aborts.splice(0)) abort.abort();
  await close();
});

async function readUntil(reader: ReadableStreamDefaultReader<Uint8Array>, wanted: string) {
  const decoder = new TextDecoder();
  let text = '';
  while (!text.includes(wanted)) {
    const { value, done } = await reader.read();
    if (done) break;
    text += decoder.decode(value);
  }
  return text;
}

it('streams an entered contribution to open inboxes, without its content', async () => {
  const bus = new ResultEventBus();
  const abort = new AbortController();
  aborts.push(abort);
  let allowed = true;
  const reader = openResultStream({
    planId,
    signal: abort.signal,
    stillAllowed: async () => allowed,
    heartbeatMs: 30,
    bus,
  }).getReader();
  expect(await readUntil(reader, ': open')).toContain('retry: 3000');

  const created = await createContribution(
    resultsContext(db, bus),
    planId,
    {
      channel: 'letter',
      sourceSystem: 'manual',
      receivedAt: '2026-12-01',
      authorKind: 'person',
      authorName: 'Erika Muster',
      text: 'Bitte mehr Schatten.',
    },
    editor.id,
  );
  const text = await readUntil(reader, 'event: result');
  expect(text).toContain(
    `data: ${JSON.stringify({
      kind: 'contribution',
      reason: 'created',
      ids: [created.id],
      actorId: editor.id,
    })}`,
  );
  expect(text).not.toContain('Erika');
  expect(text).not.toContain('Schatten');

  // Someone who may not read the plan any more loses the stream at the next heartbeat.
  allowed = false;
  await readUntil(reader, '\u0000never');
  expect((await reader.read()).done).toBe(true);
});
