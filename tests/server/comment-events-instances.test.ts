/**
 * Live comments across app instances: two instances of the built app share one database and
 * Redis (`REDIS_URL`). A board connected to instance B (its event stream) learns of a comment
 * written through instance A at once, and sees it when it refetches from B.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedPlan, startApp, type AppProcess, type SeededPerson } from '../helpers/app-process.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

const REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
let collab: TestServer;
let a: AppProcess;
let b: AppProcess;
let people: Map<string, SeededPerson>;
const planId = `plan${randomBytes(6).toString('hex')}`;

beforeAll(async () => {
  collab = await startTestServer();
  people = await seedPlan(collab.storage, planId, {
    writer: 'commenter',
    reader: 'viewer',
    lead: 'facilitator',
  });
  [a, b] = await Promise.all([
    startApp({ dataDir: collab.dataDir, collabUrl: collab.url, redisUrl: REDIS_URL }),
    startApp({ dataDir: collab.dataDir, collabUrl: collab.url, redisUrl: REDIS_URL }),
  ]);
}, 40_000);

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await collab?.dispose();
});

/** Reads an event stream until an event of type `comment` arrives; returns its data. */
async function nextCommentEvent(stream: ReadableStreamDefaultReader<Uint8Array>): Promise<unknown> {
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const chunk = await stream.read();
    if (chunk.done) throw new Error('stream ended');
    buffer += decoder.decode(chunk.value, { stream: true });
    const match = /event: comment\ndata: (.*)\n\n/.exec(buffer);
    if (match?.[1]) return JSON.parse(match[1]);
  }
}

it('passes a comment written through one instance to streams on the other', async () => {
  const reader = people.get('reader');
  const writer = people.get('writer');
  const events = await fetch(`${b.origin}/plans/${planId}/comments/events`, {
    headers: { cookie: reader?.cookie ?? '' },
  });
  expect(events.status).toBe(200);
  const stream = events.body?.getReader();
  if (!stream) throw new Error('no stream');
  await stream.read(); // the opening `retry` line: subscribed
  // Redis SUBSCRIBE of instance B may still be on its way right after start; a short grace.
  await new Promise((resolve) => setTimeout(resolve, 300));

  const started = performance.now();
  const arrived = nextCommentEvent(stream);
  const created = await fetch(`${a.origin}/plans/${planId}/comments`, {
    method: 'POST',
    headers: { cookie: writer?.cookie ?? '', origin: a.origin },
    body: new URLSearchParams({
      intent: 'create',
      anchor: JSON.stringify({ kind: 'element', part: 'overview', id: 'goals' }),
      body: 'Über Instanz A',
    }),
  });
  expect(created.status).toBe(201);
  const { threadId } = (await created.json()) as { threadId: string };
  expect(await arrived).toEqual({ threadId, reason: 'created', actorId: writer?.userId });
  expect(performance.now() - started).toBeLessThan(2_000);

  const list = await fetch(`${b.origin}/plans/${planId}/comments`, {
    headers: { cookie: reader?.cookie ?? '' },
  });
  const { threads } = (await list.json()) as { threads: { id: string; unreadCount: number }[] };
  expect(threads).toEqual([expect.objectContaining({ id: threadId, unreadCount: 1 })]);
  await stream.cancel();
});
