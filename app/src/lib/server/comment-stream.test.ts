import type { SqlDocumentStorage } from '@prozesswerkstatt/storage';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { CommentEventBus } from './comment-events.js';
import { openCommentStream } from './comment-stream.js';
import type { Db } from './db.js';
import { removeMember } from './members.js';
import { checkMember } from './membership.js';
import { createPlan } from './plans.js';
import { describeEachDialect, testAccount } from './test-database.js';
import type { SessionUser } from './users.js';

const HEARTBEAT_MS = 30;

await describeEachDialect('comment event stream', (openTestStorage) => {
  let db: Db;
  let storage: SqlDocumentStorage;
  let close: () => Promise<void>;
  let bus: CommentEventBus;
  let planId: string;
  let viewer: SessionUser;
  const aborts: AbortController[] = [];
  beforeEach(async () => {
    ({ db, storage, close } = await openTestStorage());
    bus = new CommentEventBus();
    const fac = await testAccount(db, 'Fatima');
    viewer = await testAccount(db, 'Vera');
    planId = await createPlan(db, storage, fac, { title: 'Spielplatz', requestingUnit: '' });
    await db
      .insertInto('plan_members')
      .values({ plan_id: planId, user_id: viewer.id, role: 'viewer' })
      .execute();
  });
  afterEach(async () => {
    for (const abort of aborts.splice(0)) abort.abort();
    await bus.close();
    await close();
  });

  /** The stream as the route opens it for `viewer`, read as text. */
  function open() {
    const abort = new AbortController();
    aborts.push(abort);
    const stream = openCommentStream({
      planId,
      signal: abort.signal,
      stillAllowed: async () => (await checkMember(db, viewer, planId, 'comments.read')).ok,
      heartbeatMs: HEARTBEAT_MS,
      bus,
    });
    const reader = stream.getReader();
    const decoder = new TextDecoder();
    let text = '';
    const done = (async () => {
      for (;;) {
        const chunk = await reader.read();
        if (chunk.done) return;
        text += decoder.decode(chunk.value, { stream: true });
      }
    })();
    return { done, text: () => text };
  }

  const waitFor = async (check: () => boolean) => {
    const deadline = Date.now() + 5000;
    while (!check()) {
      if (Date.now() > deadline) throw new Error('timed out');
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  };

  it('sends events and heartbeats while the user is a member', async () => {
    const stream = open();
    bus.publish({ planId, threadId: 't1', reason: 'created', actorId: 'x' });
    await waitFor(() => stream.text().includes(': ping'));
    expect(stream.text()).toContain(
      'event: comment\ndata: {"threadId":"t1","reason":"created","actorId":"x"}\n\n',
    );
  });

  it('ends within a heartbeat once the user is no longer a member', async () => {
    const stream = open();
    await waitFor(() => stream.text().includes(': ping'));
    expect(await removeMember(db, planId, viewer.id)).toBe('removed');
    const removedAt = Date.now();
    await stream.done;
    // One interval plus the check itself; generous for a loaded machine.
    expect(Date.now() - removedAt).toBeLessThan(HEARTBEAT_MS * 20);
  });
});
