/**
 * Live comments across app instances: two instances of the built app share one database and
 * Redis (`REDIS_URL`). A board connected to instance B (its event stream) learns of a comment
 * written through instance A at once, and sees it when it refetches from B.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedPlan, startApp, type AppProcess, type SeededPerson } from '../helpers/app-process.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { waitUntil } from '../helpers/wait.js';

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

/** Posts a comment on `plan` through instance A as `person`; returns the new thread's id. */
async function comment(plan: string, person: SeededPerson | undefined, body: string) {
  const created = await fetch(`${a.origin}/plans/${plan}/comments`, {
    method: 'POST',
    headers: { cookie: person?.cookie ?? '', origin: a.origin },
    body: new URLSearchParams({
      intent: 'create',
      anchor: JSON.stringify({ kind: 'element', part: 'overview', id: 'goals' }),
      body,
    }),
  });
  expect(created.status).toBe(201);
  return ((await created.json()) as { threadId: string }).threadId;
}

/**
 * Instance B subscribes to Redis on its own time after it started. Instead of a grace period,
 * comments on a second plan go through A until one reaches a stream on B (bounded).
 */
async function untilInstancesTalk(): Promise<void> {
  const warmPlan = `warm${randomBytes(6).toString('hex')}`;
  const warm = await seedPlan(collab.storage, warmPlan, { lead: 'facilitator' });
  const events = await fetch(`${b.origin}/plans/${warmPlan}/comments/events`, {
    headers: { cookie: warm.get('lead')?.cookie ?? '' },
  });
  const stream = events.body?.getReader();
  if (events.status !== 200 || !stream) throw new Error(`warm-up stream: ${events.status}`);
  await stream.read();
  let arrived = false;
  const listening = nextCommentEvent(stream).then(() => (arrived = true));
  listening.catch(() => undefined);
  await waitUntil(
    async () => {
      if (!arrived) await comment(warmPlan, warm.get('lead'), 'Aufwärmen');
      return arrived;
    },
    { timeoutMs: 10_000, intervalMs: 100, what: "instance B's Redis subscription" },
  );
  await stream.cancel();
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
  await untilInstancesTalk();

  const started = performance.now();
  const arrived = nextCommentEvent(stream);
  const threadId = await comment(planId, writer, 'Über Instanz A');
  expect(await arrived).toEqual({ threadId, reason: 'created', actorId: writer?.userId });
  expect(performance.now() - started).toBeLessThan(2_000);

  const list = await fetch(`${b.origin}/plans/${planId}/comments`, {
    headers: { cookie: reader?.cookie ?? '' },
  });
  const { threads } = (await list.json()) as { threads: { id: string; unreadCount: number }[] };
  expect(threads).toEqual([expect.objectContaining({ id: threadId, unreadCount: 1 })]);
  await stream.cancel();
});
