/**
 * One person's concurrent comment event streams are capped in the built app: beyond the cap the
 * stream endpoint answers 429, and a closed stream frees its slot.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedPlan, startApp, type AppProcess, type SeededPerson } from '../helpers/app-process.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { waitUntil } from '../helpers/wait.js';

/** `COMMENT_STREAMS_PER_USER` in app/src/lib/server/stream-quota.ts. */
const CAP = 10;

let collab: TestServer;
let app: AppProcess;
let people: Map<string, SeededPerson>;
const planId = `plan${randomBytes(6).toString('hex')}`;

beforeAll(async () => {
  collab = await startTestServer();
  people = await seedPlan(collab.storage, planId, {
    greedy: 'viewer',
    other: 'viewer',
    lead: 'facilitator',
  });
  app = await startApp({ dataDir: collab.dataDir, collabUrl: collab.url });
}, 40_000);

afterAll(async () => {
  await app?.stop();
  await collab?.dispose();
});

/** Opens the plan's event stream as `label`; the controller ends it. */
async function openStream(label: string): Promise<{ status: number; close: () => void }> {
  const controller = new AbortController();
  const response = await fetch(`${app.origin}/plans/${planId}/comments/events`, {
    headers: { cookie: people.get(label)?.cookie ?? '' },
    signal: controller.signal,
  });
  if (response.status === 200) await response.body?.getReader().read(); // the opening line
  return { status: response.status, close: () => controller.abort() };
}

it('refuses a stream beyond the cap with 429 and frees the slot when one closes', async () => {
  const open = [];
  for (let i = 0; i < CAP; i++) open.push(await openStream('greedy'));
  expect(open.map((s) => s.status)).toEqual(Array(CAP).fill(200));

  const refused = await openStream('greedy');
  expect(refused.status).toBe(429);
  // The cap is per person: someone else still gets a stream.
  const other = await openStream('other');
  expect(other.status).toBe(200);

  open.pop()?.close();
  // The abort reaches the server a moment later: ask until the slot is free (bounded).
  let again = await openStream('greedy');
  await waitUntil(
    async () => again.status === 200 || (again = await openStream('greedy')).status === 200,
    { timeoutMs: 5_000, intervalMs: 20, what: 'the freed slot' },
  );
  expect(again.status).toBe(200);
  for (const stream of [...open, again, other]) stream.close();
}, 30_000);
